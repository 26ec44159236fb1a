import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { CaseDetail, RevealResponse } from '../../../contract/platform/cases';
import type { CaseReview } from '../../../contract/terminal/counter-api';
import { REJECT_REASONS, type RejectReason } from '../../../contract/terminal/reject-reasons';
import { isMessageKey, localized, translate } from '../i18n';
import { useT } from '../i18n/use-t';
import { FormActions } from './DeskChrome';
import { useApi } from '../state/api-context';
import { catalogue, locale } from '../state/store';
import { attempt, decide, openCase, recall, reveal, skip } from './actions';
import { StartServiceButton } from './service-levels/StartServiceButton';
import { deskTab, openedFromMyList, pendingDecision, pickupFor, review, revealed } from './counter-store';
import { BundleItems, CaseDeadline, CaseNotes } from './CycleParts';
import { ConfirmDecision } from './ConfirmDecision';
import { onMyDesk, TransferForm, useFirstFieldFocus } from './TransferForm';
import { transferTargets } from './transfer-rules';
import { PriorityBadges, ServiceName } from './QueuePanel';
import { canDecide, type DecisionName } from '../../../contract/platform/case-states';
import { OcrView } from './ocr/OcrView';
import { CaseLicencesView } from './licences/CaseLicencesView';
import { NoticePrintStatus } from './NoticePrintStatus';

export type DecisionForm = 'reject' | 'request-materials' | 'transfer' | 'complete' | 'skip' | null;

function itemOf(code: string) {
  return catalogue.value?.items.find((i) => i.code === code);
}

function FieldLabel({ serviceCode, name }: { serviceCode: string; name: string }) {
  const field = itemOf(serviceCode)?.form.fields.find((f) => f.name === name);
  if (!field) return <>{name}</>;
  const label = localized(locale.value, field.label);
  return <span lang={label.lang}>{label.text}</span>;
}

/** A choice is shown by its label, as the citizen picked it, not by its stored value. */
function FieldValue({ serviceCode, name, value }: { serviceCode: string; name: string; value: string | number | boolean }) {
  const option = itemOf(serviceCode)?.form.fields.find((f) => f.name === name)?.options?.find((o) => o.value === value);
  if (!option) return <>{String(value)}</>;
  const label = localized(locale.value, option.label);
  return <span lang={label.lang}>{label.text}</span>;
}

export function MaterialName({ serviceCode, code }: { serviceCode: string; code: string }) {
  const material = itemOf(serviceCode)?.materials.find((m) => m.code === code);
  if (!material) return <>{code}</>;
  const name = localized(locale.value, material.name);
  return <span lang={name.lang}>{name.text}</span>;
}

/** The answers of a case's form, each by its label and, for a choice, the option's label. */
export function CaseFormValues({ serviceCode, values }: { serviceCode: string; values: CaseDetail['form'] }) {
  return (
    <dl class="case-form">
      {Object.entries(values).map(([name, value]) => (
        <div key={name} class="case-form-row">
          <dt>
            <FieldLabel serviceCode={serviceCode} name={name} />
          </dt>
          <dd>
            <FieldValue serviceCode={serviceCode} name={name} value={value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Why a step was taken: a person's words as they wrote them; the platform's own steps (a claim
 * timed out) through the i18n table by the system actor's id, never its log sentence.
 */
function eventReason(event: CaseReview['history'][number]): string | null {
  const lang = locale.value;
  if (event.actor.kind === 'system') {
    const key = `event.systemReason.${event.actor.id}`;
    return isMessageKey(key) ? translate(lang, key) : null;
  }
  if (event.type === 'handed-over' && typeof event.details.to === 'string') {
    return [translate(lang, 'event.handedOverTo', { name: event.details.to }), event.reason].filter(Boolean).join('，');
  }
  return event.reason;
}

export function CaseHistory({ history }: { history: CaseReview['history'] }) {
  const t = useT();
  return (
    <ol class="case-history" data-testid="case-history">
      {history.map((event) => (
        <li key={event.seq}>
          <time dateTime={event.at}>{new Date(event.at).toLocaleString(locale.value)}</time> {t(`event.${event.type}`)}
          {eventReason(event) && <span>：{eventReason(event)}</span>}
        </li>
      ))}
    </ol>
  );
}

function Scan({ caseId, sha256 }: { caseId: string; sha256: string }) {
  const t = useT();
  const api = useApi();
  const [src, setSrc] = useState<{ url: string; pdf: boolean } | null>(null);
  const [zoom, setZoom] = useState(1);
  const [turns, setTurns] = useState(0);
  const load = async () => {
    const scan = await attempt(() => api.call('counter.material', { caseId, sha256 }));
    if (scan) setSrc({ url: `data:${scan.contentType};base64,${scan.dataBase64}`, pdf: scan.contentType === 'application/pdf' });
  };
  if (!src) {
    return (
      <button type="button" class="button secondary small" onClick={() => void load()}>
        {t('counter.viewScan')}
      </button>
    );
  }
  return src.pdf ? (
    <a href={src.url} target="_blank" rel="noreferrer">
      {t('counter.materialScan')}
    </a>
  ) : (
    <div class="material-viewer">
      <div class="decision-actions">
        <button type="button" class="button secondary small" onClick={() => setZoom(Math.min(4, zoom * 1.5))}>
          {t('counter.zoomIn')}
        </button>
        <button type="button" class="button secondary small" onClick={() => setZoom(Math.max(0.5, zoom / 1.5))}>
          {t('counter.zoomOut')}
        </button>
        <button type="button" class="button secondary small" onClick={() => setTurns((turns + 1) % 4)}>
          {t('counter.rotate')}
        </button>
      </div>
      <div class="material-frame">
        <img class="material-scan" src={src.url} alt={t('counter.materialScan')} style={{ transform: `scale(${zoom}) rotate(${turns * 90}deg)` }} />
      </div>
    </div>
  );
}

export function Materials({ detail }: { detail: CaseDetail }) {
  const t = useT();
  if (detail.materials.length === 0) return <p>{t('counter.noMaterials')}</p>;
  return (
    <ul class="material-list">
      {detail.materials.map((m, index) => (
        <li key={`${m.code}-${index}`}>
          <strong>
            <MaterialName serviceCode={detail.serviceCode} code={m.code} />
          </strong>{' '}
          {m.electronicLicence && <span>{t('counter.materialLicence', m.electronicLicence)}</span>}
          {m.paperChecked && <span>{t('counter.materialPaper')}</span>}
          {m.blob && (m.ocr ? <OcrView caseId={detail.caseId} sha256={m.blob} serviceCode={detail.serviceCode} reading={m.ocr} /> : <Scan caseId={detail.caseId} sha256={m.blob} />)}
        </li>
      ))}
    </ul>
  );
}

function Reveal({ detail }: { detail: CaseDetail }) {
  const t = useT();
  const api = useApi();
  const [purpose, setPurpose] = useState('');
  if (revealed.value) return <p class="notice-line">{t('counter.revealed')}</p>;
  return (
    <form
      class="reveal-form"
      onSubmit={(e) => {
        e.preventDefault();
        void reveal(api, detail.caseId, purpose);
      }}
    >
      <label>
        {t('counter.revealPurpose')}
        <input name="purpose" required minLength={2} maxLength={200} value={purpose} onInput={(e) => setPurpose(e.currentTarget.value)} />
      </label>
      <button type="submit" class="button secondary small">
        {t('counter.reveal')}
      </button>
    </form>
  );
}

function DecisionForms({ detail, form, setForm, mine }: { detail: CaseDetail; form: DecisionForm; setForm: (f: DecisionForm) => void; mine: boolean }) {
  const t = useT();
  const api = useApi();
  const [reason, setReason] = useState<RejectReason>('not-in-scope');
  const [text, setText] = useState('');
  const missingDefault = itemOf(detail.serviceCode)
    ?.materials.filter((m) => m.required && !detail.materials.some((s) => s.code === m.code))
    .map((m) => m.name['zh-CN'])
    .join('\n');
  const [missing, setMissing] = useState(missingDefault ?? '');
  const [result, setResult] = useState('');
  const [note, setNote] = useState(t('counter.skipDefault'));
  const ref = useFirstFieldFocus();
  if (!form) return null;
  if (form === 'transfer') return <TransferForm summary={detail} mine={mine} onDone={(moved) => moved && setForm(null)} />;
  const done = (ok: boolean) => ok && setForm(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    switch (form) {
      case 'reject':
        pendingDecision.value = { caseId: detail.caseId, queueNumber: detail.queueNumber, decision: { decision: 'reject', reason, text } };
        return;
      case 'request-materials':
        return done(
          await decide(api, detail.caseId, {
            decision: 'request-materials',
            missingMaterials: missing.split('\n').map((l) => l.trim()).filter(Boolean),
          }),
        );
      case 'complete':
        pendingDecision.value = { caseId: detail.caseId, queueNumber: detail.queueNumber, decision: { decision: 'complete', result } };
        return;
      case 'skip':
        await skip(api, detail.caseId, note);
        return setForm(null);
    }
  };
  return (
    <form ref={ref} class="decision-form" data-testid={`decision-${form}`} onSubmit={(e) => void submit(e)}>
      {form === 'reject' && (
        <>
          <label>
            {t('counter.rejectReason')}
            <select value={reason} onChange={(e) => setReason(e.currentTarget.value as RejectReason)}>
              {REJECT_REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`counter.rejectReason.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('counter.rejectText')}
            <textarea name="text" required minLength={2} maxLength={400} value={text} onInput={(e) => setText(e.currentTarget.value)} />
          </label>
        </>
      )}
      {form === 'request-materials' && (
        <label>
          {t('counter.missingMaterials')}
          <textarea name="missing" required rows={4} value={missing} onInput={(e) => setMissing(e.currentTarget.value)} />
        </label>
      )}
      {form === 'complete' && (
        <label>
          {t('counter.result')}
          <input name="result" required value={result} onInput={(e) => setResult(e.currentTarget.value)} />
        </label>
      )}
      {form === 'skip' && (
        <label>
          {t('counter.skipNote')}
          <input name="note" required value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
      )}
      <FormActions onCancel={() => setForm(null)} />
    </form>
  );
}

/**
 * What may be done with the case from here, by this clerk: the contract's state machine (the
 * platform has the last word). A claimed case is decided only by the clerk who holds it.
 */
export function allowedActions(detail: CaseDetail, mine: boolean) {
  const onThisDesk = detail.status !== 'claimed' || mine;
  const may = (decision: DecisionName) => canDecide(detail.status, decision) && onThisDesk;
  return {
    accept: may('accept'),
    reject: may('reject'),
    requestMaterials: may('request-materials'),
    skip: may('release'),
    recall: detail.status === 'claimed' && mine,
    transfer: onThisDesk && (transferTargets(detail, mine).department || transferTargets(detail, mine).window),
    handOut: detail.status === 'ready',
    // A transferred case is decided by its department's back office, not at the window.
    complete: may('complete') && detail.status === 'accepted',
  };
}

/**
 * The facts at the head of a case, on the window's panel and the back office's alike; an
 * applicant revealed for a purpose shows in full, otherwise masked.
 */
export function CaseFacts({ detail, revealed: open, children }: { detail: CaseDetail; revealed?: RevealResponse | null; children?: ComponentChildren }) {
  const t = useT();
  return (
    <dl class="case-facts">
      <dt>{t('counter.status')}</dt>
      <dd data-testid="case-status">{t(`counter.caseStatus.${detail.status}`)}</dd>
      <dt>{t('counter.col.service')}</dt>
      <dd>
        <ServiceName code={detail.serviceCode} />
      </dd>
      {children}
      <dt>{t('counter.applicant')}</dt>
      <dd data-testid="applicant-name">{open ? open.applicant.name : detail.applicantMasked.name}</dd>
      <dt>{t('counter.idNumber')}</dt>
      <dd data-testid="applicant-id">{open ? open.applicant.idNumber : detail.applicantMasked.idNumber}</dd>
      {open?.applicant.phone && (
        <>
          <dt>{t('counter.phone')}</dt>
          <dd>{open.applicant.phone}</dd>
        </>
      )}
      <CaseDeadline summary={detail} />
    </dl>
  );
}

/**
 * A case opened (or read again after a decision) takes the focus to its heading, once, so the
 * keyboard carries on in its panel rather than from a button that has gone.
 */
const focused = new WeakSet<object>();
export function focusOnOpen(heading: HTMLElement | null, shown: object): void {
  if (!heading || focused.has(shown)) return;
  focused.add(shown);
  heading.focus();
}

/** Alt+A and the 受理 button both only ask; ConfirmDecision decides. */
export function askToAccept(detail: Pick<CaseDetail, 'caseId' | 'queueNumber'>): void {
  pendingDecision.value = { caseId: detail.caseId, queueNumber: detail.queueNumber, decision: { decision: 'accept' } };
}

/** 发证: the pickup tab, looking the case up by its id. */
export function handOut(caseId: string): void {
  pickupFor.value = caseId;
  deskTab.value = 'pickup';
}

/** Esc closes the panel and gives the focus back to the row the case was opened from (or 叫号). */
export function closeReview(caseId: string): void {
  review.value = null;
  pendingDecision.value = null;
  requestAnimationFrame(() => {
    const row = document.querySelector<HTMLElement>(`[data-row][data-case="${caseId}"]`) ?? document.querySelector<HTMLElement>('[data-call-next]');
    row?.focus();
  });
}

export function CaseReviewPanel({ form, setForm }: { form: DecisionForm; setForm: (f: DecisionForm) => void }) {
  const t = useT();
  const api = useApi();
  const found = review.value;
  if (!found) {
    return (
      <section class="counter-panel counter-review" aria-labelledby="review-title">
        <h2 id="review-title">{t('counter.currentTitle')}</h2>
        <p>{t('counter.noCurrent')}</p>
      </section>
    );
  }
  const { detail, history } = found;
  const mine = onMyDesk(detail, openedFromMyList.value === detail.caseId);
  const can = allowedActions(detail, mine);
  const open = revealed.value;
  const formValues = open ? open.form : detail.form;
  return (
    <section class="counter-panel counter-review" aria-labelledby="review-title" data-testid="case-review">
      <header class="counter-panel-head">
        <h2 id="review-title" tabIndex={-1} ref={(h) => focusOnOpen(h, found)}>
          {t('counter.reviewTitle', { number: detail.queueNumber })}
        </h2>
        <button type="button" class="button secondary small" onClick={() => closeReview(detail.caseId)} aria-keyshortcuts="Escape">
          {t('counter.closeReview')}
        </button>
      </header>
      <CaseFacts detail={detail} revealed={open}>
        <dt>{t('counter.col.source')}</dt>
        <dd>
          {t(`counter.source.${detail.source}`)} <PriorityBadges summary={detail} />
        </dd>
      </CaseFacts>
      <BundleItems detail={detail} />
      <Reveal detail={detail} />
      <h3>{t('counter.formTitle')}</h3>
      <CaseFormValues serviceCode={detail.serviceCode} values={formValues} />
      <h3>{t('counter.materialsTitle')}</h3>
      <Materials detail={detail} />
      {detail.materials.some((m) => m.electronicLicence) && (
        <>
          <h3>{t('deskLicences.title')}</h3>
          <CaseLicencesView caseId={detail.caseId} serviceCode={detail.serviceCode} />
        </>
      )}
      <h3>{t('counter.historyTitle')}</h3>
      <CaseHistory history={history} />
      <CaseNotes caseId={detail.caseId} />
      <h3>{t('counter.decisionTitle')}</h3>
      <div class="decision-actions">
        {detail.status === 'claimed' && <StartServiceButton
            startedAt={detail.startedAt}
            mine={mine}
            start={async () => {
              if (await attempt(() => api.call('counter.startCase', { caseId: detail.caseId }))) await openCase(api, detail.caseId);
            }}
          />}
        {can.recall && (
          <button type="button" class="button secondary" onClick={() => void recall(api, detail.caseId)}>
            {t('counter.recall')}
          </button>
        )}
        {can.skip && (
          <button type="button" class="button secondary" onClick={() => setForm('skip')}>
            {t('counter.skip')}
          </button>
        )}
        {can.accept && (
          <button type="button" class="button primary" onClick={() => askToAccept(detail)} aria-keyshortcuts="Alt+A">
            {t('counter.accept')}
          </button>
        )}
        {can.reject && (
          <button type="button" class="button danger" onClick={() => setForm('reject')}>
            {t('counter.reject')}
          </button>
        )}
        {can.requestMaterials && (
          <button type="button" class="button secondary" onClick={() => setForm('request-materials')}>
            {t('counter.requestMaterials')}
          </button>
        )}
        {can.transfer && (
          <button type="button" class="button secondary" onClick={() => setForm('transfer')}>
            {t('counter.transfer')}
          </button>
        )}
        {can.complete && (
          <button type="button" class="button primary" onClick={() => setForm('complete')}>
            {t('counter.complete')}
          </button>
        )}
        {can.handOut && (
          <button type="button" class="button primary" onClick={() => handOut(detail.caseId)}>
            {t('desk.handOut')}
          </button>
        )}
      </div>
      <NoticePrintStatus caseId={detail.caseId} />
      <ConfirmDecision onDone={() => setForm(null)} />
      <DecisionForms key={`${detail.caseId}-${form}`} detail={detail} form={form} setForm={setForm} mine={mine} />
    </section>
  );
}
