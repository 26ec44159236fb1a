import { useRef } from 'preact/hooks';
import { useT } from '../i18n/use-t';
import { useSpeak } from '../speech/use-speak';
import { useApi } from '../state/api-context';
import { idleSecondsLeft } from '../state/store';

/** An inline banner rather than a modal: elder-mode guidance rules out pop-ups. */
export function IdleWarning() {
  const t = useT();
  const api = useApi();
  const seconds = idleSecondsLeft.value;
  // Said once when the warning appears, not at every tick of the countdown.
  const first = useRef<number | null>(null);
  if (seconds === null) first.current = null;
  else first.current ??= seconds;
  useSpeak(first.current !== null && { key: 'idle.warning', params: { seconds: first.current } });
  if (seconds === null) return null;
  const keepGoing = () => void api.call('session.activity', {});
  return (
    <section class="idle-warning" role="alert" data-testid="idle-warning">
      <p>{t('idle.warning', { seconds })}</p>
      <button type="button" class="button primary main-action" onClick={keepGoing}>
        {t('idle.continue')}
      </button>
    </section>
  );
}
