import { describe, expect, it } from 'vitest';
import { hashSecret as hashPassword, verifySecret as verifyPassword } from '../../../common/scrypt-hash';
import { canonicalJson, issueTerminalCredential, parseTerminalCredential, sha256Hex } from '../../../platform/core/secrets';

describe('platform secrets', () => {
  it('hashes equal bodies equally whatever their key order, and different bodies differently', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [1, { e: 3, f: 2 }] }, b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
  });

  it('issues terminal credentials whose secret hashes to what is stored', () => {
    const { credential, secretHash } = issueTerminalCredential('kiosk-7');
    const parsed = parseTerminalCredential(credential);
    expect(parsed?.terminalId).toBe('kiosk-7');
    expect(sha256Hex(parsed!.secret)).toBe(secretHash);
    expect(credential).not.toContain(secretHash);
    expect(parseTerminalCredential('tbt_kiosk-7.short')).toBeUndefined();
  });

  it('verifies scrypt password hashes', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  });
});
