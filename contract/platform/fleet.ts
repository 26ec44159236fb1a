import { z } from 'zod';

/**
 * The fleet: terminals report heartbeats, the platform raises and clears alerts, sends remote
 * actions and signed configuration. A heartbeat carries no personal data: device states,
 * counts, ages and versions only.
 */

/** What a device's state means for the fleet, whatever driver reported it. */
export const DeviceCondition = z.enum(['paper-out', 'paper-near-end', 'cover-open', 'jam', 'offline', 'toner-out', 'toner-low']);
export type DeviceCondition = z.infer<typeof DeviceCondition>;

export const HeartbeatDevice = z.object({
  role: z.string().min(1).max(64),
  /** The terminal's DeviceState.state: ready, busy, error, disconnected, … */
  state: z.string().min(1).max(32),
  conditions: z.array(DeviceCondition).max(10).default([]),
  reason: z.string().max(200).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
});
export type HeartbeatDevice = z.infer<typeof HeartbeatDevice>;

export const ServiceMode = z.enum(['in-service', 'out-of-service', 'closed']);
export type ServiceMode = z.infer<typeof ServiceMode>;

/** `PUT /v1/terminals/me/heartbeat`, every 30 s by default. */
export const Heartbeat = z.object({
  version: z.string().min(1).max(64),
  uptimeSeconds: z.number().int().nonnegative(),
  devices: z.array(HeartbeatDevice).max(50),
  outbox: z.object({ depth: z.number().int().nonnegative(), oldestAgeSeconds: z.number().int().nonnegative().nullable() }),
  /** Seconds since the last successful sync; null before the first one. */
  syncLagSeconds: z.number().int().nonnegative().nullable(),
  disk: z.object({ freeBytes: z.number().nonnegative(), totalBytes: z.number().positive() }),
  memory: z.object({ rssBytes: z.number().nonnegative(), freeBytes: z.number().nonnegative(), totalBytes: z.number().positive() }),
  lastError: z.object({ at: z.iso.datetime({ offset: true }), message: z.string().max(300) }).nullable(),
  service: ServiceMode,
  configVersion: z.number().int().nonnegative().nullable(),
  update: z.lazy(() => UpdateState).optional(),
});
export type Heartbeat = z.infer<typeof Heartbeat>;

/** A centre's opening hours: per weekday (0 = Sunday), a list of HH:MM–HH:MM spans in the centre's time. */
const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export const OpeningHours = z.object({
  timeZone: z.string().min(1).max(64).default('Asia/Shanghai'),
  week: z.array(z.array(z.object({ from: Clock, to: Clock }).refine((s) => s.from < s.to, { message: 'from before to' })).max(4)).length(7),
  /** The nightly maintenance restart, in the centre's time. */
  maintenanceAt: Clock.default('03:00'),
});
export type OpeningHours = z.infer<typeof OpeningHours>;

/** The heartbeat's answer: what the terminal should know without asking again. */
export const HeartbeatAnswer = z.object({
  openingHours: OpeningHours.nullable(),
  configVersion: z.number().int().nonnegative().nullable(),
});
export type HeartbeatAnswer = z.infer<typeof HeartbeatAnswer>;

export const AlertRule = z.enum(['paper-out', 'paper-near-end', 'device-fault', 'device-disconnected', 'outbox-stale', 'no-heartbeat', 'disk-low']);
export type AlertRule = z.infer<typeof AlertRule>;

export const Alert = z.object({
  id: z.number().int(),
  terminalId: z.string(),
  rule: AlertRule,
  /** The device role the alert is about, or '' for the terminal as a whole. */
  subject: z.string(),
  detail: z.string(),
  raisedAt: z.string(),
  clearedAt: z.string().nullable(),
});
export type Alert = z.infer<typeof Alert>;

export const FleetTerminal = z.object({
  terminalId: z.string(),
  kind: z.enum(['kiosk', 'counter']),
  /** The registered name, which says where it stands: 一楼大厅自助终端. */
  name: z.string(),
  status: z.enum(['ok', 'warning', 'alert', 'offline', 'unknown']),
  lastHeartbeatAt: z.string().nullable(),
  heartbeat: Heartbeat.nullable(),
  alerts: z.array(Alert),
});
export type FleetTerminal = z.infer<typeof FleetTerminal>;

export const FleetTerminalDetail = FleetTerminal.extend({
  history: z.array(z.object({ at: z.string(), heartbeat: Heartbeat })),
  pastAlerts: z.array(Alert),
  actions: z.lazy(() => z.array(RemoteAction)),
});
export type FleetTerminalDetail = z.infer<typeof FleetTerminalDetail>;

export const ActionKind = z.enum(['reload-ui', 'restart', 'screenshot', 'out-of-service', 'back-in-service']);
export type ActionKind = z.infer<typeof ActionKind>;

/** `POST /v1/fleet/terminals/:id/actions` (centre admin or technician). */
export const ActionRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('reload-ui') }).strict(),
  z.object({ kind: z.literal('restart') }).strict(),
  z.object({ kind: z.literal('screenshot') }).strict(),
  z
    .object({
      kind: z.literal('out-of-service'),
      /** Where a citizen goes instead, shown under 暂停服务: "请到二楼综合窗口办理". */
      message: z.string().min(1).max(120),
    })
    .strict(),
  z.object({ kind: z.literal('back-in-service') }).strict(),
]);
export type ActionRequest = z.infer<typeof ActionRequest>;

export const ActionOutcome = z.enum(['done', 'refused', 'failed']);
export type ActionOutcome = z.infer<typeof ActionOutcome>;

export const RemoteAction = z.object({
  id: z.number().int(),
  terminalId: z.string(),
  kind: ActionKind,
  message: z.string().nullable(),
  requestedBy: z.string(),
  requestedAt: z.string(),
  state: z.enum(['pending', 'delivered', 'done', 'refused', 'failed']),
  detail: z.string().nullable(),
  ackedAt: z.string().nullable(),
  hasScreenshot: z.boolean(),
});
export type RemoteAction = z.infer<typeof RemoteAction>;

/** `POST /v1/terminals/me/actions/:id/ack`: the terminal says what it did. */
export const ActionAck = z.object({
  outcome: ActionOutcome,
  /** Why refused or failed, in a technician's terms (never personal data). */
  detail: z.string().max(300).optional(),
  /** PNG, base64, for a screenshot action. */
  screenshot: z.string().max(6_000_000).optional(),
});
export type ActionAck = z.infer<typeof ActionAck>;

/** `PUT /v1/fleet/settings` (centre admin): who is told about alerts, and when the centre is open. */
export const FleetSettings = z.object({
  technicianPhone: z.string().regex(/^1\d{10}$/, 'a mainland mobile number').nullable(),
  webhookUrl: z.url().nullable(),
  /** HMAC-SHA256 key for the webhook's signature; write-only (answered masked). */
  webhookSecret: z.string().min(16).max(200).nullable(),
  openingHours: OpeningHours.nullable(),
});
export type FleetSettings = z.infer<typeof FleetSettings>;

/**
 * Signed configuration (`GET /v1/terminals/me/config`). `payload` is the JSON text of
 * `ConfigPayload`; the Ed25519 signature covers its UTF-8 bytes exactly, so the terminal
 * needs no canonical form to check it.
 */
export const SignedConfig = z.object({
  payload: z.string().max(200_000),
  keyId: z.string().min(1),
  algorithm: z.literal('Ed25519'),
  signature: z.string().regex(/^[A-Za-z0-9_-]{86}$/, 'a base64url Ed25519 signature'),
});
export type SignedConfig = z.infer<typeof SignedConfig>;

export const ConfigPayload = z.object({
  terminalId: z.string(),
  version: z.number().int().nonnegative(),
  issuedAt: z.string(),
  /** Sections of the terminal configuration; the terminal merges them over its local file. */
  config: z.record(z.string(), z.unknown()),
});
export type ConfigPayload = z.infer<typeof ConfigPayload>;

/** `PUT /v1/fleet/config/roles/:role` and `/v1/fleet/config/terminals/:id` (centre admin). */
export const ConfigChange = z.object({ config: z.record(z.string(), z.unknown()) });
export type ConfigChange = z.infer<typeof ConfigChange>;

export const ConfigHistoryEntry = z.object({
  id: z.number().int(),
  target: z.string(),
  config: z.record(z.string(), z.unknown()),
  changedBy: z.string(),
  changedAt: z.string(),
});
export type ConfigHistoryEntry = z.infer<typeof ConfigHistoryEntry>;

/** `POST /v1/terminals/me/config/report`: what became of a configuration the terminal fetched. */
export const ConfigReport = z.object({
  version: z.number().int().nonnegative(),
  outcome: z.enum(['applied', 'refused', 'rolled-back']),
  reason: z.string().max(500).optional(),
});
export type ConfigReport = z.infer<typeof ConfigReport>;

/** The public key configurations are signed with: pinned in the terminal's file at registration. */
export const FleetKey = z.object({ keyId: z.string(), algorithm: z.literal('Ed25519'), publicKey: z.string() });
export type FleetKey = z.infer<typeof FleetKey>;

/** Update channels: the Electron build (electron-updater's generic provider) and the Chromium host's package. */
export const ReleaseChannel = z.enum(['electron', 'chromium-host']);
export type ReleaseChannel = z.infer<typeof ReleaseChannel>;

export const ReleaseVersion = z.string().regex(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/, 'a semantic version such as 1.4.2');

export const Release = z.object({
  channel: ReleaseChannel,
  version: z.string(),
  fileName: z.string(),
  /** base64 SHA-512 of the file, as electron-updater expects it. */
  sha512: z.string(),
  size: z.number().int(),
  rolloutPercent: z.number().int().min(0).max(100),
  releasedAt: z.string(),
});
export type Release = z.infer<typeof Release>;

/** `GET /v1/updates/chromium-host/latest.json`: what this terminal should run, within its rollout. */
export const HostUpdateFeed = z.object({
  version: z.string(),
  /** Relative to the feed's URL. */
  url: z.string(),
  sha512: z.string(),
  size: z.number().int(),
  releaseDate: z.string(),
});
export type HostUpdateFeed = z.infer<typeof HostUpdateFeed>;

/** The terminal's update, as its heartbeat tells it. */
export const UpdateState = z.object({
  state: z.enum(['current', 'held', 'installing', 'trial', 'rolled-back', 'failed']),
  offered: z.string().max(64).nullable(),
  reason: z.string().max(300).optional(),
});
export type UpdateState = z.infer<typeof UpdateState>;

type Sections = Record<string, unknown>;
const isSections = (value: unknown): value is Sections => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * How configuration layers combine, on the platform (role profile, then the terminal's own
 * overrides) and on the terminal (its local file, then the platform's sections): objects merge
 * key by key with the upper layer winning; arrays and values are replaced whole.
 */
export function mergeConfigSections(base: Sections, over: Sections): Sections {
  const out: Sections = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = isSections(value) && isSections(out[key]) ? mergeConfigSections(out[key], value) : value;
  return out;
}
