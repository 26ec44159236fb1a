import { verifySecret } from '../../common/scrypt-hash';

export interface LockPolicy {
  maxAttempts: number;
  lockoutMs: number;
  /** The setup screen locks itself after this long without a setup call. */
  idleMs: number;
}

export const DEFAULT_LOCK_POLICY: LockPolicy = { maxAttempts: 5, lockoutMs: 5 * 60_000, idleMs: 10 * 60_000 };

export type UnlockOutcome = { unlocked: true } | { unlocked: false; reason: 'wrong-pin' | 'locked-out' | 'no-pin-set'; retryAfterSeconds?: number };

/**
 * The technician's PIN guards the setup screen. Repeated wrong PINs lock it for a while, so
 * a passer-by at a kiosk cannot try PINs until one works.
 */
export class TechnicianLock {
  #failures = 0;
  #lockedUntil = 0;
  #unlockedUntil = 0;

  constructor(
    private readonly pinHash: string | undefined,
    private readonly policy: LockPolicy = DEFAULT_LOCK_POLICY,
    private readonly now: () => number = Date.now,
  ) {}

  async unlock(pin: string): Promise<UnlockOutcome> {
    if (!this.pinHash) return { unlocked: false, reason: 'no-pin-set' };
    const now = this.now();
    if (now < this.#lockedUntil) {
      return { unlocked: false, reason: 'locked-out', retryAfterSeconds: Math.ceil((this.#lockedUntil - now) / 1000) };
    }
    if (await verifySecret(pin, this.pinHash)) {
      this.#failures = 0;
      this.#unlockedUntil = now + this.policy.idleMs;
      return { unlocked: true };
    }
    this.#failures += 1;
    if (this.#failures >= this.policy.maxAttempts) {
      this.#failures = 0;
      this.#lockedUntil = now + this.policy.lockoutMs;
      return { unlocked: false, reason: 'locked-out', retryAfterSeconds: Math.ceil(this.policy.lockoutMs / 1000) };
    }
    return { unlocked: false, reason: 'wrong-pin' };
  }

  /** Whether a technician is at the machine now, without counting as their activity. */
  get unlocked(): boolean {
    return this.now() < this.#unlockedUntil;
  }

  /** True while unlocked; each check counts as activity and keeps it unlocked. */
  check(): boolean {
    const now = this.now();
    if (now >= this.#unlockedUntil) return false;
    this.#unlockedUntil = now + this.policy.idleMs;
    return true;
  }

  lock(): void {
    this.#unlockedUntil = 0;
  }
}
