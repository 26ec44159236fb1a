import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { printNotice } from './actions';
import { noticePrint } from './counter-store';

/**
 * How the notice of the 不予受理 or 补正 just decided is printing: printing, printed with its
 * verification code, or why not with 重新打印 — which prints the notice, never decides again.
 */
export function NoticePrintStatus({ caseId }: { caseId: string }) {
  const t = useT();
  const api = useApi();
  const status = noticePrint.value;
  if (!status || status.caseId !== caseId) return null;
  const title = t(`deskNotice.title.${status.kind}`);
  if (status.state === 'printing') {
    return (
      <p class="notice-line" role="status" data-testid="notice-print" data-state="printing">
        {t('deskNotice.printing', { title })}
      </p>
    );
  }
  if (status.state === 'printed') {
    return (
      <p class="notice-line" role="status" data-testid="notice-print" data-state="printed">
        {t('deskNotice.printed', { title, code: status.code })}
      </p>
    );
  }
  return (
    <div class="notice-line problem" role="alert" data-testid="notice-print" data-state="failed">
      <p>{t('deskNotice.failed', { title, reason: status.reason })}</p>
      <p>{t('deskNotice.reprintHint')}</p>
      <button type="button" class="button primary" onClick={() => void printNotice(api, caseId, status.kind, status.retryId)}>
        {t('deskNotice.reprint')}
      </button>
    </div>
  );
}
