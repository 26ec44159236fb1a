import { useT } from '../i18n/use-t';
import { useSpeak } from '../speech/use-speak';
import { useApi } from '../state/api-context';
import { beginSession, lastEndReason, notice, screen, terminalInfo } from '../state/store';

export function Attract() {
  const t = useT();
  const api = useApi();
  useSpeak('attract.welcome', 'attract.placeCard', notice.value);
  return (
    <main class="screen attract" aria-labelledby="attract-title">
      <h1 id="attract-title">{t('attract.welcome')}</h1>
      {lastEndReason.value && (
        <p class="note ended-reason" role="status" data-testid="ended-reason">
          {t(`ended.${lastEndReason.value}`)}
        </p>
      )}
      {notice.value && (
        <p class="notice" role="alert">
          {t(notice.value)}
        </p>
      )}
      <div class="card-hint" aria-hidden="true">
        <div class="card-shape" />
      </div>
      <p class="lead">{t('attract.placeCard')}</p>
      <p class="hint">{t('attract.placeCardHint')}</p>
      <button type="button" class="button primary main-action" onClick={() => void beginSession(api, 'touch')}>
        {t('attract.touchStart')}
      </button>
      <button
        type="button"
        class="button secondary main-action"
        onClick={() => void beginSession(api, 'touch').then(() => (screen.value = 'lookup'))}
      >
        {t('attract.lookup')}
      </button>
      {terminalInfo.value?.demo && <p class="demo-banner">{t('attract.demo')}</p>}
    </main>
  );
}
