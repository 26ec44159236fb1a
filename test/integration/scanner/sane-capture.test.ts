/**
 * The kiosk's capture through SANE's own `test` backend and the real scanimage: a page that
 * carries no text (the backend draws only test patterns) is read as blank, proposes no field,
 * and goes into the case as a scan whose reading says so, never as a confident empty text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SaneScanner } from '../../../drivers/scanner';
import { CaptureService } from '../../../main/capture';
import { silentLogger } from '../../../main/logging/logger';
import { OcrService } from '../../../main/ocr';
import { MaterialReading } from '../../../contract/platform/ocr-reading';

let ocr: OcrService;
beforeAll(() => {
  ocr = new OcrService({ workers: 1 });
});
afterAll(() => ocr.close());

describe('capture through the SANE test backend', () => {
  it.each(['Solid white', 'Grid'])('a "%s" page is read as blank: no fields, and the case carries that reading', async (picture) => {
    const capture = new CaptureService({
      scanner: new SaneScanner({ device: 'test', deviceOptions: { 'test-picture': picture } }),
      reader: ocr,
      session: () => ({ id: 'visit-sane' }),
      log: silentLogger(),
      // A small area at 150 dpi keeps the backend quick; the household register is a paper OCR knows.
      scanOptions: { resolution: 150, area: { x: 0, y: 0, width: 100, height: 80 }, timeoutMs: 30_000 },
    });
    const outcome = await capture.scan('household-register');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const reading = await capture.read(outcome.page.pageId);
    expect(reading.documentType).toBe('household-register');
    expect(reading.blank).toBe(true);
    expect(reading.fields).toEqual([]);
    const [material] = await capture.materials(['household-register']);
    expect(material?.scan?.contentType).toBe('image/jpeg');
    expect(MaterialReading.parse(material?.ocr)).toMatchObject({ blank: true, fields: [] });
  }, 90_000);
});
