import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IppDocumentPrinter } from '../../../drivers/ipp';
import {
  ChromiumPdfRenderer,
  MemoryPrintRecordSink,
  PrintService,
  demoCertificate,
  demoReceipt,
  demoRejectionNotice,
  demoSupplementNotice,
  type PrintableDocument,
} from '../../../main/printing';
import { DocumentSigner, verificationCode, verificationUrl } from '../../../platform/documents';
import { startIppEvePrinter, type IppEvePrinter } from './support/ippeveprinter';
import { pdfFonts, pdfPageCount, pdfText, pdfToPngs } from './support/pdf-tools';

const OUTPUT = path.resolve('test/output/printing');

/** A certificate as the platform issues it: signed, with the code and URL derived from the signature. */
function signedCertificate(months: number): PrintableDocument {
  const data = { ...demoCertificate(months), sample: false };
  const signer = DocumentSigner.generate('test-key');
  const { verification: _placeholder, ...content } = data;
  const signed = signer.sign({ kind: 'contribution-certificate', documentId: data.certificateNo, issuedAt: '2026-11-23T09:00:00+08:00', issuer: data.issuer.name, data: content });
  return { kind: 'contribution-certificate', data: { ...data, verification: { code: verificationCode(signed), url: verificationUrl('https://verify.example.invalid', signed) } } };
}

describe('printing documents on an IPP printer (ippeveprinter)', () => {
  let printer: IppEvePrinter;
  let renderer: ChromiumPdfRenderer;
  let records: MemoryPrintRecordSink;
  let service: PrintService;

  beforeAll(async () => {
    printer = await startIppEvePrinter();
    renderer = new ChromiumPdfRenderer();
    records = new MemoryPrintRecordSink();
    service = new PrintService({ renderer, records, a4Printer: new IppDocumentPrinter(printer.uri, { pollIntervalMs: 100 }) });
  });

  afterAll(async () => {
    await renderer?.close();
    await printer?.stop();
  });

  it('reads the printer state before printing', async () => {
    const status = await new IppDocumentPrinter(printer.uri).status();
    expect(status).toMatchObject({ state: 'idle', acceptingJobs: true, ready: true, conditions: [] });
  });

  const cases: { name: string; document: () => PrintableDocument; caseId: string; expected: string[] }[] = [
    {
      name: 'contribution-certificate',
      document: () => signedCertificate(12),
      caseId: 'case-cert-1',
      expected: ['社会保险个人参保缴费证明', '李示范', '440602********123X', '企业职工基本养老保险', '2025-11', '2026-10', '示范市示范区通办街道党群服务中心', '验证码'],
    },
    {
      name: 'case-receipt',
      document: () => ({ kind: 'case-receipt', data: { ...demoReceipt(), sample: false } }),
      caseId: 'case-receipt-1',
      expected: ['受理回执', 'TB-20261123-000123', 'A023', '灵活就业人员参保登记', '户口簿首页及本人页', '后续办理'],
    },
    {
      name: 'supplement-notice',
      document: () => ({ kind: 'supplement-notice', data: { ...demoSupplementNotice(), sample: false } }),
      caseId: 'case-supp-1',
      expected: ['补正材料告知书', '一次性告知', '近期一寸免冠彩色照片', '解除劳动合同证明', '10个工作日内'],
    },
    {
      name: 'rejection-notice',
      document: () => ({ kind: 'rejection-notice', data: { ...demoRejectionNotice(), sample: false } }),
      caseId: 'case-rej-1',
      expected: ['不予受理告知书', '尚未达到法定退休年龄', '行政复议', '示范市示范区人民法院'],
    },
  ];

  for (const c of cases) {
    it(`prints the ${c.name}: the printer receives a PDF with the Chinese text and embedded fonts`, async () => {
      const before = printer.received().length;
      const document = c.document();
      const outcome = await service.printDocument(document, { caseId: c.caseId });
      expect(outcome).toMatchObject({ ok: true });
      const received = printer.received();
      expect(received.length).toBe(before + 1);
      const file = received.at(-1) as string;
      expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
      // Lines wrap where the layout puts them; the words must be there in order.
      const text = pdfText(file).replace(/\s+/g, '');
      for (const expected of c.expected) expect(text).toContain(expected);
      if (document.kind === 'contribution-certificate') expect(text).toContain(document.data.verification.code);
      const fonts = pdfFonts(file);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.embedded)).toEqual([]);
      expect(pdfToPngs(file, OUTPUT, c.name).length).toBe(pdfPageCount(file));
    });
  }

  it('prints a 60-month certificate over several pages with the table header repeated', async () => {
    await service.printDocument(signedCertificate(60), { caseId: 'case-cert-60' });
    const file = printer.received().at(-1) as string;
    const pages = pdfPageCount(file);
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(file);
    expect(text).toContain('2021-11');
    expect(text).toContain('2026-10');
    expect(text.split('\f').filter((page) => page.includes('费款所属期')).length).toBeGreaterThanOrEqual(pages - 1);
    pdfToPngs(file, OUTPUT, 'contribution-certificate-60-months');
  });

  it('refuses to print on a printer reporting media-empty, tells the citizen in plain words and keeps the job for a reprint', async () => {
    await printer.setTrayEmpty(true);
    const before = printer.received().length;
    const outcome = await service.printDocument({ kind: 'case-receipt', data: demoReceipt() }, { caseId: 'case-paper-1' });
    expect(outcome).toMatchObject({ ok: false, citizenMessage: 'print.a4.mediaEmpty', nextStep: 'print.keptForReprint' });
    if (outcome.ok) return;
    expect(outcome.conditions).toContain('media-empty');
    expect(outcome.technician).toMatch(/printer-state-reasons .*media-empty/);
    expect(printer.received().length).toBe(before);
    const kept = await service.failedJobs();
    expect(kept).toEqual([expect.objectContaining({ id: outcome.failedJobId, what: 'case-receipt', caseId: 'case-paper-1', printer: 'a4', attempts: 1 })]);

    const whileEmpty = await service.reprint(outcome.failedJobId as string);
    expect(whileEmpty).toMatchObject({ ok: false, citizenMessage: 'print.a4.mediaEmpty' });
    expect((await service.failedJobs())[0]?.attempts).toBe(2);

    await printer.setTrayEmpty(false);
    const reprinted = await service.reprint(outcome.failedJobId as string);
    expect(reprinted).toMatchObject({ ok: true });
    expect(printer.received().length).toBe(before + 1);
    expect(pdfText(printer.received().at(-1) as string)).toContain('TB-20261123-000123');
    expect(await service.failedJobs()).toEqual([]);

    const forCase = (await records.list()).filter((r) => r.caseId === 'case-paper-1');
    expect(forCase.map((r) => r.result)).toEqual(['refused', 'refused', 'printed']);
    expect(forCase[2]?.reprintOf).toBe(forCase[1]?.id);
  });

  it('reports an unreachable printer as unavailable and keeps the job', async () => {
    const unreachable = new PrintService({ renderer, records: new MemoryPrintRecordSink(), a4Printer: new IppDocumentPrinter('ipp://127.0.0.1:9/ipp/print', { requestTimeoutMs: 3000 }) });
    const outcome = await unreachable.printDocument({ kind: 'case-receipt', data: demoReceipt() }, { caseId: 'case-down-1' });
    expect(outcome).toMatchObject({ ok: false, citizenMessage: 'print.a4.unavailable', conditions: ['printer-unreachable'], nextStep: 'print.keptForReprint' });
    if (!outcome.ok) expect(outcome.technician).toContain('ipp://127.0.0.1:9/ipp/print Get-Printer-Attributes');
    expect(await unreachable.failedJobs()).toHaveLength(1);
  });

  it('refuses a printer that does not take PDF, telling the technician which formats it takes', async () => {
    const rasterOnly = await startIppEvePrinter('Tongban Raster Only', 'image/pwg-raster');
    try {
      const status = await new IppDocumentPrinter(rasterOnly.uri).status();
      expect(status).toMatchObject({ ready: false, conditions: ['pdf-not-supported'] });
      const outcome = await new PrintService({ renderer, records: new MemoryPrintRecordSink(), a4Printer: new IppDocumentPrinter(rasterOnly.uri) }).printDocument({ kind: 'case-receipt', data: demoReceipt() });
      expect(outcome).toMatchObject({ ok: false, citizenMessage: 'print.a4.unavailable', conditions: ['pdf-not-supported'] });
      if (!outcome.ok) expect(outcome.technician).toContain('image/pwg-raster');
      expect(rasterOnly.received()).toEqual([]);
    } finally {
      await rasterOnly.stop();
    }
  });

  it('follows a job the printer aborts, reports it and keeps it', async () => {
    printer.failNextJob();
    const outcome = await service.printDocument({ kind: 'rejection-notice', data: demoRejectionNotice() }, { caseId: 'case-abort-1' });
    expect(outcome).toMatchObject({ ok: false, citizenMessage: 'print.a4.jobFailed', conditions: ['job-aborted'] });
    if (outcome.ok) return;
    expect(outcome.technician).toMatch(/job \d+ aborted/);
    expect(await service.reprint(outcome.failedJobId as string)).toMatchObject({ ok: true });
  });

  it('explains a job that fails as the tray runs out by the printer state read after it', async () => {
    printer.failNextJob('media-empty');
    const outcome = await service.printDocument({ kind: 'case-receipt', data: demoReceipt() }, { caseId: 'case-midjob-1' });
    expect(outcome).toMatchObject({ ok: false, citizenMessage: 'print.a4.mediaEmpty', nextStep: 'print.keptForReprint' });
    if (outcome.ok) return;
    expect(outcome.conditions).toContain('media-empty');
    expect(outcome.technician).toMatch(/job \d+ aborted .*printer-state-reasons .*media-empty/);
    await printer.setTrayEmpty(false);
    expect(await service.reprint(outcome.failedJobId as string)).toMatchObject({ ok: true });
  });

  it('records every print with the case id and no personal data', async () => {
    const all = await records.list();
    expect(all.length).toBeGreaterThanOrEqual(5);
    const serialised = JSON.stringify(all);
    expect(serialised).not.toContain('李示范');
    expect(serialised).not.toContain('123X');
    expect(all.every((r) => r.printer.name === printer.uri)).toBe(true);
  });
});
