import { useEffect, useState } from 'preact/hooks';
import type { BackOfficeCase, BackOfficeQueue } from '../../../contract/platform/back-office';
import type { CaseStatus } from '../../../contract/platform/cases';
import { localized } from '../i18n';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { locale } from '../state/store';
import { attempt, info } from './actions';
import { counterStatus } from './counter-store';
import { DeskBar, FormActions, MessageLine } from './DeskChrome';
import { CaseTable } from './CaseTable';
import { CaseFacts, CaseFormValues, CaseHistory, focusOnOpen, Materials } from './CaseReviewPanel';
import { BundleItems, CaseNotes, formatDay } from './CycleParts';
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
          <FormActions onCancel={() => setForm(null)} />
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
      <h2 id="bo-case-title" tabIndex={-1} ref={(h) => focusOnOpen(h, found)}>
        {t('counter.reviewTitle', { number: detail.queueNumber })}
      </h2>
      <CaseFacts detail={detail} />
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
  // Esc closes the open case and gives the focus back to its row.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setOpen(null);
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-row][data-case="${open}"]`)?.focus());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);
  const department = queue ? localized(locale.value, queue.department.name).text : (status.staff?.department ?? '');
  return (
    <div class="counter-desk">
      <DeskBar title={t('cycle.backOfficeOf', { department })} />
      <MessageLine />
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
            <CaseTable
              cases={queue.cases}
              onOpen={setOpen}
              columns={[
                { head: t('cycle.col.deadline'), cell: (c) => (c.deadlineAt ? formatDay(c.deadlineAt) : '') },
                { head: t('timeliness.column'), cell: (c) => <TimelinessBadge timeliness={c.timeliness} /> },
                {
                  head: t('cycle.open'),
                  cell: (c) => (
                    <button type="button" class="button secondary small" onClick={() => setOpen(c.caseId)}>
                      {t('cycle.open')}
                    </button>
                  ),
                },
              ]}
            />
          )}
        </section>
        {open && <CaseView key={open} caseId={open} onDone={load} />}
      </div>
    </div>
  );
}
