import { describe, expect, it } from 'vitest';
import { isPersonalField, type ServiceItem } from '../../../contract/platform/catalogue';
import { maskForm, maskMaterials, maskReading } from '../../../platform/core/masking';
import type { MaterialReading } from '../../../contract/platform/ocr-reading';

/** A form schema written here, not taken from the demo catalogue the code ships. */
const item = {
  form: {
    fields: [
      { name: 'applicantName', type: 'text', prefill: 'name' },
      { name: 'idNo', type: 'idNumber' },
      { name: 'mobile', type: 'phone' },
      { name: 'postalAddress', type: 'address' },
      { name: 'childName', type: 'text' },
      { name: 'reason', type: 'choice' },
      { name: 'agree', type: 'confirm' },
      { name: 'caseNote', type: 'text', personal: false },
    ],
  },
} as unknown as ServiceItem;

describe('masking by the form schema', () => {
  it('marks as personal what a person types or the card fills, unless the schema says otherwise', () => {
    const byName = Object.fromEntries(item.form.fields.map((f) => [f.name, isPersonalField(f)]));
    expect(byName).toEqual({
      applicantName: true,
      idNo: true,
      mobile: true,
      postalAddress: true,
      childName: true,
      reason: false,
      agree: false,
      caseNote: false,
    });
    expect(isPersonalField({ type: 'choice', personal: true })).toBe(true);
  });

  it('masks each personal value by its kind, and a value the schema does not know', () => {
    const masked = maskForm(item, {
      applicantName: '欧阳小明',
      idNo: '440305199912310011',
      mobile: '13800138000',
      postalAddress: '广东省深圳市南山区科技园路1号',
      childName: '欧阳小红',
      reason: 'housing',
      agree: true,
      caseNote: '窗口已核对原件',
      removedField: '旧字段里的住址',
    });
    expect(masked).toEqual({
      applicantName: '欧***',
      idNo: '440305********0011',
      mobile: '138****8000',
      postalAddress: '广********',
      childName: '欧***',
      reason: 'housing',
      agree: true,
      caseNote: '窗口已核对原件',
      removedField: '旧******',
    });
  });
});

describe('an OCR reading as staff see it', () => {
  // Lines as PaddleOCR read a 居住证 page (a reading kept from the SANE end-to-end run, numbers fictional).
  const reading: MaterialReading = {
    engine: 'paddle',
    blank: false,
    image: { width: 2481, height: 3509 },
    confidence: 99,
    documentType: 'residence-permit',
    lines: [
      { text: '广东省居住证', confidence: 99, box: { x0: 900, y0: 200, x1: 1500, y1: 280 } },
      { text: '姓名赵敏性别女民族汉', confidence: 99, box: { x0: 200, y0: 400, x1: 1800, y1: 470 } },
      { text: '出生1994年8月21日', confidence: 99, box: { x0: 200, y0: 500, x1: 1200, y1: 570 } },
      { text: '公民身份号码 430121199408210043', confidence: 99, box: { x0: 200, y0: 600, x1: 2000, y1: 670 } },
      { text: '联系电话13800138000 caseNote备注', confidence: 90, box: { x0: 200, y0: 700, x1: 2000, y1: 770 } },
    ],
    fields: [
      { field: 'applicantName', value: '赵敏', confidence: 99, label: '姓名', confirm: false, line: 1 },
      { field: 'reason', value: '女', confidence: 99, label: '性别', confirm: false, line: 1 },
      { field: 'birthDate', value: '1994-08-21', confidence: 99, label: '出生', confirm: false, line: 2 },
      { field: 'idNo', value: '430121199408210043', confidence: 99, label: '公民身份号码', confirm: false, line: 3 },
      { field: 'caseNote', value: '备注', confidence: 60, label: 'caseNote', confirm: true, line: 4 },
    ],
  };

  it('masks each field as the form masks it, in the field and in its line as printed, and any ID or mobile number left', () => {
    const masked = maskReading(item, reading);
    expect(masked.fields.map((f) => f.value)).toEqual(['赵*', '女', '1********', '430121********0043', '备注']);
    expect(masked.lines.map((l) => l.text)).toEqual([
      '广东省居住证',
      '姓名赵*性别女民族汉',
      '出生1********',
      '公民身份号码430121********0043',
      '联系电话138****8000 caseNote备注',
    ]);
    // Boxes, confidences and sources are untouched: the desk still draws and links them.
    expect(masked.lines.map((l) => l.box)).toEqual(reading.lines.map((l) => l.box));
    expect(masked.fields.map((f) => [f.line, f.confirm])).toEqual(reading.fields.map((f) => [f.line, f.confirm]));
  });

  it('masks the reading of a case’s materials and leaves other materials alone', () => {
    const [scan, paper] = maskMaterials([{ code: 'residence-permit', blob: 'a'.repeat(64), ocr: reading }, { code: 'photo', paperChecked: true }], item);
    expect(JSON.stringify(scan)).not.toContain('430121199408210043');
    expect(JSON.stringify(scan)).not.toContain('赵敏');
    expect(paper).toEqual({ code: 'photo', paperChecked: true });
  });
});
