import { useEffect, useState } from 'preact/hooks';
import type { CaseSummary } from '../../../contract/platform/cases';
import type { DeskList, DeskSearch } from '../../../contract/platform/desk';
import { DESK_LISTS } from '../../../contract/platform/desk-lists';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { attempt, info, openCase } from './actions';
import { handOut } from './CaseReviewPanel';
import { openedFromMyList, queue } from './counter-store';
import { DepartmentName, formatDay } from './CycleParts';
import { CaseTable } from './CaseTable';
import { TimelinessBadge } from './timeliness/TimelinessBadge';
import { TransferForm } from './TransferForm';
import { transferTargets } from './transfer-rules';

type SearchBy = DeskSearch['by'];

/**
 * Opens a case: one of my list is held by this clerk on the platform, so its panel offers what
 * they may do with it; one found by a search is only looked at.
 */
function openFrom(api: ReturnType<typeof useApi>, caseId: string, mine: boolean): void {
  openedFromMyList.value = mine ? caseId : null;
  void openCase(api, caseId);
}

/** The rows of a list of cases; ArrowUp/ArrowDown move between them, Enter opens one. */
function CaseRows({ cases, testId, mine, onChanged }: { cases: CaseSummary[]; testId: string; mine: boolean; onChanged: () => void }) {
  const t = useT();
  const api = useApi();
  const [moving, setMoving] = useState<string | null>(null);
  if (cases.length === 0) return <p>{t('cycle.listEmpty')}</p>;
  const movable = (c: CaseSummary) => {
    const can = transferTargets(c, mine && c.claimedBy !== null);
    return mine && (can.department || can.window);
  };
  return (
    <CaseTable
      cases={cases}
      testId={testId}
      onOpen={(caseId) => openFrom(api, caseId, mine)}
      rowLabel={(c) => t('desk.rowLabel', { number: c.queueNumber, status: t(`counter.caseStatus.${c.status}`) })}
      columns={[
        { head: t('counter.status'), cell: (c) => t(`counter.caseStatus.${c.status}`) },
        { head: t('counter.applicant'), cell: (c) => `${c.applicantMasked.name} ${c.applicantMasked.idNumber}` },
        { head: t('desk.col.department'), cell: (c) => <DepartmentName code={c.department} /> },
        { head: t('cycle.col.deadline'), cell: (c) => (c.deadlineAt ? formatDay(c.deadlineAt) : '') },
        { head: t('timeliness.column'), cell: (c) => <TimelinessBadge timeliness={c.timeliness} /> },
        {
          head: <span class="visually-hidden">{t('desk.col.actions')}</span>,
          cell: (c) => (
            <span class="row-actions">
              <button type="button" class="button secondary small" onClick={() => openFrom(api, c.caseId, mine)}>
                {t('counter.open')}
                <span class="visually-hidden"> {c.queueNumber}</span>
              </button>
              {movable(c) && (
                <button type="button" class="button secondary small" onClick={() => setMoving(moving === c.caseId ? null : c.caseId)}>
                  {t('counter.transfer')}
                  <span class="visually-hidden"> {c.queueNumber}</span>
                </button>
              )}
              {c.status === 'ready' && (
                <button type="button" class="button secondary small" onClick={() => handOut(c.caseId)}>
                  {t('desk.handOut')}
                  <span class="visually-hidden"> {c.queueNumber}</span>
                </button>
              )}
            </span>
          ),
        },
      ]}
      below={(c) =>
        moving === c.caseId && (
          <TransferForm
            summary={c}
            mine={mine && c.claimedBy !== null}
            onDone={(moved) => {
              setMoving(null);
              if (moved) onChanged();
            }}
          />
        )
      }
    />
  );
}

/** 按编号、姓名或身份证后四位查找: the centre's cases, masked. */
function CaseSearch() {
  const t = useT();
  const api = useApi();
  const [by, setBy] = useState<SearchBy>('number');
  const [value, setValue] = useState('');
  const [found, setFound] = useState<CaseSummary[] | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const search: DeskSearch = by === 'number' ? { by, number: value } : by === 'name' ? { by, name: value } : { by, tail: value.toUpperCase() };
    const result = await attempt(() => api.call('desk.search', search));
    if (!result) return;
    setFound(result.cases);
    info(t('desk.searchFound', { count: result.cases.length }));
  };
  return (
    <section aria-labelledby="desk-search-title">
      <h3 id="desk-search-title">{t('desk.searchTitle')}</h3>
      <form class="reveal-form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('desk.searchBy')}
          <select name="by" value={by} onChange={(e) => setBy(e.currentTarget.value as SearchBy)}>
            <option value="number">{t('desk.searchBy.number')}</option>
            <option value="name">{t('desk.searchBy.name')}</option>
            <option value="id-tail">{t('desk.searchBy.id-tail')}</option>
          </select>
        </label>
        <label>
          {t('desk.searchValue')}
          <input
            name="search"
            required
            maxLength={by === 'id-tail' ? 4 : 60}
            pattern={by === 'id-tail' ? '\\d{3}[\\dXx]' : undefined}
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
          />
        </label>
        <button type="submit" class="button secondary small">
          {t('desk.search')}
        </button>
      </form>
      {found && <CaseRows cases={found} testId="desk-search-results" mine={false} onChanged={() => setFound(null)} />}
    </section>
  );
}

/** 我的办件: this clerk's cases by list, and search across the centre. */
export function MyCasesPanel() {
  const t = useT();
  const api = useApi();
  const [list, setList] = useState<DeskList>('claimed');
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  // Every change the platform reports reaches the desk as a fresh queue: a moment to read the list again.
  const queueAt = queue.value?.at;
  const load = () => void attempt(() => api.call('desk.myCases', { list })).then((found) => found && setCases(found.cases));
  useEffect(load, [api, list, queueAt]);
  return (
    <section class="counter-panel counter-my-cases" aria-labelledby="my-cases-title" data-testid="my-cases">
      <h2 id="my-cases-title">{t('desk.myCasesTitle')}</h2>
      <div class="counter-tabs" role="tablist" aria-label={t('desk.myCasesTitle')}>
        {DESK_LISTS.map((l) => (
          <button key={l} type="button" role="tab" class="button secondary small" aria-selected={list === l} onClick={() => setList(l)}>
            {t(`desk.list.${l}`)}
          </button>
        ))}
      </div>
      <p data-testid="my-cases-count">{t('cycle.listCount', { count: cases?.length ?? 0 })}</p>
      {cases && <CaseRows cases={cases} testId="my-cases-list" mine onChanged={load} />}
      <CaseSearch />
    </section>
  );
}
