import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { HandwritingService } from '../../../main/handwriting/handwriting-service';

const require = createRequire(import.meta.url);
const hanziData = path.dirname(require.resolve('hanzi-writer-data/package.json'));
const log = pino({ level: 'silent' });

/** hanzi-writer-data's medians: a 1024 box, y up, the baseline 900 from the top. */
function strokes(medians: [number, number][][]): [number, number][][] {
  return medians.map((m) => m.map(([x, y]) => [x / 2, (900 - y) / 2] as [number, number]));
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

  it('says plainly when the model is missing', () => {
    const missing = new HandwritingService({ log, modelPath: '/nonexistent/handwriting.model' });
    expect(missing.available).toBe(false);
    expect(() => missing.recognise({ strokes: [[[1, 1]]], width: 100, height: 100, limit: 5 })).toThrow(/zinnia/);
  });
});
