import { isMessageKey, type MessageKey } from '../i18n';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { callForHelp } from '../state/help';

export interface ErrorPanelProps {
  /** A message key, or one that came from the terminal (checked before it is shown). */
  message: MessageKey | string;
  nextStep?: string | undefined;
  params?: Record<string, string | number>;
  onRetry?: (() => void) | undefined;
  retryLabel?: MessageKey;
  onBack?: (() => void) | undefined;
  testId?: string;
}

/**
 * No silent failure: whatever went wrong is said in plain words with the ways on — try again,
 * call a member of staff, or go back — rather than a screen that waits for ever.
 */
export function ErrorPanel({ message, nextStep, params, onRetry, retryLabel = 'action.retry', onBack, testId = 'error-panel' }: ErrorPanelProps) {
  const t = useT();
  const api = useApi();
  const say = (key: string) => (isMessageKey(key) ? t(key, params) : t('error.generic'));
  return (
    <section class="error-panel" role="alert" data-testid={testId}>
      <p class="error-message">
        <span aria-hidden="true">⚠ </span>
        {say(message)}
      </p>
      {nextStep && <p class="error-next">{say(nextStep)}</p>}
      <div class="error-actions">
        {onRetry && (
          <button type="button" class="button primary main-action" onClick={onRetry}>
            {t(retryLabel)}
          </button>
        )}
        <button type="button" class="button secondary main-action" onClick={() => void callForHelp(api)}>
          {t('help.call')}
        </button>
        {onBack && (
          <button type="button" class="button secondary main-action" onClick={onBack}>
            {t('action.back')}
          </button>
        )}
      </div>
    </section>
  );
}
