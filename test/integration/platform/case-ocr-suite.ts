import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../../platform';
import type { MaterialReading } from '../../../contract/platform/ocr-reading';
import { certificateCase, client, YOUNG_ID } from './helpers';

/**
 * What OCR read from a scan travels with the case: kept sealed with it, shown to staff masked,
 * and a reading that does not fit its scan is refused with the field to blame.
 */
export function caseOcrSuite(dialect: 'sqlite' | 'postgres', newDb: (name: string) => Promise<string>): void {
  describe(`OCR readings with a case on ${dialect}`, () => {
    let platform: RunningPlatform;
    let call: ReturnType<typeof client>;
    let kiosk: string;
    let clerk: string;
    let blob: string;

    // A reading of an ID card's copy page, as the kiosk sends it (fictional holder).
    const reading: MaterialReading = {
      engine: 'paddle',
      blank: false,
      image: { width: 1240, height: 800 },
      confidence: 97,
      documentType: null,
      lines: [
        { text: '姓名李四', confidence: 98, box: { x0: 100, y0: 80, x1: 520, y1: 140 } },
        { text: `公民身份号码${YOUNG_ID}`, confidence: 96, box: { x0: 100, y0: 600, x1: 1100, y1: 660 } },
      ],
      fields: [
        { field: 'name', value: '李四', confidence: 98, label: '姓名', confirm: false, line: 0 },
        { field: 'idNumber', value: YOUNG_ID, confidence: 72, label: '公民身份号码', confirm: true, line: 1 },
      ],
    };

    beforeAll(async () => {
      platform = await startPlatform({ db: await newDb('case_ocr'), seedDemo: true, rateLimitPerMinute: 100_000 });
      call = client(platform.url);
      kiosk = platform.demoCredentials!.kiosk.credential;
      const demo = platform.demoCredentials!;
      clerk = (await call('POST', '/v1/staff/sessions', { json: { username: demo.clerk.username, password: demo.clerk.password } })).body.token as string;
      const png = await sharp({ create: { width: 124, height: 80, channels: 3, background: { r: 240, g: 240, b: 240 } } }).png().toBuffer();
      blob = createHash('sha256').update(png).digest('hex');
      expect([200, 201]).toContain((await call('PUT', `/v1/blobs/${blob}`, { token: kiosk, body: png, headers: { 'content-type': 'image/png' } })).status);
    });

    afterAll(async () => {
      await platform?.close();
    });

    it('keeps the reading sealed with the case and shows it to staff with the personal values masked', async () => {
      const body = certificateCase({ materials: [{ code: 'id-card', blob, ocr: reading }] });
      expect((await call('POST', '/v1/cases', { token: kiosk, json: body })).status).toBe(201);
      const row = await platform.db.get<{ request: string }>('SELECT request FROM cases WHERE id = ?', [body.caseId]);
      for (const secret of ['公民身份号码', YOUNG_ID, '姓名李四']) expect(row!.request).not.toContain(secret);

      const seen = await call('GET', `/v1/cases/${body.caseId}`, { token: clerk });
      expect(seen.status).toBe(200);
      const [material] = seen.body.materials;
      expect(material.blob).toBe(blob);
      expect(material.ocr.lines.map((l: { text: string }) => l.text)).toEqual(['姓名李*', '公民身份号码440305********0011']);
      expect(material.ocr.fields.map((f: { field: string; value: string; line: number; confirm: boolean }) => [f.field, f.value, f.line, f.confirm])).toEqual([
        ['name', '李*', 0, false],
        ['idNumber', '440305********0011', 1, true],
      ]);
      expect(material.ocr.lines[1].box).toEqual(reading.lines[1]!.box);
      expect(JSON.stringify(seen.body)).not.toContain(YOUNG_ID);
    });

    it.each([
      ['without its scan', () => ({ code: 'id-card', paperChecked: true, ocr: reading }), 'materials.0.ocr'],
      ['naming a line it does not have', () => ({ code: 'id-card', blob, ocr: { ...reading, fields: [{ ...reading.fields[0]!, line: 5 }] } }), 'materials.0.ocr.fields'],
      ['with a confidence over 100', () => ({ code: 'id-card', blob, ocr: { ...reading, confidence: 140 } }), 'materials.0.ocr.confidence'],
    ])('refuses a reading %s, naming the field', async (_what, material, field) => {
      const body = certificateCase({ materials: [material()] });
      const answer = await call('POST', '/v1/cases', { token: kiosk, json: body });
      expect(answer.status).toBe(400);
      expect(answer.body.error.field).toBe(field);
    });
  });
}
