import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { idleSecondsLeft } from '../state/store';

/** An inline banner rather than a modal: elder-mode guidance rules out pop-ups. */
export function IdleWarning() {
  const t = useT();
  const api = useApi();
  const seconds = idleSecondsLeft.value;
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
