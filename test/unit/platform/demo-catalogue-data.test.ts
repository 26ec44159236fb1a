import { describe, expect, it } from 'vitest';
import { checkedCatalogue } from '../../../platform/catalogue/demo-catalogue';
import raw from '../../../platform/catalogue/demo-catalogue.json' with { type: 'json' };

describe('the demo catalogue as data', () => {
  it('passes the catalogue schema as written', () => {
    expect(checkedCatalogue(raw, 'demo-catalogue.json').items.map((i) => i.code)).toContain('si-contribution-certificate');
  });

  it('names the file and the path of a wrong entry', () => {
    const broken = structuredClone(raw) as { items: { form: { fields: { type: string }[] } }[] };
    broken.items[1]!.form.fields[0]!.type = 'colour';
    expect(() => checkedCatalogue(broken, 'demo-catalogue.json')).toThrow(/^demo-catalogue\.json: items\.1\.form\.fields\.0\.type: /);
  });
});
