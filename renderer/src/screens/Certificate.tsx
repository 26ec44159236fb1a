import { useState } from 'preact/hooks';
import type { CertificatePreview } from '../../../contract/terminal/api';
import { ColumnHeads } from '../components/ColumnHeads';
import { ErrorPanel } from '../components/ErrorPanel';
import { PrintFailure, usePrintJob } from '../components/print-job';
import { useT } from '../i18n/use-t';
import { useSpeak } from '../speech/use-speak';
import { useApi } from '../state/api-context';
import { endSession, identity, screen } from '../state/store';

const PERIODS = [6, 12, 24, 36] as const;

/** YYYY-MM of the month `back` months before last month (the last one fully paid). */
function monthsBack(back: number, today = new Date()): string {
  const d = new Date(today.getFullYear(), today.getMonth() - 1 - back, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** 社保参保缴费证明: choose the period, look at what will be printed, print it. No case is made. */
export function Certificate() {
  const t = useT();
  const api = useApi();
  const [preview, setPreview] = useState<CertificatePreview | 'loading' | 'failed' | null>(null);
  const job = usePrintJob('error.certificatePrintFailed');
  const printed = job.printed;
  useSpeak('certificate.title', identity.value ? 'certificate.choosePeriod' : 'certificate.needCard', preview === 'failed' && 'certificate.failed', job.spokenKey);

  if (!identity.value) {
    return (
      <main class="screen centred" aria-labelledby="cert-title">
        <h1 id="cert-title">{t('certificate.title')}</h1>
        <p class="notice" role="alert">
          {t('certificate.needCard')}
        </p>
        <button type="button" class="button secondary main-action" onClick={() => (screen.value = 'guide')}>
          {t('form.back')}
        </button>
      </main>
    );
  }

  const choose = async (months: number) => {
    setPreview('loading');
    job.reset();
    try {
      setPreview(await api.call('certificates.prepare', { from: monthsBack(months - 1), to: monthsBack(0) }));
    } catch {
      setPreview('failed');
    }
  };
  const print = (documentId: string) => job.run(() => api.call('certificates.print', { documentId }));

  return (
    <main class="screen form-screen" aria-labelledby="cert-title">
      <h1 id="cert-title">{t('certificate.title')}</h1>
      <p class="lead" id="period-title">
        {t('certificate.choosePeriod')}
      </p>
      <div class="choices" role="group" aria-labelledby="period-title">
        {PERIODS.map((months) => (
          <button type="button" key={months} class="button choice" onClick={() => void choose(months)}>
            {t('certificate.lastMonths', { months })}
          </button>
        ))}
      </div>
      {preview === 'loading' && <p role="status">{t('certificate.preparing')}</p>}
      {preview === 'failed' && <ErrorPanel testId="certificate-failed" message="certificate.failed" onBack={() => (screen.value = 'guide')} />}
      {preview && typeof preview === 'object' && (
        <section aria-labelledby="preview-title" data-testid="certificate-preview">
          <h2 id="preview-title">
            {t('certificate.preview')} · {t('certificate.period', { from: preview.period.from, to: preview.period.to })}
          </h2>
          {preview.demo && <p class="demo-banner">{t('certificate.demo')}</p>}
          <p>
            {t('certificate.insuredSince')} {preview.insuredSince} · {t('certificate.monthsCount', { count: preview.months.length })}
          </p>
          <div class="table-scroll">
            <table class="months">
              <ColumnHeads columns={['certificate.month', 'certificate.employer', 'certificate.base', 'certificate.personal']} />
              <tbody>
                {preview.months.map((m) => (
                  <tr key={m.month}>
                    <td>{m.month}</td>
                    <td lang="zh-CN">{m.employer}</td>
                    <td>{yuan(m.baseFen)}</td>
                    <td>{yuan(m.personalFen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {(printed === 'printing' || (typeof printed === 'object' && printed?.ok)) && (
            <p class="note" role="status" data-testid="certificate-print-status">
              {printed === 'printing' ? t('print.printingCertificate') : t('print.done')}
            </p>
          )}
          <PrintFailure job={job} failedKey="error.certificatePrintFailed" testId="certificate-print-error" printAgain={() => print(preview.documentId)} />
        </section>
      )}
      <div class="form-actions">
        <button type="button" class="button secondary main-action" onClick={() => (screen.value = 'guide')}>
          {t('form.back')}
        </button>
        {preview && typeof preview === 'object' && printed === null && (
          <button type="button" class="button primary main-action" onClick={() => void print(preview.documentId)}>
            {t('certificate.print')}
          </button>
        )}
        {typeof printed === 'object' && printed?.ok && (
          <button type="button" class="button primary main-action" onClick={() => void endSession(api, 'done')}>
            {t('confirm.done')}
          </button>
        )}
      </div>
    </main>
  );
}
