import { describe, expect, it } from 'vitest';
import { birthDateFromIdNumber, idNumberCheckCharacter, idNumberProblem, maskIdNumber, maskPhone } from '../../../contract/platform/id-number';

describe('GB 11643 identity numbers', () => {
  it('computes the MOD 11-2 check character, X included', () => {
    expect(idNumberCheckCharacter('11010519491231002')).toBe('X');
    expect(idNumberCheckCharacter('44030519991231001')).toBe('1');
  });

  it('accepts a valid number and says what is wrong with a bad one', () => {
    expect(idNumberProblem('11010519491231002X')).toBeUndefined();
    expect(idNumberProblem('110105194912310021')).toMatch(/check character/);
    expect(idNumberProblem('110105194902300021')).toMatch(/birth date/);
    expect(idNumberProblem('11010519491231002x')).toMatch(/17 digits/);
  });

  it('reads the birth date', () => {
    expect(birthDateFromIdNumber('11010519491231002X')).toBe('1949-12-31');
  });

  it('masks to the first 6 and last 4 characters, and phones to 3 + 4', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
    expect(maskPhone('13800138000')).toBe('138****8000');
  });
});
