import { execFile } from 'node:child_process';
import type { Logger } from '../logging/logger';

/**
 * systemd's notify protocol (sd_notify) through `systemd-notify`, since Node has no Unix
 * datagram sockets: READY=1 once the terminal serves its page, then WATCHDOG=1 at half the
 * interval systemd asks for (WATCHDOG_USEC). A terminal whose event loop hangs stops pinging
 * and systemd kills and restarts it (tongban-host.service: WatchdogSec, Restart=on-failure).
 * Outside systemd (no NOTIFY_SOCKET) it does nothing.
 */
export function startWatchdog(log: Logger, env: NodeJS.ProcessEnv = process.env): () => void {
  if (!env.NOTIFY_SOCKET) return () => undefined;
  const notify = (...args: string[]) =>
    execFile('systemd-notify', ['--no-block', ...args], { env }, (error) => {
      if (error) log.warn({ err: error, args }, 'systemd-notify failed');
    });
  notify('--ready', '--status=serving');
  const usec = Number(env.WATCHDOG_USEC);
  if (!Number.isFinite(usec) || usec <= 0) return () => undefined;
  const timer = setInterval(() => notify('WATCHDOG=1'), Math.max(500, usec / 2000));
  return () => {
    clearInterval(timer);
    notify('STOPPING=1');
  };
}
