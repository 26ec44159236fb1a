import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImeService } from '../../../main/ime/ime-service';
import { RimeEngine } from '../../../main/ime/rime-engine';

const log = pino({ level: 'silent' });
const texts = (list: { text: string }[]) => list.map((c) => c.text);

describe('pinyin through the real librime (luna_pinyin_simp)', () => {
  let dir: string;
  let ime: ImeService;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tongban-rime-test-'));
    ime = new ImeService({ log, rime: { userDataDir: dir } });
  });
  afterAll(() => {
    ime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('converts whole phrases: zhangsan → 张三 first, and says how much each candidate covers', () => {
    const answer = ime.candidates({ input: 'zhangsan', kind: 'text', hasSurname: false, limit: 20 });
    expect(answer.engine).toBe('rime');
    expect(answer.candidates[0]).toEqual({ text: '张三', consumes: 8 });
    expect(answer.candidates.find((c) => c.text === '张')?.consumes).toBe(5);
  });

  it('puts the surname first in a name field, where the sentence model alone prefers 网秀英', () => {
    expect(texts(ime.candidates({ input: 'wangxiuying', kind: 'text', hasSurname: false, limit: 5 }).candidates)[0]).toBe('网秀英');
    expect(texts(ime.candidates({ input: 'wangxiuying', kind: 'personName', hasSurname: false, limit: 5 }).candidates)[0]).toBe('王秀英');
    expect(texts(ime.candidates({ input: 'chenmeiling', kind: 'personName', hasSurname: false, limit: 5 }).candidates)[0]).toBe('陈美玲');
    // A compound surname and a polyphonic one read as surnames (欧阳, 单 shan).
    expect(texts(ime.candidates({ input: 'ouyangxiu', kind: 'personName', hasSurname: false, limit: 10 }).candidates)).toContain('欧阳修');
    expect(texts(ime.candidates({ input: 'shan', kind: 'personName', hasSurname: false, limit: 40 }).candidates)).toContain('单');
  });

  it('finds name characters outside GB2312 (堃 玥 喆 翀)', () => {
    for (const [input, char] of [['kun', '堃'], ['yue', '玥'], ['zhe', '喆'], ['chong', '翀']] as const) {
      expect(texts(ime.candidates({ input, kind: 'personName', hasSurname: true, limit: 80 }).candidates)).toContain(char);
    }
  });

  it('learns nothing: the same candidates after a citizen typed and picked, after the session reset and in a new engine', () => {
    const queries = ['wangxiuying', 'lijianguo', 'zhangs', 'shi', 'kun'];
    const before = queries.map((input) => texts(ime.candidates({ input, kind: 'text', hasSurname: false, limit: 30 }).candidates));
    // A citizen's typing: partial picks go through librime's own selection.
    for (let i = 0; i < 20; i++) for (const input of ['lijianguo', 'zhangsan', 'shiyi', 'kunpeng']) ime.candidates({ input, kind: 'text', hasSurname: false, limit: 30 });
    ime.reset();
    const after = queries.map((input) => texts(ime.candidates({ input, kind: 'text', hasSurname: false, limit: 30 }).candidates));
    expect(after).toEqual(before);
    // No user dictionary was ever opened, and the deployed schema says so.
    expect(readdirSync(dir).filter((name) => name.includes('userdb'))).toEqual([]);
    expect(readFileSync(join(dir, 'build', 'luna_pinyin_simp.schema.yaml'), 'utf8')).toMatch(/enable_user_dict: false/);
  });

  it('a disposable data directory is removed when the engine closes', () => {
    const engine = new RimeEngine();
    expect(engine.candidates('ni', 3).length).toBeGreaterThan(0);
    const own = readdirSync(tmpdir()).filter((name) => name.startsWith('tongban-rime-'));
    engine.close();
    expect(readdirSync(tmpdir()).filter((name) => name.startsWith('tongban-rime-')).length).toBeLessThan(own.length);
  });
});

describe('the fallback where librime cannot be loaded', () => {
  it('offers the single-syllable table (GB2312 only) and converts the syllable at the front', () => {
    const ime = new ImeService({
      log,
      makeRime: () => {
        throw new Error('librime not found (rime.dll)');
      },
    });
    const answer = ime.candidates({ input: 'zhangsan', kind: 'personName', hasSurname: false, limit: 10 });
    expect(answer.engine).toBe('table');
    expect(answer.candidates.find((c) => c.text === '张')).toEqual({ text: '张', consumes: 5 });
    expect(texts(ime.candidates({ input: 'kun', kind: 'text', hasSurname: false, limit: 80 }).candidates)).not.toContain('堃');
  });
});
