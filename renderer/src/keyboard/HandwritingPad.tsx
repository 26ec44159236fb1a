import { useEffect, useRef } from 'preact/hooks';
import { useT } from '../i18n/use-t';

export type PadStroke = [number, number][];

export interface HandwritingPadProps {
  /** Bumped by the keyboard when a character is picked or 重写 tapped: the pad is wiped. */
  clearCount: number;
  /** Every stroke so far, after each stroke ends, with the pad's size in the same pixels. */
  onStrokes: (strokes: PadStroke[], width: number, height: number) => void;
}

/** The stroke is drawn as the finger moves; only the points (not the picture) go to the recogniser. */
function draw(canvas: HTMLCanvasElement, strokes: PadStroke[]) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const ratio = window.devicePixelRatio || 1;
  const { width, height } = canvas.getBoundingClientRect();
  if (canvas.width !== Math.round(width * ratio)) {
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
  }
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.strokeStyle = '#c9d2e0';
  ctx.lineWidth = 1;
  ctx.setLineDash([8, 8]);
  ctx.beginPath();
  ctx.moveTo(width / 2, 0);
  ctx.lineTo(width / 2, height);
  ctx.moveTo(0, height / 2);
  ctx.lineTo(width, height / 2);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.strokeStyle = '#1a1a1a';
  ctx.lineWidth = Math.max(6, width / 48);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    ctx.beginPath();
    stroke.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    if (stroke.length === 1) ctx.lineTo(stroke[0]![0] + 0.1, stroke[0]![1]);
    ctx.stroke();
  }
}

export function HandwritingPad({ clearCount, onStrokes }: HandwritingPadProps) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<PadStroke[]>([]);
  const current = useRef<PadStroke | null>(null);

  useEffect(() => {
    strokes.current = [];
    if (canvas.current) draw(canvas.current, []);
  }, [clearCount]);

  const point = (event: PointerEvent): [number, number] => {
    const box = (event.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    return [Math.max(0, Math.min(box.width, event.clientX - box.left)), Math.max(0, Math.min(box.height, event.clientY - box.top))];
  };
  const down = (event: PointerEvent) => {
    (event.currentTarget as HTMLCanvasElement).setPointerCapture(event.pointerId);
    current.current = [point(event)];
    strokes.current = [...strokes.current, current.current];
    if (canvas.current) draw(canvas.current, strokes.current);
  };
  const move = (event: PointerEvent) => {
    if (!current.current) return;
    current.current.push(point(event));
    if (canvas.current) draw(canvas.current, strokes.current);
  };
  const up = () => {
    if (!current.current || !canvas.current) return;
    current.current = null;
    const { width, height } = canvas.current.getBoundingClientRect();
    onStrokes(strokes.current, Math.round(width), Math.round(height));
  };
  return (
    <canvas
      ref={canvas}
      class="handwriting-pad"
      data-testid="handwriting-pad"
      role="img"
      aria-label={t('keyboard.padLabel')}
      onPointerDown={down}
      onPointerMove={move}
      onPointerUp={up}
      onPointerCancel={up}
    />
  );
}
