import { useEffect, useState } from 'preact/hooks';
import type { PrintResultView } from '../../../contract/terminal/api';
import { isMessageKey, localized } from '../i18n';
import { useT } from '../i18n/use-t';
import { useSpeak } from '../speech/use-speak';
import { useApi } from '../state/api-context';
import { catalogue, endSession, lastReceipt, locale, terminalInfo } from '../state/store';

/** What the citizen takes away: the numbers, whether to wait for a counter, how to follow up. */
export function Confirmation() {
  const t = useT();
  const api = useApi();
  const receipt = lastReceipt.value;
  const [printed, setPrinted] = useState<PrintResultView | 'printing' | 'failed' | null>(null);
  useEffect(() => {
    if (!receipt || !terminalInfo.value?.printers.a4) return;
    setPrinted('printing');
    api.call('print.caseReceipt', { caseId: receipt.caseId }).then(setPrinted, () => setPrinted('failed'));
  }, [receipt?.caseId]);
  const printedKey = printed && typeof printed === 'object' ? (isMessageKey(printed.message) ? printed.message : 'print.retryLater') : printed === 'failed' ? 'print.retryLater' : undefined;
  // The numbers are read one digit at a time, as a citizen copies them down; nothing else of the case is said.
  useSpeak(
    'confirm.title',
    receipt?.queueNumber ? 'confirm.queueNumber' : null,
    receipt?.queueNumber ? { code: receipt.queueNumber } : null,
    receipt && 'confirm.caseNumber',
    receipt && { code: receipt.caseNumber },
    receipt && `confirm.next.${receipt.counterVisit}`,
    printedKey,
  );
  if (!receipt) return null;
  const say = (key: string | undefined) => (key && isMessageKey(key) ? t(key) : t('print.retryLater'));
  return (
    <main class="screen confirmation" aria-labelledby="confirm-title">
      <h1 id="confirm-title">
        <span class="tick big" aria-hidden="true">
          ✓
        </span>
        {t('confirm.title')}
      </h1>
      <p class="lead">{t('confirm.saved')}</p>
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
          {t('confirm.pendingSync')}
        </p>
      )}
      <BundleParts serviceCode={receipt.serviceCode} />
      <p class="lead">{t(`confirm.next.${receipt.counterVisit}`)}</p>
      {printed && (
        <p class={typeof printed === 'object' && printed.ok ? 'note print-status' : 'notice print-status'} role="status" data-testid="print-status">
          {printed === 'printing' ? t('print.printing') : printed === 'failed' ? t('print.retryLater') : say(printed.message)}
          {typeof printed === 'object' && printed.nextStep && <> {say(printed.nextStep)}</>}
        </p>
      )}
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
