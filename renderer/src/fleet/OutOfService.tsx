import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { beginSession, screen } from '../state/store';
import { serviceState } from './use-fleet';

/** 暂停服务: staff took the kiosk out of service and said where to go instead. */
export function OutOfService() {
  const t = useT();
  return (
    <main class="screen centred" aria-labelledby="out-of-service-title" data-testid="out-of-service">
      <h1 id="out-of-service-title">{t('fleet.outOfService')}</h1>
      <p class="lead">{serviceState.value.message || t('fleet.goToCounter')}</p>
      <p class="hint">{t('fleet.outOfServiceHint')}</p>
    </main>
  );
}

/** 非服务时间: outside the centre's opening hours; looking up a case still works. */
export function OutsideHours() {
  const t = useT();
  const api = useApi();
  const opensAt = serviceState.value.opensAt;
  return (
    <main class="screen centred" aria-labelledby="closed-title" data-testid="outside-hours">
      <h1 id="closed-title">{t('fleet.closed')}</h1>
      <p class="lead">{opensAt ? t('fleet.opensAt', { time: opensAt }) : t('fleet.opensTomorrow')}</p>
      <p class="hint">{t('fleet.closedStillWorks')}</p>
      <button type="button" class="button primary main-action" onClick={() => void beginSession(api, 'touch').then(() => (screen.value = 'lookup'))}>
        {t('attract.lookup')}
      </button>
    </main>
  );
}
