import { describe, expect, it } from 'vitest';
import { extractFields } from '../../../main/ocr/fields/extract';
import { luhnValid, normaliseValue } from '../../../main/ocr/fields/values';
import { idNumber } from '../../fixtures/ocr/documents';

const line = (text: string, confidence = 97) => ({ text, confidence });
const TODAY = new Date('2026-12-01T00:00:00Z');
const ZHOU = idNumber('44030719791203006');

describe('bank card numbers', () => {
  it('Luhn: the published test number passes, one digit off fails', () => {
    // The worked example of ISO/IEC 7812-1 annex B as most references give it.
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('4111111111111111')).toBe(true);
  });
  it('finds a grouped number beside Latin text and repairs only digit lookalikes', () => {
    const fields = extractFields('bank-card', [line('中国工商银行'), line('银联 UnionPay 借记卡'), line('6212 2640 OO12 3456 788'), line('SUN HAO')], TODAY);
    expect(Object.fromEntries(fields.map((f) => [f.field, f.value]))).toEqual({ bankName: '中国工商银行', bankCardNumber: '6212264000123456788' });
    expect(fields.find((f) => f.field === 'bankCardNumber')?.source.label).toBe('');
  });
  it('proposes no number that fails the check', () => {
    expect(normaliseValue('bankCardNumber', '6212 2640 0012 3456 789')).toBeUndefined();
  });
});

describe('残疾人证, 社会保障卡, 居住证', () => {
  it('the certificate number is an ID number that passes GB 11643, then category and grade', () => {
    expect(normaliseValue('disabilityNumber', `${ZHOU}43`, TODAY)).toBe(`${ZHOU}43`);
    expect(normaliseValue('disabilityNumber', `${ZHOU}83`, TODAY)).toBeUndefined();
    expect(normaliseValue('disabilityNumber', `${ZHOU.slice(0, 17)}${ZHOU[17] === '1' ? '2' : '1'}43`, TODAY)).toBeUndefined();
    expect(normaliseValue('disabilityCategory', '肢体')).toBe('肢体残疾');
    // Read from a flatbed scan of the 居住证 page: the label's last stroke came out as a lone "4".
    expect(normaliseValue('permitNumber', '4 440305202500123456')).toBe('440305202500123456');
    expect(normaliseValue('permitNumber', '440305 202500123456')).toBe('440305202500123456');
    expect(normaliseValue('permitNumber', '44030520250O123456')).toBe('440305202500123456');
    expect(normaliseValue('permitNumber', '号440305202500123456')).toBe('440305202500123456');
    expect(normaliseValue('permitNumber', '号码号440305202500123456')).toBeUndefined();
    expect(normaliseValue('disabilityGrade', '3级')).toBe('三级');
  });
  it('a validity end may lie in the future; a birth date may not', () => {
    const fields = extractFields('disability-certificate', [line('出生日期2030年1月1日'), line('有效期至2031年5月18日')], TODAY);
    expect(fields.map((f) => [f.field, f.value])).toEqual([['validTo', '2031-05-18']]);
  });
  it('social security card number: a letter and eight digits', () => {
    expect(extractFields('social-security-card', [line('社会保障卡号B1234567O')], TODAY).map((f) => f.value)).toEqual(['B12345670']);
  });
  it('residence permit: the permit address fills the endorsement form’s current address', () => {
    const fields = extractFields('residence-permit', [line('居住地址广东省深圳市南山区粤海街道科苑路15号'), line('居住证编号 440305202500123456')], TODAY);
    expect(Object.fromEntries(fields.map((f) => [f.field, f.value]))).toEqual({ currentAddress: '广东省深圳市南山区粤海街道科苑路15号', residencePermitNumber: '440305202500123456' });
  });
});

describe('what the engines misread around a value', () => {
  it('a middle dot for the gap, a lost separator, a stray digit before an ID number', () => {
    expect(normaliseValue('name', '‧孙浩')).toBe('孙浩');
    expect(normaliseValue('certificateNumber', 'J4403042018-001234')).toBe('J440304-2018-001234');
    const id = idNumber('44030619870405005');
    expect(normaliseValue('idNumber', `1${id}`, TODAY)).toBe(id);
  });
});

describe('thresholds', () => {
  it('reads a permit number without the stray glyph OCR split off after its label', () => {
    const fields = extractFields('residence-permit', [line('居住证编号4 440305202500123456', 99), line('签发机关深圳市公安局南山分局', 99)], TODAY);
    expect(fields.find((f) => f.field === 'residencePermitNumber')?.value).toBe('440305202500123456');
    expect(fields.find((f) => f.field === 'issuer')?.value).toBe('深圳市公安局南山分局');
  });

  it('a value read below its field’s threshold must be confirmed; a checked ID number trusts a lower reading', () => {
    const fields = extractFields('residence-permit', [line('姓名赵敏', 85), line(`公民身份号码${idNumber('43012119940821004')}`, 85), line('性别女', 99)], TODAY);
    expect(Object.fromEntries(fields.map((f) => [f.field, f.confirm]))).toEqual({ name: true, idNumber: false, sex: false });
  });
});
