import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { hashSecret } from '../../common/scrypt-hash';

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Terminal credentials are `tbt_<terminalId>.<secret>`: the id says which row to look up, the
 * 256-bit random secret is what proves it. A secret that strong needs no slow hash; SHA-256 of
 * it is stored.
 */
export function issueTerminalCredential(terminalId: string): { credential: string; secretHash: string } {
  const secret = randomToken();
  return { credential: `tbt_${terminalId}.${secret}`, secretHash: sha256Hex(secret) };
}

export function parseTerminalCredential(token: string): { terminalId: string; secret: string } | undefined {
  const match = /^tbt_([a-zA-Z0-9][a-zA-Z0-9_-]{0,63})\.([A-Za-z0-9_-]{20,})$/.exec(token);
  return match ? { terminalId: match[1] as string, secret: match[2] as string } : undefined;
}

/** A hash of a made-up password, verified against when the username is unknown so timing tells nothing. */
export const DECOY_PASSWORD_HASH = await hashSecret(randomToken());

/** JSON with object keys sorted at every level, so equal bodies hash equal whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
