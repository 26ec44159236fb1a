/**
 * Reads a call aloud in Mandarin. Where no voice is installed (a headless browser) nothing is
 * heard, but every utterance is still recorded on the page, so what was to be said is observable.
 */
export const spoken: string[] = [];

declare global {
  interface Window {
    tongbanUtterances?: string[];
  }
}

export function announce(text: string): void {
  spoken.push(text);
  window.tongbanUtterances = spoken;
  if (!('speechSynthesis' in window)) return;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = 'zh-CN';
  utterance.rate = 0.9;
  const voice = window.speechSynthesis.getVoices().find((v) => v.lang.replace('_', '-').startsWith('zh-CN'));
  if (voice) utterance.voice = voice;
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(utterance);
}
