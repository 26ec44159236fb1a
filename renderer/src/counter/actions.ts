import type { TerminalApi } from '../../../contract/terminal/api';
import type { CounterDecision, NoticePrint } from '../../../contract/terminal/counter-api';
import { TerminalApiError } from '../api/client';
import { isMessageKey, translate } from '../i18n';
import { locale } from '../state/store';
import { fieldPart } from './field-labels';
import { counterMessage, lastCalled, noticePrint, queue, review, revealed, stats } from './counter-store';

/**
 * A failure in the clerk's words: the reason code (the platform's ErrorCode, or the terminal's
 * own) through the i18n table, the field it names by its label; without a known reason, the
 * words of the API's error code. The terminal's English message is for the log, never the desk.
 */
export function problemText(error: unknown, serviceCode = review.value?.detail.serviceCode): string {
  const lang = locale.value;
  if (!(error instanceof TerminalApiError)) return translate(lang, 'counter.apiError.internal');
  const { reason, params, issues, code } = error.error;
  const key = reason ? `counter.problem.${reason}` : '';
  if (isMessageKey(key)) return translate(lang, key, { ...params, field: fieldPart(params?.field, serviceCode) });
  // The terminal refused the call's arguments: the first one it names.
  if (code === 'bad-request' && issues?.[0]) return translate(lang, 'counter.apiError.bad-request', { field: fieldPart(issues[0].path, serviceCode) });
  return translate(lang, `counter.apiError.${code}`, { field: '' });
}

function problem(error: unknown, serviceCode?: string): void {
  counterMessage.value = { text: problemText(error, serviceCode), kind: 'problem' };
}

/** A problem the desk found itself, already in the clerk's words. */
function complain(text: string): void {
  counterMessage.value = { text, kind: 'problem' };
}

function info(text: string): void {
  counterMessage.value = { text, kind: 'info' };
}

/** Every desk action reports its outcome in the message line; none throws into the UI. */
async function attempt<T>(run: () => Promise<T>, serviceCode?: string): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    problem(error, serviceCode);
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

/** The decisions that give the applicant a notice on paper, and which notice. */
const NOTICE_OF = { reject: 'rejection-notice', 'request-materials': 'supplement-notice' } as const;

export async function decide(api: TerminalApi, caseId: string, decision: CounterDecision): Promise<boolean> {
  let summary;
  try {
    summary = await api.call('counter.decide', { caseId, decision });
  } catch (error) {
    // The platform decides: when it cannot be reached nothing was decided, and the clerk is told so.
    if (error instanceof TerminalApiError && error.error.reason === 'unreachable') complain(translate(locale.value, 'counter.decisionUnreachable'));
    else problem(error);
    return false;
  }
  info(translate(locale.value, 'counter.decided', { number: summary.queueNumber, status: translate(locale.value, `counter.caseStatus.${summary.status}`) }));
  await openCase(api, caseId);
  if (decision.decision === 'reject' || decision.decision === 'request-materials') void printNotice(api, caseId, NOTICE_OF[decision.decision]);
  return true;
}

/** Why a notice did not print, in the clerk's words: the printer's state, or the platform's reason. */
function noticeProblem(message: string): string {
  const key = `deskNotice.printer.${message}`;
  return isMessageKey(key) ? translate(locale.value, key) : isMessageKey(message) ? translate(locale.value, message) : message;
}

/** The decision's signed notice on the desk's printer; with `retryId`, the kept job again (重新打印). */
export async function printNotice(api: TerminalApi, caseId: string, kind: NoticePrint['kind'], retryId?: string): Promise<void> {
  noticePrint.value = { caseId, kind, state: 'printing' };
  try {
    const printed = await api.call('counter.printNotice', { caseId, ...(retryId ? { retryId } : {}) });
    noticePrint.value = printed.ok
      ? { caseId, kind: printed.kind, state: 'printed', code: printed.verificationCode }
      : { caseId, kind: printed.kind, state: 'failed', reason: noticeProblem(printed.message), ...(printed.retryId ? { retryId: printed.retryId } : {}) };
  } catch (error) {
    noticePrint.value = { caseId, kind, state: 'failed', reason: problemText(error) };
  }
}

export async function reveal(api: TerminalApi, caseId: string, purpose: string): Promise<void> {
  const data = await attempt(() => api.call('counter.reveal', { caseId, purpose }));
  if (data) revealed.value = data;
}

export async function loadStats(api: TerminalApi): Promise<void> {
  const figures = await attempt(() => api.call('counter.stats', {}));
  if (figures) stats.value = figures;
}

export { attempt, complain, info, problem };
