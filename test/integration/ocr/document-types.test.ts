/**
 * Every paper OCR reads into fields, generated (test/fixtures/ocr/documents.ts) in three faces
 * (Song/Ming, Kai, Hei) at two noise levels (clean; grain, blur, JPEG and a slight rotation),
 * read by the default engine as the terminal reads them: each expected field, exactly.
 */
import { distance } from 'fastest-levenshtein';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OcrService, type DocumentTypeId } from '../../../main/ocr';
import {
  bankCardDocument,
  degrade,
  disabilityCertificateDocument,
  householdRegisterDocument,
  ICBC_CARD,
  isoDate,
  launchChromium,
  marriageCertificateDocument,
  renderDocument,
  residencePermitDocument,
  socialSecurityCardDocument,
  SUN_HAO_SOCIAL,
  WANG_CHEN_MARRIAGE,
  ZHANG_WEI,
  ZHAO_MIN_PERMIT,
  ZHOU_QIANG_DISABILITY,
  type FontName,
  type TestDocument,
} from '../../fixtures/ocr/documents';

interface Paper {
  type: DocumentTypeId;
  make: (font: FontName) => TestDocument;
  expected: Record<string, string>;
}

const PAPERS: Paper[] = [
  {
    type: 'household-register',
    make: (f) => householdRegisterDocument(ZHANG_WEI, f),
    expected: { name: ZHANG_WEI.name, sex: ZHANG_WEI.sex, birthDate: isoDate(ZHANG_WEI.birthDate), idNumber: ZHANG_WEI.idNumber, address: ZHANG_WEI.address, registrationDate: isoDate(ZHANG_WEI.registrationDate) },
  },
  {
    type: 'marriage-certificate',
    make: (f) => marriageCertificateDocument(WANG_CHEN_MARRIAGE, f),
    expected: {
      holder: WANG_CHEN_MARRIAGE.holder,
      certificateNumber: WANG_CHEN_MARRIAGE.certificateNumber,
      registrationDate: isoDate(WANG_CHEN_MARRIAGE.registrationDate),
      'parties.0.name': WANG_CHEN_MARRIAGE.parties[0].name,
      'parties.1.name': WANG_CHEN_MARRIAGE.parties[1].name,
      'parties.1.idNumber': WANG_CHEN_MARRIAGE.parties[1].idNumber,
    },
  },
  {
    type: 'residence-permit',
    make: (f) => residencePermitDocument(ZHAO_MIN_PERMIT, f),
    expected: {
      name: ZHAO_MIN_PERMIT.name,
      sex: ZHAO_MIN_PERMIT.sex,
      birthDate: isoDate(ZHAO_MIN_PERMIT.birthDate),
      idNumber: ZHAO_MIN_PERMIT.idNumber,
      currentAddress: ZHAO_MIN_PERMIT.address,
      residencePermitNumber: ZHAO_MIN_PERMIT.permitNumber,
      issuer: ZHAO_MIN_PERMIT.issuer,
      validTo: isoDate(ZHAO_MIN_PERMIT.validTo),
    },
  },
  {
    type: 'social-security-card',
    make: (f) => socialSecurityCardDocument(SUN_HAO_SOCIAL, f),
    expected: { name: SUN_HAO_SOCIAL.name, idNumber: SUN_HAO_SOCIAL.idNumber, cardNumber: SUN_HAO_SOCIAL.cardNumber, issueDate: isoDate(SUN_HAO_SOCIAL.issueDate) },
  },
  { type: 'bank-card', make: (f) => bankCardDocument(ICBC_CARD, f), expected: { bankName: ICBC_CARD.bank, bankCardNumber: ICBC_CARD.number } },
  {
    type: 'disability-certificate',
    make: (f) => disabilityCertificateDocument(ZHOU_QIANG_DISABILITY, f),
    expected: {
      name: ZHOU_QIANG_DISABILITY.name,
      sex: ZHOU_QIANG_DISABILITY.sex,
      birthDate: isoDate(ZHOU_QIANG_DISABILITY.birthDate),
      certificateNumber: `${ZHOU_QIANG_DISABILITY.idNumber}43`,
      disabilityCategory: '肢体残疾',
      disabilityGrade: '三级',
      validTo: isoDate(ZHOU_QIANG_DISABILITY.validTo),
    },
  },
];

const FACES: FontName[] = ['ming', 'kai', 'hei'];
const NOISE = { clean: undefined, noisy: { angle: 1.2, noise: 50, seed: 17 } } as const;
type Level = keyof typeof NOISE;

const cases = PAPERS.flatMap((paper) => FACES.flatMap((face) => (Object.keys(NOISE) as Level[]).map((level) => ({ paper, face, level }))));
const images = new Map<string, Buffer>();
const key = (c: (typeof cases)[number]) => `${c.paper.type}/${c.face}/${c.level}`;
const ocr = new OcrService({ engine: 'paddle', workers: 2 });

beforeAll(async () => {
  const browser = await launchChromium();
  try {
    for (const c of cases) {
      const png = await renderDocument(browser, c.paper.make(c.face), 200);
      const noise = NOISE[c.level];
      images.set(key(c), noise ? await degrade(png, noise) : png);
    }
  } finally {
    await browser.close();
  }
}, 180_000);

afterAll(() => ocr.close());

describe('every paper read into its fields, in three faces and two noise levels', () => {
  it.each(cases.map((c) => [key(c), c] as const))('%s', { timeout: 180_000 }, async (_name, c) => {
    const result = await ocr.read(images.get(key(c)) as Buffer, { documentType: c.paper.type });
    const fields = Object.fromEntries((result.fields ?? []).map((f) => [f.field, f.value]));
    expect(fields, `read:\n${result.text}`).toMatchObject(c.paper.expected);
    for (const f of result.fields ?? []) {
      expect(f.confidence).toBeGreaterThanOrEqual(0);
      expect(f.confidence).toBeLessThanOrEqual(100);
      expect(typeof f.confirm).toBe('boolean');
      // Which line each value came from, for the review screens (a label may have been read with one character wrong).
      const lineText = result.lines[f.source.line]?.text.replace(/\s+/g, '') ?? '';
      const windows = Array.from({ length: Math.max(0, lineText.length - f.source.label.length + 1) }, (_, i) => lineText.slice(i, i + f.source.label.length));
      expect(windows.some((w) => distance(w, f.source.label) <= 1), lineText).toBe(true);
    }
  });
});
