import { randomUUID } from 'node:crypto';
import type { ScanOptions, Scanner } from '../../drivers/scanner';
import { ScannerError } from '../../drivers/scanner';
import type {
  CaptureDocumentType,
  CaptureFailure,
  CameraChoice,
  CaptureView,
  CapturedPage,
  PageReading,
  ScanOutcome,
} from '../../contract/terminal/capture-api';
import { CaptureDocumentType as DocumentTypes } from '../../contract/terminal/capture-api';
import type { MaterialReading } from '../../contract/platform/ocr-reading';
import type { ReadResult } from '../ocr';
import { sleep } from '../../common/wait';
import { straightenDocument } from './straighten';
import type { Logger } from '../logging/logger';
import type { CaseMaterialInput } from '../store/case-store';

/** What the capture service needs of OCR: the terminal's one warm `OcrService`. */
export interface PageReader {
  read(image: Buffer, options: { documentType?: CaptureDocumentType }): Promise<Pick<ReadResult, 'confidence' | 'fields' | 'engine' | 'blank' | 'image' | 'lines'>>;
  warm(): Promise<void>;
}

export interface CaptureServiceDeps {
  /** Undefined when the terminal has no scanner: every scan answers `no-scanner`. */
  scanner: Scanner | undefined;
  /** The document camera the page opens, when the terminal has one. */
  camera?: CameraChoice;
  reader: PageReader | undefined;
  session: () => { id: string } | undefined;
  /** A page read in the background is announced here (the `capture.read` event). */
  onRead?: (reading: PageReading) => void;
  log: Logger;
  /** Defaults: 300 dpi colour (OCR wants 300), JPEG, 45 s without a page. */
  scanOptions?: ScanOptions;
  maxPagesPerMaterial?: number;
  maxPages?: number;
  /** Longest side of the on-screen preview, in pixels. */
  previewSize?: number;
  /** JPEG quality of the page stored with the case. */
  quality?: number;
  /**
   * How long a submit waits for a page's reading still running (default 2 s): the citizen is
   * at the screen, and a page read in the background is usually done by the time they submit.
   */
  readingWaitMs?: number;
}

interface HeldPage {
  view: CapturedPage;
  data: Buffer;
  /**
   * The page as captured, before the archival JPEG: OCR reads this one while the page's own
   * reading runs (a camera page re-encoded at archival quality read 居住证F编号 and a wrong digit
   * where the straightened photo read right), and it is dropped once that reading ends.
   */
  captured?: Buffer | undefined;
  readings: Map<CaptureDocumentType | 'plain', Promise<PageReading>>;
}

const FAILURES: Record<ScannerError['code'], CaptureFailure> = {
  busy: 'busy',
  'cover-open': 'cover-open',
  'no-paper': 'no-paper',
  jammed: 'jammed',
  timeout: 'timeout',
  cancelled: 'cancelled',
  unreachable: 'unreachable',
  'invalid-request': 'device-error',
  'device-error': 'device-error',
};

/** A material whose paper is a document type the OCR knows is read as soon as it is scanned. */
function knownDocument(materialCode: string): CaptureDocumentType | undefined {
  const parsed = DocumentTypes.safeParse(materialCode);
  return parsed.success ? parsed.data : undefined;
}

const percent = (value: number) => Math.max(0, Math.min(100, value));

/** An OCR result as the screens see it: lines with boxes, fields with their source line and whether they need confirming. */
export function readingView(result: Pick<ReadResult, 'confidence' | 'fields' | 'engine' | 'blank' | 'image' | 'lines'>): Omit<PageReading, 'pageId' | 'documentType'> {
  return {
    engine: result.engine,
    blank: result.blank,
    image: { width: result.image.width, height: result.image.height },
    lines: result.lines.map((l) => ({ text: l.text, confidence: percent(l.confidence), box: l.bbox })),
    confidence: percent(result.confidence),
    fields: (result.fields ?? []).map((f) => ({ field: f.field, value: f.value, confidence: percent(f.confidence), label: f.source.label, confirm: f.confirm, line: f.source.line })),
  };
}

/** A page's reading as it travels with the case. */
function materialReading(reading: PageReading): MaterialReading {
  const { engine, blank, image, confidence, documentType, lines, fields } = reading;
  return { engine, blank, image, confidence, documentType, lines, fields };
}

export class CaptureError extends Error {
  constructor(
    readonly reason: 'no-session' | 'no-such-page' | 'no-reader',
    message: string,
  ) {
    super(message);
    this.name = 'CaptureError';
  }
}

/**
 * The pages a citizen scanned in this session, by material, held in memory only: compressed for
 * the case, with a small preview for the screen. They go into the case on submit and are
 * dropped when the session ends (`wipe`), whatever ends it; a scan still running then is
 * cancelled and its page never kept.
 */
export class CaptureService {
  #pages: HeldPage[] = [];
  #sessionId: string | undefined;
  #scan: AbortController | undefined;

  constructor(private readonly deps: CaptureServiceDeps) {}

  view(): CaptureView {
    this.#followSession();
    return { scanner: this.deps.scanner !== undefined, camera: this.deps.camera ?? null, pages: this.#pages.map((p) => p.view) };
  }

  /** A document-camera photo: the paper is found and flattened, then kept and read like a scan. */
  async photo(materialCode: string, dataUrl: string, replacePageId?: string): Promise<ScanOutcome> {
    const session = this.deps.session();
    if (!session) throw new CaptureError('no-session', 'no citizen session');
    this.#followSession();
    if (replacePageId !== undefined) this.#find(replacePageId);
    else if (this.#tooMany(materialCode)) return { ok: false, reason: 'too-many-pages' };
    this.deps.reader?.warm().catch((error: unknown) => this.deps.log.warn({ err: error }, 'OCR could not be warmed'));
    let held: HeldPage;
    try {
      const flat = await straightenDocument(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
      this.deps.log.info({ materialCode, paperFound: flat.corners !== undefined, width: flat.width, height: flat.height }, 'camera photo straightened');
      held = await this.#compress(materialCode, flat.image);
    } catch (error) {
      this.deps.log.warn({ materialCode, err: error }, 'camera photo unreadable');
      return { ok: false, reason: 'bad-photo' };
    }
    if (this.deps.session()?.id !== session.id) return { ok: false, reason: 'cancelled' };
    return this.#keep(held, replacePageId);
  }

  #tooMany(materialCode: string): boolean {
    return this.#pages.length >= (this.deps.maxPages ?? 40) || this.#pages.filter((p) => p.view.materialCode === materialCode).length >= (this.deps.maxPagesPerMaterial ?? 10);
  }

  #keep(held: HeldPage, replacePageId: string | undefined): ScanOutcome {
    const at = replacePageId === undefined ? -1 : this.#pages.findIndex((p) => p.view.pageId === replacePageId);
    if (at >= 0) this.#pages[at] = held;
    else this.#pages.push(held);
    this.deps.log.info({ materialCode: held.view.materialCode, pageId: held.view.pageId, bytes: held.view.bytes, retake: at >= 0 }, 'page captured');
    this.#readInBackground(held);
    return { ok: true, page: held.view, view: this.view() };
  }

  async scan(materialCode: string, replacePageId?: string): Promise<ScanOutcome> {
    const session = this.deps.session();
    if (!session) throw new CaptureError('no-session', 'no citizen session');
    this.#followSession();
    const scanner = this.deps.scanner;
    if (!scanner) return { ok: false, reason: 'no-scanner' };
    if (replacePageId !== undefined) this.#find(replacePageId);
    else if (this.#tooMany(materialCode)) return { ok: false, reason: 'too-many-pages' };
    if (this.#scan) return { ok: false, reason: 'busy' };
    // OCR workers take seconds to start: begin while the citizen is at the scanner.
    this.deps.reader?.warm().catch((error: unknown) => this.deps.log.warn({ err: error }, 'OCR could not be warmed'));
    const abort = new AbortController();
    this.#scan = abort;
    let held: HeldPage;
    try {
      const options: ScanOptions = { resolution: 300, mode: 'colour', format: 'jpeg', timeoutMs: 45_000, ...this.deps.scanOptions, multiPage: false };
      const [scanned] = await scanner.scan(options, abort.signal);
      if (!scanned) throw new ScannerError('device-error', scanner.description, 'the scan gave no page');
      held = await this.#compress(materialCode, scanned.data);
    } catch (error) {
      if (error instanceof ScannerError) {
        this.deps.log.warn({ device: scanner.description, code: error.code, detail: error.detail, err: error }, 'scan failed');
        return { ok: false, reason: FAILURES[error.code] };
      }
      this.deps.log.error({ device: scanner.description, err: error }, 'scan failed');
      return { ok: false, reason: 'device-error' };
    } finally {
      if (this.#scan === abort) this.#scan = undefined;
    }
    if (abort.signal.aborted || this.deps.session()?.id !== session.id) return { ok: false, reason: 'cancelled' };
    return this.#keep(held, replacePageId);
  }

  deletePage(pageId: string): CaptureView {
    this.#followSession();
    this.#find(pageId);
    this.#pages = this.#pages.filter((p) => p.view.pageId !== pageId);
    return this.view();
  }

  /** Reads a page (once per document type; a second call answers from the first). */
  read(pageId: string, documentType?: CaptureDocumentType): Promise<PageReading> {
    this.#followSession();
    const page = this.#find(pageId);
    const type = documentType ?? knownDocument(page.view.materialCode);
    const key = type ?? 'plain';
    let reading = page.readings.get(key);
    if (!reading) {
      const reader = this.deps.reader;
      if (!reader) throw new CaptureError('no-reader', 'this terminal has no OCR');
      reading = reader.read(page.captured ?? page.data, type ? { documentType: type } : {}).then((result) => ({
        pageId,
        documentType: type ?? null,
        ...readingView(result),
      }));
      // A failed read is not kept: asking again tries again.
      reading.catch(() => page.readings.delete(key));
      page.readings.set(key, reading);
    }
    return reading;
  }

  /**
   * The case's scanned materials, page by page in the order scanned, for the given material
   * codes, each with what OCR read from it (a reading still running is waited for briefly; one
   * that failed or is late leaves the page without text), so that staff see the same lines and
   * field sources.
   */
  async materials(codes: readonly string[]): Promise<CaseMaterialInput[]> {
    this.#followSession();
    const pages = this.#pages.filter((p) => codes.includes(p.view.materialCode));
    return Promise.all(
      pages.map(async (p) => {
        const reading = await this.#readingOf(p);
        return { code: p.view.materialCode, scan: { contentType: 'image/jpeg' as const, data: p.data }, ...(reading ? { ocr: materialReading(reading) } : {}) };
      }),
    );
  }

  /**
   * The page's reading as its paper (else as plain text), if one was asked for. A reading still
   * running after `readingWaitMs` is left out: the citizen's submit does not wait on it, and
   * staff still have the scan.
   */
  async #readingOf(page: HeldPage): Promise<PageReading | undefined> {
    const reading = page.readings.get(knownDocument(page.view.materialCode) ?? 'plain') ?? page.readings.values().next().value;
    if (!reading) return undefined;
    const abort = new AbortController();
    const late = sleep(this.deps.readingWaitMs ?? 2_000, abort.signal).then(() => undefined);
    try {
      return await Promise.race([reading.catch(() => undefined), late]);
    } finally {
      abort.abort();
    }
  }

  /** The case has its pages: they are not sent a second time with another case of the session. */
  submitted(codes: readonly string[]): void {
    this.#pages = this.#pages.filter((p) => !codes.includes(p.view.materialCode));
  }

  wipe(): void {
    this.#scan?.abort();
    this.#scan = undefined;
    this.#pages = [];
    this.#sessionId = undefined;
  }

  /** Pages never outlive their session, even if a wipe was missed. */
  #followSession(): void {
    const id = this.deps.session()?.id;
    if (id !== this.#sessionId) {
      this.#pages = [];
      this.#sessionId = id;
    }
  }

  #find(pageId: string): HeldPage {
    const page = this.#pages.find((p) => p.view.pageId === pageId);
    if (!page) throw new CaptureError('no-such-page', `no page ${pageId} in this session`);
    return page;
  }

  async #compress(materialCode: string, scanned: Buffer): Promise<HeldPage> {
    // sharp loads with the first scan, not with the terminal.
    const { default: sharp } = await import('sharp');
    const image = sharp(scanned, { failOn: 'error' }).rotate();
    const data = await image.clone().jpeg({ quality: this.deps.quality ?? 80, mozjpeg: true }).toBuffer();
    const size = this.deps.previewSize ?? 720;
    const preview = await image.clone().resize(size, size, { fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 70 }).toBuffer({ resolveWithObject: true });
    const meta = await sharp(data).metadata();
    return {
      data,
      captured: scanned,
      readings: new Map(),
      view: {
        pageId: randomUUID(),
        materialCode,
        preview: `data:image/jpeg;base64,${preview.data.toString('base64')}`,
        width: meta.width ?? preview.info.width,
        height: meta.height ?? preview.info.height,
        bytes: data.length,
      },
    };
  }

  #readInBackground(page: HeldPage): void {
    const type = knownDocument(page.view.materialCode);
    if (!type || !this.deps.reader) {
      page.captured = undefined;
      return;
    }
    this.read(page.view.pageId, type)
      .then(
        (reading) => {
          if (this.#pages.includes(page)) this.deps.onRead?.(reading);
        },
        (error: unknown) => this.deps.log.warn({ pageId: page.view.pageId, err: error }, 'background OCR failed'),
      )
      .finally(() => {
        page.captured = undefined;
      });
  }
}
