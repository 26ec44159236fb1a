import { DEFAULT_LANGS, startEngine, type OcrEngine, type OcrEngineName, type OcrResult } from './engine';
import { documentTypes } from './fields/document-types';
import { extractFields } from './fields/extract';
import type { DocumentTypeId, FieldProposal } from './fields/types';
import { prepareImage } from './prepare';

export interface OcrServiceOptions {
  /** Default `paddle`. */
  engine?: OcrEngineName;
  /** Tesseract's language folder or PaddleOCR's model folder; the engine's own default when absent. */
  modelPath?: string;
  /** Tesseract's languages for a page of no known type. */
  langs?: string;
  /** Tesseract workers per language set, or PaddleOCR threads. */
  workers?: number;
}

export interface ReadResult extends OcrResult {
  documentType?: DocumentTypeId;
  fields?: FieldProposal[];
}

/** What a blank or unreadable page answers: no fields, and words a person can act on. */
export const BLANK_PAGE_MESSAGE = 'no text found on the page: it is blank, upside down or too faint to read';

/**
 * The terminal's OCR: the configured engine, started on first use (or ahead of the first citizen
 * with `warm`) and kept until the terminal stops. Tesseract keeps one warm pool per language set
 * (a known paper is read with its own languages); PaddleOCR reads every paper with one model set.
 */
export class OcrService {
  private readonly engines = new Map<string, Promise<OcrEngine>>();
  readonly engineName: OcrEngineName;

  constructor(private readonly options: OcrServiceOptions = {}) {
    this.engineName = options.engine ?? 'paddle';
  }

  private engine(langs: string): Promise<OcrEngine> {
    const key = this.engineName === 'paddle' ? 'paddle' : langs;
    let engine = this.engines.get(key);
    if (!engine) {
      engine = startEngine(this.engineName, { modelPath: this.options.modelPath, workers: this.options.workers, langs });
      // A failed start is not cached: the models may be installed before the next try.
      engine.catch(() => this.engines.delete(key));
      this.engines.set(key, engine);
    }
    return engine;
  }

  private langsFor(type: DocumentTypeId | undefined, langs: string | undefined): string {
    return langs ?? (type ? documentTypes[type].langs : (this.options.langs ?? DEFAULT_LANGS));
  }

  async warm(types: (DocumentTypeId | undefined)[] = [undefined, ...(Object.keys(documentTypes) as DocumentTypeId[])]): Promise<void> {
    await Promise.all([...new Set(types.map((t) => this.langsFor(t, undefined)))].map((l) => this.engine(l)));
  }

  async read(image: Buffer, options: { langs?: string; documentType?: DocumentTypeId; dpi?: number } = {}): Promise<ReadResult> {
    const type = options.documentType;
    const engine = await this.engine(this.langsFor(type, options.langs));
    const started = performance.now();
    const prepared = await prepareImage(image, { dpi: options.dpi });
    const reading = await engine.recognize(prepared);
    const blank = reading.text.trim().length === 0 || reading.lines.length === 0;
    const result: ReadResult = {
      engine: engine.name,
      // An empty reading is never a confident one.
      ...(blank ? { text: '', confidence: 0, lines: [] } : reading),
      blank,
      ...(blank ? { message: BLANK_PAGE_MESSAGE } : {}),
      image: { format: prepared.sourceFormat, width: prepared.width, height: prepared.height, dpi: prepared.dpi },
      langs: engine.langs,
      seconds: Math.round(performance.now() - started) / 1000,
    };
    if (!type) return result;
    return { ...result, documentType: type, fields: blank ? [] : extractFields(type, result.lines) };
  }

  async close(): Promise<void> {
    const engines = await Promise.allSettled(this.engines.values());
    this.engines.clear();
    await Promise.all(engines.map((e) => (e.status === 'fulfilled' ? e.value.close() : undefined)));
  }
}
