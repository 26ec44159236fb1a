import { useEffect, useState } from 'preact/hooks';
import type { BackOfficeCase, BackOfficeQueue } from '../../../contract/platform/back-office';
import type { CaseStatus } from '../../../contract/platform/cases';
import { localized } from '../i18n';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { locale } from '../state/store';
import { attempt, info } from './actions';
import { counterMessage, counterStatus } from './counter-store';
import { CaseFormValues, CaseHistory, Materials } from './CaseReviewPanel';
import { BundleItems, CaseDeadline, CaseNotes, formatDay } from './CycleParts';
import { ServiceName } from './QueuePanel';
import { CaseLicencesView } from './licences/CaseLicencesView';
import { TimelinessBadge } from './timeliness/TimelinessBadge';

const LISTS: CaseStatus[] = ['transferred', 'awaiting-materials', 'returned', 'ready'];
type DecisionForm = 'approve' | 'return' | 'request-materials' | null;

function Decide({ found, onDone }: { found: BackOfficeCase; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const [form, setForm] = useState<DecisionForm>(null);
  const [documentNumber, setDocumentNumber] = useState('');
  const [decisionText, setDecisionText] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState('');
  const { detail } = found;
  if (detail.status !== 'transferred') return null;
  const submit = async (e: Event) => {
    e.preventDefault();
    const yuan = amount.trim() === '' ? undefined : Math.round(Number(amount) * 100);
    const decision =
      form === 'approve'
        ? {
            decision: 'approve' as const,
            result: { decisionText, ...(documentNumber ? { documentNumber } : {}), ...(yuan !== undefined && Number.isFinite(yuan) ? { amountCents: yuan } : {}) },
          }
        : form === 'return'
          ? { decision: 'return' as const, reason }
          : { decision: 'request-materials' as const, missingMaterials: missing.split('\n').map((l) => l.trim()).filter(Boolean) };
    const summary = await attempt(() => api.call('backOffice.decide', { caseId: detail.caseId, decision }));
    if (!summary) return;
    info(t('cycle.decided', { number: summary.queueNumber, status: t(`counter.caseStatus.${summary.status}`) }));
    setForm(null);
    onDone();
  };
  return (
    <>
      <div class="decision-actions">
        <button type="button" class="button primary" onClick={() => setForm('approve')}>
          {t('cycle.approve')}
        </button>
        <button type="button" class="button secondary" onClick={() => setForm('request-materials')}>
          {t('cycle.requestMaterials')}
        </button>
        <button type="button" class="button danger" onClick={() => setForm('return')}>
          {t('cycle.return')}
        </button>
      </div>
      {form && (
        <form class="decision-form" data-testid={`back-office-${form}`} onSubmit={(e) => void submit(e)}>
          {form === 'approve' && (
            <>
              <label>
                {t('cycle.documentNumber')}
                <input name="documentNumber" maxLength={64} value={documentNumber} onInput={(e) => setDocumentNumber(e.currentTarget.value)} />
              </label>
              <label>
                {t('cycle.decisionText')}
                <textarea name="decisionText" required minLength={2} maxLength={1000} value={decisionText} onInput={(e) => setDecisionText(e.currentTarget.value)} />
              </label>
              <label>
                {t('cycle.amount')}
                <input name="amount" inputMode="decimal" pattern="\d+(\.\d{1,2})?" value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
              </label>
            </>
          )}
          {form === 'return' && (
            <label>
              {t('cycle.returnReason')}
              <textarea name="reason" required minLength={2} maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
            </label>
          )}
          {form === 'request-materials' && (
            <label>
              {t('cycle.missingMaterials')}
              <textarea name="missing" required rows={4} value={missing} onInput={(e) => setMissing(e.currentTarget.value)} />
            </label>
          )}
          <div class="form-actions">
            <button type="button" class="button secondary" onClick={() => setForm(null)}>
              {t('counter.cancel')}
            </button>
            <button type="submit" class="button primary">
              {t('counter.confirm')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}

function CaseView({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const t = useT();
  const api = useApi();
  const [found, setFound] = useState<BackOfficeCase | null>(null);
  const load = () => void attempt(() => api.call('backOffice.case', { caseId })).then((c) => c && setFound(c));
  useEffect(load, [api, caseId]);
  if (!found) return null;
  const { detail, history } = found;
  return (
    <section class="counter-panel counter-review" aria-labelledby="bo-case-title" data-testid="back-office-case">
      <h2 id="bo-case-title">{t('counter.reviewTitle', { number: detail.queueNumber })}</h2>
      <dl class="case-facts">
        <dt>{t('counter.status')}</dt>
        <dd data-testid="case-status">{t(`counter.caseStatus.${detail.status}`)}</dd>
        <dt>{t('counter.col.service')}</dt>
        <dd>
          <ServiceName code={detail.serviceCode} />
        </dd>
        <dt>{t('counter.applicant')}</dt>
        <dd>{detail.applicantMasked.name}</dd>
        <dt>{t('counter.idNumber')}</dt>
        <dd data-testid="applicant-id">{detail.applicantMasked.idNumber}</dd>
        <CaseDeadline summary={detail} />
      </dl>
      <BundleItems detail={detail} />
      <h3>{t('counter.formTitle')}</h3>
      <CaseFormValues serviceCode={detail.serviceCode} values={detail.form} />
      <h3>{t('counter.materialsTitle')}</h3>
      <Materials detail={detail} />
      <h3>{t('cycle.licencesTitle')}</h3>
      <CaseLicencesView caseId={detail.caseId} serviceCode={detail.serviceCode} />
      <h3>{t('counter.historyTitle')}</h3>
      <CaseHistory history={history} />
      <CaseNotes caseId={detail.caseId} initial={found.notes} />
      <h3>{t('counter.decisionTitle')}</h3>
      <Decide
        found={found}
        onDone={() => {
          load();
          onDone();
        }}
      />
    </section>
  );
}

/** 后台审批: the counter application signed in with a back-office account of a department. */
export function BackOfficeDesk() {
  const t = useT();
  const api = useApi();
  const status = counterStatus.value!;
  const [list, setList] = useState<CaseStatus>('transferred');
  const [queue, setQueue] = useState<BackOfficeQueue | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const load = () => void attempt(() => api.call('backOffice.queue', { status: list })).then((q) => q && setQueue(q));
  useEffect(load, [api, list]);
  useEffect(() => api.on('backOffice.updated', () => load()), [api, list]);
  const message = counterMessage.value;
  const department = queue ? localized(locale.value, queue.department.name).text : (status.staff?.department ?? '');
  return (
    <div class="counter-desk">
      <header class="counter-bar">
        <h1>{t('cycle.backOfficeOf', { department })}</h1>
        <p>{status.staff ? t('counter.staff', { name: status.staff.displayName }) : null}</p>
        <nav class="counter-bar-actions">
          <button type="button" class="button secondary" onClick={() => void api.call('counter.lock', {})}>
            {t('counter.lock')}
          </button>
          <button type="button" class="button secondary" onClick={() => void api.call('counter.signOut', {})}>
            {t('counter.signOut')}
          </button>
        </nav>
      </header>
      <p class={`counter-message ${message?.kind ?? ''}`} role="status" aria-live="polite" data-testid="counter-message">
        {message?.text ?? ''}
      </p>
      <div class="counter-columns">
        <section class="counter-panel" aria-labelledby="bo-list-title">
          <h2 id="bo-list-title">{t('cycle.backOfficeTitle')}</h2>
          <div class="counter-tabs" role="tablist" aria-label={t('cycle.backOfficeTitle')}>
            {LISTS.map((s) => (
              <button key={s} type="button" role="tab" class="button secondary small" aria-selected={list === s} onClick={() => setList(s)}>
                {t(`cycle.list.${s}` as 'cycle.list.transferred')}
              </button>
            ))}
          </div>
          <p data-testid="back-office-count">{t('cycle.listCount', { count: queue?.cases.length ?? 0 })}</p>
          {queue && queue.cases.length === 0 && <p>{t('cycle.listEmpty')}</p>}
          {queue && queue.cases.length > 0 && (
            <table class="queue-table">
              <thead>
                <tr>
                  <th scope="col">{t('counter.col.number')}</th>
                  <th scope="col">{t('counter.col.service')}</th>
                  <th scope="col">{t('cycle.col.deadline')}</th>
                  <th scope="col">{t('timeliness.column')}</th>
                  <th scope="col">{t('cycle.open')}</th>
                </tr>
              </thead>
              <tbody>
                {queue.cases.map((c) => (
                  <tr key={c.caseId} data-case={c.caseId} data-queue-number={c.queueNumber}>
                    <td>{c.queueNumber}</td>
                    <td>
                      <ServiceName code={c.serviceCode} />
                    </td>
                    <td>{c.deadlineAt ? formatDay(c.deadlineAt) : ''}</td>
                    <td>
                      <TimelinessBadge timeliness={c.timeliness} />
                    </td>
                    <td>
                      <button type="button" class="button secondary small" onClick={() => setOpen(c.caseId)}>
                        {t('cycle.open')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {open && <CaseView key={open} caseId={open} onDone={load} />}
      </div>
    </div>
  );
}
