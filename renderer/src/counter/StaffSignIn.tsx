import { useState } from 'preact/hooks';
import type { SignInOutcome } from '../../../contract/terminal/counter-api';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { counterMessage, counterStatus } from './counter-store';

type Failure = Extract<SignInOutcome, { ok: false }>['reason'];

/** Sign-in (nobody at the desk, or the session expired) and unlock (the same clerk, locked). */
export function StaffSignIn({ mode }: { mode: 'sign-in' | 'unlock' | 'expired' }) {
  const t = useT();
  const api = useApi();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  const staff = counterStatus.value?.staff;

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const outcome = mode === 'unlock' ? await api.call('counter.unlock', { password }) : await api.call('counter.signIn', { username, password });
      setPassword('');
      if (outcome.ok) {
        counterMessage.value = null;
        counterStatus.value = outcome.status;
      }
      else setFailure(outcome.reason);
    } catch {
      setFailure('unreachable');
    } finally {
      setBusy(false);
    }
  };

  const title = mode === 'unlock' ? t('counter.lockedTitle') : t('counter.signInTitle');
  return (
    <main class="screen centred counter-sign-in" aria-labelledby="counter-sign-in-title">
      <h1 id="counter-sign-in-title">{title}</h1>
      {mode === 'expired' && (
        <p class="problem" role="alert">
          {t('counter.expired')}
        </p>
      )}
      {mode === 'unlock' && staff && <p class="lead">{t('counter.lockedHint', { name: staff.displayName })}</p>}
      <form class="counter-form" onSubmit={(e) => void submit(e)}>
        {mode !== 'unlock' && (
          <label>
            {t('counter.username')}
            <input name="username" autocomplete="username" required value={username} onInput={(e) => setUsername(e.currentTarget.value)} />
          </label>
        )}
        <label>
          {t('counter.password')}
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            required
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        {failure && (
          <p class="problem" role="alert">
            {t(`counter.signInFailed.${failure}`)}
          </p>
        )}
        <div class="form-actions">
          {mode === 'unlock' && (
            <button type="button" class="button secondary" onClick={() => void api.call('counter.signOut', {})}>
              {t('counter.signOut')}
            </button>
          )}
          <button type="submit" class="button primary" disabled={busy}>
            {mode === 'unlock' ? t('counter.unlock') : t('counter.signIn')}
          </button>
        </div>
      </form>
    </main>
  );
}
