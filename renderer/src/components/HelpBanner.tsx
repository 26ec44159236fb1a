import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { callForHelp, cancelHelp, help } from '../state/help';

/**
 * Where a help call stands, as a banner under the toolbar (no pop-up, as elder mode asks):
 * sent and waiting (the citizen may cancel), someone coming, or not sent — said plainly, with
 * what to do instead.
 */
export function HelpBanner() {
  const t = useT();
  const api = useApi();
  const state = help.value;
  if (!state) return null;
  const dismiss = () => (help.value = null);
  return (
    <section class={`help-banner ${state.state}`} role={state.state === 'failed' ? 'alert' : 'status'} data-testid="help-banner" data-state={state.state}>
      {state.state === 'sending' && <p>{t('help.sending')}</p>}
      {state.state === 'waiting' && (
        <>
          <p>{t('help.waiting')}</p>
          <button type="button" class="button secondary" onClick={() => void cancelHelp(api)}>
            {t('help.cancel')}
          </button>
        </>
      )}
      {state.state === 'coming' && (
        <>
          <p>
            <strong>{t('help.coming')}</strong> {state.staffName && t('help.comingWho', { name: state.staffName })}
          </p>
          <button type="button" class="button secondary" onClick={dismiss}>
            {t('help.understood')}
          </button>
        </>
      )}
      {state.state === 'failed' && (
        <>
          <p>{t('help.failed')}</p>
          <button type="button" class="button primary" onClick={() => void callForHelp(api)}>
            {t('action.retry')}
          </button>
          <button type="button" class="button secondary" onClick={dismiss}>
            {t('help.close')}
          </button>
        </>
      )}
    </section>
  );
}
