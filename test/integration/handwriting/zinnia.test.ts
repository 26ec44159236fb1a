import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../main/api/dispatcher';
import { gb2312Hanzi } from '../../../main/handwriting/gb2312';
import { HandwritingService } from '../../../main/handwriting/handwriting-service';

const require = createRequire(import.meta.url);
const hanziData = path.dirname(require.resolve('hanzi-writer-data/package.json'));
const log = pino({ level: 'silent' });

/** hanzi-writer-data's medians: a 1024 box, y up, the baseline 900 from the top. */
function strokes(medians: [number, number][][]): [number, number][][] {
  return medians.map((m) => m.map(([x, y]) => [x / 2, (900 - y) / 2] as [number, number]));
}

function medianQuery(char: string, limit: number) {
  const data = JSON.parse(readFileSync(path.join(hanziData, `${char}.json`), 'utf8')) as { medians: [number, number][][] };
  return { strokes: strokes(data.medians), width: 512, height: 512, limit };
}

/** A logger whose warnings the test can read, as a technician reads the terminal's log. */
function recordingLog() {
  const lines: { level: number; msg: string; libraryNames?: string[]; modelPath?: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as (typeof lines)[number]);
      done();
    },
  });
  return { log: pino({ level: 'warn' }, sink), lines };
}

describe('handwriting through the real Zinnia with the tegaki Simplified Chinese model', () => {
  const service = new HandwritingService({ log });
  afterAll(() => service.close());

  it('recognises 王 from a literal fixture of stroke medians it was not trained on', () => {
    const fixture = JSON.parse(readFileSync('test/fixtures/handwriting/wang.json', 'utf8')) as { char: string; medians: [number, number][][] };
    const { candidates } = service.recognise({ strokes: strokes(fixture.medians), width: 512, height: 512, limit: 10 });
    expect(candidates.slice(0, 5)).toContain('王');
  });

  it('finds most common name characters among its first five', () => {
    const chars = [...'李王刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑秀英国美玲华明丽'];
    const hits = chars.filter((char) => {
      const data = JSON.parse(readFileSync(path.join(hanziData, `${char}.json`), 'utf8')) as { medians: [number, number][][] };
      return service.recognise({ strokes: strokes(data.medians), width: 512, height: 512, limit: 5 }).candidates.includes(char);
    });
    expect(hits.length / chars.length).toBeGreaterThanOrEqual(0.8);
  });

  it('finds with the Japanese model what the Chinese one alone does not, offering only GB 2312 hanzi', () => {
    // Each of these the Chinese model alone leaves out of its first five (measured); the Japanese
    // model, trained on other writers' kanji, finds them.
    const chars = [...'山安何秋光牛万菊妍庭炳旭姿健壮望'];
    const alone = new HandwritingService({ log, kanjiModelPath: false });
    try {
      const foundAlone = chars.filter((char) => alone.recognise(medianQuery(char, 5)).candidates.includes(char));
      const answers = chars.map((char) => service.recognise(medianQuery(char, 10)).candidates);
      const foundFused = chars.filter((char, i) => answers[i]!.slice(0, 5).includes(char));
      expect(foundAlone.length).toBeLessThanOrEqual(2);
      expect(foundFused.length).toBeGreaterThanOrEqual(chars.length - 2);
      const hanzi = gb2312Hanzi();
      expect(answers.flat().filter((text) => !hanzi.has(text))).toEqual([]);
    } finally {
      alone.close();
    }
  });

  it('works with the Chinese model alone, and says so, when the second model is missing', () => {
    const { log: recording, lines } = recordingLog();
    const partial = new HandwritingService({ log: recording, kanjiModelPath: '/nonexistent/handwriting-ja.model' });
    try {
      expect(partial.recognise(medianQuery('王', 5)).candidates).toContain('王');
      expect(lines.some((l) => l.level === 40 && l.modelPath === '/nonexistent/handwriting-ja.model' && /Chinese model alone/.test(l.msg))).toBe(true);
    } finally {
      partial.close();
    }
  });

  it('is off, with a reason a technician can act on, where libzinnia cannot be loaded (as on a Windows build without zinnia.dll)', () => {
    const { log: recording, lines } = recordingLog();
    const missing = new HandwritingService({ log: recording, libraryNames: ['zinnia-missing.dll', 'libzinnia-missing.so.0'] });
    expect(missing.available).toBe(false);
    let failure: unknown;
    try {
      missing.recognise({ strokes: [[[1, 1]]], width: 100, height: 100, limit: 5 });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ApiFailure);
    expect((failure as ApiFailure).code).toBe('unavailable');
    expect((failure as ApiFailure).message).toMatch(/libzinnia not found \(zinnia-missing\.dll, libzinnia-missing\.so\.0\)/);
    const warning = lines.find((l) => l.level === 40);
    expect(warning?.msg).toMatch(/handwriting \(手写\) is off.*libzinnia0.*zinnia\.dll.*Pinyin and the letter keys still work/);
    expect(warning?.libraryNames).toEqual(['zinnia-missing.dll', 'libzinnia-missing.so.0']);
  });

  it('says plainly when the model is missing', () => {
    const missing = new HandwritingService({ log, modelPath: '/nonexistent/handwriting.model' });
    expect(missing.available).toBe(false);
    expect(() => missing.recognise({ strokes: [[[1, 1]]], width: 100, height: 100, limit: 5 })).toThrow(/zinnia/);
  });
});
