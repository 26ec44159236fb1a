import { spawn } from 'node:child_process';

/** espeak-ng's Mandarin voice that reads Hanzi as Mandarin (plain `cmn` reads them as pinyin in English). */
const VOICES = { 'zh-CN': 'cmn-latn-pinyin', en: 'en' } as const;
const WORDS_PER_MINUTE = { normal: 150, slow: 130 } as const;

export interface Synthesis {
  wav: Buffer;
  /** From the start of the process to its first bytes of audio. */
  firstAudioMs: number;
}

/**
 * One espeak-ng process per utterance, the text on stdin (never on a command line that `ps`
 * shows), the WAV on stdout. espeak-ng writes a RIFF header with unknown lengths when streaming;
 * the sizes are patched so any decoder takes it.
 */
export function synthesize(text: string, lang: 'zh-CN' | 'en', command = 'espeak-ng'): Promise<Synthesis> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstAudioMs = -1;
    const child = spawn(command, ['-v', VOICES[lang], '-s', String(WORDS_PER_MINUTE.slow), '--stdout'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (firstAudioMs < 0) firstAudioMs = performance.now() - started;
      chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => reject(new Error(`${command} could not start: ${error.message}`)));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${command} exited with ${code}: ${stderr.trim().slice(0, 200)}`));
      const wav = Buffer.concat(chunks);
      if (wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF') return reject(new Error(`${command} produced no WAV (${wav.length} bytes)`));
      wav.writeUInt32LE(wav.length - 8, 4);
      const data = wav.indexOf('data', 12, 'ascii');
      if (data > 0) wav.writeUInt32LE(wav.length - data - 8, data + 4);
      resolve({ wav, firstAudioMs });
    });
    child.stdin.end(text);
  });
}

/** Seconds of audio in a PCM WAV, from its header. */
export function wavSeconds(wav: Buffer): number {
  const byteRate = wav.readUInt32LE(28);
  const data = wav.indexOf('data', 12, 'ascii');
  return byteRate > 0 && data > 0 ? wav.readUInt32LE(data + 4) / byteRate : 0;
}
