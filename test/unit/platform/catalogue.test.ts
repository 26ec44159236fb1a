import { describe, expect, it } from 'vitest';
import { CASE_TRANSITIONS } from '../../../contract/platform/case-states';
import { Catalogue } from '../../../contract/platform/catalogue';
import { demoCatalogue } from '../../../platform/catalogue/demo-catalogue';

describe('the demo catalogue', () => {
  it('is marked demo, valid, and has about eight services of every kind', () => {
    expect(Catalogue.parse(demoCatalogue)).toEqual(demoCatalogue);
    expect(demoCatalogue.demo).toBe(true);
    expect(demoCatalogue.items.length).toBeGreaterThanOrEqual(8);
    expect(new Set(demoCatalogue.items.map((i) => i.kind))).toEqual(new Set(['certificate', 'application', 'bundle']));
    expect(demoCatalogue.items.find((i) => i.code === 'si-contribution-certificate')?.kind).toBe('certificate');
  });

  it('refers only to what exists: categories, bundled items, showIf fields and choice options', () => {
    const codes = new Set(demoCatalogue.items.map((i) => i.code));
    const categories = new Set(demoCatalogue.categories.map((c) => c.code));
    for (const item of demoCatalogue.items) {
      expect(categories.has(item.category), item.code).toBe(true);
      for (const code of item.bundleOf ?? []) expect(codes.has(code), `${item.code} bundles ${code}`).toBe(true);
      const names = item.form.fields.map((f) => f.name);
      expect(new Set(names).size, `${item.code} field names are unique`).toBe(names.length);
      for (const field of item.form.fields) {
        if (field.showIf) expect(names, `${item.code}.${field.name}`).toContain(field.showIf.field);
        if (field.type === 'choice') expect(field.options?.length, `${item.code}.${field.name}`).toBeGreaterThan(1);
      }
    }
  });

  it('invents no legal article numbers', () => {
    expect(JSON.stringify(demoCatalogue)).not.toMatch(/第[一二三四五六七八九十百零\d]+条|Article \d+/);
  });

  it('has final states with no way out', () => {
    expect(CASE_TRANSITIONS.completed).toEqual([]);
    expect(CASE_TRANSITIONS.rejected).toEqual([]);
    expect(CASE_TRANSITIONS.queued).toEqual(['claimed']);
  });
});
