import { describe, expect, it } from 'vitest';
import { extractFields } from '../../../main/ocr/fields/extract';
import { normaliseValue } from '../../../main/ocr/fields/values';
import { idNumber } from '../../fixtures/ocr/documents';

const line = (text: string, confidence = 90) => ({ text, confidence });
const TODAY = new Date('2026-11-23T00:00:00Z');
const ZHANG = idNumber('44030419850312001');

describe('household register fields', () => {
  it('splits several labelled values on one line and forgives OCR’s quote marks and gaps', () => {
    const proposals = extractFields(
      'household-register',
      [line('常住人口登记卡'), line('姓名张伟户主或与户主关系”户主'), line('性别 男 民族 汉'), line(`公民身份号码 ”${ZHANG}`), line('登记日期 ”2015年6月1]日')],
      TODAY,
    );
    expect(Object.fromEntries(proposals.map((p) => [p.field, p.value]))).toEqual({
      name: '张伟',
      relationToHead: '户主',
      sex: '男',
      ethnicity: '汉',
      idNumber: ZHANG,
      registrationDate: '2015-06-01',
    });
    expect(proposals.find((p) => p.field === 'idNumber')?.source).toEqual({ documentType: 'household-register', label: '公民身份号码', line: 3 });
  });

  it('finds a label with one misread character, at a lower confidence', () => {
    const [proposal] = extractFields('household-register', [line(`公民身分号码${ZHANG}`, 80)], TODAY);
    expect(proposal).toMatchObject({ field: 'idNumber', value: ZHANG });
    expect(proposal?.confidence).toBeLessThan(80);
  });

  it('finds a label with one stray glyph inside it, and not one that swallowed its value’s first character', () => {
    const [proposal] = extractFields('household-register', [line(`公民身份F号码${ZHANG}`, 80)], TODAY);
    expect(proposal).toMatchObject({ field: 'idNumber', value: ZHANG });
    expect(proposal?.confidence).toBeLessThan(80);
    expect(extractFields('residence-permit', [line('居住证F编号440305202500123456', 90)], TODAY)).toMatchObject([{ field: 'residencePermitNumber', value: '440305202500123456' }]);
  });

  it('takes a value’s confidence from its weakest word', () => {
    const [name] = extractFields('household-register', [{ text: '姓名 于乔', confidence: 80, words: [{ text: '姓名', confidence: 96 }, { text: '于', confidence: 45 }, { text: '乔', confidence: 3 }] }], TODAY);
    expect(name).toMatchObject({ field: 'name', value: '于乔', confidence: 3 });
  });

  it('proposes no ID number that fails the check, even one digit off', () => {
    const wrong = `${ZHANG.slice(0, 16)}${(Number(ZHANG[16]) + 1) % 10}${ZHANG[17]}`;
    expect(extractFields('household-register', [line(`公民身份号码 ${wrong}`)], TODAY)).toEqual([]);
  });

  it('reads digits OCR mistook for letters in an ID number, then checks it', () => {
    const misread = ZHANG.replace(/0/g, 'O').replace(/1/, 'l');
    expect(extractFields('household-register', [line(`公民身份号码 ${misread}`)], TODAY).map((p) => p.value)).toEqual([ZHANG]);
  });

  it('does not propose values that do not look like their kind', () => {
    expect(extractFields('household-register', [line('姓名 WEA'), line('性别 ix'), line('出生日期 1985年13月40日'), line('登记日期 2030年1月1日')], TODAY)).toEqual([]);
  });

  it('takes only the first of a field that appears twice on a household page', () => {
    expect(extractFields('household-register', [line('姓名 张伟'), line('姓名 李四')], TODAY).map((p) => p.value)).toEqual(['张伟']);
  });
});

describe('marriage certificate fields', () => {
  it('numbers the two parties in the order they are printed', () => {
    const wang = idNumber('44030419880716003');
    const chen = idNumber('44030519900228004');
    const proposals = extractFields(
      'marriage-certificate',
      [
        line('结婚证'),
        line('持证人 王磊'),
        line('登记日期 2018年05月20日'),
        line('结婚证字号 J44O304-2018-OO1234'),
        line('姓名王磊性别男'),
        line('国籍中国出生日期 1988年7月16日'),
        line(`身份证件号${wang}`),
        line('姓名陈静性别女'),
        line('国籍 中国 出生日期 1990年2月28日'),
        line(`身份证件号 ${chen}`),
      ],
      TODAY,
    );
    expect(Object.fromEntries(proposals.map((p) => [p.field, p.value]))).toEqual({
      holder: '王磊',
      registrationDate: '2018-05-20',
      certificateNumber: 'J440304-2018-001234',
      'parties.0.name': '王磊',
      'parties.0.sex': '男',
      'parties.0.nationality': '中国',
      'parties.0.birthDate': '1988-07-16',
      'parties.0.idNumber': wang,
      'parties.1.name': '陈静',
      'parties.1.sex': '女',
      'parties.1.nationality': '中国',
      'parties.1.birthDate': '1990-02-28',
      'parties.1.idNumber': chen,
    });
  });
});

describe('value kinds', () => {
  it.each([
    ['date', '1985.3.12', '1985-03-12'],
    ['date', '2019年2月29日', undefined],
    ['date', '2015年6月]日', undefined],
    ['name', '阿依古丽·买买提', '阿依古丽·买买提'],
    ['name', 'Zhang Wei', undefined],
    ['sex', '女 民族', '女'],
    ['certificateNumber', 'L110105-2009-000123', 'L110105-2009-000123'],
    ['certificateNumber', '110105-2009', undefined],
    ['text', '123', undefined],
  ] as const)('%s %s → %s', (kind, raw, expected) => {
    expect(normaliseValue(kind, raw, TODAY)).toBe(expected);
  });
});
