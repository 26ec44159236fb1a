import type { TerminalApi } from '../../../contract/terminal/api';
import type { CounterDecision } from '../../../contract/terminal/counter-api';
import { TerminalApiError } from '../api/client';
import { isMessageKey, translate } from '../i18n';
import { locale } from '../state/store';
import { counterMessage, lastCalled, queue, review, revealed, stats } from './counter-store';

/** A failure's reason code goes through the i18n table; only an unknown one falls back to the terminal's words. */
function problem(error: unknown): void {
  const reason = error instanceof TerminalApiError && error.error.reason ? `counter.problem.${error.error.reason}` : undefined;
  if (reason && isMessageKey(reason)) {
    counterMessage.value = { text: translate(locale.value, reason, error instanceof TerminalApiError ? error.error.params : {}), kind: 'problem' };
    return;
  }
  const message = error instanceof TerminalApiError ? error.message : String(error);
  counterMessage.value = { text: translate(locale.value, 'counter.error', { message }), kind: 'problem' };
}

function info(text: string): void {
  counterMessage.value = { text, kind: 'info' };
}

/** Every desk action reports its outcome in the message line; none throws into the UI. */
async function attempt<T>(run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    problem(error);
    return undefined;
  }
}

export async function loadQueue(api: TerminalApi): Promise<void> {
  const view = await attempt(() => api.call('counter.queue', {}));
  if (view) queue.value = view;
}

export async function openCase(api: TerminalApi, caseId: string): Promise<void> {
  const found = await attempt(() => api.call('counter.case', { caseId }));
  if (!found) return;
  revealed.value = null;
  review.value = found;
}

export async function callNext(api: TerminalApi): Promise<void> {
  const outcome = await attempt(() => api.call('counter.callNext', {}));
  if (!outcome) return;
  if (!outcome.called || !outcome.case) {
    info(translate(locale.value, 'counter.nobodyWaiting'));
    return;
  }
  lastCalled.value = outcome.called;
  info(translate(locale.value, 'counter.calledNotice', { text: outcome.called.announcement }));
  await openCase(api, outcome.case.caseId);
}

export async function recall(api: TerminalApi, caseId: string): Promise<void> {
  const called = await attempt(() => api.call('counter.recall', { caseId }));
  if (!called) return;
  lastCalled.value = called;
  info(translate(locale.value, 'counter.calledNotice', { text: called.announcement }));
}

export async function skip(api: TerminalApi, caseId: string, note: string): Promise<void> {
  const summary = await attempt(() => api.call('counter.skip', { caseId, note }));
  if (!summary) return;
  review.value = null;
  revealed.value = null;
  info(translate(locale.value, 'counter.decided', { number: summary.queueNumber, status: translate(locale.value, `counter.caseStatus.${summary.status}`) }));
}

export async function decide(api: TerminalApi, caseId: string, decision: CounterDecision): Promise<boolean> {
  const summary = await attempt(() => api.call('counter.decide', { caseId, decision }));
  if (!summary) return false;
  info(translate(locale.value, 'counter.decided', { number: summary.queueNumber, status: translate(locale.value, `counter.caseStatus.${summary.status}`) }));
  await openCase(api, caseId);
  return true;
}

export async function reveal(api: TerminalApi, caseId: string, purpose: string): Promise<void> {
  const data = await attempt(() => api.call('counter.reveal', { caseId, purpose }));
  if (data) revealed.value = data;
}

export async function loadStats(api: TerminalApi): Promise<void> {
  const figures = await attempt(() => api.call('counter.stats', {}));
  if (figures) stats.value = figures;
}

export { attempt, info, problem };
