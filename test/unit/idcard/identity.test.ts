import { describe, expect, it } from 'vitest';
import {
  IdentityJsonSchema,
  foreignPermanent2017Problem,
  foreignPermanent2023Problem,
  gb11643CheckCharacter,
  gb11643Problem,
  idNumberProblemFor,
  identityToJson,
  isExpired,
  maskIdNumber,
  mrzCheckDigit,
  nationName,
  NATIONS,
  SEXES,
} from '../../../contract/identity';
import { decodeAnswerFrame } from '../../../drivers/idcard/read-answer';
import { readFixture } from './fixtures';

const today = new Date(2026, 10, 23);

describe('GB 11643 ID numbers', () => {
  it('computes the check character, X for 10', () => {
    // The standard's own example number.
    expect(gb11643CheckCharacter('11010519491231002')).toBe('X');
    expect(gb11643Problem('11010519491231002X', today)).toBeUndefined();
  });

  it('rejects a lower-case x, a wrong check, a bad region, an impossible or future birth date', () => {
    expect(gb11643Problem('11010519491231002x', today)).toMatch(/upper-case X/);
    expect(gb11643Problem('110105194912310021', today)).toMatch(/check character is 1, expected X/);
    expect(gb11643Problem(`990105194912310020`, today)).toMatch(/region code 990105/);
    const feb30 = `11010519490230002`;
    expect(gb11643Problem(feb30 + gb11643CheckCharacter(feb30), today)).toMatch(/not a real past date/);
    const future = `11010520300101002`;
    expect(gb11643Problem(future + gb11643CheckCharacter(future), today)).toMatch(/not a real past date/);
    expect(gb11643Problem('1101051949123100', today)).toMatch(/17 digits/);
  });

  it('tells resident numbers from HK/Macao/Taiwan permit numbers', () => {
    const hk = `81000019900101001`;
    const n = hk + gb11643CheckCharacter(hk);
    expect(idNumberProblemFor('hmt-residence', n, today)).toBeUndefined();
    expect(idNumberProblemFor('resident', n, today)).toMatch(/HK\/Macao\/Taiwan/);
    expect(idNumberProblemFor('hmt-residence', '11010519491231002X', today)).toMatch(/810000/);
  });

  it('checks both foreigner forms', () => {
    const old = `USA1100800115${'1'}`;
    expect(foreignPermanent2017Problem(old + mrzCheckDigit(old), today)).toBeUndefined();
    expect(foreignPermanent2017Problem(old + String((Number(mrzCheckDigit(old)) + 1) % 10), today)).toMatch(/check digit/);
    expect(foreignPermanent2017Problem('usa110080011510', today)).toMatch(/upper-case letters/);
    const neu = '91184019920202012';
    expect(foreignPermanent2023Problem(neu + gb11643CheckCharacter(neu), today)).toBeUndefined();
    expect(foreignPermanent2023Problem(`81184019920202012${gb11643CheckCharacter('81184019920202012')}`, today)).toMatch(/must be 9/);
  });

  it('masks to the first 6 and last 4 characters', () => {
    expect(maskIdNumber('31010419900909123X')).toBe('310104********123X');
    expect(maskIdNumber('USA110080011510')).toBe('USA110*****1510');
    expect(maskIdNumber('12345')).toBe('*****');
  });
});

describe('codes and expiry', () => {
  it('has the 56 nationalities plus 97 and 98, and rejects non-standard codes', () => {
    expect(Object.keys(NATIONS)).toHaveLength(58);
    expect(nationName('01')).toBe('汉');
    expect(nationName('46')).toBe('德昂');
    expect(nationName('98')).toBe('外国血统中国籍人士');
    expect(nationName('57')).toBeUndefined();
    expect(nationName('toString')).toBeUndefined();
    expect(SEXES['1']).toBe('男');
    expect(SEXES['2']).toBe('女');
  });

  it('treats 长期 as never expiring and a card as valid through its last day', () => {
    expect(isExpired(null, today)).toBe(false);
    expect(isExpired('2026-11-23', today)).toBe(false);
    expect(isExpired('2026-11-22', today)).toBe(true);
  });

  it('produces JSON that its schema accepts, for every kind', () => {
    for (const id of ['resident', 'hmt', 'foreign-2017', 'foreign-2023', 'long-term']) {
      const result = decodeAnswerFrame(readFixture(id), today);
      if (!result.ok) throw new Error(result.error);
      expect(IdentityJsonSchema.safeParse(identityToJson(result.identity)).success).toBe(true);
    }
  });
});
