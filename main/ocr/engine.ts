import os from 'node:os';
import type { ImageFormat, PreparedImage } from './prepare';

/** Debian's tesseract-ocr-chi-sim and -eng packages put their models here. */
export const DEFAULT_LANG_PATH = '/usr/share/tesseract-ocr/5/tessdata';
export const DEFAULT_LANGS = 'chi_sim+eng';

/** The engines behind `ocr.engine` and `tongban ocr --engine`. */
export const OCR_ENGINES = ['paddle', 'tesseract'] as const;
export type OcrEngineName = (typeof OCR_ENGINES)[number];

export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrWord {
  text: string;
  confidence: number;
  /** In the pixels of the prepared image (`OcrResult.image`). */
  bbox: OcrBox;
}

export interface OcrLine extends OcrWord {
  /** Tesseract reads words; PaddleOCR reads whole lines and gives none. */
  words: OcrWord[];
}

/** What an engine read from one prepared image. */
export interface EngineReading {
  text: string;
  /** 0–100. */
  confidence: number;
  lines: OcrLine[];
}

export interface OcrResult extends EngineReading {
  engine: OcrEngineName;
  /** Nothing legible on the page: no text, confidence 0, and `message` says so in plain words. */
  blank: boolean;
  message?: string;
  image: { format: ImageFormat; width: number; height: number; dpi: number };
  langs: string;
  seconds: number;
}

/**
 * One OCR engine, started once (models loaded, kept warm) and asked to read prepared images.
 * Both engines get the very same prepared image (`prepareImage`), so they can be compared.
 */
export interface OcrEngine {
  readonly name: OcrEngineName;
  /** What it reads: tesseract's language list, or PaddleOCR's model set. */
  readonly langs: string;
  recognize(image: PreparedImage): Promise<EngineReading>;
  close(): Promise<void>;
}

export interface OcrEngineOptions {
  /** Tesseract: folder with uncompressed `<lang>.traineddata`; PaddleOCR: folder with the det/rec models and keys. */
  modelPath?: string;
  /** Tesseract languages joined by `+`. */
  langs?: string;
  /** Tesseract workers kept warm, or PaddleOCR's ONNX Runtime threads. */
  workers?: number;
}

export class OcrSetupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OcrSetupError';
  }
}

/**
 * A chi_sim+eng worker holds roughly 250 MB; one per spare core, at least one, never more than
 * memory allows with room left for the terminal and its browser.
 */
export function defaultWorkerCount(): number {
  const byCores = Math.max(1, os.availableParallelism() - 1);
  const byMemory = Math.max(1, Math.floor((os.totalmem() / 2 ** 20 - 1024) / 400));
  return Math.min(byCores, byMemory, 4);
}

/** Engines load on first use: each pulls in a heavy runtime (WebAssembly Tesseract, ONNX Runtime). */
export async function startEngine(name: OcrEngineName, options: OcrEngineOptions = {}): Promise<OcrEngine> {
  switch (name) {
    case 'paddle': {
      const { ThreadedPaddleEngine } = await import('./engines/threaded-engine');
      return ThreadedPaddleEngine.start(options);
    }
    case 'tesseract': {
      const { TesseractEngine } = await import('./engines/tesseract-engine');
      return TesseractEngine.start(options);
    }
  }
}
