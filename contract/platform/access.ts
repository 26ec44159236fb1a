import { z } from 'zod';
import { PersonName, PersonText } from './text';

/**
 * Authentication. Every request but health, catalogue-less docs and staff sign-in carries
 * `Authorization: Bearer <token>` where the token is either
 * - a terminal credential `tbt_<terminalId>.<secret>`, issued once at registration, or
 * - a staff session token `tbs_<random>` from `POST /v1/staff/sessions`, valid until `expiresAt`.
 * A caller sees only its own centre: anything of another centre answers 403 `forbidden`.
 */
export const TerminalKind = z.enum(['kiosk', 'counter']);
export type TerminalKind = z.infer<typeof TerminalKind>;

/**
 * `back-office`: staff of a department (后台审批), who see and decide only the cases sent to it.
 * `technician`: works the fleet page (terminals, alerts, remote actions) and no case.
 */
export const StaffRole = z.enum(['staff', 'centre-admin', 'back-office', 'technician']);
export type StaffRole = z.infer<typeof StaffRole>;

export const Centre = z.object({ id: z.string(), name: z.string() });
export type Centre = z.infer<typeof Centre>;

export const TerminalId = z.string().regex(/^[a-zA-Z0-9][a-zA-Z0-9_-]{0,63}$/, 'letters, digits, - and _ only');

/** `POST /v1/admin/terminals` (centre admin): register a terminal of the admin's centre. */
export const RegisterTerminalRequest = z.object({
  terminalId: TerminalId,
  kind: TerminalKind,
  name: PersonText(100).refine((value) => value.trim().length > 0, { message: 'must not be blank' }),
});
export type RegisterTerminalRequest = z.infer<typeof RegisterTerminalRequest>;

/** The credential is shown once, here; the platform keeps only its hash. */
export const RegisterTerminalResponse = z.object({
  terminalId: z.string(),
  centreId: z.string(),
  kind: TerminalKind,
  credential: z.string(),
});
export type RegisterTerminalResponse = z.infer<typeof RegisterTerminalResponse>;

/** `POST /v1/admin/staff` (centre admin). */
export const CreateStaffRequest = z.object({
  username: z.string().regex(/^[a-z0-9][a-z0-9._-]{2,31}$/, '3 to 32 lowercase letters, digits, . _ -'),
  displayName: PersonName,
  role: StaffRole,
  password: z.string().min(10, 'at least 10 characters').max(200),
  /** The department code of a `back-office` account (required for that role, refused for others). */
  department: z.string().min(1).max(32).optional(),
});
export type CreateStaffRequest = z.infer<typeof CreateStaffRequest>;

export const StaffAccount = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: StaffRole,
  centreId: z.string(),
  department: z.string().nullable().optional(),
});
export type StaffAccount = z.infer<typeof StaffAccount>;

/**
 * `POST /v1/staff/sessions`. Wrong credentials answer 401; after `LOCKOUT_THRESHOLD` failures
 * in a row the account answers 423 `account-locked` until the lock expires, even with the right password.
 */
/** `centreId` is needed only when the same username exists in more than one centre. */
export const SignInRequest = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200), centreId: z.string().min(1).max(64).optional() });
export type SignInRequest = z.infer<typeof SignInRequest>;
export const SignInResponse = z.object({ token: z.string(), expiresAt: z.string(), staff: StaffAccount });
export type SignInResponse = z.infer<typeof SignInResponse>;

export const LOCKOUT_THRESHOLD = 5;

/** `GET /v1/me`: who the platform takes the caller for. */
export const WhoAmI = z.object({
  kind: z.enum(['terminal', 'staff']),
  id: z.string(),
  centre: Centre,
  terminalKind: TerminalKind.optional(),
  staff: StaffAccount.optional(),
});
export type WhoAmI = z.infer<typeof WhoAmI>;

/** `PUT /v1/terminals/me/health`: the terminal's own report (devices, outbox depth, last sync). */
export const TerminalHealthReport = z.object({
  status: z.enum(['ok', 'degraded']),
  devices: z
    .array(z.object({ role: z.string().max(64), state: z.string().max(32), reason: z.string().max(200).optional() }))
    .max(50),
  outboxPending: z.number().int().nonnegative(),
  lastSyncAt: z.iso.datetime({ offset: true }).nullable(),
  appVersion: z.string().max(64),
});
export type TerminalHealthReport = z.infer<typeof TerminalHealthReport>;

export const TerminalStatus = z.object({
  terminalId: z.string(),
  kind: TerminalKind,
  name: z.string(),
  lastSeenAt: z.string().nullable(),
  health: TerminalHealthReport.nullable(),
});
export type TerminalStatus = z.infer<typeof TerminalStatus>;

/** `GET /v1/audit?caseId=` (centre admin): who read or revealed what. */
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ kind: z.enum(['terminal', 'staff', 'system']), id: z.string() }),
  action: z.enum(['case-read', 'case-reveal', 'queue-read', 'material-read', 'certificate-issued', 'retention-purge', 'help-called', 'help-taken', 'help-cancelled', 'licence-lookup', 'licence-read', 'follow-up-opened', 'follow-up-closed', 'case-search', 'note-added', 'notes-read', 'ticket-transferred', 'ticket-redirected']),
  caseId: z.string().nullable(),
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** `PUT /v1/admin/terminals/{terminalId}/certificates`: whether this terminal of the centre may issue certificates. */
export const CertificatePermission = z.object({ allowed: z.boolean() });
export type CertificatePermission = z.infer<typeof CertificatePermission>;
