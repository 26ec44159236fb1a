import { useEffect, useState } from 'preact/hooks';
import { TimelinessBadge } from './timeliness/TimelinessBadge';
import type { CaseNote } from '../../../contract/platform/back-office';
import type { BundleView } from '../../../contract/platform/bundles';
import type { CaseDetail, CaseSummary } from '../../../contract/platform/cases';
import type { Department } from '../../../contract/platform/departments';
import { localized } from '../i18n';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { catalogue, locale } from '../state/store';
import { attempt } from './actions';
import { ServiceName } from './QueuePanel';

/** The centre's departments, read once per desk session (they change rarely). */
let departmentsCache: Promise<Department[] | undefined> | undefined;

function useDepartments(): Department[] {
  const api = useApi();
  const [list, setList] = useState<Department[]>([]);
  useEffect(() => {
    departmentsCache ??= attempt(() => api.call('desk.departments', {}));
    void departmentsCache.then((found) => {
      if (found) setList(found);
      else departmentsCache = undefined;
    });
  }, [api]);
  return list;
}

export function DepartmentName({ code }: { code: string | null }) {
  const found = useDepartments().find((d) => d.code === code);
  if (!code) return null;
  if (!found) return <>{code}</>;
  const name = localized(locale.value, found.name);
  return <span lang={name.lang}>{name.text}</span>;
}

/** 转办: the departments of the centre, the catalogue's deciding one chosen first. */
export function DepartmentPicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const t = useT();
  const list = useDepartments();
  return (
    <label>
      {t('cycle.departmentPick')}
      <select name="department" required value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {!value && <option value="">{t('cycle.choose')}</option>}
        {list.map((d) => {
          const name = localized(locale.value, d.name);
          return (
            <option key={d.code} value={d.code} lang={name.lang}>
              {name.text}
            </option>
          );
        })}
      </select>
    </label>
  );
}

export function formatDay(at: string): string {
  return new Date(at).toLocaleDateString(locale.value, { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric', weekday: 'short' });
}

/** 承诺时限: the deadline counted in the centre's working days from 受理. */
export function CaseDeadline({ summary }: { summary: Pick<CaseSummary, 'deadlineAt' | 'serviceCode' | 'timeliness'> }) {
  const t = useT();
  if (!summary.deadlineAt) return null;
  const days = catalogue.value?.items.find((i) => i.code === summary.serviceCode)?.timeLimitDays ?? 0;
  return (
    <>
      <dt>{t('cycle.deadline')}</dt>
      <dd>
        <span data-testid="case-deadline">{t('cycle.deadlineValue', { date: formatDay(summary.deadlineAt), days })}</span> <TimelinessBadge timeliness={summary.timeliness} />
      </dd>
    </>
  );
}

/** A 一件事 (or one of its items): each item's state and department. */
export function BundleItems({ detail }: { detail: Pick<CaseDetail, 'caseId' | 'serviceCode' | 'bundleId' | 'status'> }) {
  const t = useT();
  const api = useApi();
  const [bundle, setBundle] = useState<BundleView | null>(null);
  const isBundle = detail.bundleId !== null || catalogue.value?.items.find((i) => i.code === detail.serviceCode)?.kind === 'bundle';
  useEffect(() => {
    if (isBundle) void attempt(() => api.call('desk.bundle', { caseId: detail.caseId })).then((found) => setBundle(found ?? null));
  }, [api, detail.caseId, detail.status, isBundle]);
  if (!bundle) return null;
  return (
    <section class="bundle-items" aria-labelledby="bundle-title" data-testid="bundle-items">
      <h3 id="bundle-title">{t('cycle.bundleTitle')}</h3>
      <p>{t(`cycle.bundleCollect.${bundle.collectMode}`)}</p>
      <ul>
        {bundle.items.map((item) => (
          <li key={item.serviceCode} data-item={item.serviceCode}>
            <ServiceName code={item.serviceCode} />：{item.status ? t(`counter.caseStatus.${item.status}`) : t('cycle.notStarted')}
            {item.department && (
              <>
                {' '}
                （<DepartmentName code={item.department} />）
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Internal notes between the window and the back office; never shown to the citizen. */
export function CaseNotes({ caseId, initial }: { caseId: string; initial?: CaseNote[] }) {
  const t = useT();
  const api = useApi();
  const [notes, setNotes] = useState<CaseNote[]>(initial ?? []);
  const [text, setText] = useState('');
  useEffect(() => {
    if (!initial) void attempt(() => api.call('desk.notes', { caseId })).then((found) => found && setNotes(found));
  }, [api, caseId, initial]);
  const add = async (e: Event) => {
    e.preventDefault();
    const note = await attempt(() => api.call('desk.note', { caseId, text }));
    if (!note) return;
    setNotes([...notes, note]);
    setText('');
  };
  return (
    <section aria-labelledby={`notes-${caseId}`}>
      <h3 id={`notes-${caseId}`}>{t('cycle.notesTitle')}</h3>
      {notes.length === 0 ? (
        <p>{t('cycle.noNotes')}</p>
      ) : (
        <ul class="case-notes" data-testid="case-notes">
          {notes.map((n) => (
            <li key={n.id}>
              <time dateTime={n.at}>{new Date(n.at).toLocaleString(locale.value)}</time> {n.author.displayName}：{n.text}
            </li>
          ))}
        </ul>
      )}
      <form class="reveal-form" onSubmit={(e) => void add(e)}>
        <label>
          {t('cycle.noteText')}
          <input name="note" required maxLength={1000} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button secondary small">
          {t('cycle.noteAdd')}
        </button>
      </form>
    </section>
  );
}
