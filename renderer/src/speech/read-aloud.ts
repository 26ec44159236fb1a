import { computed } from '@preact/signals';
import type { SpeechPart } from '../../../contract/terminal/input-api';
import type { Locale, TerminalApi } from '../../../contract/terminal/api';
import { largeType, readAloudChoice } from '../state/store';

/** On by default in 长辈版, off in the standard size, until the citizen chooses with the toolbar switch. */
export const readAloud = computed(() => readAloudChoice.value ?? largeType.value);

let context: AudioContext | undefined;
let playing: AudioBufferSourceNode | undefined;
let latest = 0;

function wavBytes(base64: string): ArrayBuffer {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

/** Stops what is being read; a newer screen always wins over an older one. */
export function stopSpeaking(): void {
  latest++;
  playing?.stop();
  playing = undefined;
}

/**
 * Speech is made by the terminal process (espeak-ng) and played here through Web Audio, which
 * needs no media URL in the page's CSP. A failure to speak is silent: the screen still shows it all.
 */
export async function speak(api: TerminalApi, parts: SpeechPart[], lang: Locale): Promise<void> {
  if (!readAloud.value || parts.length === 0) return;
  const mine = ++latest;
  try {
    const { wav } = await api.call('speech.synthesize', { parts, lang });
    if (mine !== latest) return;
    context ??= new AudioContext();
    const buffer = await context.decodeAudioData(wavBytes(wav));
    if (mine !== latest) return;
    playing?.stop();
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.connect(context.destination);
    source.start();
    playing = source;
  } catch {
    // Nothing to tell the citizen: the words are on the screen.
  }
}
