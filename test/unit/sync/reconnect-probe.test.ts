import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startReconnectProbe } from '../../../main/sync/reconnect-probe';

describe('reconnect probe', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('probes only while cases wait offline, and sends them as soon as the platform answers', async () => {
    const worker = { online: vi.fn<() => boolean | null>(() => true), pending: vi.fn(() => 3), retryNow: vi.fn() };
    let up = false;
    const probe = vi.fn(() => (up ? Promise.resolve() : Promise.reject(new Error('down'))));
    const stop = startReconnectProbe({ worker, probe, intervalMs: 1000 });

    await vi.advanceTimersByTimeAsync(3000);
    expect(probe).not.toHaveBeenCalled();

    worker.online.mockReturnValue(false);
    await vi.advanceTimersByTimeAsync(2000);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(worker.retryNow).not.toHaveBeenCalled();

    up = true;
    await vi.advanceTimersByTimeAsync(1000);
    expect(worker.retryNow).toHaveBeenCalledTimes(1);

    worker.pending.mockReturnValue(0);
    await vi.advanceTimersByTimeAsync(5000);
    expect(probe).toHaveBeenCalledTimes(3);
    stop();
  });
});
