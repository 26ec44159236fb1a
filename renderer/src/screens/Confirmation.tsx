import { useEffect } from 'preact/hooks';
import { PrintFailure, usePrintJob } from '../components/print-job';
import { localized } from '../i18n';
import { useT } from '../i18n/use-t';
import { useSpeak } from '../speech/use-speak';
import { useApi } from '../state/api-context';
import { catalogue, endSession, lastReceipt, locale, terminalInfo } from '../state/store';

/**
 * What the citizen takes away, in words that match what happened: a case the platform has is
 * submitted and awaits the counter's review; one still on this machine is saved here and will
 * be submitted when the network is back — never "submitted" before it is.
 */
export function Confirmation() {
  const t = useT();
  const api = useApi();
  const receipt = lastReceipt.value;
  const job = usePrintJob('print.retryLater');
  const printed = job.printed;
  const printReceipt = () => {
    if (receipt) job.run(() => api.call('print.caseReceipt', { caseId: receipt.caseId }));
  };
  useEffect(() => {
    if (receipt && terminalInfo.value?.printers.a4) printReceipt();
  }, [receipt?.caseId]);
  // The numbers are read one digit at a time, as a citizen copies them down; nothing else of the case is said.
  useSpeak(
    receipt?.synced === false ? 'confirm.offlineTitle' : 'confirm.submittedTitle',
    receipt?.queueNumber ? 'confirm.queueNumber' : null,
    receipt?.queueNumber ? { code: receipt.queueNumber } : null,
    receipt && 'confirm.caseNumber',
    receipt && { code: receipt.caseNumber },
    receipt && `confirm.next.${receipt.counterVisit}`,
    job.spokenKey,
  );
  if (!receipt) return null;
  return (
    <main class="screen confirmation" aria-labelledby="confirm-title">
      <h1 id="confirm-title" data-testid="confirm-title">
        {receipt.synced && (
          <span class="tick big" aria-hidden="true">
            ✓
          </span>
        )}
        {receipt.synced ? t('confirm.submittedTitle') : t('confirm.offlineTitle')}
      </h1>
      <dl class="facts numbers">
        {receipt.queueNumber && (
          <>
            <dt>{t('confirm.queueNumber')}</dt>
            <dd class="queue-number" data-testid="queue-number">
              {receipt.queueNumber}
            </dd>
          </>
        )}
        <dt>{t('confirm.caseNumber')}</dt>
        <dd class="case-number" data-testid="case-number">
          {receipt.caseNumber}
        </dd>
      </dl>
      {!receipt.synced && (
        <p class="notice" role="status" data-testid="pending-sync">
          {t('confirm.offlineDetail')}
        </p>
      )}
      <BundleParts serviceCode={receipt.serviceCode} />
      <p class="lead">{t(`confirm.next.${receipt.counterVisit}`)}</p>
      {printed === 'printing' && (
        <p class="note print-status" role="status" data-testid="print-status">
          {t('print.printing')}
        </p>
      )}
      {typeof printed === 'object' && printed?.ok && (
        <p class="note print-status" role="status" data-testid="print-status">
          {t('print.done')}
        </p>
      )}
      <PrintFailure job={job} failedKey="print.retryLater" testId="print-error" printAgain={printReceipt} />
      <p>{t('confirm.howToCheck')}</p>
      <div class="form-actions">
        <span />
        <button type="button" class="button primary main-action" onClick={() => void endSession(api, 'done')}>
          {t('confirm.done')}
        </button>
      </div>
    </main>
  );
}

/** One receipt for a 一件事: the services it brings together, each decided by its own department. */
function BundleParts({ serviceCode }: { serviceCode: string }) {
  const t = useT();
  const items = catalogue.value?.items ?? [];
  const bundle = items.find((i) => i.code === serviceCode);
  if (bundle?.kind !== 'bundle') return null;
  return (
    <section aria-labelledby="bundle-parts-title" data-testid="bundle-parts">
      <h2 id="bundle-parts-title">{t('confirm.bundleParts')}</h2>
      <ul>
        {(bundle.bundleOf ?? []).map((code) => {
          const part = items.find((i) => i.code === code);
          const name = part ? localized(locale.value, part.name) : { text: code, lang: 'zh-CN' };
          return (
            <li key={code} lang={name.lang}>
              {name.text}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
