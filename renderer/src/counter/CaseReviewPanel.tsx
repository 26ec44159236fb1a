import { useState } from 'preact/hooks';
import type { CaseDetail } from '../../../contract/platform/cases';
import type { CaseReview } from '../../../contract/terminal/counter-api';
import { REJECT_REASONS, type RejectReason } from '../../../contract/terminal/reject-reasons';
import { localized } from '../i18n';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { catalogue, locale } from '../state/store';
import { attempt, decide, recall, reveal, skip } from './actions';
import { counterStatus, review, revealed } from './counter-store';
import { BundleItems, CaseDeadline, CaseNotes, DepartmentPicker } from './CycleParts';
import { PriorityBadges, ServiceName } from './QueuePanel';
import { canDecide, type DecisionName } from '../../../contract/platform/case-states';
import { OcrView } from './ocr/OcrView';
import { CaseLicencesView } from './licences/CaseLicencesView';

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

export function CaseHistory({ history }: { history: CaseReview['history'] }) {
  const t = useT();
  return (
    <ol class="case-history" data-testid="case-history">
      {history.map((event) => (
        <li key={event.seq}>
          <time dateTime={event.at}>{new Date(event.at).toLocaleString(locale.value)}</time> {t(`event.${event.type}`)}
          {event.reason && <span>：{event.reason}</span>}
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

function DecisionForms({ detail, form, setForm }: { detail: CaseDetail; form: DecisionForm; setForm: (f: DecisionForm) => void }) {
  const t = useT();
  const api = useApi();
  const [reason, setReason] = useState<RejectReason>('not-in-scope');
  const [text, setText] = useState('');
  const missingDefault = itemOf(detail.serviceCode)
    ?.materials.filter((m) => m.required && !detail.materials.some((s) => s.code === m.code))
    .map((m) => m.name['zh-CN'])
    .join('\n');
  const [missing, setMissing] = useState(missingDefault ?? '');
  const [department, setDepartment] = useState(itemOf(detail.serviceCode)?.decidedBy ?? '');
  const [result, setResult] = useState('');
  const [note, setNote] = useState(t('counter.skipDefault'));
  if (!form) return null;
  const done = (ok: boolean) => ok && setForm(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    switch (form) {
      case 'reject':
        return done(await decide(api, detail.caseId, { decision: 'reject', reason, text }));
      case 'request-materials':
        return done(
          await decide(api, detail.caseId, {
            decision: 'request-materials',
            missingMaterials: missing.split('\n').map((l) => l.trim()).filter(Boolean),
          }),
        );
      case 'transfer':
        return done(await decide(api, detail.caseId, { decision: 'transfer', ...(department ? { department } : {}) }));
      case 'complete':
        return done(await decide(api, detail.caseId, { decision: 'complete', result }));
      case 'skip':
        await skip(api, detail.caseId, note);
        return setForm(null);
    }
  };
  return (
    <form class="decision-form" data-testid={`decision-${form}`} onSubmit={(e) => void submit(e)}>
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
      {form === 'transfer' && <DepartmentPicker value={department} onChange={setDepartment} />}
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
      <div class="form-actions">
        <button type="button" class="button secondary" onClick={() => setForm(null)}>
          {t('counter.cancel')}
        </button>
        <button type="submit" class="button primary">
          {t('counter.confirm')}
        </button>
      </div>
    </form>
  );
}

/**
 * What may be done with the case from here, by this clerk: the contract's state machine (the
 * platform has the last word). A claimed case is decided only by the clerk who holds it.
 */
export function allowedActions(detail: CaseDetail, mine: boolean) {
  const onMyDesk = detail.status !== 'claimed' || mine;
  const may = (decision: DecisionName) => canDecide(detail.status, decision) && onMyDesk;
  return {
    accept: may('accept'),
    reject: may('reject'),
    requestMaterials: may('request-materials'),
    skip: may('release'),
    recall: detail.status === 'claimed' && mine,
    transfer: may('transfer'),
    // A transferred case is decided by its department's back office, not at the window.
    complete: may('complete') && detail.status === 'accepted',
  };
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
  const mine = counterStatus.value?.current?.caseId === detail.caseId;
  const can = allowedActions(detail, mine);
  const open = revealed.value;
  const formValues = open ? open.form : detail.form;
  return (
    <section class="counter-panel counter-review" aria-labelledby="review-title" data-testid="case-review">
      <header class="counter-panel-head">
        <h2 id="review-title">{t('counter.reviewTitle', { number: detail.queueNumber })}</h2>
        <button type="button" class="button secondary small" onClick={() => (review.value = null)}>
          {t('counter.closeReview')}
        </button>
      </header>
      <dl class="case-facts">
        <dt>{t('counter.status')}</dt>
        <dd data-testid="case-status">{t(`counter.caseStatus.${detail.status}`)}</dd>
        <dt>{t('counter.col.service')}</dt>
        <dd>
          <ServiceName code={detail.serviceCode} />
        </dd>
        <dt>{t('counter.col.source')}</dt>
        <dd>
          {t(`counter.source.${detail.source}`)} <PriorityBadges summary={detail} />
        </dd>
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
          <button type="button" class="button primary" onClick={() => void decide(api, detail.caseId, { decision: 'accept' })}>
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
      </div>
      <DecisionForms key={`${detail.caseId}-${form}`} detail={detail} form={form} setForm={setForm} />
    </section>
  );
}
