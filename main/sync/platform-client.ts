import { IssuedContributionCertificate, type ContributionCertificateRequest } from '../../contract/platform/certificates';
import { BundleView } from '../../contract/platform/bundles';
import type { z } from 'zod';
import { TerminalHealthReport, WhoAmI } from '../../contract/platform/access';
import { BlobInfo } from '../../contract/platform/blobs';
import { IntakeReceipt, type IntakeRequest } from '../../contract/platform/cases';
import { Catalogue } from '../../contract/platform/catalogue';
import { CaseEvent, EventsPage } from '../../contract/platform/events';
import { HealthResponse } from '../../contract/platform';
import { HelpCall, type HelpCallRequest } from '../../contract/platform/help';
import { Rating, type RatingRequest } from '../../contract/platform/ratings';
import { LicenceLookupResult, type LicenceLookupRequest } from '../../contract/platform/licences';
import { PLATFORM_ROUTES } from '../../contract/platform/routes';
import { AppointmentView, CheckInAnswer, Slot, TicketView, type BookingRequest, type CheckInRequest, type TakeTicketRequest } from '../../contract/platform/visits';
import { parseAnswer } from '../platform-link/answers';
import { followEventStream } from '../platform-link/event-stream';
import { PlatformLink } from '../platform-link/link';
import type { MaterialContentType } from '../store/case-store';

export interface PlatformClientOptions {
  /** e.g. `https://platform.example.gov.cn` (config `platform.url`). */
  baseUrl: string;
  /** The terminal's credential issued at registration (config `platform.credential`). */
  credential: { terminalId: string; secret: string };
  /** Per request, to the end of the body. Default 10 s. */
  timeoutMs?: number;
  /** An event stream that shows nothing (not even the keepalive) for this long is dropped. Default 45 s. */
  streamIdleMs?: number;
}

/** What the event stream carries beside the case events: signals of the moment, not history. */
export interface LiveSignals {
  /** This terminal's help call as it changes (taken, cancelled). */
  onHelp?: (call: HelpCall) => void;
  /** Each time the stream opens; a signal sent while it was down is not on it. */
  onOpen?: () => void;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export type CatalogueFetch = { notModified: true } | { notModified: false; catalogue: Catalogue; etag: string | null };

/**
 * The terminal's side of the platform's HTTP API (contract/platform), under the terminal's own
 * credential, through the shared platform link: every answer is checked against the contract's
 * schema; every failure is one of the link's error types.
 */
export class PlatformClient {
  readonly terminalId: string;
  readonly #authorization: string;
  readonly #link: PlatformLink;
  private readonly streamIdleMs: number | undefined;

  constructor(options: PlatformClientOptions) {
    this.#link = new PlatformLink({ baseUrl: options.baseUrl, ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}) });
    this.terminalId = options.credential.terminalId;
    this.#authorization = `Bearer tbt_${options.credential.terminalId}.${options.credential.secret}`;
    this.streamIdleMs = options.streamIdleMs;
  }

  get baseUrl(): string {
    return this.#link.baseUrl;
  }

  health(): Promise<HealthResponse> {
    return this.#link.json(HealthResponse, 'health', { authorization: this.#authorization });
  }

  /** 电子证照: only after the citizen's consent, which the request records. */
  /** 预约签到: the booking of this card or code becomes a ticket. */
  checkIn(request: CheckInRequest): Promise<CheckInAnswer> {
    return this.#link.json(CheckInAnswer, 'checkIn', { authorization: this.#authorization, body: request });
  }

  slots(centreId: string, serviceCode: string, date: string): Promise<Slot[]> {
    return this.#link.json(Slot.array(), 'slots', { params: { centreId }, query: { serviceCode, date }, authorization: this.#authorization });
  }

  book(request: BookingRequest): Promise<AppointmentView> {
    return this.#link.json(AppointmentView, 'book', { authorization: this.#authorization, body: request });
  }

  takeTicket(request: TakeTicketRequest): Promise<TicketView> {
    return this.#link.json(TicketView, 'takeTicket', { authorization: this.#authorization, body: request });
  }

  lookupLicences(request: LicenceLookupRequest): Promise<LicenceLookupResult> {
    return this.#link.json(LicenceLookupResult, 'licenceLookup', { authorization: this.#authorization, body: request });
  }

  me(): Promise<WhoAmI> {
    return this.#link.json(WhoAmI, 'me', { authorization: this.#authorization });
  }

  /** With the last ETag, an unchanged catalogue costs a 304 and no body. */
  async catalogue(etag?: string): Promise<CatalogueFetch> {
    const answer = await this.#link.request('catalogue', { authorization: this.#authorization, headers: etag ? { 'if-none-match': etag } : {} });
    if (answer.response.status === 304) return { notModified: true };
    if (!answer.response.ok) this.#link.refusal(answer);
    return { notModified: false, catalogue: this.#link.parse(Catalogue, answer), etag: answer.response.headers.get('etag') };
  }

  /** Uploading the same bytes again is harmless: the platform answers 200 instead of 201. */
  putBlob(sha256: string, contentType: MaterialContentType, bytes: Buffer): Promise<BlobInfo> {
    return this.#link.json(BlobInfo, 'putBlob', { params: { sha256 }, authorization: this.#authorization, body: bytes, contentType });
  }

  /**
   * Case intake, idempotent on the case id. Pass the stored JSON text to resend the very same
   * bytes; `replay` tells that the platform already had the case.
   */
  async intake(body: string | IntakeRequest): Promise<{ receipt: IntakeReceipt; replay: boolean }> {
    const answer = await this.#link.ok('intake', { authorization: this.#authorization, body, contentType: 'application/json' });
    return { receipt: this.#link.parse(IntakeReceipt, answer), replay: answer.response.headers.get('idempotent-replay') === 'true' };
  }

  /** The citizen's rating (好差评) of a case; the same rating again is harmless, another one is a 409. */
  rate(caseId: string, rating: z.input<typeof RatingRequest>): Promise<Rating> {
    return this.#link.json(Rating, 'rate', { params: { caseId }, authorization: this.#authorization, body: rating });
  }

  /** The signed 社保参保缴费证明 of the citizen at the machine, issued by the platform for printing. */
  contributionCertificate(request: ContributionCertificateRequest): Promise<IssuedContributionCertificate> {
    return this.#link.json(IssuedContributionCertificate, 'contributionCertificate', { authorization: this.#authorization, body: request });
  }

  /** 呼叫工作人员 from this kiosk; the call is then followed by its id. */
  helpCall(request: HelpCallRequest): Promise<HelpCall> {
    return this.#link.json(HelpCall, 'helpCall', { authorization: this.#authorization, body: request });
  }

  helpCallState(id: string): Promise<HelpCall> {
    return this.#link.json(HelpCall, 'helpCallState', { params: { id }, authorization: this.#authorization });
  }

  cancelHelpCall(id: string): Promise<HelpCall> {
    return this.#link.json(HelpCall, 'cancelHelpCall', { params: { id }, authorization: this.#authorization, body: {} });
  }

  bundle(caseId: string): Promise<BundleView> {
    return this.#link.json(BundleView, 'bundle', { params: { caseId }, authorization: this.#authorization });
  }

  events(after: number, limit = 200): Promise<EventsPage> {
    return this.#link.json(EventsPage, 'events', { authorization: this.#authorization, query: { after, limit } });
  }

  async reportHealth(report: TerminalHealthReport): Promise<void> {
    await this.#link.ok('terminalHealth', { authorization: this.#authorization, body: TerminalHealthReport.parse(report) });
  }

  /**
   * Follows the event stream from `after`, calling `onEvent` for each event in order, until
   * `signal` aborts (resolves) or the stream fails or ends (rejects / resolves). A stream that
   * shows nothing for `streamIdleMs` is treated as dead, as the platform sends keepalives.
   */
  streamEvents(after: number, onEvent: (event: CaseEvent) => void, signal: AbortSignal, live: LiveSignals = {}): Promise<void> {
    const { onHelp, onOpen } = live;
    return followEventStream(this.#link, {
      authorization: this.#authorization,
      after,
      signal,
      ...(this.streamIdleMs !== undefined ? { idleMs: this.streamIdleMs } : {}),
      onEvent: (message) => onEvent(parseAnswer(CaseEvent, PLATFORM_ROUTES.eventStream, 200, message.data)),
      ...(onOpen ? { onOpen } : {}),
      // A help call that does not read is dropped, not fatal to the case events of the same stream.
      ...(onHelp ? { onHelp: (message) => {
        const call = HelpCall.safeParse(safeJson(message.data));
        if (call.success) onHelp(call.data);
      } } : {}),
    });
  }
}
