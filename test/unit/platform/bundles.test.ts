import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BundleDefinitionError, expandBundles } from '../../../contract/platform/bundles';
import { Catalogue } from '../../../contract/platform/catalogue';
import { itemCaseId } from '../../../platform/core/acceptance';

const t = (zh: string) => ({ 'zh-CN': zh });
function item(code: string, fields: { name: string; type: 'text' | 'phone' | 'choice' }[], extra: Record<string, unknown> = {}) {
  return {
    code,
    name: t(code),
    category: 'c',
    department: t('部门'),
    kind: 'application',
    summary: t('摘要'),
    materials: [{ code: `${code}-paper`, name: t('材料'), required: true }],
    form: { fields: fields.map((f) => ({ ...f, label: t(f.name), ...(f.type === 'choice' ? { options: [{ value: 'a', label: t('a') }] } : {}) })) },
    timeLimitDays: 1,
    feeCents: 0,
    resultDelivery: t('领取'),
    counterVisit: 'none',
    ...extra,
  };
}

function catalogue(items: unknown[]) {
  return Catalogue.parse({ version: '1', demo: true, categories: [{ code: 'c', name: t('类') }], items });
}

describe('一件事 bundles', () => {
  it('asks each shared answer once and unions the materials', () => {
    const expanded = expandBundles(
      catalogue([
        item('a', [{ name: 'name', type: 'text' }, { name: 'phone', type: 'phone' }, { name: 'onlyA', type: 'text' }]),
        item('b', [{ name: 'name', type: 'text' }, { name: 'phone', type: 'phone' }, { name: 'onlyB', type: 'choice' }]),
        item('ab', [{ name: 'collectMode', type: 'choice' }], { kind: 'bundle', bundleOf: ['a', 'b'], materials: [] }),
      ]),
    );
    const bundle = expanded.items.find((i) => i.code === 'ab')!;
    expect(bundle.form.fields.map((f) => f.name)).toEqual(['collectMode', 'name', 'phone', 'onlyA', 'onlyB']);
    expect(bundle.materials.map((m) => m.code)).toEqual(['a-paper', 'b-paper']);
    // Installing twice changes nothing.
    expect(expandBundles(expanded)).toEqual(expanded);
  });

  it('refuses two items asking different questions under one name, and names both', () => {
    const conflicting = catalogue([
      item('a', [{ name: 'phone', type: 'phone' }]),
      item('b', [{ name: 'phone', type: 'text' }]),
      item('ab', [], { kind: 'bundle', bundleOf: ['a', 'b'] }),
    ]);
    expect(() => expandBundles(conflicting)).toThrow(BundleDefinitionError);
    expect(() => expandBundles(conflicting)).toThrow(/"phone" is a text in b but a phone in a/);
    expect(() => expandBundles(catalogue([item('a', []), item('ab', [], { kind: 'bundle', bundleOf: ['a', 'zz'] })]))).toThrow(/item zz is not in the catalogue/);
  });

  it('gives each item case a stable, valid UUID', () => {
    const bundleId = '0190b6e1-7c4a-7000-8000-000000000001';
    const id = itemCaseId(bundleId, 'resident-medical-enrolment');
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(itemCaseId(bundleId, 'resident-medical-enrolment')).toBe(id);
    expect(itemCaseId(bundleId, 'social-security-card-application')).not.toBe(id);
  });
});
