import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import pino from 'pino';
import { pinyin } from 'pinyin-pro';
import { HandwritingService } from '../../main/handwriting/handwriting-service';
import { ImeService } from '../../main/ime/ime-service';
import { TableEngine } from '../../main/ime/table-engine';
import { synthesize } from '../../main/speech/espeak-voice';
import { padStrokes, seeded } from '../../test/e2e/support/handwriting';
import { nameCharacters } from './name-characters';

const log = pino({ level: 'silent' });
const require = createRequire(import.meta.url);
const hanziData = path.dirname(require.resolve('hanzi-writer-data/package.json'));
const PAD = 344;

export interface Stats {
  median: number;
  p95: number;
  n: number;
}

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
  return { median: Math.round(at(0.5) * 100) / 100, p95: Math.round(at(0.95) * 100) / 100, n: samples.length };
}

function time<T>(run: () => T): [T, number] {
  const t0 = performance.now();
  const out = run();
  return [out, performance.now() - t0];
}

interface Accuracy {
  top1: number;
  top5: number;
}

const percent = (hits: number, of: number) => Math.round((hits / of) * 1000) / 10;

/**
 * One recogniser over the name characters, each written once as on the pad (candidates after
 * every stroke, each time for all strokes so far): top-1 and top-5 over all, over the characters
 * at even and at odd places (two halves, so a change is kept only if it helps both), and the time
 * from each stroke's end to its candidates.
 */
function handwritingRun(service: HandwritingService, chars: readonly string[]) {
  const [, loadMs] = time(() => service.available);
  const random = seeded(13);
  const hits = [0, 0, 0, 0]; // top-1 even, top-1 odd, top-5 even, top-5 odd
  const strokeEnd: number[] = [];
  const missed: string[] = [];
  chars.forEach((char, index) => {
    const strokes = padStrokes(char, PAD, random);
    let last: string[] = [];
    for (let n = 1; n <= strokes.length; n++) {
      const [answer, ms] = time(() => service.recognise({ strokes: strokes.slice(0, n), width: PAD, height: PAD, limit: 10 }));
      strokeEnd.push(ms);
      last = answer.candidates;
    }
    const half = index % 2;
    if (last[0] === char) hits[half]!++;
    if (last.slice(0, 5).includes(char)) hits[2 + half]!++;
    else missed.push(char);
  });
  service.close();
  const even = Math.ceil(chars.length / 2);
  const odd = chars.length - even;
  const half = (k: number): Accuracy => ({ top1: percent(hits[k]!, k ? odd : even), top5: percent(hits[2 + k]!, k ? odd : even) });
  return {
    top1: percent(hits[0]! + hits[1]!, chars.length),
    top5: percent(hits[2]! + hits[3]!, chars.length),
    evenHalf: half(0),
    oddHalf: half(1),
    notInTop5: missed.join(''),
    modelLoadMs: Math.round(loadMs),
    strokeEndToCandidatesMs: stats(strokeEnd),
  };
}

/**
 * Handwriting as the kiosk runs it (the Chinese and Japanese Zinnia models fused), beside the
 * Chinese model alone in the same run, over the same strokes.
 */
export function handwritingFigures() {
  const chars = nameCharacters().filter((c) => existsSync(path.join(hanziData, `${c}.json`)));
  return {
    characters: chars.length,
    ...handwritingRun(new HandwritingService({ log }), chars),
    baseline: { chineseModelAlone: handwritingRun(new HandwritingService({ log, kanjiModelPath: false }), chars) },
  };
}

/** Pinyin: every keystroke of 200 names typed in a name field, librime beside the built-in table. */
function pinyinKeystrokes() {
  const ime = new ImeService({ log });
  const [, loadMs] = time(() => ime.engine);
  const table = new TableEngine();
  const chars = nameCharacters();
  const random = seeded(5);
  const names = Array.from({ length: 200 }, () => Array.from({ length: 3 }, () => chars[Math.floor(random() * chars.length)]!).join(''));
  const rime: number[] = [];
  const baseline: number[] = [];
  for (const name of names) {
    const letters = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true }).join('').replace(/ü/g, 'v');
    for (let n = 1; n <= letters.length; n++) {
      const input = letters.slice(0, n);
      rime.push(time(() => ime.candidates({ input, kind: 'personName', hasSurname: false, limit: 40 }))[1]);
      baseline.push(time(() => table.candidates(input, 40))[1]);
    }
  }
  ime.close();
  return { engineLoadMs: Math.round(loadMs), keystrokeToCandidatesMs: stats(rime), baseline: { tableKeystrokeMs: stats(baseline) } };
}

function spawnTrue(): Promise<number> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    spawn('true').on('close', () => resolve(performance.now() - t0));
  });
}

/** Read-aloud: from the text to espeak-ng's first audio bytes, beside spawning a process that does nothing. */
async function speech() {
  const lines = ['欢迎使用自助服务。请将身份证放在读卡区。', '请选择要办理的事项。', '您还在操作吗？30 秒后将自动退出，并清除您的信息。', '提交成功。办件编号 二，零，二，六。'];
  const first: number[] = [];
  const whole: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < 10; i++) {
    for (const line of lines) {
      const t0 = performance.now();
      const { firstAudioMs } = await synthesize(line, 'zh-CN');
      whole.push(performance.now() - t0);
      first.push(firstAudioMs);
      baseline.push(await spawnTrue());
    }
  }
  return { textToFirstAudioMs: stats(first), textToWholeWavMs: stats(whole), baseline: { spawnNothingMs: stats(baseline) } };
}

export async function inputEngineFigures() {
  return { handwriting: handwritingFigures(), pinyin: pinyinKeystrokes(), speech: await speech() };
}
