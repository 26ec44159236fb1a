import { useState } from 'preact/hooks';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { screen } from '../state/store';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

export function PinPad() {
  const t = useT();
  const api = useApi();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const press = (key: (typeof KEYS)[number]) => {
    if (key === 'clear') setPin('');
    else if (key === 'back') setPin(pin.slice(0, -1));
    else if (pin.length < 12) setPin(pin + key);
  };
  const submit = async () => {
    const outcome = await api.call('setup.unlock', { pin });
    setPin('');
    if (outcome.unlocked) {
      screen.value = 'setup';
      return;
    }
    if (outcome.reason === 'locked-out') setMessage(t('setup.pinLockedOut', { seconds: outcome.retryAfterSeconds ?? 0 }));
    else if (outcome.reason === 'no-pin-set') setMessage(t('setup.pinNotSet'));
    else setMessage(t('setup.pinWrong'));
  };

  return (
    <main class="screen centred" aria-labelledby="pin-title">
      <h1 id="pin-title">{t('setup.pinTitle')}</h1>
      <p class="lead" id="pin-prompt">{t('setup.pinPrompt')}</p>
      <output class="pin-dots" aria-describedby="pin-prompt" aria-live="polite">
        {'●'.repeat(pin.length) || ' '}
      </output>
      {message && (
        <p class="problem" role="alert">
          {message}
        </p>
      )}
      <div class="pin-keys">
        {KEYS.map((key) => (
          <button type="button" key={key} class="button secondary pin-key" onClick={() => press(key)}>
            {key === 'clear' ? t('setup.clear') : key === 'back' ? t('keyboard.delete') : key}
          </button>
        ))}
      </div>
      <div class="form-actions">
        <button type="button" class="button secondary main-action" onClick={() => (screen.value = 'attract')}>
          {t('setup.cancel')}
        </button>
        <button type="button" class="button primary main-action" disabled={pin.length < 4} onClick={() => void submit()}>
          {t('setup.unlock')}
        </button>
      </div>
    </main>
  );
}
