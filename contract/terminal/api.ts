import { z } from 'zod';
import { PrintResultView } from './print-result';
import { Catalogue } from '../platform/catalogue';
import { BundleView } from '../platform/bundles';
import { CaseStatus } from '../platform/cases';
import { CaseEventType } from '../platform/events';
import { RatingReason } from '../platform/ratings';
import { captureEvents, captureMethods } from './capture-api';
import { counterEvents, counterMethods } from './counter-api';
import { cycleEvents, cycleMethods } from './cycle-api';
import { deskMethods } from './desk-api';
import { fleetEvents, fleetMethods } from './fleet-api';
import { DevicesConfig } from './devices';
import { inputMethods } from './input-api';
import { licenceMethods } from './licence-api';
import { visitMethods } from './visit-api';
import { visitDeskMethods } from './visit-desk-api';

/**
 * TerminalApi: the one contract between the UI and the terminal process. Both transports
 * (Electron IPC and the Chromium host's WebSocket) carry exactly these methods and events, and
 * the terminal validates every argument and every result against these schemas.
 */

export const Locale = z.enum(['zh-CN', 'en']);
export type Locale = z.infer<typeof Locale>;

export const Role = z.enum(['kiosk', 'counter']);
export type Role = z.infer<typeof Role>;

export const SessionEndReason = z.enum(['done', 'idle', 'card-removed', 'cancelled']);
export type SessionEndReason = z.infer<typeof SessionEndReason>;

export const SessionInfo = z.object({
  id: z.string(),
  startedAt: z.string(),
  idleSeconds: z.number().int().positive(),
  warnSeconds: z.number().int().nonnegative(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

/** What the UI is told about the terminal: no secrets, nothing personal. */
export const TerminalInfo = z.object({
  terminalId: z.string(),
  centreName: z.string(),
  role: Role,
  locale: Locale,
  largeType: z.boolean(),
  demo: z.boolean(),
  version: z.string(),
  shell: z.enum(['electron', 'chromium-host']),
  /** Which printers this terminal has, so the UI offers only what can be printed. */
  printers: z.object({ a4: z.boolean(), receipt: z.boolean() }),
});
export type TerminalInfo = z.infer<typeof TerminalInfo>;

/**
 * What the UI may know of the citizen at the machine: enough to greet them and show read-only
 * prefilled fields. The full ID number never leaves the terminal process.
 */
export const IdentityView = z.object({
  kind: z.enum(['resident', 'hmt-residence', 'foreign-permanent-2017', 'foreign-permanent-2023']),
  name: z.string(),
  sex: z.string(),
  nation: z.string().optional(),
  birthDate: z.string(),
  address: z.string().optional(),
  idNumberMasked: z.string(),
  expired: z.boolean(),
  photoAvailable: z.boolean(),
});
export type IdentityView = z.infer<typeof IdentityView>;

export const DeviceState = z.object({
  role: z.string(),
  driver: z.string(),
  state: z.enum(['ready', 'busy', 'disconnected', 'error', 'stopped']),
  reason: z.string().optional(),
  since: z.string(),
});
export type DeviceState = z.infer<typeof DeviceState>;

export const HealthSnapshot = z.object({
  status: z.enum(['ok', 'degraded']),
  versions: z.object({ app: z.string(), node: z.string(), electron: z.string().optional(), chromium: z.string().optional() }),
  uptimeSeconds: z.number().nonnegative(),
  terminalId: z.string(),
  role: Role,
  devices: z.array(DeviceState),
  /** null while no sync worker runs (nothing to report, rather than a made-up figure). */
  sync: z.object({ lastSyncAt: z.string().nullable(), pending: z.number().int().nonnegative() }).nullable(),
  disk: z.object({ path: z.string(), freeBytes: z.number().nonnegative(), totalBytes: z.number().nonnegative() }),
  session: z.object({ active: z.boolean() }),
});
export type HealthSnapshot = z.infer<typeof HealthSnapshot>;

export const PortList = z.object({
  serial: z.array(
    z.object({
      path: z.string(),
      manufacturer: z.string().optional(),
      serialNumber: z.string().optional(),
      vendorId: z.string().optional(),
      productId: z.string().optional(),
    }),
  ),
  hid: z.array(
    z.object({
      path: z.string().optional(),
      vendorId: z.number(),
      productId: z.number(),
      manufacturer: z.string().optional(),
      product: z.string().optional(),
      usagePage: z.number().optional(),
      usage: z.number().optional(),
    }),
  ),
});
export type PortList = z.infer<typeof PortList>;

export const UnlockResult = z.discriminatedUnion('unlocked', [
  z.object({ unlocked: z.literal(true) }),
  z.object({
    unlocked: z.literal(false),
    reason: z.enum(['wrong-pin', 'locked-out', 'no-pin-set']),
    retryAfterSeconds: z.number().int().positive().optional(),
  }),
]);
export type UnlockResult = z.infer<typeof UnlockResult>;

const FormAnswer = z.union([z.string().max(2000), z.number(), z.boolean()]);

/** A case as the terminal's store holds it: what a receipt and a status lookup both name. */
const CaseAtTerminal = z.object({
  caseId: z.string(),
  /** Short, readable: what a citizen types to look the case up at this terminal. */
  caseNumber: z.string(),
  serviceCode: z.string(),
  /** Known once the platform has the case; null while it waits in the outbox. */
  queueNumber: z.string().nullable(),
  synced: z.boolean(),
});

/** What the citizen is told once a case is written to the terminal's store. */
export const CaseReceiptView = CaseAtTerminal.extend({
  savedAt: z.string(),
  counterVisit: z.enum(['none', 'required', 'maybe']),
});
export type CaseReceiptView = z.infer<typeof CaseReceiptView>;

export const CaseStatusView = CaseAtTerminal.extend({
  status: CaseStatus.nullable(),
  history: z.array(z.object({ at: z.string(), type: CaseEventType, status: CaseStatus, reason: z.string().nullable() })),
  rating: z.object({ level: z.number().int().min(1).max(5) }).nullable(),
  canRate: z.boolean(),
  /** A 一件事: each item's state, as the platform last answered (absent offline). */
  bundle: BundleView.nullable().optional(),
});
export type CaseStatusView = z.infer<typeof CaseStatusView>;

export const CaseLookup = z.union([
  z.object({ caseId: z.string().uuid() }).strict(),
  z.object({ caseNumber: z.string().regex(/^[0-9A-Z-]{4,32}$/), idLast4: z.string().regex(/^\d{3}[\dX]$/) }).strict(),
  /** The code on a receipt (its QR code opens the public status page with it). */
  z.object({ statusCode: z.string().regex(/^[2-9A-HJ-NP-Z]{16}$/) }).strict(),
]);
export type CaseLookup = z.infer<typeof CaseLookup>;

export { PrintResultView };

/** A certificate issued for the citizen at the machine, shown before it is printed. */
export const CertificatePreview = z.object({
  documentId: z.string(),
  certificateNo: z.string(),
  period: z.object({ from: z.string(), to: z.string() }),
  insuredSince: z.string(),
  months: z.array(z.object({ month: z.string(), employer: z.string(), baseFen: z.number().int(), personalFen: z.number().int(), paid: z.boolean() })),
  demo: z.boolean(),
});
export type CertificatePreview = z.infer<typeof CertificatePreview>;

const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** A fictional card of the built-in ID-card simulator (demo site, training). */
export const DemoCard = z.object({ id: z.string(), label: z.string(), kind: IdentityView.shape.kind });
export type DemoCard = z.infer<typeof DemoCard>;

/** A device role the setup screen can test: `qr1`, `qr2`… name one QR scanner. */
const DeviceTestRole = z.string().regex(/^(idcard|qr\d{0,2}|a4Printer|receiptPrinter|scanner)$/, 'idcard, qr, qrN, a4Printer, receiptPrinter or scanner');

/** One device test in the technician's terms: each step with its time; the ID number only masked. */
export const DeviceTestResult = z.object({
  role: z.string(),
  device: z.string(),
  ok: z.boolean(),
  steps: z.array(z.object({ name: z.string(), ok: z.boolean(), ms: z.number(), detail: z.string().optional() })),
  summary: z.string(),
});
export type DeviceTestResult = z.output<typeof DeviceTestResult>;

/**
 * 代办: the agent's own card read after the applicant's. `waiting`: the page asks for the
 * agent's card; `applicant-card`: the applicant's card came back instead; `expired`: the agent's
 * card is out of date; `read`: the agent is held for the session (masked view); `cancelled`.
 */
export const AgentCardView = z.object({
  state: z.enum(['waiting', 'applicant-card', 'expired', 'read', 'cancelled']),
  agent: IdentityView.nullable(),
});
export type AgentCardView = z.infer<typeof AgentCardView>;

/** 呼叫工作人员 as the kiosk's page sees it: waiting for a desk, someone coming, or cancelled. */
export const HelpView = z.object({
  callId: z.string(),
  state: z.enum(['waiting', 'coming', 'cancelled']),
  staffName: z.string().nullable(),
});
export type HelpView = z.infer<typeof HelpView>;

/** Whether the A4 printer can print now, asked before a service that ends in paper starts. */
export const PrinterReadiness = z.object({ ready: z.boolean(), message: z.string().optional() });
export type PrinterReadiness = z.infer<typeof PrinterReadiness>;

const NoArgs = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });

export const terminalMethods = {
  'terminal.info': { args: NoArgs, result: TerminalInfo },
  'session.begin': { args: z.object({ via: z.enum(['touch', 'idcard', 'qr']) }).strict(), result: SessionInfo },
  'session.activity': { args: NoArgs, result: Ok },
  'session.end': { args: z.object({ reason: SessionEndReason }).strict(), result: Ok },
  'catalogue.get': { args: NoArgs, result: Catalogue },
  /** By name, pinyin or pinyin initials (sbjf → 社保缴费…); service codes, most used first. */
  'catalogue.search': { args: z.object({ query: z.string().max(40) }).strict(), result: z.object({ codes: z.array(z.string()) }) },
  'health.get': { args: NoArgs, result: HealthSnapshot },
  'cases.submit': {
    args: z.object({ serviceCode: z.string().min(1).max(64), values: z.record(z.string(), FormAnswer) }).strict(),
    result: CaseReceiptView,
  },
  'cases.lookup': { args: CaseLookup, result: CaseStatusView },
  'cases.rate': {
    args: z
      .object({
        caseId: z.string().uuid(),
        level: z.number().int().min(1).max(5),
        reasons: z.array(RatingReason).max(10),
        comment: z.string().max(500).optional(),
      })
      .strict(),
    result: Ok,
  },
  'print.caseReceipt': { args: z.object({ caseId: z.string().uuid() }).strict(), result: PrintResultView },
  'certificates.prepare': { args: z.object({ from: YearMonth, to: YearMonth }).strict(), result: CertificatePreview },
  'certificates.print': { args: z.object({ documentId: z.string().min(1).max(64) }).strict(), result: PrintResultView },
  'print.readiness': { args: NoArgs, result: PrinterReadiness },
  'print.retry': { args: z.object({ retryId: z.string().uuid() }).strict(), result: PrintResultView },
  /** `screen`: the screen the citizen is on, for the desks (form, certificate, …). */
  'help.call': { args: z.object({ screen: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/) }).strict(), result: HelpView },
  'help.cancel': { args: NoArgs, result: Ok },
  /** 代办: the next card on the reader is the agent's, not a new visit; the applicant's may leave it meanwhile. */
  'identity.readAgent': { args: NoArgs, result: AgentCardView },
  'identity.cancelAgent': { args: NoArgs, result: AgentCardView },
  'demo.cards': { args: NoArgs, result: z.array(DemoCard) },
  'demo.placeCard': { args: z.object({ cardId: z.string().min(1).max(64) }).strict(), result: Ok },
  'demo.removeCard': { args: NoArgs, result: Ok },
  'setup.unlock': { args: z.object({ pin: z.string().regex(/^\d{4,12}$/) }).strict(), result: UnlockResult },
  'setup.lock': { args: NoArgs, result: Ok },
  'setup.ports': { args: NoArgs, result: PortList },
  'setup.devices': { args: NoArgs, result: z.object({ devices: DevicesConfig, file: z.string() }) },
  'setup.saveDevices': { args: z.object({ devices: DevicesConfig }).strict(), result: z.object({ file: z.string() }) },
  'setup.testDevice': { args: z.object({ role: DeviceTestRole }).strict(), result: DeviceTestResult },
  /** A test capture from the document camera: whether the paper's edges were found, and the flattened size. */
  'setup.testCamera': {
    args: z.object({ image: z.string().startsWith('data:image/jpeg;base64,').max(6_000_000) }).strict(),
    result: z.object({ found: z.boolean(), width: z.number().int().positive(), height: z.number().int().positive() }),
  },
  ...counterMethods,
  ...cycleMethods,
  ...deskMethods,
  ...captureMethods,
  ...inputMethods,
  ...fleetMethods,
  ...licenceMethods,
  ...visitMethods,
  ...visitDeskMethods,
} as const;

export const terminalEvents = {
  'session.began': z.object({ session: SessionInfo, via: z.enum(['touch', 'idcard', 'qr']) }),
  'identity.read': IdentityView,
  'identity.removed': z.object({}),
  /** 代办: how the reading of the agent's card stands. */
  'identity.agent': AgentCardView,
  /** A card was on the reader but could not be read: the citizen is asked to place it again. */
  'identity.failed': z.object({ reason: z.enum(['removed-during-read', 'unreadable', 'expired', 'reader-error']) }),
  'session.warning': z.object({ sessionId: z.string(), secondsLeft: z.number().int().nonnegative() }),
  /** The citizen came back during the warning: the banner goes. */
  'session.resumed': z.object({ sessionId: z.string() }),
  'session.ended': z.object({ sessionId: z.string(), reason: SessionEndReason }),
  /** The card left the reader mid-session: the session ends when the count reaches 0 unless it comes back. */
  'session.cardAway': z.object({ sessionId: z.string(), secondsLeft: z.number().int().nonnegative() }),
  /** The same card is back on the reader in time: nothing was lost. */
  'session.cardBack': z.object({ sessionId: z.string() }),
  /** A help call of this kiosk changed (a staff member took it, or it was cancelled). */
  'help.changed': HelpView,
  'device.state': DeviceState,
  /** A case of this terminal changed on the platform (the kiosk shows it if the citizen is looking). */
  'case.updated': z.object({ caseId: z.string(), status: CaseStatus, queueNumber: z.string().nullable() }),
  /** A QR code was scanned (a receipt to look up, …). */
  'qr.scanned': z.object({ payload: z.string().max(4096), source: z.enum(['serial', 'hid-pos', 'keyboard-wedge', 'simulator']) }),
  ...counterEvents,
  ...cycleEvents,
  ...captureEvents,
  ...fleetEvents,
} as const;

export type MethodName = keyof typeof terminalMethods;
export type EventName = keyof typeof terminalEvents;
export type MethodArgs<M extends MethodName> = z.input<(typeof terminalMethods)[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<(typeof terminalMethods)[M]['result']>;
export type EventData<E extends EventName> = z.output<(typeof terminalEvents)[E]>;

/** Errors that cross the transport: a code the UI can translate, and detail for technicians. */
export const ApiErrorCode = z.enum(['bad-request', 'unknown-method', 'not-allowed', 'unavailable', 'internal']);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const ApiError = z.object({
  code: ApiErrorCode,
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  /**
   * What went wrong in the reader's terms, as a stable code and its params (e.g. the platform's
   * `illegal-transition` with `field`): the UI shows it through its i18n table, never `message`.
   */
  reason: z.string().max(64).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export type CallOutcome<M extends MethodName> = { ok: true; result: MethodResult<M> } | { ok: false; error: ApiError };

/** The UI's view of the terminal, whichever transport carries it. */
export interface TerminalApi {
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<MethodResult<M>>;
  on<E extends EventName>(event: E, listener: (data: EventData<E>) => void): () => void;
}

/** The wire frames of the WebSocket transport; Electron IPC carries the same shapes. */
export const RequestFrame = z.object({ id: z.number().int().nonnegative(), method: z.string(), args: z.unknown() });
export type RequestFrame = z.infer<typeof RequestFrame>;
export type ResponseFrame =
  | { id: number; ok: true; result: unknown }
  | { id: number | null; ok: false; error: ApiError };
export type EventFrame = { event: EventName; data: unknown };

export { WS_PROTOCOL, WS_SECRET_PREFIX } from './transport-constants';
