import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { topCommand } from '../top-command';
import type { ZodError } from 'zod';
import { DepartmentCode } from '../../../contract/platform/departments';
import { CreateStaffRequest, RegisterTerminalRequest } from '../../../contract/platform/access';
import { Catalogue } from '../../../contract/platform/catalogue';
import { LicenceFile } from '../../../contract/platform/licences';
import { createPlatform, PlatformError, RetentionPolicy, SmsGatewayNotifier, startPlatform, StoreError, type PlatformOptions } from '../../../platform';
import { KeyFileError, rotateSigningKey, defaultKeyFile } from '../../../platform/secrets/key-file';
import { isPostgresUrl } from '../../../platform/store/open';
import { randomToken } from '../../../platform/core/secrets';
import { CliError } from '../cli-error';
import { errorMessage } from '../../../common/errors';

interface ServeOptions {
  port: string;
  host: string;
  db?: string;
  seedDemo?: boolean;
  catalogue?: string;
  licences?: string;
  smsGateway?: string;
  requestLog?: boolean;
  claimTimeout: string;
  publicUrl?: string;
  keyFile?: string;
  retention?: string;
  fleetSilence: string;
  fleetDeviceGrace: string;
}

function parsePublicUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(`--public-url ${value} is not a URL (e.g. https://zwfw.example.gov.cn/tongban)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new CliError(`--public-url ${value} must be an http or https URL`);
  if (url.search || url.hash) throw new CliError(`--public-url ${value} must have no query or fragment`);
  return url.href.replace(/\/$/, '');
}


/** A connection URL as it may be printed: without its password. */
function printable(db: string): string {
  return db.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, '$1:***@');
}

function requireDb(db: string | undefined): string {
  if (!db) throw new CliError('--db is required: a SQLite file (created if missing) or a postgres:// URL');
  return db;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new CliError(`--port ${value} is not a port number (0–65535)`);
  return port;
}

function parseMinutes(value: string): number {
  const minutes = Number(value);
  if (!Number.isFinite(minutes) || minutes <= 0) throw new CliError(`--claim-timeout ${value} is not a positive number of minutes`);
  return minutes;
}

function parseSeconds(flag: string, value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new CliError(`${flag} ${value} is not a positive number of seconds`);
  return seconds;
}



/** Store and platform failures a technician can act on become one clear line. */
async function cliErrors<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (error instanceof PlatformError || error instanceof KeyFileError) throw new CliError(`${what}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === '28P01' || code === '3D000') {
      throw new CliError(`${what}: ${errorMessage(error)}`);
    }
    if (error instanceof StoreError || (error instanceof Error && /^SQLITE_/.test(String((error as NodeJS.ErrnoException).code)))) {
      throw new CliError(`${what}: ${error.message}`);
    }
    throw error;
  }
}

async function serve(options: ServeOptions): Promise<void> {
  const db = requireDb(options.db);
  const platformOptions: PlatformOptions = {
    db,
    port: parsePort(options.port),
    host: options.host,
    seedDemo: options.seedDemo ?? false,
    requestLog: options.requestLog ?? false,
    settings: { claimTimeoutMinutes: parseMinutes(options.claimTimeout) },
    fleet: {
      noHeartbeatMs: parseSeconds('--fleet-silence', options.fleetSilence) * 1000,
      deviceDownMs: parseSeconds('--fleet-device-grace', options.fleetDeviceGrace) * 1000,
    },
    log: (line) => process.stderr.write(`tongban platform: ${line}\n`),
    ...(options.publicUrl ? { publicUrl: parsePublicUrl(options.publicUrl) } : {}),
    ...(options.keyFile ? { keyFile: options.keyFile } : {}),
    ...(options.retention ? { retention: readJsonFile('--retention', options.retention, RetentionPolicy) } : {}),
    ...(options.catalogue ? { catalogue: readJsonFile('--catalogue', options.catalogue, Catalogue) } : {}),
    ...(options.licences ? { licences: readJsonFile('--licences', options.licences, LicenceFile) } : {}),
    ...(options.smsGateway ? { notifier: new SmsGatewayNotifier({ url: options.smsGateway, token: process.env.TONGBAN_SMS_TOKEN }) } : {}),
  };
  const platform = await cliErrors(`cannot start the platform on ${options.host}:${options.port} with ${printable(db)}`, () => startPlatform(platformOptions));
  process.stdout.write(`Tongban platform listening on ${platform.url} (store: ${platform.db.dialect} ${printable(db)})\n`);
  process.stdout.write(`API document: ${platform.url}/v1/openapi.json\n`);
  process.stdout.write(`Public URL (printed on certificates): ${platform.services.ctx.publicUrl()}\n`);
  if (platform.demoCredentials) {
    const c = platform.demoCredentials;
    process.stdout.write(
      `Demo centre ${c.centreId}: kiosk ${c.kiosk.terminalId}, counter ${c.counter.terminalId}, staff ${c.clerk.username} / ${c.admin.username} (credentials: platform/seed/demo.ts)\n`,
    );
  }
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      process.stdout.write(`Received ${signal}, stopping the platform\n`);
      platform.close().then(resolve, (error: unknown) => {
        process.stderr.write(`tongban platform: error while stopping: ${String(error)}\n`);
        process.exitCode = 1;
        resolve();
      });
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write('Platform stopped\n');
}

/** Admin commands open the store directly (no server needed); the platform may be running on it. */
async function withStore<T>(
  command: Command,
  run: (platform: Awaited<ReturnType<typeof createPlatform>>) => Promise<T>,
): Promise<T> {
  const { db, keyFile } = command.optsWithGlobals() as { db?: string; keyFile?: string };
  const platform = await cliErrors(`cannot open ${printable(requireDb(db))}`, () => createPlatform({ db: requireDb(db), ...(keyFile ? { keyFile } : {}) }));
  try {
    return await cliErrors('refused', () => run(platform));
  } finally {
    await platform.close();
  }
}

type Schema<T> = { safeParse(value: unknown): { success: true; data: T } | { success: false; error: ZodError } };

/** The first thing wrong, where it is: `items.3.code: Required`. */
function firstIssue(error: ZodError): string {
  const issue = error.issues[0]!;
  return `${issue.path.join('.') || '(root)'}: ${issue.message}`;
}

function parseOptions<T>(schema: Schema<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new CliError(firstIssue(parsed.error));
}

/**
 * A JSON file an option names (--retention, --catalogue, --licences: a pilot's licences as
 * contract/platform/licences.ts `LicenceImport`s), checked by its schema; what is wrong is said
 * with the option, the file and the path in it.
 */
function readJsonFile<T>(flag: string, file: string, schema: Schema<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(`${flag} ${file}: ${errorMessage(error)}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new CliError(`${flag} ${file}: ${firstIssue(parsed.error)}`);
  return parsed.data;
}

export function register(program: Command): void {
  const platform = topCommand(program, 'platform')
    .option('--port <n>', 'TCP port to listen on (0 picks a free one)', '8780')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--db <file|url>', 'SQLite file (created if missing) or postgres://user:pass@host:port/db')
    .option('--seed-demo', 'create the demo centre, kiosk and counter terminals and staff with known credentials')
    .option('--catalogue <file>', 'install this catalogue (JSON); default: keep the stored one, or the demo catalogue')
    .option('--licences <file>', 'add these electronic licences (JSON array) to the platform’s licence library at start, for a pilot')
    .option('--sms-gateway <url>', 'send SMS notices to this HTTP gateway (token from $TONGBAN_SMS_TOKEN); default: log/outbox only')
    .option('--claim-timeout <minutes>', 'a claim left undecided this long returns to the queue', '15')
    .option('--request-log', 'log every request as JSON lines')
    .option('--public-url <url>', 'the address citizens reach the platform at, for every URL it prints (certificate QR codes); default: its listening URL')
    .option('--key-file <file>', 'the 0600 key file (signing keys, data key); default: <db>.keys beside a SQLite file, else ~/.config/tongban/platform.keys')
    .option('--retention <file>', 'retention policy JSON: {"defaultDays": 365, "byService": {"<code>": days}}')
    .option('--fleet-silence <seconds>', 'a terminal without a heartbeat this long raises the no-heartbeat alert', '120')
    .option('--fleet-device-grace <seconds>', 'a device disconnected this long raises an alert', '120')
    .action(serve);

  platform
    .command('purge')
    .description('delete now the personal data of finished cases past retention (the server also does this daily)')
    .option('--retention <file>', 'retention policy JSON (default: 365 days for every service)')
    .action(async (options: { retention?: string }, command: Command) => {
      const { db, keyFile } = command.optsWithGlobals() as { db?: string; keyFile?: string };
      const report = await cliErrors(`cannot purge ${printable(requireDb(db))}`, async () => {
        const p = await createPlatform({ db: requireDb(db), ...(keyFile ? { keyFile } : {}), ...(options.retention ? { retention: readJsonFile('--retention', options.retention, RetentionPolicy) } : {}) });
        try {
          return await p.purgeExpired();
        } finally {
          await p.close();
        }
      });
      process.stdout.write(`${JSON.stringify(report)}\n`);
    });

  platform
    .command('rotate-signing-key')
    .description('put a new document-signing key in front; older keys stay so that paper already issued still verifies')
    .action((_options: unknown, command: Command) => {
      const { db, keyFile } = command.optsWithGlobals() as { db?: string; keyFile?: string };
      const file = keyFile ?? defaultKeyFile(requireDb(db), isPostgresUrl(requireDb(db)));
      let keys;
      try {
        keys = rotateSigningKey(file, Date.now());
      } catch (error) {
        if (error instanceof KeyFileError) throw new CliError(error.message);
        throw error;
      }
      process.stdout.write(`${JSON.stringify({ keyFile: file, signingKey: keys.signingKeys[0]!.keyId, older: keys.signingKeys.slice(1).map((k) => k.keyId) })}\n`);
    });

  const centre = platform.command('centre').description('community centres');
  centre
    .command('add')
    .description('create a centre (or rename it)')
    .requiredOption('--id <id>', 'centre id, e.g. xh-tianlin')
    .requiredOption('--name <name>', 'display name')
    .action(async (options: { id: string; name: string }, command: Command) => {
      await withStore(command, (p) => p.services.access.createCentre(options.id, options.name));
      process.stdout.write(`${JSON.stringify({ centreId: options.id, name: options.name })}\n`);
    });

  const terminal = platform.command('terminal').description('terminal registration');
  terminal
    .command('add')
    .description('register a terminal and print its credential (shown this once; only its hash is stored)')
    .requiredOption('--centre <id>', 'the centre it belongs to')
    .requiredOption('--id <terminalId>', 'terminal id, e.g. kiosk-2')
    .requiredOption('--kind <kind>', 'kiosk or counter')
    .option('--name <name>', 'display name (default: the id)')
    .action(async (options: { centre: string; id: string; kind: string; name?: string }, command: Command) => {
      const request = parseOptions(RegisterTerminalRequest, { terminalId: options.id, kind: options.kind, name: options.name ?? options.id });
      const issued = await withStore(command, async (p) => ({
        ...(await p.services.access.registerTerminal(options.centre, request)),
        // What the terminal pins as fleet.platformKey: configurations are signed with it.
        platformKey: (await p.services.fleet!.config.publicKey()).publicKey,
      }));
      process.stdout.write(`${JSON.stringify(issued)}\n`);
    });
  terminal
    .command('reissue')
    .description('replace a terminal credential (the old one stops working) and print the new one')
    .requiredOption('--id <terminalId>', 'terminal id')
    .action(async (options: { id: string }, command: Command) => {
      const issued = await withStore(command, (p) => p.services.access.reissueTerminalCredential(options.id));
      process.stdout.write(`${JSON.stringify(issued)}\n`);
    });

  const staff = platform.command('staff').description('counter staff accounts');
  staff
    .command('add')
    .description('create a staff account; the password is read from stdin with --password-stdin, else generated and printed once')
    .requiredOption('--centre <id>', 'the centre they work at')
    .requiredOption('--username <name>', 'sign-in name (lowercase)')
    .option('--name <displayName>', 'name shown at the counter (default: the username)')
    .option('--role <role>', 'staff, centre-admin or back-office', 'staff')
    .option('--department <code>', 'the department of a back-office account (see `platform department add`)')
    .option('--password-stdin', 'read the password from standard input')
    .action(
      async (
        options: { centre: string; username: string; name?: string; role: string; department?: string; passwordStdin?: boolean },
        command: Command,
      ) => {
        const password = options.passwordStdin ? readFileSync(0, 'utf8').trim() : randomToken(12);
        const request = parseOptions(CreateStaffRequest, {
          username: options.username,
          displayName: options.name ?? options.username,
          role: options.role,
          password,
          ...(options.department ? { department: options.department } : {}),
        });
        const account = await withStore(command, (p) => p.services.access.createStaff(options.centre, request));
        process.stdout.write(`${JSON.stringify({ ...account, ...(options.passwordStdin ? {} : { password }) })}\n`);
      },
    );

  const department = platform.command('department').description('the departments of a centre (后台审批)');
  department
    .command('add')
    .description('create a department of a centre (or rename it); the catalogue names services’ deciding departments by code')
    .requiredOption('--centre <id>', 'the centre')
    .requiredOption('--code <code>', 'department code, e.g. social-insurance')
    .requiredOption('--name <name>', 'display name, e.g. 社保')
    .option('--name-en <name>', 'English name')
    .action(async (options: { centre: string; code: string; name: string; nameEn?: string }, command: Command) => {
      const code = parseOptions(DepartmentCode, options.code);
      const name = { 'zh-CN': options.name, ...(options.nameEn ? { en: options.nameEn } : {}) };
      await withStore(command, async (p) => {
        await p.services.access.centre(options.centre);
        await p.services.departments.upsert(options.centre, code, name);
      });
      process.stdout.write(`${JSON.stringify({ centreId: options.centre, code, name })}\n`);
    });
}
