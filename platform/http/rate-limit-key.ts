import type { FastifyRequest } from 'fastify';
import { sha256Hex } from '../core/secrets';

export function bearerToken(request: FastifyRequest): string | undefined {
  return /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
}

/**
 * The key requests are counted under: the verified terminal or staff session, else the
 * address. It reads `request.caller`, set by authentication before the limiter runs, never the
 * raw header: an unchecked header would let forged tokens each get a fresh bucket, or spend the
 * bucket of the terminal they name. A route of its own limit (sign-in) passes `byAddress`.
 */
export function rateLimitKey(request: FastifyRequest): string {
  const who = request.caller;
  if (who?.kind === 'terminal') return `terminal:${who.id}`;
  if (who?.kind === 'staff') return `session:${sha256Hex(bearerToken(request) ?? '').slice(0, 16)}`;
  return byAddress(request);
}

export function byAddress(request: FastifyRequest): string {
  return `ip:${request.ip}`;
}
