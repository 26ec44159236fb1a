import { describe, expect, it } from 'vitest';
import { checkedLayout } from '../../../drivers/idcard/text-block';
import layouts from '../../../drivers/idcard/text-block-layouts.json' with { type: 'json' };

describe('the text-block layouts as data', () => {
  it('accepts every layout as written', () => {
    for (const [kind, table] of Object.entries(layouts)) expect(() => checkedLayout(kind as 'resident', table as Record<string, number[]>)).not.toThrow();
  });

  it('names the kind and the field of an overlapping, odd or out-of-block span', () => {
    expect(() => checkedLayout('resident', { name: [0, 30], sex: [28, 2] })).toThrow('text-block-layouts.json: resident.sex overlaps name at byte 28');
    expect(() => checkedLayout('resident', { name: [1, 30] })).toThrow(/resident\.name \[1, 30\] is not an even span/);
    expect(() => checkedLayout('hmt-residence', { passNumber: [240, 18] })).toThrow(/hmt-residence\.passNumber .* first 248 bytes/);
  });
});
