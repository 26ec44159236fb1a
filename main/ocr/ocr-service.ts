import { OcrEngine, DEFAULT_LANGS, type OcrResult } from './engine';
import { documentTypes } from './fields/document-types';
import { extractFields } from './fields/extract';
import type { DocumentTypeId, FieldProposal } from './fields/types';

export interface OcrServiceOptions {
  langPath?: string;
  /** Workers per language set. */
  workers?: number;
}

export interface ReadResult extends OcrResult {
  documentType?: DocumentTypeId;
  fields?: FieldProposal[];
}

/**
 * The terminal's OCR: one warm worker pool per language set, started on first use (or ahead of
 * the first citizen with `warm`) and kept until the terminal stops. A known paper is read with its
 * own languages and its labelled fields proposed; anything else with chi_sim+eng.
 */
export class OcrService {
  private readonly engines = new Map<string, Promise<OcrEngine>>();

  constructor(private readonly options: OcrServiceOptions = {}) {}

  private engine(langs: string): Promise<OcrEngine> {
    let engine = this.engines.get(langs);
    if (!engine) {
      engine = OcrEngine.start({ langPath: this.options.langPath, workers: this.options.workers, langs });
      // A failed start is not cached: the language data may be installed before the next try.
      engine.catch(() => this.engines.delete(langs));
      this.engines.set(langs, engine);
    }
    return engine;
  }

  async warm(langs: string[] = [DEFAULT_LANGS, ...new Set(Object.values(documentTypes).map((t) => t.langs))]): Promise<void> {
    await Promise.all(langs.map((l) => this.engine(l)));
  }

  async read(image: Buffer, options: { langs?: string; documentType?: DocumentTypeId } = {}): Promise<ReadResult> {
    const type = options.documentType;
    const langs = options.langs ?? (type ? documentTypes[type].langs : DEFAULT_LANGS);
    const result = await (await this.engine(langs)).recognize(image);
    if (!type) return result;
    return { ...result, documentType: type, fields: extractFields(type, result.lines) };
  }

  async close(): Promise<void> {
    const engines = await Promise.allSettled(this.engines.values());
    this.engines.clear();
    await Promise.all(engines.map((e) => (e.status === 'fulfilled' ? e.value.close() : undefined)));
  }
}
