import { useT } from '../i18n/use-t';
import { readAloudChoice } from '../state/store';
import { readAloud, stopSpeaking } from './read-aloud';

/** The toolbar's 语音播报 switch; its state is in words as well as in aria-pressed. */
export function ReadAloudSwitch() {
  const t = useT();
  const on = readAloud.value;
  return (
    <button
      type="button"
      class="button secondary"
      aria-pressed={on}
      data-testid="read-aloud"
      onClick={() => {
        if (on) stopSpeaking();
        readAloudChoice.value = !on;
      }}
    >
      {t('toolbar.readAloud')}
      <span class="switch-state"> {on ? t('toolbar.readAloudOn') : t('toolbar.readAloudOff')}</span>
    </button>
  );
}
