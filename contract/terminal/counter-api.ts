import { z } from 'zod';
import { REJECT_REASONS } from './reject-reasons';
import { WallCall } from '../platform/calls';
import { CentreStats } from '../platform/ratings';
import { StaffRole } from '../platform/access';
import { Applicant, CaseDetail, CaseSummary, IntakeReceipt, RevealResponse } from '../platform/cases';
import { CaseEvent } from '../platform/events';
import { HelpCall } from '../platform/help';
import { CaseLicences } from '../platform/licences';
import { Timeliness } from '../platform/timeliness';
import { PublicNotice } from '../platform/public-status';
import { PrintResultView } from './print-result';
import { ServiceLevelLine } from '../platform/service-levels';

/**
 * The counter role's part of the TerminalApi (methods `counter.*`), spread into
 * `terminalMethods` and `terminalEvents` in ./api.ts. The staff member's platform token stays in
 * the terminal process: the page only ever learns whether someone is signed in, and who.
 */

/**
 * Where the staff session stands. `expired`: the platform no longer accepts the token (its 401);
 * `signed-out`: nobody is signed in (at start, or after sign-out).
 */
export const CounterSessionState = z.enum(['signed-out', 'active', 'locked', 'expired']);
export type CounterSessionState = z.infer<typeof CounterSessionState>;

export const CounterStatus = z.object({
  state: CounterSessionState,
  windowName: z.string(),
  lockMinutes: z.number().int().positive(),
  /** Null while nobody is signed in. */
  staff: z
    .object({ username: z.string(), displayName: z.string(), role: StaffRole, department: z.string().nullable() })
    .nullable(),
  /** The case on this window's desk (called and not yet decided or released). */
  current: CaseSummary.nullable(),
});
export type CounterStatus = z.infer<typeof CounterStatus>;

export const SignInOutcome = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), status: CounterStatus }),
  z.object({
    ok: z.literal(false),
    reason: z.enum(['wrong-credentials', 'account-locked', 'unreachable', 'rate-limited']),
  }),
]);
export type SignInOutcome = z.infer<typeof SignInOutcome>;

export const QueueView = z.object({
  waiting: z.array(CaseSummary),
  claimed: z.array(CaseSummary),
  /** When the terminal last read the queue from the platform. */
  at: z.string(),
});
export type QueueView = z.infer<typeof QueueView>;

/** A number called to a window: what the wall display shows (the platform's wall call) and the speech synthesis reads. */
export const CalledNumber = WallCall.extend({
  /** The announcement in Mandarin, e.g. 请A023号到3号窗口. */
  announcement: z.string(),
  /** 效能 of the called case, when the wall read it from the platform. */
  timeliness: Timeliness.nullable().optional(),
});
export type CalledNumber = z.infer<typeof CalledNumber>;

/** The wall shows this window's calls, or every window's of the centre (`windows=all`). */
export const WallWindows = z.enum(['own', 'all']);
export type WallWindows = z.infer<typeof WallWindows>;

export const WallView = z.object({
  windowName: z.string(),
  current: CalledNumber.nullable(),
  recent: z.array(CalledNumber),
  /** Per service line, how many wait past its thresholds now; absent while nobody is signed in or offline. */
  serviceLevels: z.array(ServiceLevelLine).optional(),
});
export type WallView = z.infer<typeof WallView>;

export const CaseReview = z.object({ detail: CaseDetail, history: z.array(CaseEvent) });
export type CaseReview = z.infer<typeof CaseReview>;

export const MaterialScan = z.object({ contentType: z.string(), dataBase64: z.string() });
export type MaterialScan = z.infer<typeof MaterialScan>;

export { REJECT_REASONS, REJECT_REASON_TEXT, type RejectReason } from './reject-reasons';
export const RejectReasonSchema = z.enum(REJECT_REASONS);

/** The decisions a clerk takes from the case review; `release` goes through `counter.skip`. */
export const CounterDecision = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), note: z.string().max(500).optional() }).strict(),
  z
    .object({ decision: z.literal('reject'), reason: RejectReasonSchema, text: z.string().trim().min(2).max(400) })
    .strict(),
  z
    .object({
      decision: z.literal('request-materials'),
      missingMaterials: z.array(z.string().trim().min(1).max(200)).min(1).max(50),
      note: z.string().max(500).optional(),
    })
    .strict(),
  // Without a department, the one the catalogue names for the service (its deciding department).
  z.object({ decision: z.literal('transfer'), department: z.string().trim().min(1).max(100).optional(), note: z.string().max(500).optional() }).strict(),
  z.object({ decision: z.literal('complete'), result: z.string().trim().min(1).max(500) }).strict(),
]);
export type CounterDecision = z.infer<typeof CounterDecision>;

/**
 * A decision's notice (不予受理告知书 or 补正材料告知书) printed at the desk: which notice, the
 * code the platform signed it with (as printed beside its QR code), and how the print ended;
 * a kept job's `retryId` prints the same pages again (重新打印).
 */
export const NoticePrint = PrintResultView.extend({ kind: PublicNotice.shape.kind, verificationCode: z.string() });
export type NoticePrint = z.infer<typeof NoticePrint>;

const NoArgs = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });
const CaseRef = z.object({ caseId: z.uuid() }).strict();
const FormAnswer = z.union([z.string().max(2000), z.number(), z.boolean()]);

export const counterMethods = {
  'counter.status': { args: NoArgs, result: CounterStatus },
  'counter.signIn': {
    args: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }).strict(),
    result: SignInOutcome,
  },
  /** The same staff member's password ends the lock; anyone else must sign out first. */
  'counter.unlock': { args: z.object({ password: z.string().min(1).max(200) }).strict(), result: SignInOutcome },
  'counter.lock': { args: NoArgs, result: Ok },
  'counter.signOut': { args: NoArgs, result: Ok },
  /** Keyboard or mouse input at the counter: pushes the lock back. */
  'counter.activity': { args: NoArgs, result: Ok },
  'counter.queue': { args: NoArgs, result: QueueView },
  /** Claims the next case by the platform's rules and calls its number; null when nobody waits. */
  'counter.callNext': { args: NoArgs, result: z.object({ called: CalledNumber.nullable(), case: CaseSummary.nullable() }) },
  'counter.recall': { args: CaseRef, result: CalledNumber },
  /** No-show: the case goes back to the queue with the note. */
  'counter.skip': { args: z.object({ caseId: z.uuid(), note: z.string().trim().min(1).max(500) }).strict(), result: CaseSummary },
  'counter.case': { args: CaseRef, result: CaseReview },
  'counter.reveal': { args: z.object({ caseId: z.uuid(), purpose: z.string().trim().min(2).max(200) }).strict(), result: RevealResponse },
  'counter.material': { args: z.object({ caseId: z.uuid(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict(), result: MaterialScan },
  /**
   * 电子证照 the case names, as the platform's audited route gives them (document, issuer,
   * validity, verification), an ID-shaped licence number masked like every ID number on screen.
   */
  'counter.licences': { args: CaseRef, result: CaseLicences },
  /** 开始办理: the citizen of the case on this desk reached the counter (walking time ends, handling begins). */
  'counter.startCase': { args: CaseRef, result: z.object({ startedAt: z.string() }) },
  'counter.decide': { args: z.object({ caseId: z.uuid(), decision: CounterDecision }).strict(), result: CaseSummary },
  /** Prints the newest signed notice of the case's decisions on the A4 printer; with `retryId`, the kept job of a failed print. */
  'counter.printNotice': { args: z.object({ caseId: z.uuid(), retryId: z.uuid().optional() }).strict(), result: NoticePrint },
  /** Walk-in: a case made at the window for the citizen in front of it (source counter). */
  'counter.createCase': {
    args: z
      .object({
        serviceCode: z.string().min(1).max(64),
        /** Typed by the clerk, or `fromCard`: the identity read from the ID card on this counter's reader. */
        applicant: z.union([Applicant.strict(), z.object({ fromCard: z.literal(true), phone: Applicant.shape.phone }).strict()]),
        values: z.record(z.string(), FormAnswer),
        disabled: z.boolean().default(false),
      })
      .strict(),
    result: IntakeReceipt,
  },
  /** The centre's figures for today (Asia/Shanghai). */
  'counter.stats': { args: NoArgs, result: CentreStats },
  'counter.wall': { args: z.object({ windows: WallWindows.default('own') }).strict(), result: WallView },
  /** 呼叫工作人员: the centre's open help calls, oldest first. */
  'counter.helpCalls': { args: NoArgs, result: z.object({ calls: z.array(HelpCall) }) },
  /** This staff member goes to the kiosk; refused when someone else took it first. */
  'counter.takeHelpCall': { args: z.object({ id: z.uuid() }).strict(), result: HelpCall },
} as const;

export const counterEvents = {
  'counter.status': CounterStatus,
  'counter.queue': QueueView,
  'counter.called': CalledNumber,
  /** The centre's open help calls changed (a new call, one taken or cancelled). */
  'counter.help': z.object({ calls: z.array(HelpCall) }),
  /** Another window of the centre called a number (issue 19): a wall showing every window reads the calls again. */
  'counter.wallCall': z.object({ windowName: z.string(), queueNumber: z.string() }),
} as const;
