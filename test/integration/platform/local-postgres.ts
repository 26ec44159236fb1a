import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from '../../support/free-port';

/**
 * A private PostgreSQL from Debian's packages, in a temporary directory, on a free loopback
 * port, for tests and benchmarks. Root cannot run postgres, so as root it runs as the
 * `postgres` user with the directory handed to it. Every failure throws with the server log:
 * a PostgreSQL run that cannot start must fail, never skip.
 */
export interface LocalPostgres {
  /** A connection URL for a new, empty database. */
  createDatabase(name: string): Promise<string>;
  /** The durability settings the server runs with, as `SHOW` reports them. */
  durability(): Promise<{ fsync: string; synchronous_commit: string; full_page_writes: string }>;
  stop(): void;
}

function postgresBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin/pg_ctl'))) : [];
  const version = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!version) throw new Error(`no PostgreSQL server under ${root}: install Debian's postgresql package`);
  return path.join(root, version, 'bin');
}

/**
 * `durable: true` keeps PostgreSQL's durable defaults (fsync, synchronous_commit,
 * full_page_writes all on): benchmarks use it, so their figures are those of a real server.
 * Tests turn durability off, which only makes them faster.
 */
export async function startLocalPostgres(options: { durable?: boolean } = {}): Promise<LocalPostgres> {
  const bin = postgresBin();
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-pg-'));
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[], options: ExecFileSyncOptions = {}) => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, command), ...args]] : [path.join(bin, command), args];
    try {
      execFileSync(file, argv as string[], { stdio: 'pipe', timeout: 60_000, ...options });
    } catch (error) {
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(`PostgreSQL ${command} failed: ${(error as Error).message}\n${stderr}\n${log}`);
    }
  };
  if (asRoot) {
    const { uid, gid } = { uid: Number(execFileSync('id', ['-u', 'postgres']).toString()), gid: Number(execFileSync('id', ['-g', 'postgres']).toString()) };
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'tongban', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    logFile,
    '-w',
    '-t',
    '30',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=300${options.durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off'}`,
    'start',
  ]);
  const adminUrl = `postgres://tongban@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    async createDatabase(name: string) {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `postgres://tongban@127.0.0.1:${port}/${encodeURIComponent(name)}`;
    },
    async durability() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        const show = async (name: string) => String((await client.query(`SHOW ${name}`)).rows[0]?.[name]);
        return { fsync: await show('fsync'), synchronous_commit: await show('synchronous_commit'), full_page_writes: await show('full_page_writes') };
      } finally {
        await client.end();
      }
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
