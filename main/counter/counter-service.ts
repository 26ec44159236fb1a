import { randomUUID } from 'node:crypto';
import type { StaffRole } from '../../contract/platform/access';
import type { CaseSummary, Decision } from '../../contract/platform/cases';
import type { CentreStats } from '../../contract/platform/ratings';
import {
  REJECT_REASON_TEXT,
  type CalledNumber,
  type CaseReview,
  type CounterDecision,
  type CounterSessionState,
  type CounterStatus,
  type MaterialScan,
  type QueueView,
  type SignInOutcome,
  type WallView,
  type WallWindows,
} from '../../contract/terminal/counter-api';
import type { Applicant, IntakeReceipt, RevealResponse } from '../../contract/platform/cases';
import type { FormValue } from '../../contract/platform/cases';
import { sleep } from '../../common/wait';
import { prefilledValues, type PrefillIdentity } from '../../contract/forms/prefill';
import { ApiFailure } from '../api/dispatcher';
import type { EventBus } from '../api/event-bus';
import type { Identity } from '../../contract/identity';
import type { Catalogue } from '../../contract/platform/catalogue';
import type { Logger } from '../logging/logger';
import { PlatformHttpError, PlatformResponseError, PlatformUnreachableError } from '../platform-link/errors';
import { startOfShanghaiDay } from '../../contract/dates/shanghai-day';
import { announcementText, calledFromPlatform, pushCalled } from './announcement';
import type { StaffClient } from './staff-client';
import type { HelpCall } from '../../contract/platform/help';
import type { CaseLicences } from '../../contract/platform/licences';
import { maskIdNumber } from '../../contract/platform/id-number';

export interface CounterServiceOptions {
  /** Undefined where the terminal has no platform to talk to. */
  client: StaffClient | undefined;
  windowName: string;
  lockMinutes: number;
  /** The lock's delay in milliseconds where minutes are too coarse (tests); default `lockMinutes`. */
  lockAfterMs?: number;
  events: Pick<EventBus, 'publish'>;
  /** The identity read from the ID card on this counter's own reader, if one is on it. */
  cardOnReader?: () => CardOnReader | undefined;
  /** For the fields a service's form fills from the card (walk-in with a card). */
  catalogue?: () => Promise<Catalogue>;
  log: Logger;
  now?: () => number;
  /** After the event stream drops, before following it again. */
  reconnectMs?: number;
  /** The queue is read again this often while signed in, so a wait crossing its threshold shows with no event. Default 20 s. */
  queueRefreshMs?: number;
  /** Events arrive in bursts (a replay after reconnecting): one queue read per burst. */
  refreshDebounceMs?: number;
}

/** The card read on this counter's own reader: the applicant's name and number, and what forms prefill from it. */
type CardOnReader = Pick<Identity, 'name' | 'idNumber'> & PrefillIdentity;

interface StaffSession {
  token: string;
  username: string;
  displayName: string;
  /** A back-office account works the department's cases, not the window's queue. */
  role: StaffRole;
  department: string | null;
}

/** Statuses in which a case is still on this window's desk. */
const ON_DESK = new Set<CaseSummary['status']>(['claimed', 'accepted']);

/**
 * The desk of a clerk at a unified window. The staff token lives here and nowhere else; the
 * page sees the session's state, the queue (masked), and what the clerk asks for. A platform 401
 * ends the session on the spot: nothing more can be done with it, and the page is told.
 */
export class CounterService {
  private state: CounterSessionState = 'signed-out';
  private session: StaffSession | undefined;
  private current: CaseSummary | null = null;
  private called: CalledNumber[] = [];
  /** The last call's report to the platform: a wall reading the calls waits for it, or it would read them without that call. */
  private reported: Promise<void> = Promise.resolve();
  private lockTimer: NodeJS.Timeout | undefined;
  private stream: AbortController | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  /** The queue read in flight, and whether an event came while it was: reads run one at a time so an older answer never lands after a newer one. */
  private refreshing = false;
  private refreshAgain = false;
  private levelTimer: NodeJS.Timeout | undefined;
  private cursor = 0;
  /** The centre's open help calls, as the event stream tells them. */
  private readonly help = new Map<string, HelpCall>();
  private readonly now: () => number;

  constructor(private readonly options: CounterServiceOptions) {
    this.now = options.now ?? Date.now;
  }

  status(): CounterStatus {
    return {
      state: this.state,
      windowName: this.options.windowName,
      lockMinutes: this.options.lockMinutes,
      staff: this.session
        ? { username: this.session.username, displayName: this.session.displayName, role: this.session.role, department: this.session.department }
        : null,
      current: this.state === 'active' || this.state === 'locked' ? this.current : null,
    };
  }

  async signIn(username: string, password: string): Promise<SignInOutcome> {
    const client = this.client();
    let answer;
    try {
      answer = await client.signIn(username, password);
    } catch (error) {
      return { ok: false, reason: signInFailure(error) };
    }
    if (this.session) await this.endSession('signed-out');
    this.session = {
      token: answer.token,
      username: answer.staff.username,
      displayName: answer.staff.displayName,
      role: answer.staff.role,
      department: answer.staff.department ?? null,
    };
    this.options.log.info({ staff: answer.staff.username }, 'staff signed in at the counter');
    this.setState('active');
    this.startStream();
    this.scheduleRefresh();
    return { ok: true, status: this.status() };
  }

  /**
   * Only the staff member who locked the desk unlocks it, with their password checked by the
   * platform; the fresh session token replaces the old one.
   */
  async unlock(password: string): Promise<SignInOutcome> {
    const session = this.session;
    if (!session || this.state !== 'locked') throw new ApiFailure('not-allowed', 'the counter is not locked', { code: 'not-locked' });
    let answer;
    try {
      answer = await this.client().signIn(session.username, password);
    } catch (error) {
      return { ok: false, reason: signInFailure(error) };
    }
    const old = session.token;
    this.session = { ...session, token: answer.token };
    this.client().signOut(old).catch(() => undefined);
    this.restartStream();
    this.setState('active');
    return { ok: true, status: this.status() };
  }

  lock(): void {
    if (this.state !== 'active') return;
    clearTimeout(this.lockTimer);
    this.setState('locked');
  }

  activity(): void {
    if (this.state === 'active') this.armLock();
  }

  async signOut(): Promise<void> {
    if (this.session) await this.endSession('signed-out');
  }

  helpCalls(): HelpCall[] {
    return [...this.help.values()].sort((a, b) => a.calledAt.localeCompare(b.calledAt));
  }

  async takeHelpCall(id: string): Promise<HelpCall> {
    const taken = await this.act((token, client) => client.takeHelpCall(token, id)).catch(async (error: unknown) => {
      // Someone else was quicker: the list is read again so the desk stops offering it.
      await this.reloadHelp();
      throw error;
    });
    this.options.log.info({ callId: id }, 'help call taken at the counter');
    this.helpChanged(taken);
    return taken;
  }

  private helpChanged(call: HelpCall): void {
    if (call.state === 'open') this.help.set(call.id, call);
    else this.help.delete(call.id);
    this.options.events.publish('counter.help', { calls: this.helpCalls() });
  }

  /** At each (re)connection: calls made while the stream was down are not replayed by it. */
  private async reloadHelp(): Promise<void> {
    const session = this.session;
    const client = this.options.client;
    if (!session || !client) return;
    const calls = await client.helpCalls(session.token).catch(() => undefined);
    if (!calls || this.session !== session) return;
    this.help.clear();
    for (const call of calls) this.help.set(call.id, call);
    this.options.events.publish('counter.help', { calls: this.helpCalls() });
  }

  async queue(): Promise<QueueView> {
    const queue = await this.act((token, client) => client.queue(token));
    return { ...queue, at: new Date(this.now()).toISOString() };
  }

  async callNext(): Promise<{ called: CalledNumber | null; case: CaseSummary | null }> {
    if (this.current?.status === 'claimed') {
      throw new ApiFailure('not-allowed', `${this.current.queueNumber} is still on the desk: decide, skip or release it first`, {
        code: 'still-on-desk',
        params: { number: this.current.queueNumber },
      });
    }
    const claimed = await this.act((token, client) => client.claim(token));
    if (!claimed) return { called: null, case: null };
    this.setCurrent(claimed);
    return { called: await this.announce(claimed, false), case: claimed };
  }

  async recall(caseId: string): Promise<CalledNumber> {
    this.requireActive();
    const summary = this.current?.caseId === caseId ? this.current : (await this.act((token, client) => client.caseDetail(token, caseId)));
    return this.announce(summary, true);
  }

  async skip(caseId: string, note: string): Promise<CaseSummary> {
    const summary = await this.act((token, client) => client.decide(token, caseId, { decision: 'release', note: `未到场：${note}` }));
    if (this.current?.caseId === caseId) this.setCurrent(null);
    return summary;
  }

  async review(caseId: string): Promise<CaseReview> {
    return this.act(async (token, client) => {
      const [detail, events] = await Promise.all([client.caseDetail(token, caseId), client.caseEvents(token, caseId)]);
      return { detail, history: events.events };
    });
  }

  reveal(caseId: string, purpose: string): Promise<RevealResponse> {
    return this.act((token, client) => client.reveal(token, caseId, purpose));
  }

  async material(caseId: string, sha256: string): Promise<MaterialScan> {
    return this.act(async (token, client) => {
      const detail = await client.caseDetail(token, caseId);
      if (!detail.materials.some((m) => m.blob === sha256)) throw new ApiFailure('bad-request', `case ${caseId} has no material ${sha256}`, { code: 'no-such-material' });
      const blob = await client.blob(token, sha256);
      return { contentType: blob.contentType, dataBase64: blob.bytes.toString('base64') };
    });
  }

  /** The licences the case names (the platform audits the view); an ID-shaped number is masked. */
  async licences(caseId: string): Promise<CaseLicences> {
    const found = await this.act((token, client) => client.caseLicences(token, caseId));
    return {
      ...found,
      licences: found.licences.map((l) => (l.licence && /^\d{17}[\dX]$/.test(l.licence.number) ? { ...l, licence: { ...l.licence, number: maskIdNumber(l.licence.number) } } : l)),
    };
  }

  async startCase(caseId: string): Promise<{ startedAt: string }> {
    const started = await this.act((token, client) => client.startCase(token, caseId));
    if (this.current?.caseId === caseId) this.setCurrent({ ...this.current, startedAt: started.startedAt });
    return started;
  }

  async decide(caseId: string, decision: CounterDecision): Promise<CaseSummary> {
    const summary = await this.act((token, client) => client.decide(token, caseId, platformDecision(decision)));
    if (this.current?.caseId === caseId) this.setCurrent(ON_DESK.has(summary.status) ? summary : null);
    return summary;
  }

  /** A case handed to another window leaves this desk: the next number may be called. */
  leftDesk(caseId: string): void {
    if (this.current?.caseId === caseId) this.setCurrent(null);
  }

  async createCase(input: {
    serviceCode: string;
    applicant: Applicant | { fromCard: true; phone?: string };
    values: Record<string, FormValue>;
    disabled: boolean;
  }): Promise<IntakeReceipt> {
    const now = new Date(this.now()).toISOString();
    let applicant: Applicant;
    let form = input.values;
    if ('fromCard' in input.applicant) {
      const card = this.cardOnReader();
      applicant = { name: card.name, idNumber: card.idNumber, ...(input.applicant.phone ? { phone: input.applicant.phone } : {}) };
      form = await this.prefillFromCard(input.serviceCode, input.values, card);
    } else applicant = input.applicant;
    return this.act((token, client) =>
      client.intake(token, {
        caseId: randomUUID(),
        serviceCode: input.serviceCode,
        submittedAt: now,
        visitId: `counter-${randomUUID()}`,
        applicant,
        form,
        materials: [],
        priority: { disabled: input.disabled },
      }),
    );
  }

  stats(): Promise<CentreStats> {
    const now = this.now();
    return this.act((token, client) => client.stats(token, startOfShanghaiDay(now), new Date(now + 1)));
  }

  /**
   * Public by nature (it hangs on the wall): shown whoever is signed in, or nobody. While a
   * session is open it reads the calls the platform keeps — every window's with `all` — with
   * each case's 效能; without one, or offline, this window's own calls. Reading the wall is not
   * the clerk's activity, so it does not push the lock back.
   */
  async wall(windows: WallWindows = 'own'): Promise<WallView> {
    const windowName = this.options.windowName;
    const own: WallView = { windowName, current: this.called[0] ?? null, recent: this.called.slice(1) };
    const token = this.session?.token;
    if (!token || !this.options.client) return own;
    try {
      await this.reported;
      const client = this.options.client;
      const [calls, levels] = await Promise.all([
        client.calls(token, windows === 'all' ? undefined : windowName),
        // The lines' counts are a help, not the wall's purpose: without them it still shows the calls.
        client.serviceLevelsNow(token).catch((error: unknown) => void this.options.log.warn({ err: error }, 'reading the service levels failed')),
      ]);
      const called = calls.map(calledFromPlatform);
      return { windowName, current: called[0] ?? null, recent: called.slice(1), ...(levels ? { serviceLevels: levels.services } : {}) };
    } catch (error) {
      this.options.log.warn({ err: error }, 'reading the calls from the platform failed; the wall shows this window only');
      return own;
    }
  }

  async dispose(): Promise<void> {
    clearTimeout(this.refreshTimer);
    if (this.session) await this.endSession('signed-out');
  }

  /** The card on this counter's reader: its name and number fill the applicant; the page only ever saw them masked. */
  private cardOnReader(): CardOnReader {
    const card = this.options.cardOnReader?.();
    if (!card) throw new ApiFailure('not-allowed', 'no ID card has been read on this counter', { code: 'no-card' });
    return card;
  }

  /** The same prefill as a kiosk case (contract/forms/prefill): every field the service's form takes from the card. */
  private async prefillFromCard(serviceCode: string, values: Record<string, FormValue>, card: CardOnReader): Promise<Record<string, FormValue>> {
    const item = (await this.options.catalogue?.())?.items.find((i) => i.code === serviceCode);
    return { ...values, ...prefilledValues(item?.form.fields ?? [], card) };
  }

  private client(): StaffClient {
    if (!this.options.client) throw new ApiFailure('unavailable', 'this terminal has no platform configured (platform.url)', { code: 'no-platform' });
    return this.options.client;
  }

  private requireActive(): StaffSession {
    if (this.state === 'locked') throw new ApiFailure('not-allowed', 'the counter is locked: unlock it with your password', { code: 'desk-locked' });
    if (this.state === 'expired') throw new ApiFailure('not-allowed', 'the staff session has expired: sign in again', { code: 'session-expired' });
    if (this.state !== 'active' || !this.session) throw new ApiFailure('not-allowed', 'no staff member is signed in', { code: 'signed-out' });
    return this.session;
  }

  /** Runs a platform call under the signed-in clerk's token, turning the platform's answers into API failures. */
  async act<T>(call: (token: string, client: StaffClient) => Promise<T>): Promise<T> {
    const session = this.requireActive();
    const client = this.client();
    this.armLock();
    try {
      return await call(session.token, client);
    } catch (error) {
      if (error instanceof PlatformHttpError && error.status === 401 && this.session === session) {
        await this.endSession('expired');
        throw new ApiFailure('not-allowed', 'the staff session has expired: sign in again', { code: 'session-expired' });
      }
      throw toApiFailure(error);
    }
  }

  private calledNumber(id: string, queueNumber: string, recall: boolean): CalledNumber {
    const windowName = this.options.windowName;
    return { caseId: id, queueNumber, windowName, announcement: announcementText(queueNumber, windowName), at: new Date(this.now()).toISOString(), recall };
  }

  /**
   * A ticket called (or recalled) at this window (issue 19): the platform recorded the call with
   * the ticket, so here only this window's wall and its speech hear it, at once.
   */
  announceTicket(ticketId: string, number: string, recall: boolean): CalledNumber {
    const called = this.calledNumber(ticketId, number, recall);
    this.called = pushCalled(this.called, called);
    this.options.events.publish('counter.called', called);
    return called;
  }

  private async announce(summary: Pick<CaseSummary, 'caseId' | 'queueNumber'>, recall: boolean): Promise<CalledNumber> {
    const called = this.calledNumber(summary.caseId, summary.queueNumber, recall);
    this.called = pushCalled(this.called, called);
    // Walls showing every window read it from the platform; a failure there never stops the call.
    // The report is under way before the event goes out, so a wall that reads the calls on hearing
    // it waits for this one (wall()) instead of reading the list without it.
    const token = this.session?.token;
    const client = this.options.client;
    if (token && client) {
      this.reported = client
        .reportCall(token, { caseId: called.caseId, windowName: called.windowName, recall })
        .catch((error: unknown) => this.options.log.warn({ err: error, caseId: called.caseId }, 'reporting a call to the platform failed'));
    }
    this.options.events.publish('counter.called', called);
    await this.reported;
    return called;
  }

  private setCurrent(summary: CaseSummary | null): void {
    this.current = summary;
    this.publishStatus();
  }

  private setState(state: CounterSessionState): void {
    this.state = state;
    if (state === 'active') this.armLock();
    else clearTimeout(this.lockTimer);
    this.publishStatus();
  }

  private publishStatus(): void {
    this.options.events.publish('counter.status', this.status());
  }

  private armLock(): void {
    clearTimeout(this.lockTimer);
    this.lockTimer = setTimeout(() => this.lock(), this.options.lockAfterMs ?? this.options.lockMinutes * 60_000);
    this.lockTimer.unref?.();
  }

  /**
   * Signing out (or an expired token) leaves nothing of the clerk's work behind: a case still
   * on the desk goes back to the queue rather than waiting for the platform's abandoned-claim
   * sweep, and the page clears its screen on the status event.
   */
  private async endSession(reason: 'signed-out' | 'expired'): Promise<void> {
    const session = this.session;
    this.stopStream();
    clearTimeout(this.refreshTimer);
    const onDesk = this.current?.status === 'claimed' ? this.current : null;
    this.session = undefined;
    this.help.clear();
    this.current = null;
    this.setState(reason);
    if (!session || reason === 'expired' || !this.options.client) return;
    const client = this.options.client;
    if (onDesk) await client.decide(session.token, onDesk.caseId, { decision: 'release', note: '窗口人员退出登录' }).catch(() => undefined);
    await client.signOut(session.token).catch((error: unknown) => this.options.log.warn({ err: error }, 'platform sign-out failed'));
  }

  private startStream(): void {
    const session = this.session;
    const client = this.options.client;
    if (!session || !client) return;
    const controller = new AbortController();
    this.stream = controller;
    clearInterval(this.levelTimer);
    this.levelTimer = setInterval(() => this.scheduleRefresh(), this.options.queueRefreshMs ?? 20_000);
    this.levelTimer.unref?.();
    const follow = async () => {
      while (!controller.signal.aborted && this.session) {
        try {
          // Read before and just after the stream opens, so a call made while it connects is not missed.
          void this.reloadHelp();
          setTimeout(() => void this.reloadHelp(), 1000).unref?.();
          await client.stream(
            this.session.token,
            this.cursor,
            (seq) => {
              this.cursor = Math.max(this.cursor, seq);
              this.scheduleRefresh();
            },
            controller.signal,
            (call) => this.helpChanged(call),
            // Another window's call: walls showing every window read the calls again now.
            (call) => {
              if (call.windowName !== this.options.windowName) this.options.events.publish('counter.wallCall', { windowName: call.windowName, queueNumber: call.queueNumber });
            },
          );
        } catch (error) {
          if (error instanceof PlatformHttpError && error.status === 401 && this.session === session) {
            await this.endSession('expired');
            return;
          }
          this.options.log.warn({ err: error }, 'counter event stream interrupted');
        }
        if (controller.signal.aborted) return;
        await sleep(this.options.reconnectMs ?? 2000, controller.signal);
      }
    };
    void follow();
  }

  private stopStream(): void {
    clearInterval(this.levelTimer);
    this.stream?.abort();
    this.stream = undefined;
  }

  private restartStream(): void {
    this.stopStream();
    this.startStream();
  }

  private scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      void this.refreshInTurn();
    }, this.options.refreshDebounceMs ?? 40);
  }

  private async refreshInTurn(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    try {
      do {
        this.refreshAgain = false;
        await this.refresh();
      } while (this.refreshAgain);
    } finally {
      this.refreshing = false;
    }
  }

  private async refresh(): Promise<void> {
    const session = this.session;
    const client = this.options.client;
    if (!session || !client || this.state === 'expired') return;
    if (session.role === 'back-office') {
      this.options.events.publish('backOffice.updated', { at: new Date(this.now()).toISOString() });
      return;
    }
    try {
      const queue = await client.queue(session.token);
      if (this.session !== session) return;
      if (this.current) {
        const mine = queue.claimed.find((c) => c.caseId === this.current?.caseId);
        if (this.current.status === 'claimed' && !mine) this.setCurrent(null);
      }
      this.options.events.publish('counter.queue', { ...queue, at: new Date(this.now()).toISOString() });
    } catch (error) {
      if (error instanceof PlatformHttpError && error.status === 401 && this.session === session) {
        await this.endSession('expired');
        return;
      }
      this.options.log.warn({ err: error }, 'counter queue refresh failed');
    }
  }
}

function signInFailure(error: unknown): Extract<SignInOutcome, { ok: false }>['reason'] {
  if (error instanceof PlatformHttpError) {
    if (error.status === 423) return 'account-locked';
    if (error.status === 429) return 'rate-limited';
    if (error.status === 401 || error.status === 400) return 'wrong-credentials';
  }
  if (error instanceof ApiFailure) throw error;
  return 'unreachable';
}

export function platformDecision(decision: CounterDecision): Decision {
  switch (decision.decision) {
    case 'reject':
      return { decision: 'reject', reason: `${REJECT_REASON_TEXT[decision.reason]}：${decision.text}` };
    case 'request-materials':
      return { decision: 'request-materials', missingMaterials: [...new Set(decision.missingMaterials)], note: decision.note };
    default:
      return decision;
  }
}

/** The platform's answer as an API failure whose reason (the platform's code, and the field) the desk shows through i18n. */
export function toApiFailure(error: unknown): unknown {
  if (error instanceof ApiFailure) return error;
  if (error instanceof PlatformUnreachableError) return new ApiFailure('unavailable', 'the platform cannot be reached; try again', { code: 'unreachable' });
  if (error instanceof PlatformResponseError) {
    return new ApiFailure('unavailable', 'the platform gave an answer the terminal does not understand', { code: 'bad-answer' });
  }
  if (error instanceof PlatformHttpError) {
    const where = error.field ? ` (${error.field})` : '';
    const reason = { code: error.code, params: { field: error.field ?? '' } };
    if (error.status === 400 || error.status === 404 || error.status === 422) return new ApiFailure('bad-request', `${error.platformMessage}${where}`, reason);
    if (error.status === 403 || error.status === 409) return new ApiFailure('not-allowed', `${error.platformMessage}${where}`, reason);
    return new ApiFailure('unavailable', `the platform answered ${error.status}`, reason);
  }
  return error;
}
