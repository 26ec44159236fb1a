import type {
  CreateStaffRequest,
  RegisterTerminalRequest,
  RegisterTerminalResponse,
  SignInResponse,
  StaffAccount,
  TerminalHealthReport,
  TerminalKind,
  TerminalStatus,
  StaffRole,
} from '../../contract/platform/access';
import { LOCKOUT_THRESHOLD } from '../../contract/platform/access';
import type { Caller } from './caller';
import { iso, isoOrNull, type PlatformContext } from './context';
import { PlatformError } from './errors';
import {
  DECOY_PASSWORD_HASH,
  issueTerminalCredential,
  parseTerminalCredential,
  randomToken,
  sameDigest,
  sha256Hex,
} from './secrets';
import { hashSecret, verifySecret } from '../../common/scrypt-hash';

interface StaffRow {
  id: string;
  centre_id: string;
  username: string;
  /** The username people type, unique within the centre (NULL only on rows older than migration 11). */
  name: string | null;
  display_name: string;
  role: StaffRole;
  password_hash: string;
  failed_attempts: number;
  locked_until: number | null;
  department: string | null;
}

const unauthenticated = (message: string) => new PlatformError(401, 'unauthenticated', message);

function account(row: StaffRow): StaffAccount {
  return { id: row.id, username: row.name ?? row.username, displayName: row.display_name, role: row.role, centreId: row.centre_id, department: row.department };
}

/** How long a verified terminal credential is honoured from memory (see below). */
const CREDENTIAL_CACHE_MS = 60_000;
const CREDENTIAL_CACHE_SIZE = 20_000;
/** How long the terminals heard from gather before their last_seen_at is written. */
const SEEN_WRITE_MS = 1000;

/** Centres, terminals, staff and their sessions. */
export class AccessService {
  private readonly lastSeenWritten = new Map<string, number>();
  /** Terminals heard from whose last_seen_at is not written yet, with when they were first heard. */
  private readonly seen = new Map<string, number>();
  private seenWrite: NodeJS.Timeout | undefined;
  /**
   * Verified terminal credentials by the digest of the whole token: the lookup is a round trip
   * on every request on PostgreSQL (a third of a heartbeat's cost), a statement and a turn of
   * the store's queue on SQLite. A reissue in this process is announced as `revoked` (relayed to
   * a city's other processes) and drops the entry; a lost relay (`resync`) drops them all. A
   * command-line reissue on SQLite has no relay: any commit by another connection moves the
   * store's external write mark, which is read before every lookup and drops them all.
   */
  private readonly verified = new Map<string, { caller: Caller; terminalId: string; until: number }>();
  /** Counts revocations, so that a lookup a revocation overtook is not remembered. */
  private revocations = 0;
  /** The store's external write mark the cache was filled under (SQLite). */
  private writeMark: number | undefined;

  constructor(private readonly ctx: PlatformContext) {
    ctx.hub.on('revoked', (terminalId) => {
      this.revocations += 1;
      for (const [key, entry] of this.verified) if (entry.terminalId === terminalId) this.verified.delete(key);
    });
    ctx.hub.on('resync', () => {
      this.revocations += 1;
      this.verified.clear();
    });
  }

  async createCentre(id: string, name: string): Promise<void> {
    await this.ctx.db.run('INSERT INTO centres (id, name, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name', [
      id,
      name,
      this.ctx.now(),
    ]);
  }

  async centre(id: string): Promise<{ id: string; name: string }> {
    const row = await this.ctx.db.get<{ id: string; name: string }>('SELECT id, name FROM centres WHERE id = ?', [id]);
    if (!row) throw new PlatformError(404, 'not-found', `centre ${id} does not exist`, 'centreId');
    return row;
  }

  /** Registers a terminal and returns its credential, the only time it exists in clear. */
  async registerTerminal(centreId: string, request: RegisterTerminalRequest): Promise<RegisterTerminalResponse> {
    await this.centre(centreId);
    const { credential, secretHash } = issueTerminalCredential(request.terminalId);
    const { changes } = await this.ctx.db.run(
      'INSERT INTO terminals (id, centre_id, kind, name, secret_hash, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
      [request.terminalId, centreId, request.kind, request.name, secretHash, this.ctx.now()],
    );
    if (changes === 0) throw new PlatformError(409, 'conflict', `terminal ${request.terminalId} is already registered`, 'terminalId');
    return { terminalId: request.terminalId, centreId, kind: request.kind, credential };
  }

  /** A new credential for a known terminal (lost or leaked); the old one stops working at once. */
  async reissueTerminalCredential(terminalId: string): Promise<RegisterTerminalResponse> {
    const row = await this.ctx.db.get<{ centre_id: string; kind: TerminalKind }>('SELECT centre_id, kind FROM terminals WHERE id = ?', [terminalId]);
    if (!row) throw new PlatformError(404, 'not-found', `terminal ${terminalId} is not registered`, 'terminalId');
    const { credential, secretHash } = issueTerminalCredential(terminalId);
    await this.ctx.db.run('UPDATE terminals SET secret_hash = ? WHERE id = ?', [secretHash, terminalId]);
    this.ctx.hub.publishRevoked(terminalId);
    return { terminalId, centreId: row.centre_id, kind: row.kind, credential };
  }

  async createStaff(centreId: string, request: CreateStaffRequest): Promise<StaffAccount> {
    await this.centre(centreId);
    const department = await this.staffDepartment(centreId, request);
    const id = `staff-${randomToken(9)}`;
    const { changes } = await this.ctx.db.run(
      `INSERT INTO staff (id, centre_id, username, name, display_name, role, password_hash, created_at, department)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [id, centreId, `${centreId}/${request.username}`, request.username, request.displayName, request.role, await hashSecret(request.password), this.ctx.now(), department],
    );
    // Only this centre's names can collide: the answer says nothing about other centres.
    if (changes === 0) throw new PlatformError(409, 'conflict', `username ${request.username} is taken in this centre`, 'username');
    return { id, username: request.username, displayName: request.displayName, role: request.role, centreId, department };
  }

  /** A back-office account belongs to one department of the centre; other roles to none. */
  private async staffDepartment(centreId: string, request: CreateStaffRequest): Promise<string | null> {
    if (request.role !== 'back-office') {
      if (request.department !== undefined) throw new PlatformError(422, 'invalid-form', 'department is only for back-office accounts', 'department');
      return null;
    }
    if (!request.department) throw new PlatformError(422, 'invalid-form', 'department is required for a back-office account', 'department');
    const known = await this.ctx.db.get('SELECT 1 AS found FROM departments WHERE centre_id = ? AND code = ?', [centreId, request.department]);
    if (!known) throw new PlatformError(422, 'invalid-form', `department ${request.department} is not a department of this centre`, 'department');
    return request.department;
  }

  /**
   * Password sign-in with lockout: `LOCKOUT_THRESHOLD` failures in a row lock the account for
   * `lockoutMinutes`; while locked even the right password is refused, so guessing gains nothing.
   * Each attempt takes its place in one atomic UPDATE before the (slow, asynchronous) scrypt, so
   * guesses sent at once are counted as they arrive: no more than the allowed number are ever
   * evaluated, the one that uses up the allowance locks the account, and a right password that
   * finishes after the lock was set is refused like the rest.
   */
  async signIn(username: string, password: string, centreId?: string): Promise<SignInResponse> {
    const now = this.ctx.now();
    // The same name may exist in several centres; without the centre such a name signs in nobody.
    const matches = await this.ctx.db.all<{ id: string }>(
      centreId ? 'SELECT id FROM staff WHERE COALESCE(name, username) = ? AND centre_id = ?' : 'SELECT id FROM staff WHERE COALESCE(name, username) = ? LIMIT 2',
      centreId ? [username, centreId] : [username],
    );
    const staffId = matches.length === 1 ? matches[0]!.id : undefined;
    const until = now + this.ctx.settings.lockoutMinutes * 60_000;
    const attempt = await this.ctx.db.get<StaffRow>(
      `UPDATE staff SET
         failed_attempts = CASE WHEN locked_until IS NOT NULL AND locked_until <= CAST(? AS BIGINT) THEN 1 ELSE failed_attempts + 1 END,
         locked_until = CASE WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= ? THEN 1 ELSE failed_attempts + 1 END) >= ? THEN CAST(? AS BIGINT) ELSE NULL END
       WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?)
       RETURNING *`,
      [now, now, LOCKOUT_THRESHOLD, until, staffId ?? '', now],
    );
    if (!attempt) {
      const locked = staffId ? await this.ctx.db.get<{ locked_until: number | null }>('SELECT locked_until FROM staff WHERE id = ?', [staffId]) : undefined;
      if (locked?.locked_until) {
        throw new PlatformError(423, 'account-locked', `account locked until ${iso(locked.locked_until)} after repeated failed sign-ins`);
      }
      await verifySecret(password, DECOY_PASSWORD_HASH);
      throw unauthenticated('wrong username or password');
    }
    const right = await verifySecret(password, attempt.password_hash);
    if (right) {
      // Cleared only while no lock has been set meanwhile by guesses that arrived with this one.
      const cleared = await this.ctx.db.run('UPDATE staff SET failed_attempts = 0 WHERE id = ? AND locked_until IS NULL', [attempt.id]);
      if (cleared.changes === 1) return this.openSession(attempt, now);
    }
    const lockedUntil = (await this.ctx.db.get<{ locked_until: number | null }>('SELECT locked_until FROM staff WHERE id = ?', [attempt.id]))?.locked_until;
    if (lockedUntil && lockedUntil > now) {
      throw new PlatformError(423, 'account-locked', `account locked until ${iso(lockedUntil)} after repeated failed sign-ins`);
    }
    throw unauthenticated('wrong username or password');
  }

  private async openSession(row: StaffRow, now: number): Promise<SignInResponse> {
    const token = `tbs_${randomToken()}`;
    const expiresAt = now + this.ctx.settings.staffSessionMinutes * 60_000;
    await this.ctx.db.run('INSERT INTO staff_sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
      sha256Hex(token),
      row.id,
      now,
      expiresAt,
    ]);
    await this.ctx.db.run('DELETE FROM staff_sessions WHERE expires_at < ?', [now]);
    return { token, expiresAt: iso(expiresAt), staff: account(row) };
  }

  async signOut(token: string): Promise<void> {
    await this.ctx.db.run('DELETE FROM staff_sessions WHERE token_hash = ?', [sha256Hex(token)]);
  }

  /** The caller a bearer token stands for; 401 when it stands for no one. */
  async authenticate(token: string): Promise<Caller> {
    if (token.startsWith('tbt_')) return this.authenticateTerminal(token);
    if (token.startsWith('tbs_')) return this.authenticateStaff(token);
    throw unauthenticated('the bearer token is neither a terminal credential nor a staff session');
  }

  private async authenticateTerminal(token: string): Promise<Caller> {
    const mark = this.ctx.db.externalWriteMark?.();
    if (mark !== this.writeMark) {
      this.writeMark = mark;
      this.revocations += 1;
      this.verified.clear();
    }
    const key = sha256Hex(token);
    const now = this.ctx.now();
    const known = this.verified.get(key);
    if (known && known.until > now) {
      this.touchTerminal(known.terminalId);
      return known.caller;
    }
    const before = this.revocations;
    const caller = await this.verifyTerminal(token);
    if (this.revocations !== before) return caller;
    if (this.verified.size >= CREDENTIAL_CACHE_SIZE) this.verified.clear();
    this.verified.set(key, { caller, terminalId: caller.id, until: now + CREDENTIAL_CACHE_MS });
    return caller;
  }

  private async verifyTerminal(token: string): Promise<Caller> {
    const parsed = parseTerminalCredential(token);
    const row =
      parsed &&
      (await this.ctx.db.get<{ id: string; centre_id: string; kind: TerminalKind; secret_hash: string }>(
        'SELECT id, centre_id, kind, secret_hash FROM terminals WHERE id = ?',
        [parsed.terminalId],
      ));
    if (!parsed || !row || !sameDigest(sha256Hex(parsed.secret), row.secret_hash)) throw unauthenticated('unknown terminal credential');
    this.touchTerminal(row.id);
    return { kind: 'terminal', id: row.id, centreId: row.centre_id, terminalKind: row.kind };
  }

  /**
   * last_seen_at at most once a minute per terminal (a write per request would halve SQLite's
   * throughput), and the terminals heard from are written together: at a city's pace (6,000
   * terminals beating every 30 s) one statement a second instead of a hundred.
   */
  private touchTerminal(id: string): void {
    const now = this.ctx.now();
    if (now - (this.lastSeenWritten.get(id) ?? 0) < 60_000) return;
    this.lastSeenWritten.set(id, now);
    if (!this.seen.has(id)) this.seen.set(id, now);
    if (!this.seenWrite) {
      this.seenWrite = setTimeout(() => void this.writeSeen(), SEEN_WRITE_MS);
      this.seenWrite.unref();
    }
  }

  /**
   * Writes the terminals heard from since the last write, each with the earliest time in the
   * batch (never later than it was seen). The platform calls it when it stops.
   */
  async writeSeen(): Promise<void> {
    clearTimeout(this.seenWrite);
    this.seenWrite = undefined;
    if (this.seen.size === 0) return;
    const ids = [...this.seen.keys()];
    const at = Math.min(...this.seen.values());
    this.seen.clear();
    const list = this.ctx.db.dialect === 'postgres' ? 'SELECT jsonb_array_elements_text(?::jsonb)' : 'SELECT value FROM json_each(?)';
    try {
      await this.ctx.db.run(`UPDATE terminals SET last_seen_at = ? WHERE id IN (${list})`, [at, JSON.stringify(ids)]);
    } catch {
      // Not written: the next request of each terminal tries again (last_seen_at is a hint, not a record).
      for (const id of ids) this.lastSeenWritten.delete(id);
    }
  }

  private async authenticateStaff(token: string): Promise<Caller> {
    const row = await this.ctx.db.get<StaffRow & { expires_at: number }>(
      `SELECT s.*, x.expires_at FROM staff_sessions x JOIN staff s ON s.id = x.staff_id WHERE x.token_hash = ?`,
      [sha256Hex(token)],
    );
    if (!row || row.expires_at <= this.ctx.now()) throw unauthenticated('the staff session is unknown or has expired; sign in again');
    return {
      kind: 'staff',
      id: row.id,
      centreId: row.centre_id,
      role: row.role,
      username: row.name ?? row.username,
      displayName: row.display_name,
      department: row.department,
    };
  }

  async reportHealth(terminalId: string, report: TerminalHealthReport): Promise<void> {
    await this.ctx.db.run('UPDATE terminals SET health = ?, last_seen_at = ? WHERE id = ?', [JSON.stringify(report), this.ctx.now(), terminalId]);
  }

  async terminals(centreId: string): Promise<TerminalStatus[]> {
    const rows = await this.ctx.db.all<{ id: string; kind: TerminalKind; name: string; last_seen_at: number | null; health: string | null }>(
      'SELECT id, kind, name, last_seen_at, health FROM terminals WHERE centre_id = ? ORDER BY id',
      [centreId],
    );
    return rows.map((row) => ({
      terminalId: row.id,
      kind: row.kind,
      name: row.name,
      lastSeenAt: isoOrNull(row.last_seen_at),
      health: row.health ? (JSON.parse(row.health) as TerminalHealthReport) : null,
    }));
  }
}
