import { useEffect, useRef, useState } from 'preact/hooks';
import type { DrawnSignature } from '../../../contract/terminal/cycle-api';
import { useT } from '../i18n/use-t';

type Point = [number, number, number];

const WIDTH = 600;
const HEIGHT = 200;

/**
 * The counter's touch screen (or a pen pad acting as a pointer) as a signature pad: strokes are
 * kept as points in the pad's pixels with their time from the first touch, and rendered to a
 * PNG; both are attached to the case on collection.
 */
export function SignaturePad({ onChange }: { onChange: (signature: DrawnSignature | null) => void }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Point[][]>([]);
  const started = useRef<number | null>(null);
  const drawing = useRef(false);
  const [count, setCount] = useState(0);

  const context = () => canvas.current?.getContext('2d') ?? null;

  useEffect(() => {
    const ctx = context();
    if (!ctx) return;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
  }, []);

  const point = (event: PointerEvent): Point => {
    const box = canvas.current!.getBoundingClientRect();
    const now = performance.now();
    started.current ??= now;
    const x = Math.round(((event.clientX - box.left) / box.width) * WIDTH);
    const y = Math.round(((event.clientY - box.top) / box.height) * HEIGHT);
    return [Math.max(0, Math.min(WIDTH, x)), Math.max(0, Math.min(HEIGHT, y)), Math.round(now - started.current)];
  };

  const publish = () => {
    setCount(strokes.current.length);
    if (strokes.current.length === 0) return onChange(null);
    const pngBase64 = canvas.current!.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
    onChange({ pngBase64, vector: { width: WIDTH, height: HEIGHT, strokes: strokes.current.map((s) => [...s]) } });
  };

  const down = (event: PointerEvent) => {
    event.preventDefault();
    canvas.current!.setPointerCapture(event.pointerId);
    drawing.current = true;
    const p = point(event);
    strokes.current.push([p]);
    const ctx = context()!;
    ctx.lineWidth = 3;
    ctx.lineCap = 'round';
    ctx.strokeStyle = '#10203a';
    ctx.beginPath();
    ctx.moveTo(p[0], p[1]);
  };

  const move = (event: PointerEvent) => {
    if (!drawing.current) return;
    const p = point(event);
    strokes.current.at(-1)!.push(p);
    const ctx = context()!;
    ctx.lineTo(p[0], p[1]);
    ctx.stroke();
  };

  const up = () => {
    if (!drawing.current) return;
    drawing.current = false;
    publish();
  };

  const clear = () => {
    strokes.current = [];
    started.current = null;
    const ctx = context()!;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
    publish();
  };

  return (
    <div class="signature-pad">
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={t('cycle.signaturePad')}
        data-testid="signature-pad"
        data-strokes={count}
        style={{ touchAction: 'none', border: '2px solid #10203a', maxWidth: '100%', background: '#fff' }}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
      />
      <button type="button" class="button secondary small" onClick={clear}>
        {t('cycle.signatureClear')}
      </button>
    </div>
  );
}
