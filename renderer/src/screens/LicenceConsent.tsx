import type { ServiceItem } from '../../../contract/platform/catalogue';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { answerLicenceConsent, licenceCheck, licenceChecking, licenceConsentPending } from '../state/capture';
import { formValues } from '../state/store';

/** The agent's own papers are looked up under the ID number the citizen typed for the agent. */
function agentIdNumber(): string | undefined {
  const values = formValues.value;
  return values.applicantType === 'agent' && typeof values.agentIdNumber === 'string' ? values.agentIdNumber : undefined;
}

/**
 * 一次授权: before anything is looked up, the citizen is asked whether the platform may fetch
 * their electronic licences for this case. Refusing is a real choice: every paper is then asked
 * for, and nothing is looked up.
 */
export function LicenceConsent({ item }: { item: ServiceItem }) {
  const t = useT();
  const api = useApi();
  if (!item.materials.some((m) => m.electronicLicence !== undefined)) return null;
  if (!licenceConsentPending(item)) {
    return (
      <p class="note" data-testid="licence-consent-answer" data-consent={licenceCheck.value?.view.consent}>
        {licenceCheck.value?.view.consent === 'granted' ? t('licences.consentGiven') : t('licences.consentRefused')}
      </p>
    );
  }
  return (
    <section class="licence-consent" aria-labelledby="licence-consent-title" data-testid="licence-consent">
      <h3 id="licence-consent-title">{t('licences.consentTitle')}</h3>
      <p>{t('licences.consentText')}</p>
      <div class="form-actions">
        <button type="button" class="button primary" disabled={licenceChecking.value} onClick={() => void answerLicenceConsent(api, item, true, agentIdNumber())}>
          {t('licences.consentYes')}
        </button>
        <button type="button" class="button secondary" disabled={licenceChecking.value} onClick={() => void answerLicenceConsent(api, item, false)}>
          {t('licences.consentNo')}
        </button>
      </div>
      {licenceChecking.value && (
        <p class="note" role="status">
          {t('licences.checking')}
        </p>
      )}
    </section>
  );
}
