import { describe, expect, it } from 'vitest';
import { spellCode, spokenText } from '../../../main/speech/spoken-text';
import { hasSurname, pickCandidate, queryable, typePinyin } from '../../../renderer/src/keyboard/composition';
import { checkField } from '../../../contract/forms/validate';

describe('codes are spelled, words are not', () => {
  it('reads digits as Mandarin digits one by one and spells letters', () => {
    expect(spellCode('A023', 'zh-CN')).toBe('A，零，二，三');
    expect(spellCode('2026-0012', 'en')).toBe('2, 0, 2, 6, 0, 0, 1, 2');
    expect(spokenText([{ text: '排队号' }, { code: 'B7' }], 'zh-CN')).toBe('排队号 B，七');
  });
});

describe('the pinyin composition', () => {
  it('keeps letters out of the field until a candidate is picked', () => {
    let typed = '';
    for (const key of 'zhangsan') typed = typePinyin(typed, key);
    expect(typed).toBe('zhangsan');
    expect(typePinyin(typed, '1')).toBe('zhangsan');
    expect(pickCandidate('', typed, { text: '张', consumes: 5 })).toEqual({ value: '张', composition: 'san' });
    expect(pickCandidate('', "xi'an", { text: '西', consumes: 2 })).toEqual({ value: '西', composition: 'an' });
    expect(queryable("'")).toBeUndefined();
    expect(hasSurname('张')).toBe(true);
    expect(hasSurname('')).toBe(false);
  });
});

describe('a Chinese name and a digits-only field', () => {
  const name = { name: 'agentName', label: { 'zh-CN': '代办人姓名' }, type: 'personName' as const, required: true };
  const account = { name: 'bankAccount', label: { 'zh-CN': '银行账号' }, type: 'digits' as const, required: true, minLength: 12 };
  it('refuses raw letters in a name, accepts Han characters and the middle dot', () => {
    expect(checkField(name, 'zhang三')?.code).toBe('notChineseName');
    expect(checkField(name, 'Li Ming')?.code).toBe('notChineseName');
    expect(checkField(name, '张堃')).toBeUndefined();
    expect(checkField(name, '阿依古丽·买买提')).toBeUndefined();
    expect(checkField(name, '·买买提')?.code).toBe('notChineseName');
    // The card's own name stays acceptable where it is all there is (a foreigner's permanent residence card).
    expect(checkField({ ...name, prefill: 'name' }, 'SMITH JOHN')).toBeUndefined();
  });
  it('takes digits only in a bank account', () => {
    expect(checkField(account, '6222 0202 0011')?.code).toBe('notDigits');
    expect(checkField(account, '622202020011')).toBeUndefined();
    expect(checkField(account, '62220')?.code).toBe('tooShort');
  });
});
