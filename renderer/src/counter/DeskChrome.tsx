import type { ComponentChildren } from 'preact';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { counterMessage, counterStatus } from './counter-store';

/** The bar at the top of every desk (window or back office): who works here, their actions, lock and sign-out. */
export function DeskBar({ title, children }: { title: string; children?: ComponentChildren }) {
  const t = useT();
  const api = useApi();
  const status = counterStatus.value!;
  return (
    <header class="counter-bar">
      <h1>{title}</h1>
      <p>{status.staff ? t('counter.staff', { name: status.staff.displayName }) : null}</p>
      <nav class="counter-bar-actions">
        {children}
        <button type="button" class="button secondary" onClick={() => void api.call('counter.lock', {})} aria-keyshortcuts="Alt+L">
          {t('counter.lock')}
        </button>
        <button type="button" class="button secondary" onClick={() => void api.call('counter.signOut', {})}>
          {t('counter.signOut')}
        </button>
      </nav>
    </header>
  );
}

/** The desk's one message line (a decision taken, a failure), read out by screen readers. */
export function MessageLine() {
  const message = counterMessage.value;
  return (
    <p class={`counter-message ${message?.kind ?? ''}`} role="status" aria-live="polite" data-testid="counter-message">
      {message?.text ?? ''}
    </p>
  );
}

/** 取消 and 确认 at the foot of every decision form. */
export function FormActions({ onCancel }: { onCancel: () => void }) {
  const t = useT();
  return (
    <div class="form-actions">
      <button type="button" class="button secondary" onClick={onCancel}>
        {t('counter.cancel')}
      </button>
      <button type="submit" class="button primary">
        {t('counter.confirm')}
      </button>
    </div>
  );
}
