/**
 * From a rendered paper to proposals: the household register resident page and the marriage
 * certificate, clean and degraded, plus a page reached through the eSCL simulator over HTTP.
 */
import { distance } from 'fastest-levenshtein';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EsclScanner, startEsclSimulator } from '../../../drivers/scanner';
import { extractFields, OcrService, type FieldProposal } from '../../../main/ocr';
import {
  degrade,
  householdRegisterDocument,
  idNumber,
  isoDate,
  launchChromium,
  LI_XIUYING,
  marriageCertificateDocument,
  renderDocument,
  WANG_CHEN_MARRIAGE,
  ZHANG_WEI,
} from '../../fixtures/ocr/documents';

const pages: Record<string, Buffer> = {};
let engine: OcrService;

const BAD_CHECK = { ...LI_XIUYING, idNumber: `${LI_XIUYING.idNumber.slice(0, 17)}${LI_XIUYING.idNumber.endsWith('9') ? '8' : '9'}` };

beforeAll(async () => {
  const browser = await launchChromium();
  try {
    pages.householdClean = await renderDocument(browser, householdRegisterDocument(ZHANG_WEI, 'serif'), 200);
    pages.householdNoisy = await degrade(await renderDocument(browser, householdRegisterDocument(LI_XIUYING, 'sans', 14), 200), { angle: 1.5, noise: 70, seed: 3 });
    pages.householdBadId = await renderDocument(browser, householdRegisterDocument(BAD_CHECK, 'sans'), 200);
    pages.marriageClean = await renderDocument(browser, marriageCertificateDocument(WANG_CHEN_MARRIAGE, 'serif'), 200);
    pages.marriageNoisy = await degrade(await renderDocument(browser, marriageCertificateDocument(WANG_CHEN_MARRIAGE, 'sans', 14), 200), { angle: -1.2, noise: 60, seed: 9 });
  } finally {
    await browser.close();
  }
  engine = new OcrService({ engine: 'paddle', workers: 2 });
});

afterAll(async () => {
  await engine?.close();
});

function byField(proposals: FieldProposal[]): Record<string, string> {
  return Object.fromEntries(proposals.map((p) => [p.field, p.value]));
}

async function propose(page: keyof typeof pages, type: 'household-register' | 'marriage-certificate') {
  const result = await engine.read(pages[page] as Buffer);
  const proposals = extractFields(type, result.lines);
  for (const p of proposals) {
    expect(p.confidence).toBeGreaterThanOrEqual(0);
    expect(p.confidence).toBeLessThanOrEqual(100);
    expect(p.source.documentType).toBe(type);
    expect(result.lines[p.source.line]?.text).toContain(p.source.label.slice(0, 1));
  }
  return { fields: byField(proposals), confidence: Object.fromEntries(proposals.map((p) => [p.field, p.confidence])), text: result.text };
}

describe('field extraction from read papers', () => {
  it('household register, clean: the resident’s identity fields', async () => {
    const { fields, text } = await propose('householdClean', 'household-register');
    expect(fields, text).toMatchObject({
      name: ZHANG_WEI.name,
      sex: ZHANG_WEI.sex,
      birthDate: isoDate(ZHANG_WEI.birthDate),
      idNumber: ZHANG_WEI.idNumber,
      registrationDate: isoDate(ZHANG_WEI.registrationDate),
      relationToHead: ZHANG_WEI.relation,
    });
    expect(distance(fields.address ?? '', ZHANG_WEI.address), text).toBeLessThanOrEqual(2);
  });

  it('household register, noisy and rotated: name, ID number and dates still come through', async () => {
    const { fields, text } = await propose('householdNoisy', 'household-register');
    expect(fields, text).toMatchObject({
      name: LI_XIUYING.name,
      idNumber: LI_XIUYING.idNumber,
      birthDate: isoDate(LI_XIUYING.birthDate),
      registrationDate: isoDate(LI_XIUYING.registrationDate),
    });
  });

  it('an ID number that fails the GB 11643 check is read but not proposed', async () => {
    const { fields, text } = await propose('householdBadId', 'household-register');
    expect(text.replace(/\s/g, '')).toContain(BAD_CHECK.idNumber.slice(0, 17));
    expect(fields.idNumber).toBeUndefined();
    expect(fields.name).toBe(LI_XIUYING.name);
  });

  it('marriage certificate, clean: registration and both parties', async () => {
    const { fields, confidence, text } = await propose('marriageClean', 'marriage-certificate');
    const [a, b] = WANG_CHEN_MARRIAGE.parties;
    // A name read wrongly must at least be flagged for the citizen to look at.
    for (const field of ['holder', 'parties.0.name'] as const) {
      if (fields[field] !== undefined && fields[field] !== a.name) expect(confidence[field], `${field} ${fields[field]}`).toBeLessThan(60);
    }
    expect(fields, text).toMatchObject({
      registrationDate: isoDate(WANG_CHEN_MARRIAGE.registrationDate),
      certificateNumber: WANG_CHEN_MARRIAGE.certificateNumber,
      'parties.0.sex': a.sex,
      'parties.0.birthDate': isoDate(a.birthDate),
      'parties.0.idNumber': a.idNumber,
      'parties.1.name': b.name,
      'parties.1.sex': b.sex,
      'parties.1.birthDate': isoDate(b.birthDate),
      'parties.1.idNumber': b.idNumber,
    });
  });

  it('marriage certificate, noisy and rotated: both ID numbers and the registration date', async () => {
    const { fields, text } = await propose('marriageNoisy', 'marriage-certificate');
    expect(fields, text).toMatchObject({
      registrationDate: isoDate(WANG_CHEN_MARRIAGE.registrationDate),
      'parties.0.idNumber': WANG_CHEN_MARRIAGE.parties[0].idNumber,
      'parties.1.idNumber': WANG_CHEN_MARRIAGE.parties[1].idNumber,
    });
  });
});

describe('scan to proposals through the eSCL simulator', () => {
  it('a household register page scanned over HTTP is read into fields', async () => {
    const simulator = await startEsclSimulator({ renderPage: async () => pages.householdClean as Buffer });
    try {
      const scanner = new EsclScanner({ url: simulator.url });
      const [page] = await scanner.scan({ resolution: 300, mode: 'grey', area: 'a4', format: 'png' });
      expect(page?.format).toBe('png');
      const result = await engine.read(page?.data as Buffer);
      const fields = byField(extractFields('household-register', result.lines));
      expect(fields.idNumber, result.text).toBe(ZHANG_WEI.idNumber);
      expect(fields.name).toBe(ZHANG_WEI.name);
    } finally {
      await simulator.close();
    }
  });

  it('the fixture ID numbers are well-formed, so a missing proposal means a misread', () => {
    expect(idNumber(ZHANG_WEI.idNumber.slice(0, 17))).toBe(ZHANG_WEI.idNumber);
    expect(BAD_CHECK.idNumber).not.toBe(LI_XIUYING.idNumber);
  });
});
