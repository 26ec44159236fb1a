import { z } from 'zod';
import { SignInResponse } from '../../contract/platform/access';
import { BackOfficeCase, BackOfficeQueue, CaseNote, type BackOfficeDecision } from '../../contract/platform/back-office';
import { BundleView } from '../../contract/platform/bundles';
import { CaseLicences } from '../../contract/platform/licences';
import { Department } from '../../contract/platform/departments';
import { BatchCollection, Colleague, DeskCases, DeskSearchResult, type BatchCollectRequest, type DeskList, type DeskSearch } from '../../contract/platform/desk';
import { Collection, PickupSearchResult, type CollectRequest, type PickupSearch } from '../../contract/platform/pickup';
import { Rating, type RatingRequest } from '../../contract/platform/ratings';
import { CaseDetail, CaseSummary, IntakeReceipt, QueueResponse, RevealResponse, type Decision, type IntakeRequest } from '../../contract/platform/cases';
import { EventsPage } from '../../contract/platform/events';
import { CaseNotices } from '../../contract/platform/public-status';
import { CentreStats } from '../../contract/platform/ratings';
import { HelpCall } from '../../contract/platform/help';
import { ServiceLevelsNow } from '../../contract/platform/service-levels';
import { CallSignal, WallCalls, type CallReport, type WallCall } from '../../contract/platform/calls';
import { RedirectAnswer, TicketView, type TicketRedirectRequest, type TicketTransferRequest } from '../../contract/platform/visits';
import { followEventStream } from '../platform-link/event-stream';
import { PlatformLink } from '../platform-link/link';

export interface StaffClientOptions {
  baseUrl: string;
  /** Per request. Default 10 s. */
  timeoutMs?: number;
  /** An event stream silent (not even the keepalive) for this long is dropped and followed again. Default 45 s. */
  streamIdleMs?: number;
}

const bearer = (token: string): string => `Bearer ${token}`;

/**
 * The counter's side of the platform's staff routes, through the same platform link as the
 * terminal's sync (so a 401 is the same PlatformHttpError wherever it comes from). A clerk acts
 * under their own staff session token, so the token comes with each call.
 */
export class StaffClient {
  readonly #link: PlatformLink;
  readonly #streamIdleMs: number | undefined;

  constructor(options: StaffClientOptions) {
    this.#link = new PlatformLink({ baseUrl: options.baseUrl, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) });
    this.#streamIdleMs = options.streamIdleMs;
  }

  get baseUrl(): string {
    return this.#link.baseUrl;
  }

  signIn(username: string, password: string): Promise<SignInResponse> {
    return this.#link.json(SignInResponse, 'signIn', { body: { username, password } });
  }

  async signOut(token: string): Promise<void> {
    const answer = await this.#link.request('signOut', { authorization: bearer(token) });
    if (!answer.response.ok && answer.response.status !== 401) this.#link.refusal(answer);
  }

  queue(token: string): Promise<QueueResponse> {
    return this.#link.json(QueueResponse, 'queue', { authorization: bearer(token) });
  }

  /** The next case by the platform's rules; undefined when nobody waits (204). */
  async claim(token: string): Promise<CaseSummary | undefined> {
    const answer = await this.#link.ok('claim', { authorization: bearer(token), body: {} });
    return answer.response.status === 204 ? undefined : this.#link.parse(CaseSummary, answer);
  }

  caseDetail(token: string, caseId: string): Promise<CaseDetail> {
    return this.#link.json(CaseDetail, 'getCase', { params: { caseId }, authorization: bearer(token) });
  }

  caseEvents(token: string, caseId: string): Promise<EventsPage> {
    return this.#link.json(EventsPage, 'caseEvents', { params: { caseId }, query: { after: 0, limit: 500 }, authorization: bearer(token) });
  }

  /** The signed 不予受理 / 补正 notices of the case's decisions, to print at the desk. */
  caseNotices(token: string, caseId: string): Promise<CaseNotices> {
    return this.#link.json(CaseNotices, 'caseNotices', { params: { caseId }, authorization: bearer(token) });
  }

  reveal(token: string, caseId: string, purpose: string): Promise<RevealResponse> {
    return this.#link.json(RevealResponse, 'revealCase', { params: { caseId }, authorization: bearer(token), body: { purpose } });
  }

  decide(token: string, caseId: string, decision: Decision): Promise<CaseSummary> {
    return this.#link.json(CaseSummary, 'decide', { params: { caseId }, authorization: bearer(token), body: decision });
  }

  intake(token: string, request: IntakeRequest): Promise<IntakeReceipt> {
    return this.#link.json(IntakeReceipt, 'intake', { authorization: bearer(token), body: request });
  }

  stats(token: string, from: Date, to: Date): Promise<CentreStats> {
    return this.#link.json(CentreStats, 'stats', { authorization: bearer(token), query: { from: from.toISOString(), to: to.toISOString() } });
  }

  async reportCall(token: string, call: CallReport): Promise<void> {
    await this.#link.ok('reportCall', { authorization: bearer(token), body: call });
  }

  /** Today's calls of the centre, or of one window, with each case's 效能. */
  async calls(token: string, window: string | undefined): Promise<WallCall[]> {
    return (await this.#link.json(WallCalls, 'calls', { authorization: bearer(token), query: window ? { window } : {} })).calls;
  }

  /** The centre's waiting and called tickets (issue 19). */
  tickets(token: string): Promise<TicketView[]> {
    return this.#link.json(TicketView.array(), 'tickets', { authorization: bearer(token) });
  }

  /** The next ticket for this window; undefined when nobody waits (204). */
  async callTicket(token: string, window: string): Promise<TicketView | undefined> {
    const answer = await this.#link.ok('callTicket', { authorization: bearer(token), body: { window } });
    return answer.response.status === 204 ? undefined : this.#link.parse(TicketView, answer);
  }

  /** 重呼, 未到 or 完成 of the ticket this window called. */
  ticketStep(token: string, route: 'ticketRecall' | 'ticketNoShow' | 'ticketFinish', ticketId: string, window: string): Promise<TicketView> {
    return this.#link.json(TicketView, route, { params: { ticketId }, authorization: bearer(token), body: { window } });
  }

  transferTicket(token: string, ticketId: string, request: TicketTransferRequest): Promise<TicketView> {
    return this.#link.json(TicketView, 'ticketTransfer', { params: { ticketId }, authorization: bearer(token), body: request });
  }

  redirectTicket(token: string, ticketId: string, request: TicketRedirectRequest): Promise<RedirectAnswer> {
    return this.#link.json(RedirectAnswer, 'ticketRedirect', { params: { ticketId }, authorization: bearer(token), body: request });
  }

  linkTicketCase(token: string, ticketId: string, window: string, caseId: string): Promise<TicketView> {
    return this.#link.json(TicketView, 'ticketCase', { params: { ticketId }, authorization: bearer(token), body: { window, caseId } });
  }

  /** Claims the named case for this clerk (a visit's case taken up at the window). */
  async claimCase(token: string, caseId: string): Promise<CaseSummary> {
    return this.#link.parse(CaseSummary, await this.#link.ok('claim', { authorization: bearer(token), body: { caseId } }));
  }

  /** 开始办理: the called citizen reached the counter. */
  startCase(token: string, caseId: string): Promise<{ startedAt: string }> {
    return this.#link.json(z.object({ startedAt: z.string() }), 'startCase', { params: { caseId }, authorization: bearer(token), body: {} });
  }

  startTicket(token: string, ticketId: string): Promise<{ startedAt: string }> {
    return this.#link.json(z.object({ startedAt: z.string() }), 'startTicket', { params: { ticketId }, authorization: bearer(token), body: {} });
  }

  /** Per service: how many wait now over each waiting-time threshold. */
  serviceLevelsNow(token: string): Promise<ServiceLevelsNow> {
    return this.#link.json(ServiceLevelsNow, 'serviceLevelsNow', { authorization: bearer(token) });
  }

  helpCalls(token: string): Promise<HelpCall[]> {
    return this.#link.json(HelpCall.array(), 'helpCalls', { authorization: bearer(token) });
  }

  takeHelpCall(token: string, id: string): Promise<HelpCall> {
    return this.#link.json(HelpCall, 'takeHelpCall', { params: { id }, authorization: bearer(token), body: {} });
  }

  async blob(token: string, sha256: string): Promise<{ contentType: string; bytes: Buffer }> {
    const answer = await this.#link.ok('getBlob', { params: { sha256 }, authorization: bearer(token) });
    return { contentType: answer.response.headers.get('content-type')?.split(';')[0] ?? 'application/octet-stream', bytes: answer.bytes };
  }

  departments(token: string): Promise<Department[]> {
    return this.#link.json(z.array(Department), 'departments', { authorization: bearer(token) });
  }

  bundle(token: string, caseId: string): Promise<BundleView> {
    return this.#link.json(BundleView, 'bundle', { params: { caseId }, authorization: bearer(token) });
  }

  caseLicences(token: string, caseId: string): Promise<CaseLicences> {
    return this.#link.json(CaseLicences, 'caseLicences', { params: { caseId }, authorization: bearer(token) });
  }

  notes(token: string, caseId: string): Promise<CaseNote[]> {
    return this.#link.json(z.array(CaseNote), 'caseNotes', { params: { caseId }, authorization: bearer(token) });
  }

  addNote(token: string, caseId: string, text: string): Promise<CaseNote> {
    return this.#link.json(CaseNote, 'addCaseNote', { params: { caseId }, authorization: bearer(token), body: { text } });
  }

  backOfficeQueue(token: string, status?: string): Promise<BackOfficeQueue> {
    return this.#link.json(BackOfficeQueue, 'backOfficeCases', { authorization: bearer(token), ...(status ? { query: { status } } : {}) });
  }

  backOfficeCase(token: string, caseId: string): Promise<BackOfficeCase> {
    return this.#link.json(BackOfficeCase, 'backOfficeCase', { params: { caseId }, authorization: bearer(token) });
  }

  backOfficeDecide(token: string, caseId: string, decision: BackOfficeDecision): Promise<CaseSummary> {
    return this.#link.json(CaseSummary, 'backOfficeDecide', { params: { caseId }, authorization: bearer(token), body: decision });
  }

  /** POST, so that an ID number read from a card never sits in a URL. */
  pickupSearch(token: string, search: PickupSearch): Promise<PickupSearchResult> {
    return this.#link.json(PickupSearchResult, 'pickupSearch', { authorization: bearer(token), body: search });
  }

  collect(token: string, pickupId: string, request: CollectRequest): Promise<Collection> {
    return this.#link.json(Collection, 'collect', { params: { pickupId }, authorization: bearer(token), body: request });
  }

  rate(token: string, caseId: string, request: RatingRequest): Promise<Rating> {
    return this.#link.json(Rating, 'rate', { params: { caseId }, authorization: bearer(token), body: request });
  }

  deskCases(token: string, list: DeskList): Promise<DeskCases> {
    return this.#link.json(DeskCases, 'deskCases', { authorization: bearer(token), query: { list } });
  }

  /** POST, so that a name searched for never sits in a URL. */
  deskSearch(token: string, search: DeskSearch): Promise<DeskSearchResult> {
    return this.#link.json(DeskSearchResult, 'deskSearch', { authorization: bearer(token), body: search });
  }

  colleagues(token: string): Promise<Colleague[]> {
    return this.#link.json(z.array(Colleague), 'deskColleagues', { authorization: bearer(token) });
  }

  handover(token: string, caseId: string, staffId: string, note?: string): Promise<CaseSummary> {
    return this.#link.json(CaseSummary, 'deskHandover', { params: { caseId }, authorization: bearer(token), body: { staffId, ...(note ? { note } : {}) } });
  }

  collectBatch(token: string, request: BatchCollectRequest): Promise<BatchCollection> {
    return this.#link.json(BatchCollection, 'deskBatchCollect', { authorization: bearer(token), body: request });
  }

  async putBlob(token: string, sha256: string, contentType: string, bytes: Buffer): Promise<void> {
    await this.#link.ok('putBlob', { params: { sha256 }, authorization: bearer(token), body: bytes, contentType });
  }

  /**
   * Follows the centre's event stream and calls `onEvent` with each event's seq (`onHelp` with
   * each help call of the centre as it changes, `onCall` with each number a window calls), until `signal`
   * aborts (resolves), the platform closes it (resolves), or it fails or falls silent past the
   * idle watchdog (rejects with one of the platform link's error types).
   */
  stream(
    token: string,
    after: number,
    onEvent: (seq: number) => void,
    signal: AbortSignal,
    onHelp?: (call: HelpCall) => void,
    onCall?: (call: CallSignal) => void,
  ): Promise<void> {
    return followEventStream(this.#link, {
      authorization: bearer(token),
      after,
      signal,
      ...(this.#streamIdleMs !== undefined ? { idleMs: this.#streamIdleMs } : {}),
      onEvent: (message) => onEvent(Number(message.id ?? 0)),
      ...(onHelp
        ? {
            onHelp: (message) => {
              const call = HelpCall.safeParse(JSON.parse(message.data));
              if (call.success) onHelp(call.data);
            },
          }
        : {}),
      ...(onCall
        ? {
            onCall: (message) => {
              const call = CallSignal.safeParse(JSON.parse(message.data));
              if (call.success) onCall(call.data);
            },
          }
        : {}),
    });
  }
}
