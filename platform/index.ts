import pkg from '../package.json' with { type: 'json' };
import type { Catalogue } from '../contract/platform/catalogue';
import { AccessService } from './core/access';
import { AcceptanceRules } from './core/acceptance';
import { BackOfficeService } from './core/back-office';
import { BundleService } from './core/bundles';
import { DepartmentService } from './core/departments';
import { PickupService } from './core/pickup';
import { BlobService } from './core/blobs';
import { CaseService } from './core/cases';
import { CatalogueStore } from './core/catalogue';
import { DEFAULT_SETTINGS, EventHub, type PlatformContext, type PlatformSettings } from './core/context';
import { PlatformError } from './core/errors';
import { DocumentService } from './documents';
import { DecisionNotices } from './public-status/decision-notices';
import { keyFileSigner, StoredIssuedDocuments } from './documents/stored';
import { RatingService } from './core/ratings';
import { DEMO_LICENCES } from './licences/demo-licences';
import type { LicenceLibrary } from './licences/library';
import { LicenceService } from './licences/service';
import { StoredLicenceLibrary } from './licences/stored-library';
import type { LicenceImport } from '../contract/platform/licences';
import { HelpCalls } from './help/help-calls';
import { PublicStatus } from './public-status/public-status';
import { demoCatalogue } from './catalogue/demo-catalogue';
import { createFleet, type FleetSettingsOptions } from './fleet/fleet';
import { claimStore, joinCluster, type Cluster } from './cluster/cluster';
import { buildApp } from './http/app';
import type { Services } from './http/services';
import { NotificationDispatcher } from './notify/dispatcher';
import { LogNotifier } from './notify/sms-gateway';
import type { Notifier } from './notify/notifier';
import { seedDemo, type DemoCredentials } from './seed/demo';
import type { Database } from './store/database';
import { isPostgresUrl, openDatabase } from './store/open';
import { errorMessage } from '../common/errors';
import { DataCipher } from './secrets/cipher';
import { defaultKeyFile } from './secrets/key-file';
import { CaseAccess } from './core/case-access';
import { DEFAULT_RETENTION, RetentionPolicy } from './retention/policy';
import { purgeExpired, type PurgeReport } from './retention/purge';
import { createVisits } from './visits/visits';
import { ServiceLevels } from './service-levels/service-levels';
import { CaseNotes } from './desk/notes';
import { DeskService } from './desk/desk-service';

export type { DemoCredentials } from './seed/demo';
export type { PurgeReport } from './retention/purge';
export { RetentionPolicy } from './retention/policy';
export type { Notifier, Notice } from './notify/notifier';
export type { LicenceLibrary, LicenceRecord, NewLicence } from './licences/library';
export { LogNotifier, SmsGatewayNotifier } from './notify/sms-gateway';
export { PlatformError } from './core/errors';
export { StoreError } from './store/database';

// Imported rather than read from disk, so a bundle (the Electron demo site) carries it too.
export const PLATFORM_VERSION: string = pkg.version;

export interface PlatformOptions {
  /** A SQLite file path (created if missing) or a `postgres://` connection URL. */
  db: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * The platform's keys (document signing, personal data at rest): a JSON file of mode 0600,
   * created on first start. Default: `<db>.keys` beside a SQLite file, else
   * `$XDG_CONFIG_HOME/tongban/platform.keys`.
   */
  keyFile?: string;
  /**
   * The address citizens and checkers reach the platform at, for every URL it prints (the
   * certificate's QR code). Default: its own listening URL. Never taken from a request's Host.
   */
  publicUrl?: string;
  /** Event streams one credential may hold open (default 5), and all together (default 500). */
  maxStreamsPerCaller?: number;
  maxStreams?: number;
  /** How long finished cases keep their personal data, by default and per service (days). */
  retention?: Partial<RetentionPolicy>;
  /** Create the demo centre, terminals and staff with their known credentials. */
  seedDemo?: boolean;
  /** Install this catalogue; without one the stored catalogue is kept, or the demo catalogue installed. */
  catalogue?: Catalogue;
  /** A city's electronic licence library (电子证照库); default the platform's own, in its store. */
  licenceLibrary?: LicenceLibrary;
  /** Licences to add to the platform's own library at start (a pilot's file; the demo's with seedDemo). */
  licences?: readonly LicenceImport[];
  /** Where SMS notices go; default the log/outbox notifier. */
  notifier?: Notifier;
  settings?: Partial<PlatformSettings>;
  rateLimitPerMinute?: number;
  /** Sign-in attempts per minute per address (default 30). */
  signInAttemptsPerMinute?: number;
  /** The fleet's alert rules and timings (defaults: 2 min without heartbeat, 2 min device down). */
  fleet?: FleetSettingsOptions;
  /** Fastify's request log (pino, JSON lines to stdout); off by default. */
  requestLog?: boolean;
  /** Operational lines (notices in the demo, failures); default none. */
  log?: (line: string) => void;
  now?: () => number;
}

export interface Platform {
  services: Services;
  db: Database;
  /** The other processes on the same PostgreSQL: signals, stream caps, rate limits (platform/cluster). */
  cluster: Cluster;
  /** Deletes the personal data of finished cases past retention now (it also runs daily). */
  purgeExpired(): Promise<PurgeReport>;
  /** Every notice handed to the notifier so far has been attempted. */
  notificationsSettled(): Promise<void>;
  close(): Promise<void>;
}

export interface RunningPlatform extends Platform {
  url: string;
  demoCredentials?: DemoCredentials;
}

const RELEASE_SWEEP_MS = 30_000;
/** No-shows and reminders are looked for every minute. */
const VISIT_SWEEP_MS = 60_000;
const PURGE_EVERY_MS = 24 * 3600_000;

/** Opens the store, migrates it and wires the services; no HTTP yet. */
export async function createPlatform(options: PlatformOptions): Promise<Platform & { demoCredentials?: DemoCredentials }> {
  const db = await openDatabase(options.db);
  const log = options.log ?? (() => undefined);
  const catalogue = new CatalogueStore(db);
  const now = options.now ?? Date.now;
  let signing;
  try {
    signing = await keyFileSigner(db, options.keyFile ?? defaultKeyFile(options.db, isPostgresUrl(options.db)), now());
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
  let publicUrl = options.publicUrl;
  let cluster: Cluster | undefined;
  const ctx: PlatformContext = {
    db,
    hub: new EventHub(),
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    now,
    cipher: new DataCipher(Buffer.from(signing.keys.dataKey, 'base64')),
    publicUrl: () => publicUrl ?? 'http://127.0.0.1',
    setDefaultPublicUrl: (url) => {
      publicUrl ??= url;
    },
    catalogue: async () => {
      const stored = await catalogue.get();
      if (!stored) throw new PlatformError(503, 'internal', 'the platform has no catalogue');
      return stored.catalogue;
    },
  };
  try {
    if (options.catalogue) await catalogue.put(options.catalogue, ctx.now());
    else if (!(await catalogue.get())) await catalogue.put(demoCatalogue, ctx.now());
    const access = new AccessService(ctx);
    const publish = (events: Parameters<EventHub['publish']>[0]) => ctx.hub.publish(events);
    const caseAccess = new CaseAccess();
    const notifier = options.notifier ?? new LogNotifier(log);
    const dispatcher = new NotificationDispatcher(
      db,
      notifier,
      ctx.now,
      (error) => log(`notification failed: ${errorMessage(error)}`),
      ctx.cipher,
    );
    const departments = new DepartmentService(ctx);
    const caseNotes = new CaseNotes(ctx);
    const documents = new DocumentService(signing.signer, new StoredIssuedDocuments(db, ctx.cipher), signing.previousKeys);
    const notices = new DecisionNotices(ctx, documents);
    const licences = new LicenceService(ctx, options.licenceLibrary ?? new StoredLicenceLibrary(db, documents, ctx.now, ctx.cipher), documents);
    const cases = new CaseService(ctx, publish, caseAccess, new AcceptanceRules(ctx, departments), licences);
    const pickups = new PickupService(ctx, publish, (caseId, seq, text) => dispatcher.notice(caseId, seq, text));
    const services: Services = {
      ctx,
      access,
      catalogue,
      blobs: new BlobService(ctx),
      cases,
      ratings: new RatingService(ctx, publish, caseAccess, departments),
      help: new HelpCalls(ctx),
      publicStatus: new PublicStatus(ctx, notices),
      decisionNotices: notices,
      departments,
      backOffice: new BackOfficeService(ctx, publish, cases, departments, pickups, caseNotes, licences),
      pickups,
      bundles: new BundleService(ctx),
      desk: new DeskService(ctx, publish, pickups),
      serviceLevels: new ServiceLevels(ctx),
      documents,
      licences,
    };
    // Data an older platform kept in the clear is sealed now, and the clear copies wiped from the files.
    const sealed = (await services.blobs.sealLegacy()) + (await services.cases.sealLegacy()) + (await caseNotes.sealLegacy());
    await services.ratings.assignFollowUpIds();
    if (sealed > 0 || signing.imported) await db.compact();
    services.fleet = createFleet(ctx, notifier, signing.signer, options.fleet ?? {}, log);
    const fleet = services.fleet;
    const visits = createVisits(ctx, notifier, async (centreId) => (await fleet.service.settings(centreId)).openingHours, (error) =>
      log(`visit notice failed: ${errorMessage(error)}`),
    );
    services.visits = visits;
    ctx.hub.on('events', (events) => dispatcher.handle(events));
    ctx.hub.on('events', (events) => {
      notices.onEvents(events).catch((error: unknown) => log(`issuing a decision notice failed: ${errorMessage(error)}`));
    });
    ctx.hub.on('events', (events) => {
      licences.onEvents(events).catch((error: unknown) => log(`adding a result to the licence library failed: ${errorMessage(error)}`));
    });
    // Before anything is announced: what this process publishes reaches the city's other processes.
    cluster = await joinCluster(db, ctx.hub, log);
    if (options.seedDemo) await licences.load(DEMO_LICENCES);
    if (options.licences) await licences.load(options.licences);
    const sweep = setInterval(() => {
      services.cases.releaseAbandoned().catch((error: unknown) => log(`releasing abandoned claims failed: ${String(error)}`));
    }, RELEASE_SWEEP_MS);
    sweep.unref();
    const visitSweep = setInterval(() => {
      visits.appointments.sweep().catch((error: unknown) => log(`the appointments sweep failed: ${String(error)}`));
    }, VISIT_SWEEP_MS);
    visitSweep.unref();
    const retention = RetentionPolicy.parse(options.retention ?? DEFAULT_RETENTION);
    const purge = () => purgeExpired(ctx, retention);
    const purging = setInterval(() => {
      purge().catch((error: unknown) => log(`retention purge failed: ${String(error)}`));
    }, PURGE_EVERY_MS);
    purging.unref();
    const demoCredentials = options.seedDemo ? await seedDemo(ctx, access, departments) : undefined;
    const joined = cluster;
    return {
      services,
      db,
      cluster: joined,
      demoCredentials,
      notificationsSettled: async () => {
        await dispatcher.drain();
        await fleet.notices.drain();
        await visits.notices.drain();
      },
      purgeExpired: purge,
      close: async () => {
        clearInterval(sweep);
        clearInterval(visitSweep);
        clearInterval(purging);
        await fleet.stop();
        await access.writeSeen();
        await dispatcher.drain();
        await visits.notices.drain();
        await joined.close();
        ctx.hub.removeAllListeners();
        await db.close();
      },
    };
  } catch (error) {
    await cluster?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Starts the reference platform over HTTP, e.g. embedded in the demo site:
 * `const platform = await startPlatform({ port: 0, db: 'platform.db', seedDemo: true })`.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  // A SQLite store serves this one process; the PostgreSQL of a city, any number of them.
  const owner = claimStore(options.db);
  let platform: Awaited<ReturnType<typeof createPlatform>>;
  try {
    platform = await createPlatform(options);
  } catch (error) {
    owner?.release();
    throw error;
  }
  const stop = async () => {
    await platform.close();
    owner?.release();
  };
  const app = await buildApp(platform.services, {
    cluster: platform.cluster,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 1200,
    signInAttemptsPerMinute: options.signInAttemptsPerMinute ?? 30,
    maxStreamsPerCaller: options.maxStreamsPerCaller ?? 5,
    maxStreams: options.maxStreams ?? 500,
    jsonBodyLimit: 256 * 1024,
    maxBlobBytes: platform.services.ctx.settings.maxBlobBytes,
    version: PLATFORM_VERSION,
    logger: options.requestLog ?? false,
  });
  try {
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    await stop();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${urlHost}:${port}`;
  platform.services.ctx.setDefaultPublicUrl(url);
  return {
    ...platform,
    url,
    close: async () => {
      await app.close();
      await stop();
    },
  };
}

export { openDatabase } from './store/open';
export { demoCatalogue } from './catalogue/demo-catalogue';
