import { batch } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TerminalApi } from '../../../contract/terminal/api';
import type { WallWindows } from '../../../contract/terminal/counter-api';
import { langTag } from '../i18n';
import { useT } from '../i18n/use-t';
import { useActivityReports } from '../state/activity';
import { useApi } from '../state/api-context';
import { locale, terminalInfo } from '../state/store';
import { callNext, loadQueue, openCase, recall } from './actions';
import { CaseReviewPanel, allowedActions, askToAccept, closeReview, type DecisionForm } from './CaseReviewPanel';
import { onMyDesk } from './TransferForm';
import { cardRead, clearDesk, counterMessage, counterStatus, deskTab, openedFromMyList, pendingDecision, queue, review, type DeskTab } from './counter-store';
import { DeskBar, MessageLine } from './DeskChrome';
import { MyCasesPanel } from './MyCasesPanel';
import { BackOfficeDesk } from './BackOfficeDesk';
import { PickupPanel } from './PickupPanel';
import { QueuePanel } from './QueuePanel';
import { HelpCallsPanel } from './HelpCallsPanel';
import { Reports, WalkIn } from './ReportsAndWalkIn';
import { StaffSignIn } from './StaffSignIn';
import { TicketCallPanel } from './visits/TicketCallPanel';

const ACTIVITY_THROTTLE_MS = 5000;

/** Keyboard and mouse input keeps the desk unlocked; the terminal owns the clock. */
function useActivityReporting(api: TerminalApi) {
  useActivityReports(
    ACTIVITY_THROTTLE_MS,
    () => counterStatus.value?.state === 'active',
    () => void api.call('counter.activity', {}).catch(() => undefined),
  );
}

function useCounterEvents(api: TerminalApi) {
  useEffect(() => {
    const offs = [
      api.on('counter.status', (status) => {
        batch(() => {
          if (status.state !== 'active') clearDesk();
          if (status.state !== 'active') counterMessage.value = null;
          counterStatus.value = status;
        });
      }),
      api.on('counter.queue', (view) => {
        if (counterStatus.value?.state === 'active') queue.value = view;
      }),
      api.on('identity.read', (view) => {
        if (counterStatus.value?.state === 'active') cardRead.value = view;
      }),
      api.on('identity.removed', () => (cardRead.value = null)),
    ];
    void api.call('counter.status', {}).then((status) => {
      counterStatus.value = status;
      // A reload finds the case still on this window's desk: its panel opens again, read afresh (its 效能 too).
      if (status.state === 'active' && status.current && !review.value) void openCase(api, status.current.caseId);
    });
    return () => offs.forEach((off) => off());
  }, [api]);
}

/**
 * Alt+letter, so that typing in a field never triggers a decision; Esc steps back one level
 * (the confirmation, then an open form, then the case's panel).
 */
function useShortcuts(api: TerminalApi, form: DecisionForm, setForm: (f: DecisionForm) => void) {
  // Read at the key press, not when the listener was added: effects run a frame late, keys do not wait.
  const openForm = useRef(form);
  openForm.current = form;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (counterStatus.value?.state !== 'active') return;
      const detail = review.value?.detail;
      if (event.key === 'Escape' && !event.defaultPrevented && !event.altKey) {
        if (pendingDecision.value) pendingDecision.value = null;
        else if (openForm.current) setForm(null);
        else if (detail) closeReview(detail.caseId);
        else return;
        event.preventDefault();
        return;
      }
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const can = detail ? allowedActions(detail, onMyDesk(detail, openedFromMyList.value === detail.caseId)) : undefined;
      const actions: Record<string, (() => void) | undefined> = {
        n: () => void callNext(api),
        l: () => void api.call('counter.lock', {}),
        r: can?.recall && detail ? () => void recall(api, detail.caseId) : undefined,
        s: can?.skip ? () => setForm('skip') : undefined,
        a: can?.accept && detail ? () => askToAccept(detail) : undefined,
        j: can?.reject ? () => setForm('reject') : undefined,
        m: can?.requestMaterials ? () => setForm('request-materials') : undefined,
        t: can?.transfer ? () => setForm('transfer') : undefined,
        c: can?.complete ? () => setForm('complete') : undefined,
      };
      const action = actions[event.key.toLowerCase()];
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api, setForm]);
}

/** The wall display: this window's calls, or (`windows=all`) every window's of the centre. */
function wallLink(windows: WallWindows = 'own'): string {
  const params = new URLSearchParams(window.location.hash.slice(1));
  params.set('view', 'wall');
  if (windows === 'all') params.set('windows', 'all');
  return `${window.location.pathname}#${params.toString()}`;
}

const TABS: { tab: DeskTab; label: 'desk.myCasesTitle' | 'counter.reportsTitle' | 'counter.walkInTitle' | 'cycle.pickupTitle' }[] = [
  { tab: 'my-cases', label: 'desk.myCasesTitle' },
  { tab: 'pickup', label: 'cycle.pickupTitle' },
  { tab: 'walk-in', label: 'counter.walkInTitle' },
  { tab: 'reports', label: 'counter.reportsTitle' },
];

function Desk() {
  const t = useT();
  const api = useApi();
  const status = counterStatus.value!;
  const [form, setForm] = useState<DecisionForm>(null);
  const tab = deskTab.value;
  useShortcuts(api, form, setForm);
  useEffect(() => {
    void loadQueue(api);
  }, [api]);
  return (
    <div class="counter-desk">
      <DeskBar title={`${t('counter.title')} · ${status.windowName}`}>
        <button type="button" class="button primary" onClick={() => void callNext(api)} aria-keyshortcuts="Alt+N" data-call-next>
          {t('counter.callNext')}
        </button>
        <a class="button secondary" href={wallLink()} target="_blank" rel="noreferrer">
          {t('counter.openWall')}
        </a>
        <a class="button secondary" href={wallLink('all')} target="_blank" rel="noreferrer">
          {t('counter.openWallAll')}
        </a>
      </DeskBar>
      <MessageLine />
      <HelpCallsPanel />
      <TicketCallPanel />
      <div class="counter-columns">
        <QueuePanel />
        <CaseReviewPanel form={form} setForm={setForm} />
      </div>
      <div class="counter-tabs" role="tablist" aria-label={t('counter.title')}>
        {TABS.map(({ tab: id, label }) => (
          <button key={id} type="button" role="tab" class="button secondary small" aria-selected={tab === id} onClick={() => (deskTab.value = id)}>
            {t(label)}
          </button>
        ))}
      </div>
      {tab === 'my-cases' ? <MyCasesPanel /> : tab === 'reports' ? <Reports /> : tab === 'walk-in' ? <WalkIn /> : <PickupPanel />}
      <footer class="counter-shortcuts">
        <h2>{t('counter.shortcutsTitle')}</h2>
        <p>{t('counter.shortcuts')}</p>
      </footer>
    </div>
  );
}

/** The desk of a clerk at a unified window (terminal role `counter`). */
export function CounterApp() {
  const api = useApi();
  useActivityReporting(api);
  useCounterEvents(api);
  useEffect(() => {
    document.documentElement.lang = langTag[locale.value];
  }, [locale.value]);
  const status = counterStatus.value;
  if (!status || !terminalInfo.value) return <main class="screen centred" aria-busy="true" />;
  switch (status.state) {
    case 'signed-out':
      return <StaffSignIn key="sign-in" mode="sign-in" />;
    case 'expired':
      return <StaffSignIn key="expired" mode="expired" />;
    case 'locked':
      return <StaffSignIn key="unlock" mode="unlock" />;
    case 'active':
      // Same sign-in, same terminal: a back-office account gets its department's screen.
      return status.staff?.role === 'back-office' ? <BackOfficeDesk /> : <Desk />;
  }
}
