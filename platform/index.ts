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
import { StoredIssuedDocuments, storedSigner } from './documents/stored';
import { RatingService } from './core/ratings';
import { DEMO_LICENCES } from './licences/demo-licences';
import type { LicenceLibrary } from './licences/library';
import { LicenceService } from './licences/service';
import { StoredLicenceLibrary } from './licences/stored-library';
import type { LicenceImport } from '../contract/platform/licences';
import { demoCatalogue } from './catalogue/demo-catalogue';
import { buildApp } from './http/app';
import type { Services } from './http/services';
import { NotificationDispatcher } from './notify/dispatcher';
import { LogNotifier } from './notify/sms-gateway';
import type { Notifier } from './notify/notifier';
import { seedDemo, type DemoCredentials } from './seed/demo';
import type { Database } from './store/database';
import { openDatabase } from './store/open';
import { errorMessage } from '../common/errors';

export type { DemoCredentials } from './seed/demo';
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
  /** Fastify's request log (pino, JSON lines to stdout); off by default. */
  requestLog?: boolean;
  /** Operational lines (notices in the demo, failures); default none. */
  log?: (line: string) => void;
  now?: () => number;
}

export interface Platform {
  services: Services;
  db: Database;
  /** Every notice handed to the notifier so far has been attempted. */
  notificationsSettled(): Promise<void>;
  close(): Promise<void>;
}

export interface RunningPlatform extends Platform {
  url: string;
  demoCredentials?: DemoCredentials;
}

const RELEASE_SWEEP_MS = 30_000;

/** Opens the store, migrates it and wires the services; no HTTP yet. */
export async function createPlatform(options: PlatformOptions): Promise<Platform & { demoCredentials?: DemoCredentials }> {
  const db = await openDatabase(options.db);
  const log = options.log ?? (() => undefined);
  const catalogue = new CatalogueStore(db);
  const ctx: PlatformContext = {
    db,
    hub: new EventHub(),
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    now: options.now ?? Date.now,
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
    const dispatcher = new NotificationDispatcher(db, options.notifier ?? new LogNotifier(log), ctx.now, (error) =>
      log(`notification failed: ${errorMessage(error)}`),
    );
    const departments = new DepartmentService(ctx);
    const cases = new CaseService(ctx, publish, new AcceptanceRules(ctx, departments));
    const pickups = new PickupService(ctx, publish, (caseId, seq, text) => dispatcher.notice(caseId, seq, text));
    const { signer, previousKeys } = await storedSigner(db, ctx.now());
    const documents = new DocumentService(signer, new StoredIssuedDocuments(db), previousKeys);
    const licences = new LicenceService(ctx, options.licenceLibrary ?? new StoredLicenceLibrary(db, documents, ctx.now), documents);
    const services: Services = {
      ctx,
      access,
      catalogue,
      blobs: new BlobService(ctx),
      cases,
      ratings: new RatingService(ctx, publish),
      departments,
      backOffice: new BackOfficeService(ctx, publish, cases, departments, pickups),
      pickups,
      bundles: new BundleService(ctx),
      documents,
      licences,
    };
    ctx.hub.on('events', (events) => dispatcher.handle(events));
    ctx.hub.on('events', (events) => {
      licences.onEvents(events).catch((error: unknown) => log(`adding a result to the licence library failed: ${errorMessage(error)}`));
    });
    if (options.seedDemo) await licences.load(DEMO_LICENCES);
    if (options.licences) await licences.load(options.licences);
    const sweep = setInterval(() => {
      services.cases.releaseAbandoned().catch((error: unknown) => log(`releasing abandoned claims failed: ${String(error)}`));
    }, RELEASE_SWEEP_MS);
    sweep.unref();
    const demoCredentials = options.seedDemo ? await seedDemo(ctx, access, departments) : undefined;
    return {
      services,
      db,
      demoCredentials,
      notificationsSettled: () => dispatcher.drain(),
      close: async () => {
        clearInterval(sweep);
        ctx.hub.removeAllListeners();
        await dispatcher.drain();
        await db.close();
      },
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

/**
 * Starts the reference platform over HTTP, e.g. embedded in the demo site:
 * `const platform = await startPlatform({ port: 0, db: 'platform.db', seedDemo: true })`.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const platform = await createPlatform(options);
  const app = await buildApp(platform.services, {
    rateLimitPerMinute: options.rateLimitPerMinute ?? 1200,
    jsonBodyLimit: 256 * 1024,
    maxBlobBytes: platform.services.ctx.settings.maxBlobBytes,
    version: PLATFORM_VERSION,
    logger: options.requestLog ?? false,
  });
  try {
    await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  } catch (error) {
    await platform.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host ?? '127.0.0.1';
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    ...platform,
    url: `http://${urlHost}:${port}`,
    close: async () => {
      await app.close();
      await platform.close();
    },
  };
}

export { openDatabase } from './store/open';
export { demoCatalogue } from './catalogue/demo-catalogue';
