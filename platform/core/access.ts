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
  hashPassword,
  issueTerminalCredential,
  parseTerminalCredential,
  randomToken,
  sameDigest,
  sha256Hex,
  verifyPassword,
} from './secrets';

interface StaffRow {
  id: string;
  centre_id: string;
  username: string;
  display_name: string;
  role: StaffRole;
  password_hash: string;
  failed_attempts: number;
  locked_until: number | null;
  department: string | null;
}

const unauthenticated = (message: string) => new PlatformError(401, 'unauthenticated', message);

function account(row: StaffRow): StaffAccount {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role, centreId: row.centre_id, department: row.department };
}

/** Centres, terminals, staff and their sessions. */
export class AccessService {
  private readonly lastSeenWritten = new Map<string, number>();

  constructor(private readonly ctx: PlatformContext) {}

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
    return { terminalId, centreId: row.centre_id, kind: row.kind, credential };
  }

  async createStaff(centreId: string, request: CreateStaffRequest): Promise<StaffAccount> {
    await this.centre(centreId);
    const department = await this.staffDepartment(centreId, request);
    const id = `staff-${randomToken(9)}`;
    const { changes } = await this.ctx.db.run(
      `INSERT INTO staff (id, centre_id, username, display_name, role, password_hash, created_at, department)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING`,
      [id, centreId, request.username, request.displayName, request.role, await hashPassword(request.password), this.ctx.now(), department],
    );
    if (changes === 0) throw new PlatformError(409, 'conflict', `username ${request.username} is taken`, 'username');
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
   */
  async signIn(username: string, password: string): Promise<SignInResponse> {
    const now = this.ctx.now();
    const row = await this.ctx.db.get<StaffRow>('SELECT * FROM staff WHERE username = ?', [username]);
    if (!row) {
      await verifyPassword(password, DECOY_PASSWORD_HASH);
      throw unauthenticated('wrong username or password');
    }
    if (row.locked_until !== null && row.locked_until > now) {
      throw new PlatformError(423, 'account-locked', `account locked until ${iso(row.locked_until)} after repeated failed sign-ins`);
    }
    if (!(await verifyPassword(password, row.password_hash))) {
      const failures = await this.ctx.db.get<{ failed_attempts: number }>(
        'UPDATE staff SET failed_attempts = failed_attempts + 1 WHERE id = ? RETURNING failed_attempts',
        [row.id],
      );
      if ((failures?.failed_attempts ?? 0) >= LOCKOUT_THRESHOLD) {
        const until = now + this.ctx.settings.lockoutMinutes * 60_000;
        await this.ctx.db.run('UPDATE staff SET locked_until = ?, failed_attempts = 0 WHERE id = ?', [until, row.id]);
        throw new PlatformError(423, 'account-locked', `account locked until ${iso(until)} after repeated failed sign-ins`);
      }
      throw unauthenticated('wrong username or password');
    }
    await this.ctx.db.run('UPDATE staff SET failed_attempts = 0, locked_until = NULL WHERE id = ?', [row.id]);
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
    const parsed = parseTerminalCredential(token);
    const row =
      parsed &&
      (await this.ctx.db.get<{ id: string; centre_id: string; kind: TerminalKind; secret_hash: string }>(
        'SELECT id, centre_id, kind, secret_hash FROM terminals WHERE id = ?',
        [parsed.terminalId],
      ));
    if (!parsed || !row || !sameDigest(sha256Hex(parsed.secret), row.secret_hash)) throw unauthenticated('unknown terminal credential');
    await this.touchTerminal(row.id);
    return { kind: 'terminal', id: row.id, centreId: row.centre_id, terminalKind: row.kind };
  }

  /** last_seen_at at most once a minute per terminal: a write per request would halve SQLite's throughput. */
  private async touchTerminal(id: string): Promise<void> {
    const now = this.ctx.now();
    if (now - (this.lastSeenWritten.get(id) ?? 0) < 60_000) return;
    this.lastSeenWritten.set(id, now);
    await this.ctx.db.run('UPDATE terminals SET last_seen_at = ? WHERE id = ?', [now, id]);
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
      username: row.username,
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
