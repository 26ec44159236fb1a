import { useEffect, useState } from 'preact/hooks';
import type { RatingReason } from '../../../contract/platform/ratings';
import { localized } from '../i18n';
import { useT } from '../i18n/use-t';
import { useSpeak } from '../speech/use-speak';
import { useApi } from '../state/api-context';
import { caseStatus, catalogue, locale } from '../state/store';

const GOOD_REASONS: RatingReason[] = ['efficient', 'friendly', 'clear-guidance', 'other'];
const BAD_REASONS: RatingReason[] = ['long-wait', 'repeated-visits', 'unclear-guidance', 'staff-attitude', 'system-problems', 'materials-unclear', 'other'];
const LEVELS = [5, 4, 3, 2, 1] as const;

function Rating({ caseId }: { caseId: string }) {
  const t = useT();
  const api = useApi();
  const [level, setLevel] = useState<number | null>(null);
  const [reasons, setReasons] = useState<RatingReason[]>([]);
  const [problem, setProblem] = useState(false);
  const bad = level !== null && level <= 2;
  const toggle = (reason: RatingReason) => setReasons(reasons.includes(reason) ? reasons.filter((r) => r !== reason) : [...reasons, reason]);
  const submit = async () => {
    if (level === null) return;
    if (bad && reasons.length === 0) {
      setProblem(true);
      return;
    }
    await api.call('cases.rate', { caseId, level, reasons });
    caseStatus.value = await api.call('cases.lookup', { caseId });
  };
  return (
    <section aria-labelledby="rate-title" class="rating">
      <h2 id="rate-title">{t('rate.title')}</h2>
      <div role="radiogroup" aria-labelledby="rate-title" class="choices">
        {LEVELS.map((l) => (
          <button type="button" key={l} role="radio" aria-checked={level === l} class="button choice" onClick={() => {
            setLevel(l);
            setReasons([]);
            setProblem(false);
          }}>
            {t(`rate.level.${l}`)}
          </button>
        ))}
      </div>
      {level !== null && (
        <>
          <p id="reasons-title">{t('rate.reasons')}</p>
          <div class="choices" role="group" aria-labelledby="reasons-title">
            {(bad ? BAD_REASONS : GOOD_REASONS).map((r) => (
              <button type="button" key={r} class="button chip" aria-pressed={reasons.includes(r)} onClick={() => toggle(r)}>
                {t(`rate.reason.${r}`)}
              </button>
            ))}
          </div>
          {problem && (
            <p class="problem" role="alert">
              {t('rate.reasonNeeded')}
            </p>
          )}
          <button type="button" class="button primary main-action" onClick={() => void submit()}>
            {t('rate.submit')}
          </button>
        </>
      )}
    </section>
  );
}

/** The case in the citizen's words: where it stands, what happened when, and a rating once done. */
export function CaseStatusScreen() {
  const t = useT();
  const api = useApi();
  const status = caseStatus.value;
  const caseId = status?.caseId;
  // What the platform decides reaches the open page as it happens (the status feed's `case.updated`).
  useEffect(() => {
    if (!caseId) return undefined;
    return api.on('case.updated', (change) => {
      if (change.caseId !== caseId) return;
      void api.call('cases.lookup', { caseId }).then(
        (view) => {
          if (caseStatus.value?.caseId === caseId) caseStatus.value = view;
        },
        () => undefined,
      );
    });
  }, [api, caseId]);
  useSpeak('status.title', status?.status ? `status.${status.status}` : 'status.waitingSync');
  if (!status) return null;
  const item = catalogue.value?.items.find((i) => i.code === status.serviceCode);
  const name = item ? localized(locale.value, item.name) : { text: status.serviceCode, lang: 'zh-CN' };
  return (
    // Focusable: a long history (a 一件事 and its items) scrolls, and a keyboard must be able to scroll it.
    <main class="screen form-screen" aria-labelledby="status-title" tabIndex={0}>
      <p class="eyebrow">{t('status.title')}</p>
      <h1 id="status-title" lang={name.lang}>
        {name.text}
      </h1>
      <dl class="facts">
        <dt>{t('confirm.caseNumber')}</dt>
        <dd>{status.caseNumber}</dd>
        {status.queueNumber && (
          <>
            <dt>{t('confirm.queueNumber')}</dt>
            <dd>{status.queueNumber}</dd>
          </>
        )}
        <dt>{t('status.current')}</dt>
        <dd class="status-now" data-testid="case-status">
          {status.status ? t(`status.${status.status}`) : t('status.waitingSync')}
        </dd>
      </dl>
      {status.bundle && (
        <section aria-labelledby="bundle-title" data-testid="bundle-items">
          <h2 id="bundle-title">{t('cycle.bundleTitle')}</h2>
          <ul class="timeline">
            {status.bundle.items.map((entry) => {
              const part = catalogue.value?.items.find((i) => i.code === entry.serviceCode);
              const partName = part ? localized(locale.value, part.name) : { text: entry.serviceCode, lang: 'zh-CN' };
              return (
                <li key={entry.serviceCode} data-item={entry.serviceCode}>
                  <span lang={partName.lang}>{partName.text}</span>：{entry.status ? t(`status.${entry.status}`) : t('cycle.notStarted')}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('status.history')}</h2>
        <ol class="timeline" data-testid="case-history">
          {status.history.map((entry) => (
            <li key={`${entry.at}-${entry.type}`}>
              <time dateTime={entry.at}>{new Date(entry.at).toLocaleString(locale.value)}</time> {t(`event.${entry.type}`)}
              {entry.reason && <span class="note"> {t('status.reason', { reason: entry.reason })}</span>}
            </li>
          ))}
        </ol>
      </section>
      {status.rating ? (
        <p class="note" data-testid="rated">
          {t('rate.already', { level: t(`rate.level.${status.rating.level as 1 | 2 | 3 | 4 | 5}`) })}
        </p>
      ) : (
        status.canRate && <Rating caseId={status.caseId} />
      )}
    </main>
  );
}
