/**
 * The eSCL driver against the eSCL simulator over real HTTP on loopback: the job protocol, the
 * faults a network scanner shows (busy, hung, feeder empty, hatch open, jam), and that nothing is
 * left behind on the scanner when a scan fails.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { EsclScanner, ScannerError, startEsclSimulator, type EsclSimulator, type EsclSimulatorOptions } from '../../../drivers/scanner';

const running: EsclSimulator[] = [];

async function simulator(options: EsclSimulatorOptions = {}): Promise<{ sim: EsclSimulator; scanner: EsclScanner }> {
  const sim = await startEsclSimulator(options);
  running.push(sim);
  return { sim, scanner: new EsclScanner({ url: sim.url, retryDelayMs: 20, requestTimeoutMs: 2_000 }) };
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

async function scanError(promise: Promise<unknown>): Promise<ScannerError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ScannerError);
  return error as ScannerError;
}

const calls = (sim: EsclSimulator, method: string, suffix = '') => sim.log.filter((entry) => entry.method === method && entry.path.endsWith(suffix));

describe('eSCL scanner against the simulator', () => {
  it('reads capabilities and status', async () => {
    const { scanner } = await simulator({ makeAndModel: 'Demo MFP' });
    const caps = await scanner.capabilities();
    expect(caps.makeAndModel).toBe('Demo MFP');
    expect(caps.sources).toEqual(['flatbed', 'adf']);
    expect(caps.resolutions).toEqual([75, 150, 200, 300, 600]);
    expect(await scanner.status()).toEqual({ state: 'idle', adfLoaded: true });
  });

  it('scans one flatbed page at the nearest supported resolution, in grey PNG, and closes the job', async () => {
    const { sim, scanner } = await simulator();
    const pages = await scanner.scan({ resolution: 250, mode: 'grey', area: 'a5', format: 'png' });
    expect(pages).toHaveLength(1);
    const [page] = pages as [(typeof pages)[0]];
    expect([page.format, page.mimeType, page.resolution]).toEqual(['png', 'image/png', 300]);
    const meta = await sharp(page.data).metadata();
    expect([meta.width, meta.height, meta.channels]).toEqual([1748, 2480, 1]);
    expect(calls(sim, 'POST', '/ScanJobs').map((c) => c.status)).toEqual([201]);
    expect(calls(sim, 'DELETE').map((c) => c.status)).toEqual([200]);
    expect(sim.activeJobs()).toBe(0);
  });

  it('feeds every page of the feeder until NextDocument answers 404', async () => {
    const { sim, scanner } = await simulator({ feederPages: 4 });
    const pages = await scanner.scan({ resolution: 75, source: 'adf', multiPage: true });
    expect(pages.map((p) => p.format)).toEqual(['jpeg', 'jpeg', 'jpeg', 'jpeg']);
    expect(calls(sim, 'GET', '/NextDocument').map((c) => c.status)).toEqual([200, 200, 200, 200, 404]);
    expect(sim.activeJobs()).toBe(0);
  });

  it('waits while a page is still being scanned (503 on NextDocument)', async () => {
    const { sim, scanner } = await simulator({ pageDelayMs: 150 });
    const pages = await scanner.scan({ resolution: 75 });
    expect(pages).toHaveLength(1);
    expect(calls(sim, 'GET', '/NextDocument').some((c) => c.status === 503)).toBe(true);
  });

  it('retries a scanner that is busy for a moment, with backoff', async () => {
    const { sim, scanner } = await simulator({ busyFor: 2 });
    const pages = await scanner.scan({ resolution: 75 });
    expect(pages).toHaveLength(1);
    expect(calls(sim, 'POST', '/ScanJobs').map((c) => c.status)).toEqual([503, 503, 201]);
  });

  it('gives up on a scanner that stays busy, with a busy error', async () => {
    const { sim, scanner } = await simulator({ fault: 'busy' });
    const error = await scanError(scanner.scan({ resolution: 75 }));
    expect(error.code).toBe('busy');
    expect(error.message).toContain(sim.url);
    expect(calls(sim, 'POST', '/ScanJobs')).toHaveLength(6);
    expect((await scanner.status()).state).toBe('processing');
  });

  it('a scanner that hangs mid-scan times out, and the job is deleted on it', async () => {
    const { sim, scanner } = await simulator({ fault: 'timeout' });
    const error = await scanError(scanner.scan({ resolution: 75, timeoutMs: 400 }));
    expect(error.code).toBe('timeout');
    expect(calls(sim, 'DELETE').map((c) => c.status)).toEqual([200]);
    expect(sim.activeJobs()).toBe(0);
  });

  it('a scan cancelled by the caller deletes its job', async () => {
    const { sim, scanner } = await simulator({ fault: 'timeout' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const error = await scanError(scanner.scan({ resolution: 75 }, controller.signal));
    expect(error.code).toBe('cancelled');
    expect(calls(sim, 'DELETE')).toHaveLength(1);
    expect(sim.activeJobs()).toBe(0);
  });

  it.each([
    ['adf-empty', 'no-paper', 'ScannerAdfEmpty'],
    ['cover-open', 'cover-open', 'ScannerAdfHatchOpen'],
  ] as const)('a feeder job on a scanner with %s fails with %s', async (fault, code, adfState) => {
    const { scanner } = await simulator({ fault });
    const error = await scanError(scanner.scan({ source: 'adf', resolution: 75 }));
    expect(error.code).toBe(code);
    expect(error.detail).toBe(adfState);
  });

  it('a feeder jam mid-job fails with jammed and frees the scanner', async () => {
    const { sim, scanner } = await simulator({ fault: 'jam' });
    const error = await scanError(scanner.scan({ source: 'adf', multiPage: true, resolution: 75 }));
    expect(error.code).toBe('jammed');
    expect(sim.activeJobs()).toBe(0);
  });

  it('faults can be switched while the simulator runs (demo, training)', async () => {
    const { sim, scanner } = await simulator();
    sim.setFeederPages(0);
    expect((await scanError(scanner.scan({ source: 'adf', resolution: 75 }))).code).toBe('no-paper');
    sim.setFeederPages(2);
    expect(await scanner.scan({ source: 'adf', multiPage: true, resolution: 75 })).toHaveLength(2);
  });

  it('the simulator answers a hostile job request with 400, naming the problem', async () => {
    const { sim } = await simulator();
    const bad = await fetch(`${sim.url}/ScanJobs`, { method: 'POST', body: '<scan:ScanSettings xmlns:scan="s"><scan:ColorMode>Infrared</scan:ColorMode></scan:ScanSettings>' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/ColorMode "Infrared"/);
    const huge = await fetch(`${sim.url}/ScanJobs`, { method: 'POST', body: 'x'.repeat(200_000) }).catch(() => undefined);
    expect(huge === undefined || huge.status === 400).toBe(true);
    expect((await fetch(`${sim.url}/ScanJobs/../../etc/passwd`)).status).toBe(404);
    expect(sim.activeJobs()).toBe(0);
  });

  it('a scanner that is not there is unreachable', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = await scanError(new EsclScanner({ url: `http://127.0.0.1:${port}/eSCL` }).status());
    expect(error.code).toBe('unreachable');
  });

  it('a capabilities document that is not one is a device error, not a crash', async () => {
    const server = createServer((_req, res) => res.end('<html>router login</html>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const error = await scanError(new EsclScanner({ url: `http://127.0.0.1:${port}/eSCL` }).capabilities());
      expect(error.code).toBe('device-error');
      expect(error.message).toMatch(/expected a ScannerCapabilities document/);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
