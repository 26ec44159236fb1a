import { access } from 'node:fs/promises';
import path from 'node:path';
import { createScheduler, createWorker, OEM, PSM } from 'tesseract.js';
import type Tesseract from 'tesseract.js';
import { DEFAULT_LANG_PATH, DEFAULT_LANGS, defaultWorkerCount, OcrSetupError, type EngineReading, type OcrEngine, type OcrEngineOptions, type OcrLine } from '../engine';
import type { PreparedImage } from '../prepare';
import { normaliseOcrText } from '../text';
import { errorMessage } from '../../../common/errors';

/**
 * tesseract.js, the second engine: a pool of workers behind its scheduler, created once and kept
 * warm between citizens (loading chi_sim takes seconds, recognising a page about as long).
 */
export class TesseractEngine implements OcrEngine {
  readonly name = 'tesseract';

  private constructor(
    private readonly scheduler: Tesseract.Scheduler,
    readonly langs: string,
    readonly workers: number,
  ) {}

  static async start(options: OcrEngineOptions = {}): Promise<TesseractEngine> {
    const langPath = path.resolve(options.modelPath ?? DEFAULT_LANG_PATH);
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
        throw new OcrSetupError(`no language data for ${code}: ${file} is missing (install tesseract-ocr-${code.replace('_', '-')} or set ocr.modelPath)`);
      }
    }
    const count = Math.max(1, options.workers ?? defaultWorkerCount());
    const scheduler = createScheduler();
    try {
      const workers = await Promise.all(
        Array.from({ length: count }, () => createWorker(codes, OEM.LSTM_ONLY, { langPath, gzip: false, cacheMethod: 'none' })),
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
    return new TesseractEngine(scheduler, langs, count);
  }

  async recognize(image: PreparedImage): Promise<EngineReading> {
    const { data } = await this.scheduler.addJob(
      'recognize',
      image.png,
      // Tesseract measures the skew of the text lines and straightens the page before reading it.
      { rotateAuto: true },
      { text: true, blocks: true },
    );
    return { text: normaliseOcrText(data.text), confidence: Math.round(data.confidence * 10) / 10, lines: collectLines(data) };
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
