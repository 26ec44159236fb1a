import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { agentCard } from '../state/store';

/**
 * 代办: above the agent's fields, the way to read the agent's own card. While it waits the
 * applicant's card may leave the reader; once read, the agent's name and masked number fill
 * the fields. Without a card the fields can still be typed.
 */
export function AgentCardPanel() {
  const t = useT();
  const api = useApi();
  const view = agentCard.value;
  const state = view?.state ?? 'idle';
  const read = () => void api.call('identity.readAgent', {}).then((v) => (agentCard.value = v));
  const cancel = () => void api.call('identity.cancelAgent', {}).then((v) => (agentCard.value = v));
  const waiting = state === 'waiting' || state === 'applicant-card' || state === 'expired';
  return (
    <section class="agent-card" aria-labelledby="agent-card-title" data-testid="agent-card" data-state={state}>
      <h2 id="agent-card-title">{t('agent.title')}</h2>
      {state === 'read' && view?.agent ? (
        <p class="lead" role="status">
          {t('agent.read', { name: view.agent.name, id: view.agent.idNumberMasked })}
        </p>
      ) : waiting ? (
        <>
          <p class="lead" role="status">
            {t('agent.place')}
          </p>
          {state === 'applicant-card' && (
            <p class="problem" role="alert">
              <span aria-hidden="true">⚠ </span>
              {t('agent.applicantCard')}
            </p>
          )}
          {state === 'expired' && (
            <p class="problem" role="alert">
              <span aria-hidden="true">⚠ </span>
              {t('agent.expired')}
            </p>
          )}
        </>
      ) : (
        <p>{t('agent.hint')}</p>
      )}
      <div class="agent-card-actions">
        {waiting ? (
          <button type="button" class="button secondary main-action" onClick={cancel}>
            {t('agent.cancel')}
          </button>
        ) : (
          <button type="button" class="button primary main-action" onClick={read}>
            {state === 'read' ? t('agent.readAgain') : t('agent.readButton')}
          </button>
        )}
      </div>
    </section>
  );
}
