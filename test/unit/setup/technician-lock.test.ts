import { describe, expect, it } from 'vitest';
import { hashSecret as hashPin } from '../../../common/scrypt-hash';
import { TechnicianLock } from '../../../main/setup/technician-lock';

describe('technician lock', () => {
  it('locks out after repeated wrong PINs, even against the right one, until the lockout passes', async () => {
    let now = 1_000_000;
    const lock = new TechnicianLock(await hashPin('246810'), { maxAttempts: 3, lockoutMs: 60_000, idleMs: 600_000 }, () => now);
    expect(await lock.unlock('000000')).toEqual({ unlocked: false, reason: 'wrong-pin' });
    expect(await lock.unlock('000001')).toEqual({ unlocked: false, reason: 'wrong-pin' });
    expect(await lock.unlock('000002')).toEqual({ unlocked: false, reason: 'locked-out', retryAfterSeconds: 60 });
    expect(await lock.unlock('246810')).toMatchObject({ unlocked: false, reason: 'locked-out' });
    expect(lock.check()).toBe(false);
    now += 60_000;
    expect(await lock.unlock('246810')).toEqual({ unlocked: true });
    expect(lock.check()).toBe(true);
  });

  it('locks itself after being left idle, and on request', async () => {
    let now = 0;
    const lock = new TechnicianLock(await hashPin('246810'), { maxAttempts: 5, lockoutMs: 1, idleMs: 1000 }, () => now);
    await lock.unlock('246810');
    now = 900;
    expect(lock.check()).toBe(true);
    now = 1800;
    expect(lock.check()).toBe(true);
    now = 2801;
    expect(lock.check()).toBe(false);
    await lock.unlock('246810');
    lock.lock();
    expect(lock.check()).toBe(false);
  });

  it('cannot be unlocked where no PIN is configured', async () => {
    expect(await new TechnicianLock(undefined).unlock('246810')).toEqual({ unlocked: false, reason: 'no-pin-set' });
  });
});
