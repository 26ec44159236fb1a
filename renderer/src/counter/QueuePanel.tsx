import { useEffect, useState } from 'preact/hooks';
import type { CaseSummary } from '../../../contract/platform/cases';
import { localized } from '../i18n';
import { useT } from '../i18n/use-t';
import { useApi } from '../state/api-context';
import { catalogue, locale } from '../state/store';
import { openCase } from './actions';
import { filterQueue, queue, queueFilter, waitingMinutes } from './counter-store';
import { CaseTable } from './CaseTable';
import { WaitLevelBadge } from './service-levels/WaitLevelBadge';

export function ServiceName({ code }: { code: string }) {
  const item = catalogue.value?.items.find((i) => i.code === code);
  if (!item) return <span>{code}</span>;
  const name = localized(locale.value, item.name);
  return <span lang={name.lang}>{name.text}</span>;
}

export function PriorityBadges({ summary }: { summary: CaseSummary }) {
  const t = useT();
  return (
    <>
      {summary.priorityReasons.map((reason) => (
        <span key={reason} class={`badge badge-${reason}`}>
          {t(`counter.priority.${reason}`)}
        </span>
      ))}
    </>
  );
}

/** Minutes tick on the page's clock; the queue itself only changes with the platform's events. */
function useMinuteClock(): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function QueuePanel() {
  const t = useT();
  const api = useApi();
  const now = useMinuteClock();
  const view = queue.value;
  const filter = queueFilter.value;
  const waiting = view ? filterQueue(view.waiting, filter) : [];
  const longest = view && view.waiting.length > 0 ? Math.max(...view.waiting.map((c) => waitingMinutes(c.receivedAt, now))) : 0;
  const services = [...new Set(view?.waiting.map((c) => c.serviceCode) ?? [])];

  return (
    <section class="counter-panel counter-queue" aria-labelledby="queue-title">
      <header class="counter-panel-head">
        <h2 id="queue-title">{t('counter.queueTitle')}</h2>
        <p class="queue-glance" aria-live="polite" data-testid="queue-glance">
          <strong data-testid="queue-count">{t('counter.queueCount', { count: view?.waiting.length ?? 0 })}</strong>
          {' · '}
          {t('counter.longestWait', { minutes: longest })}
        </p>
      </header>
      <div class="queue-filters">
        <label>
          {t('counter.filterService')}
          <select value={filter.service} onChange={(e) => (queueFilter.value = { ...filter, service: e.currentTarget.value })}>
            <option value="">{t('counter.all')}</option>
            {services.map((code) => {
              const item = catalogue.value?.items.find((i) => i.code === code);
              return (
                <option key={code} value={code}>
                  {item ? localized(locale.value, item.name).text : code}
                </option>
              );
            })}
          </select>
        </label>
        <label>
          {t('counter.filterSource')}
          <select
            value={filter.source}
            onChange={(e) => (queueFilter.value = { ...filter, source: e.currentTarget.value as typeof filter.source })}
          >
            <option value="">{t('counter.all')}</option>
            <option value="kiosk">{t('counter.source.kiosk')}</option>
            <option value="counter">{t('counter.source.counter')}</option>
          </select>
        </label>
        <label class="inline-check">
          <input
            type="checkbox"
            checked={filter.priorityOnly}
            onChange={(e) => (queueFilter.value = { ...filter, priorityOnly: e.currentTarget.checked })}
          />
          {t('counter.filterPriorityOnly')}
        </label>
      </div>
      {waiting.length === 0 ? (
        <p class="queue-empty">{t('counter.queueEmpty')}</p>
      ) : (
        <CaseTable
          cases={waiting}
          testId="queue-table"
          onOpen={(caseId) => void openCase(api, caseId)}
          columns={[
            {
              head: t('counter.col.wait'),
              cell: (c) => (
                <>
                  {t('counter.minutes', { minutes: waitingMinutes(c.receivedAt, now) })} <WaitLevelBadge level={c.waitLevel} />
                </>
              ),
            },
            { head: t('counter.col.priority'), cell: (c) => <PriorityBadges summary={c} /> },
            { head: t('counter.col.source'), cell: (c) => t(`counter.source.${c.source}`) },
            {
              head: <span class="visually-hidden">{t('counter.open')}</span>,
              cell: (c) => (
                <button type="button" class="button secondary small" onClick={() => void openCase(api, c.caseId)}>
                  {t('counter.open')}
                  <span class="visually-hidden"> {c.queueNumber}</span>
                </button>
              ),
            },
          ]}
        />
      )}
      <ClaimedList />
    </section>
  );
}

/** 审核中: the numbers called at the centre's windows and not yet decided, the longest held first. */
function ClaimedList() {
  const t = useT();
  const api = useApi();
  const now = useMinuteClock();
  const claimed = [...(queue.value?.claimed ?? [])].sort((a, b) => (a.claimedAt ?? '').localeCompare(b.claimedAt ?? ''));
  return (
    <section aria-labelledby="claimed-title">
      <h3 id="claimed-title">{t('desk.claimedTitle', { count: claimed.length })}</h3>
      {claimed.length === 0 ? (
        <p>{t('desk.claimedNone')}</p>
      ) : (
        <CaseTable
          cases={claimed}
          testId="claimed-table"
          onOpen={(caseId) => void openCase(api, caseId)}
          columns={[{ head: t('desk.col.claimedFor'), cell: (c) => (c.claimedAt ? t('counter.minutes', { minutes: waitingMinutes(c.claimedAt, now) }) : '') }]}
        />
      )}
    </section>
  );
}
