import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { decide } from './actions';
import { focusOnOpen } from './CaseReviewPanel';
import { pendingDecision } from './counter-store';

/**
 * 受理, 不予受理 and 办结 cannot be undone: each waits here for the clerk's confirmation, with the
 * focus on 确认 (Enter confirms, Esc goes back: the desk's shortcuts). A shortcut only ever opens this, never decides.
 */
export function ConfirmDecision({ onDone }: { onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const pending = pendingDecision.value;
  if (!pending) return null;
  const kind = pending.decision.decision;
  const cancel = () => (pendingDecision.value = null);
  const run = async () => {
    pendingDecision.value = null;
    if (await decide(api, pending.caseId, pending.decision)) onDone();
  };
  return (
    <div
      class="confirm-decision"
      role="alertdialog"
      aria-labelledby="confirm-decision-title"
      aria-describedby="confirm-decision-text"
      data-testid="confirm-decision"
    >
      <h3 id="confirm-decision-title">{t(`counter.confirmTitle.${kind}`, { number: pending.queueNumber })}</h3>
      <p id="confirm-decision-text">{t('counter.confirmIrreversible')}</p>
      <div class="form-actions">
        <button type="button" class="button secondary" onClick={cancel}>
          {t('counter.confirmBack')}
        </button>
        <button ref={(button) => focusOnOpen(button, pending)} type="button" class={`button ${kind === 'reject' ? 'danger' : 'primary'}`} onClick={() => void run()}>
          {t(`counter.confirmDo.${kind}`)}
        </button>
      </div>
    </div>
  );
}
