import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EsclScanner, startEsclSimulator, type EsclSimulator, type ScanOptions } from '../../../drivers/scanner';
import { CaptureError, CaptureService } from '../../../main/capture';
import { silentLogger } from '../../../main/logging/logger';
import type { PageReading } from '../../../contract/terminal/capture-api';
import { gb11643CheckCharacter } from '../../../contract/identity/id-number';
import { OcrService } from '../../../main/ocr';
import { MaterialReading } from '../../../contract/platform/ocr-reading';

let simulator: EsclSimulator;
let ocr: OcrService;

beforeAll(async () => {
  simulator = await startEsclSimulator();
  ocr = new OcrService({ workers: 1 });
});
afterAll(async () => {
  await ocr.close();
  await simulator.close();
});

function service(sessionId: { id: string } | undefined = { id: 'visit-1' }, scanOptions: ScanOptions = {}) {
  const session: { current: { id: string } | undefined } = { current: sessionId };
  const capture = new CaptureService({
    scanner: new EsclScanner({ url: simulator.url }),
    reader: ocr,
    session: () => session.current,
    log: silentLogger(),
    scanOptions: { resolution: 150, timeoutMs: 10_000, ...scanOptions },
  });
  return { capture, session };
}

describe('CaptureService', () => {
  it('scans a page: a compressed JPEG for the case and a small preview for the screen', async () => {
    simulator.setFault('none');
    const { capture } = service();
    const outcome = await capture.scan('bank-statement');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.page.materialCode).toBe('bank-statement');
    expect(outcome.page.preview).toMatch(/^data:image\/jpeg;base64,/);
    const preview = await sharp(Buffer.from(outcome.page.preview.split(',')[1]!, 'base64')).metadata();
    expect(Math.max(preview.width!, preview.height!)).toBeLessThanOrEqual(720);
    const [material] = await capture.materials(['bank-statement']);
    expect(material?.scan?.contentType).toBe('image/jpeg');
    const stored = await sharp(material!.scan!.data).metadata();
    expect(stored.format).toBe('jpeg');
    // A4 at 150 dpi: the stored page keeps the scan's full size.
    expect(stored.width).toBeGreaterThan(1000);
    expect(outcome.page.bytes).toBe(material!.scan!.data.length);
  });

  it('retakes a page in its place, adds pages, deletes one, and gives only the asked materials to a case', async () => {
    simulator.setFault('none');
    const { capture } = service();
    const first = await capture.scan('bank-statement');
    const second = await capture.scan('bank-statement');
    const other = await capture.scan('photo');
    if (!first.ok || !second.ok || !other.ok) throw new Error('scan failed');
    const retake = await capture.scan('bank-statement', first.page.pageId);
    if (!retake.ok) throw new Error('retake failed');
    expect(capture.view().pages.map((p) => p.pageId)).toEqual([retake.page.pageId, second.page.pageId, other.page.pageId]);
    expect(capture.deletePage(second.page.pageId).pages.map((p) => p.pageId)).toEqual([retake.page.pageId, other.page.pageId]);
    expect(() => capture.deletePage(second.page.pageId)).toThrow(CaptureError);
    expect((await capture.materials(['bank-statement'])).map((m) => m.code)).toEqual(['bank-statement']);
    capture.submitted(['bank-statement']);
    expect(capture.view().pages.map((p) => p.materialCode)).toEqual(['photo']);
  });

  it.each([
    ['cover-open', 'cover-open'],
    ['adf-empty', 'no-paper'],
    ['busy', 'busy'],
    ['jam', 'jammed'],
  ] as const)('a feeder scanner reporting %s gives the citizen the reason "%s" and keeps no page', async (fault, reason) => {
    simulator.setFault(fault);
    try {
      const { capture } = service(undefined, { source: 'adf' });
      expect(await capture.scan('bank-statement')).toEqual({ ok: false, reason });
      expect(capture.view().pages).toEqual([]);
    } finally {
      simulator.setFault('none');
    }
  });

  it('keeps nothing past the session: a wipe or a new session empties it, and no session means no scan', async () => {
    const { capture, session } = service();
    await capture.scan('bank-statement');
    expect(capture.view().pages).toHaveLength(1);
    capture.wipe();
    expect(capture.view().pages).toEqual([]);
    await capture.scan('bank-statement');
    session.current = { id: 'visit-2' };
    expect(capture.view().pages).toEqual([]);
    expect(await capture.materials(['bank-statement'])).toEqual([]);
    session.current = undefined;
    await expect(capture.scan('bank-statement')).rejects.toThrow(CaptureError);
  });

  it('gives a case its pages without the text when a reading is still running after the wait, or failed', async () => {
    simulator.setFault('none');
    for (const read of [() => new Promise<never>(() => undefined), () => Promise.reject(new Error('engine crashed'))]) {
      const capture = new CaptureService({
        scanner: new EsclScanner({ url: simulator.url }),
        reader: { read, warm: async () => undefined },
        session: () => ({ id: 'visit-slow' }),
        log: silentLogger(),
        scanOptions: { resolution: 75, timeoutMs: 10_000 },
        readingWaitMs: 50,
      });
      const outcome = await capture.scan('household-register');
      expect(outcome.ok).toBe(true);
      const [material] = await capture.materials(['household-register']);
      expect(material?.scan?.data.length).toBeGreaterThan(0);
      expect(material?.ocr).toBeUndefined();
    }
  });

  it('answers no-scanner on a terminal without one', async () => {
    const capture = new CaptureService({ scanner: undefined, reader: undefined, session: () => ({ id: 'v' }), log: silentLogger() });
    expect(await capture.scan('bank-statement')).toEqual({ ok: false, reason: 'no-scanner' });
    expect(capture.view().scanner).toBe(false);
  });

  it('reads a page with the shared OCR on request, once per document type', async () => {
    simulator.setFault('none');
    const { capture } = service();
    const outcome = await capture.scan('bank-statement');
    if (!outcome.ok) throw new Error('scan failed');
    const reading = await capture.read(outcome.page.pageId);
    expect(reading.pageId).toBe(outcome.page.pageId);
    expect(reading.documentType).toBeNull();
    expect(reading.confidence).toBeGreaterThan(0);
    expect(await capture.read(outcome.page.pageId)).toBe(reading);
  }, 60_000);

  it('reads a household register page in the background and proposes its fields, the ID number only when its checksum holds', async () => {
    const first17 = '11010519800101003';
    const idNumber = first17 + gb11643CheckCharacter(first17);
    const wrongCheck = first17 + (gb11643CheckCharacter(first17) === '1' ? '2' : '1');
    const register = (id: string) => async () => {
      const lines = [['姓名', '王小明'], ['性别', '男'], ['出生日期', '1980年01月01日'], ['公民身份号码', id]];
      const text = lines
        .map(([label, value], i) => `<text x="120" y="${200 + i * 110}" font-family="Noto Sans CJK SC" font-size="64" fill="#000">${label}  ${value}</text>`)
        .join('');
      return sharp(Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1700" height="900"><rect width="100%" height="100%" fill="#fff"/>${text}</svg>`)).png().toBuffer();
    };
    for (const [id, proposed] of [
      [idNumber, true],
      [wrongCheck, false],
    ] as const) {
      const registerScanner = await startEsclSimulator({ renderPage: register(id) });
      try {
        const reads: PageReading[] = [];
        let capture: CaptureService | undefined;
        const arrived = new Promise<void>((resolve) => {
          capture = new CaptureService({
            scanner: new EsclScanner({ url: registerScanner.url }),
            reader: ocr,
            session: () => ({ id: 'visit-ocr' }),
            onRead: (r) => {
              reads.push(r);
              resolve();
            },
            log: silentLogger(),
            scanOptions: { resolution: 300, area: 'hukou', timeoutMs: 10_000 },
          });
          void capture.scan('household-register');
        });
        await arrived;
        const [reading] = reads;
        expect(reading?.documentType).toBe('household-register');
        const fields = Object.fromEntries((reading?.fields ?? []).map((f) => [f.field, f]));
        expect(fields.name?.value).toBe('王小明');
        expect(fields.name?.confidence).toBeGreaterThan(0);
        expect(fields.idNumber?.value).toBe(proposed ? idNumber : undefined);
        // The case carries the same reading: lines with boxes, and each field's source line.
        const [material] = await capture!.materials(['household-register']);
        const sent = MaterialReading.parse(material?.ocr);
        expect(sent.lines.map((l) => l.text)).toEqual(reading?.lines.map((l) => l.text));
        const nameSource = sent.fields.find((f) => f.field === 'name')!;
        expect(sent.lines[nameSource.line]?.text).toContain('王小明');
        expect(sent.lines[nameSource.line]!.box.x1).toBeGreaterThan(sent.lines[nameSource.line]!.box.x0);
      } finally {
        await registerScanner.close();
      }
    }
  }, 90_000);
});
