import { access } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type Tesseract from 'tesseract.js';
import { prepareImage, type ImageFormat } from './prepare';
import { normaliseOcrText } from './text';
import { errorMessage } from '../../common/errors';

/** Debian's tesseract-ocr-chi-sim and -eng packages put their models here. */
export const DEFAULT_LANG_PATH = '/usr/share/tesseract-ocr/5/tessdata';
export const DEFAULT_LANGS = 'chi_sim+eng';

export interface OcrEngineOptions {
  /** Folder with uncompressed `<lang>.traineddata` files; nothing is ever fetched from a network. */
  langPath?: string;
  langs?: string;
  /** Workers kept warm; defaults to what the machine can run side by side. */
  workers?: number;
}

export interface OcrWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export interface OcrLine extends OcrWord {
  words: OcrWord[];
}

export interface OcrResult {
  text: string;
  /** Tesseract's mean word confidence, 0–100. */
  confidence: number;
  lines: OcrLine[];
  image: { format: ImageFormat; width: number; height: number; dpi: number };
  langs: string;
  seconds: number;
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

/**
 * A pool of tesseract.js workers behind its scheduler. Workers are created once and kept warm
 * between citizens: loading chi_sim takes seconds, recognising a page takes about as long.
 */
export class OcrEngine {
  private constructor(
    private readonly scheduler: Tesseract.Scheduler,
    readonly langs: string,
    readonly workers: number,
  ) {}

  static async start(options: OcrEngineOptions = {}): Promise<OcrEngine> {
    const langPath = path.resolve(options.langPath ?? DEFAULT_LANG_PATH);
    const langs = options.langs ?? DEFAULT_LANGS;
    const codes = langs.split('+').filter(Boolean);
    if (codes.length === 0 || codes.some((code) => !/^[a-z_]+$/.test(code))) {
      throw new OcrSetupError(`language list "${langs}" is not of the form chi_sim+eng`);
    }
    for (const code of codes) {
      const file = path.join(langPath, `${code}.traineddata`);
      try {
        await access(file);
      } catch {
        throw new OcrSetupError(`no language data for ${code}: ${file} is missing (install tesseract-ocr-${code.replace('_', '-')} or set the language path)`);
      }
    }
    const count = Math.max(1, options.workers ?? defaultWorkerCount());
    // tesseract.js loads when OCR starts, not with the terminal or the CLI.
    const { createScheduler, createWorker, OEM, PSM } = await import('tesseract.js');
    const scheduler = createScheduler();
    try {
      const workers = await Promise.all(
        Array.from({ length: count }, () =>
          createWorker(codes, OEM.LSTM_ONLY, { langPath, gzip: false, cacheMethod: 'none' }),
        ),
      );
      for (const worker of workers) {
        // Chinese has no spaces between words; without this Tesseract puts one between every character.
        await worker.setParameters({ preserve_interword_spaces: '1', tessedit_pageseg_mode: PSM.AUTO });
        scheduler.addWorker(worker);
      }
    } catch (error) {
      await scheduler.terminate();
      throw new OcrSetupError(`could not start OCR workers (${langs} from ${langPath}): ${errorMessage(error)}`);
    }
    return new OcrEngine(scheduler, langs, count);
  }

  async recognize(image: Buffer): Promise<OcrResult> {
    const started = performance.now();
    const prepared = await prepareImage(image);
    const { data } = await this.scheduler.addJob(
      'recognize',
      prepared.png,
      // Tesseract measures the skew of the text lines and straightens the page before reading it.
      { rotateAuto: true },
      { text: true, blocks: true },
    );
    return {
      text: normaliseOcrText(data.text),
      confidence: Math.round(data.confidence * 10) / 10,
      lines: collectLines(data),
      image: { format: prepared.sourceFormat, width: prepared.width, height: prepared.height, dpi: prepared.dpi },
      langs: this.langs,
      seconds: Math.round(performance.now() - started) / 1000,
    };
  }

  async close(): Promise<void> {
    await this.scheduler.terminate();
  }
}

function collectLines(page: Tesseract.Page): OcrLine[] {
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const text = normaliseOcrText(line.text);
        if (!text) continue;
        lines.push({
          text,
          confidence: Math.round(line.confidence * 10) / 10,
          bbox: line.bbox,
          words: line.words.map((word) => ({ text: word.text, confidence: Math.round(word.confidence * 10) / 10, bbox: word.bbox })),
        });
      }
    }
  }
  return lines;
}
