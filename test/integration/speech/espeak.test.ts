import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { SpeechService } from '../../../main/speech/speech-service';

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-speech-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** sox's own measure of a file: its length and its RMS level. */
function soxStat(wav: Buffer): { seconds: number; rms: number } {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.wav`);
  writeFileSync(file, wav);
  // sox prints its statistics on stderr.
  const result = spawnSync('sox', [file, '-n', 'stat'], { encoding: 'utf8' }).stderr;
  const number = (label: string) => Number(new RegExp(`${label}:\\s+(-?[\\d.]+)`).exec(result)?.[1]);
  return { seconds: number('Length \\(seconds\\)'), rms: number('RMS\\s+amplitude') };
}

describe('read-aloud through the real espeak-ng (cmn-latn-pinyin)', () => {
  const speech = new SpeechService({ log: pino({ level: 'silent' }) });

  it('makes a non-silent Mandarin WAV of a screen title', async () => {
    const { wav, seconds } = await speech.say([{ text: '欢迎使用自助服务。请将身份证放在读卡区。' }], 'zh-CN');
    const bytes = Buffer.from(wav, 'base64');
    expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
    const stat = soxStat(bytes);
    expect(stat.seconds).toBeGreaterThan(1.5);
    expect(Math.abs(stat.seconds - seconds)).toBeLessThan(0.05);
    expect(stat.rms).toBeGreaterThan(0.02);
  });

  it('reads a code digit by digit: A023 lasts longer than the number 23 would', async () => {
    const code = soxStat(Buffer.from((await speech.say([{ text: '您的排队号' }, { code: 'A0231' }], 'zh-CN')).wav, 'base64'));
    const number = soxStat(Buffer.from((await speech.say([{ text: '您的排队号A0231' }], 'zh-CN')).wav, 'base64'));
    expect(code.seconds).toBeGreaterThan(number.seconds);
  });

  it('fails in the technician’s terms when espeak-ng is missing', async () => {
    const missing = new SpeechService({ log: pino({ level: 'silent' }), command: '/nonexistent/espeak-ng' });
    await expect(missing.say([{ text: '你好' }], 'zh-CN')).rejects.toThrow(/espeak-ng/);
  });
});
