import { startPlatform, type DemoCredentials, type Notice, type RunningPlatform } from '../../../platform';
import { client } from '../platform/helpers';

/** A platform for the visits suites: the demo centre, a clock the test moves, every SMS kept in `notices`. */
export interface VisitsSite {
  platform: RunningPlatform;
  call: ReturnType<typeof client>;
  demo: DemoCredentials;
  kiosk: string;
  clerk: string;
  admin: string;
}

export async function startVisitsSite(db: string, now: () => number, notices: Notice[]): Promise<VisitsSite> {
  const platform = await startPlatform({
    db,
    seedDemo: true,
    rateLimitPerMinute: 100_000,
    // The suites sign a clerk in again each time the clock moves, all from one address.
    signInAttemptsPerMinute: 1_000,
    now,
    notifier: { channel: 'test', send: async (notice) => void notices.push(notice) },
  });
  const demo = platform.demoCredentials!;
  const call = client(platform.url);
  const token = async (who: 'clerk' | 'admin') => (await call('POST', '/v1/staff/sessions', { json: demo[who] })).body.token as string;
  return { platform, call, demo, kiosk: demo.kiosk.credential, clerk: await token('clerk'), admin: await token('admin') };
}
