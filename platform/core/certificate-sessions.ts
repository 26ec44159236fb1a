import { maskIdNumber } from '../../contract/platform/id-number';
import { audit } from './audit';
import type { Caller } from './caller';
import type { PlatformContext } from './context';
import { forbidden, PlatformError } from './errors';

/** A kiosk session lasts minutes; one that asks for certificates after this is not the citizen's. */
const SESSION_MINUTES = 30;
/**
 * More certificate sessions an hour than one machine can serve citizens: what a stolen
 * credential trying ID numbers would need. Bounds the harm the platform cannot see coming.
 */
const SESSIONS_PER_HOUR = 60;

/**
 * Certificates only for the identity read in the terminal's current session. The terminal
 * names its session (the visit); the first certificate binds the session to that identity (by a
 * keyed digest, never the number), and a later request in the same session for another ID
 * number, or after the session must have ended, is refused. The centre can bar a terminal.
 * Every issue leaves an audit line: terminal, session, masked identity, document.
 */
export async function authoriseCertificate(
  ctx: PlatformContext,
  caller: Extract<Caller, { kind: 'terminal' }>,
  visitId: string,
  idNumber: string,
  documentId: string,
): Promise<void> {
  const terminal = await ctx.db.get<{ can_issue_certificates: number }>('SELECT can_issue_certificates FROM terminals WHERE id = ?', [caller.id]);
  if (!terminal || Number(terminal.can_issue_certificates) !== 1) throw forbidden('this terminal may not issue certificates (the centre has barred it)');
  const digest = ctx.cipher.fingerprint(idNumber, 'certificate-session');
  const now = ctx.now();
  const known = await ctx.db.get('SELECT 1 AS known FROM certificate_sessions WHERE terminal_id = ? AND visit_id = ?', [caller.id, visitId]);
  if (!known) {
    const recent = await ctx.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM certificate_sessions WHERE terminal_id = ? AND started_at > ?', [caller.id, now - 3600_000]);
    if (Number(recent?.n ?? 0) >= SESSIONS_PER_HOUR) {
      throw new PlatformError(429, 'rate-limited', `terminal ${caller.id} began ${SESSIONS_PER_HOUR} certificate sessions in the last hour; the centre should check it`);
    }
  }
  await ctx.db.run(
    'INSERT INTO certificate_sessions (terminal_id, visit_id, identity_digest, started_at) VALUES (?, ?, ?, ?) ON CONFLICT (terminal_id, visit_id) DO NOTHING',
    [caller.id, visitId, digest, now],
  );
  const session = await ctx.db.get<{ identity_digest: string; started_at: number }>(
    'SELECT identity_digest, started_at FROM certificate_sessions WHERE terminal_id = ? AND visit_id = ?',
    [caller.id, visitId],
  );
  if (!session || session.identity_digest !== digest) {
    throw new PlatformError(409, 'conflict', `session ${visitId} belongs to another identity: a certificate is issued only for the ID card read in this session`, 'applicant.idNumber');
  }
  if (now - Number(session.started_at) > SESSION_MINUTES * 60_000) {
    throw new PlatformError(409, 'conflict', `session ${visitId} began more than ${SESSION_MINUTES} minutes ago; read the ID card again`, 'visitId');
  }
  await audit(ctx.db, caller, 'certificate-issued', null, now, `visit ${visitId}; identity ${maskIdNumber(idNumber)}; document ${documentId}`);
}

/** A centre administrator allows or bars one of the centre's terminals; another centre's answers like an unknown one. */
export async function setCertificatePermission(ctx: PlatformContext, centreId: string, terminalId: string, allowed: boolean): Promise<void> {
  const { changes } = await ctx.db.run('UPDATE terminals SET can_issue_certificates = ? WHERE id = ? AND centre_id = ?', [allowed ? 1 : 0, terminalId, centreId]);
  if (changes === 0) throw new PlatformError(404, 'not-found', `terminal ${terminalId} does not exist`, 'terminalId');
}
