import { describe, expect, it } from 'vitest';
import { isPersonalField, type ServiceItem } from '../../../contract/platform/catalogue';
import { maskForm } from '../../../platform/core/masking';

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
