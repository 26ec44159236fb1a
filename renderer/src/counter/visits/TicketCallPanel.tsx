import { signal } from '@preact/signals';
import { useEffect, useState } from 'preact/hooks';
import type { TicketView } from '../../../../contract/platform/visits';
import type { TerminalApi } from '../../../../contract/terminal/api';
import type { DeskTickets, TicketStep } from '../../../../contract/terminal/visit-desk-api';
import { isMessageKey, localized, translate } from '../../i18n';
import { useT } from '../../i18n/use-t';
import { useApi } from '../../state/api-context';
import { catalogue, locale } from '../../state/store';
import { attempt, info, openCase } from '../actions';
import { lastCalled, openedFromMyList, queue, review } from '../counter-store';
import { ServiceName } from '../QueuePanel';
import { WaitLevelBadge } from '../service-levels/WaitLevelBadge';
import { StartServiceButton } from '../service-levels/StartServiceButton';

/** How often the panel reads the centre's tickets again. */
const REFRESH_MS = 10_000;

/** The ticket called at this window (null when none), and how many wait in the centre. */
const current = signal<TicketView | null>(null);
const waiting = signal(0);
const next = signal<DeskTickets['next']>([]);

async function refresh(api: TerminalApi): Promise<void> {
  const view = await attempt(() => api.call('visitDesk.tickets', {}));
  if (!view) return;
  current.value = view.current;
  waiting.value = view.waiting;
  next.value = view.next;
}

async function callTicket(api: TerminalApi): Promise<void> {
  const outcome = await attempt(() => api.call('visitDesk.call', {}));
  if (outcome && !outcome.ticket) info(translate(locale.value, 'visitDesk.nobodyWaiting'));
  if (!outcome?.called || !outcome.ticket) return;
  lastCalled.value = outcome.called;
  current.value = outcome.ticket;
  info(translate(locale.value, 'counter.calledNotice', { text: outcome.called.announcement }));
  await refresh(api);
}

async function startTicket(api: TerminalApi, ticket: TicketView): Promise<void> {
  const started = await attempt(() => api.call('visitDesk.start', { ticketId: ticket.ticketId }));
  if (started) current.value = { ...ticket, startedAt: started.startedAt };
}

async function step(api: TerminalApi, ticket: TicketView, what: TicketStep): Promise<void> {
  const after = await attempt(() => api.call('visitDesk.step', { ticketId: ticket.ticketId, step: what }));
  if (!after) return;
  const lang = locale.value;
  if (what === 'recall') info(translate(lang, 'visitDesk.recalled', { number: after.number }));
  else info(translate(lang, what === 'finish' ? 'visitDesk.finished' : 'visitDesk.noShowDone', { number: after.number }));
  current.value = after.status === 'called' ? after : null;
  await refresh(api);
}

/** Takes up (or reopens) the case of one of the visit's services in the review panel beside. */
async function openServiceCase(api: TerminalApi, ticket: TicketView, caseId: string, linked: boolean): Promise<void> {
  if (!linked) {
    const after = await attempt(() => api.call('visitDesk.takeCase', { ticketId: ticket.ticketId, caseId }));
    if (!after) return;
    current.value = after;
  }
  // Claimed by this clerk for the visit: its decisions are open here, as from the clerk's own list.
  openedFromMyList.value = caseId;
  await openCase(api, caseId);
}

function ServiceRow({ ticket, position }: { ticket: TicketView; position: number }) {
  const t = useT();
  const api = useApi();
  const service = ticket.services[position]!;
  const candidates = (queue.value?.waiting ?? []).filter((c) => c.serviceCode === service.serviceCode);
  const [chosen, setChosen] = useState('');
  const selectId = `visit-case-${position}`;
  const statusKey = `status.${service.caseStatus ?? ''}`;
  return (
    <li data-visit-service={service.serviceCode}>
      <ServiceName code={service.serviceCode} />{' '}
      {service.caseId ? (
        <>
          <span data-visit-case={service.caseId}>
            {t('visitDesk.caseOf', { number: service.caseNumber ?? '', status: isMessageKey(statusKey) ? t(statusKey) : (service.caseStatus ?? '') })}
          </span>{' '}
          <button type="button" class="button secondary small" onClick={() => void openServiceCase(api, ticket, service.caseId!, true)}>
            {t('visitDesk.openCase')}
          </button>
        </>
      ) : candidates.length === 0 ? (
        <span>{t('visitDesk.noCaseYet')}</span>
      ) : (
        <>
          <label for={selectId} class="visually-hidden">
            {t('visitDesk.chooseCase')}
          </label>
          <select id={selectId} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
            <option value="">{t('visitDesk.chooseCase')}</option>
            {candidates.map((c) => (
              <option key={c.caseId} value={c.caseId}>
                {c.queueNumber}
              </option>
            ))}
          </select>{' '}
          <button type="button" class="button primary small" disabled={!chosen} onClick={() => void openServiceCase(api, ticket, chosen, false)}>
            {t('visitDesk.takeCase')}
          </button>
        </>
      )}
    </li>
  );
}

/** 转窗 (same visit, same number and place) or 改派 (a new visit), chosen apart so the two are never confused. */
function SendOn({ ticket }: { ticket: TicketView }) {
  const t = useT();
  const api = useApi();
  const [mode, setMode] = useState<'transfer' | 'redirect' | null>(null);
  const [toWindow, setToWindow] = useState('');
  const [serviceCode, setServiceCode] = useState('');
  const items = catalogue.value?.items.filter((i) => i.kind !== 'bundle') ?? [];
  const submit = async (event: Event) => {
    event.preventDefault();
    const lang = locale.value;
    if (mode === 'transfer') {
      const after = await attempt(() =>
        api.call('visitDesk.transfer', { ticketId: ticket.ticketId, ...(toWindow.trim() ? { toWindow: toWindow.trim() } : {}), ...(serviceCode ? { serviceCode } : {}) }),
      );
      if (!after) return;
      info(translate(lang, 'visitDesk.transferred', { number: after.number, window: after.targetWindow ?? translate(lang, 'visitDesk.anyWindow') }));
    } else {
      const after = await attempt(() => api.call('visitDesk.redirect', { ticketId: ticket.ticketId, serviceCode }));
      if (!after) return;
      info(translate(lang, 'visitDesk.redirected', { number: after.ended.number, next: after.ticket.number }));
    }
    setMode(null);
    current.value = null;
    await refresh(api);
  };
  if (!mode) {
    return (
      <p class="visit-send-on">
        <button type="button" class="button secondary" onClick={() => setMode('transfer')} data-ticket-transfer>
          {t('visitDesk.transfer')}
        </button>{' '}
        <button type="button" class="button secondary" onClick={() => setMode('redirect')} data-ticket-redirect>
          {t('visitDesk.redirect')}
        </button>
      </p>
    );
  }
  const canSubmit = mode === 'transfer' ? Boolean(toWindow.trim() || serviceCode) : Boolean(serviceCode);
  return (
    <form class="visit-send-on" onSubmit={(e) => void submit(e)} aria-labelledby="visit-send-on-title">
      <h3 id="visit-send-on-title">{t(mode === 'transfer' ? 'visitDesk.transferTitle' : 'visitDesk.redirectTitle')}</h3>
      <p>{t(mode === 'transfer' ? 'visitDesk.transferHint' : 'visitDesk.redirectHint')}</p>
      {mode === 'transfer' && (
        <>
          <label for="visit-to-window">{t('visitDesk.toWindow')}</label>
          <input id="visit-to-window" value={toWindow} maxLength={20} onInput={(e) => setToWindow(e.currentTarget.value)} />
        </>
      )}
      <label for="visit-service">{t(mode === 'transfer' ? 'visitDesk.toServiceOptional' : 'visitDesk.toService')}</label>
      <select id="visit-service" value={serviceCode} onChange={(e) => setServiceCode(e.currentTarget.value)}>
        <option value="">{t('visitDesk.sameService')}</option>
        {items.map((i) => (
          <option key={i.code} value={i.code}>
            {localized(locale.value, i.name).text}
          </option>
        ))}
      </select>
      <p>
        <button type="submit" class="button primary" disabled={!canSubmit}>
          {t(mode === 'transfer' ? 'visitDesk.confirmTransfer' : 'visitDesk.confirmRedirect')}
        </button>{' '}
        <button type="button" class="button secondary" onClick={() => setMode(null)}>
          {t('visitDesk.cancel')}
        </button>
      </p>
    </form>
  );
}

/**
 * 叫号 of tickets at this window (issue 19): the next number of the centre's ticket line, its
 * services each with its own case (taken up from the queue and decided in the review panel),
 * 重呼 / 未到 / 完成, and sending the visit on by transfer or redirect.
 */
export function TicketCallPanel() {
  const t = useT();
  const api = useApi();
  useEffect(() => {
    void refresh(api);
    // Tickets are not cases: no queue event tells of a new one. Another window's call, or a while, reads them again.
    const off = api.on('counter.wallCall', () => void refresh(api));
    const timer = setInterval(() => void refresh(api), REFRESH_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [api]);
  const ticket = current.value;
  // A decision on one of the visit's cases in the review panel shows here too.
  const reviewed = review.value?.detail;
  const reviewedOfVisit = reviewed && ticket?.services.some((s) => s.caseId === reviewed.caseId) ? `${reviewed.caseId}:${reviewed.status}` : '';
  useEffect(() => {
    if (reviewedOfVisit) void refresh(api);
  }, [api, reviewedOfVisit]);
  return (
    <section class="ticket-calls" aria-labelledby="ticket-calls-title" data-testid="ticket-calls">
      <h2 id="ticket-calls-title">{t('visitDesk.title', { count: waiting.value })}</h2>
      {ticket ? (
        <div class="ticket-current">
          <p>
            <strong class="ticket-number" data-ticket-number>
              {ticket.number}
            </strong>{' '}
            {ticket.services.length > 1 && <span>{t('visitDesk.services', { count: ticket.services.length })}</span>}
            {ticket.transfers > 0 && <span> · {t('visitDesk.transferredTimes', { count: ticket.transfers })}</span>}
          </p>
          <ol class="visit-services" aria-label={t('visitDesk.servicesLabel')}>
            {ticket.services.map((s, i) => (
              <ServiceRow key={s.serviceCode} ticket={ticket} position={i} />
            ))}
          </ol>
          <StartServiceButton startedAt={ticket.startedAt} mine start={() => startTicket(api, ticket)} />
          <p>
            <button type="button" class="button secondary" onClick={() => void step(api, ticket, 'recall')}>
              {t('visitDesk.recall')}
            </button>{' '}
            <button type="button" class="button secondary" onClick={() => void step(api, ticket, 'no-show')}>
              {t('visitDesk.noShow')}
            </button>{' '}
            <button type="button" class="button primary" onClick={() => void step(api, ticket, 'finish')} data-ticket-finish>
              {t('visitDesk.finish')}
            </button>
          </p>
          <SendOn key={ticket.ticketId} ticket={ticket} />
        </div>
      ) : (
        <p>
          <button type="button" class="button primary" onClick={() => void callTicket(api)} data-call-ticket>
            {t('visitDesk.call')}
          </button>
        </p>
      )}
      {next.value.length > 0 && (
        <ol class="ticket-next" aria-label={t('visitDesk.nextLabel')} data-testid="ticket-next">
          {next.value.map((w) => (
            <li key={w.ticketId} data-ticket={w.number}>
              <strong>{w.number}</strong>{' '}
              {w.services.map((code, i) => (
                <span key={code}>
                  {i > 0 && '、'}
                  <ServiceName code={code} />
                </span>
              ))}
              {w.targetWindow && <span> · {t('visitDesk.forWindow', { window: w.targetWindow })}</span>} <WaitLevelBadge level={w.waitLevel} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
