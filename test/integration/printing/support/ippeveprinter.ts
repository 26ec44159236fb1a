import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../../support/free-port';

/**
 * ippeveprinter (cups-ipp-utils) as a real IPP Everywhere A4 printer on a free loopback port.
 * It will not start without DNS-SD, even with `-r off`, so it gets a private D-Bus system bus
 * and an avahi-daemon on that bus. avahi-daemon insists on /run/avahi-daemon/pid; where
 * `unshare` can give it a private mount namespace it gets its own /run/avahi-daemon, so two
 * of these can run at once. Every document it prints lands in `receivedDir` through the
 * print command (-c), where a test can read it.
 */
export interface IppEvePrinter {
  uri: string;
  /** The printer's own web interface (media and supplies forms). */
  webUrl: string;
  receivedDir: string;
  received(): string[];
  /**
   * Makes the next job fail inside the printer (the print command exits 1, so the job ends
   * aborted), optionally adding a printer-state-reason as it fails (a tray running out mid-job).
   */
  failNextJob(reason?: string): void;
  /** Empties or refills tray 1 through the printer's media form: the state a real printer reports when it runs out. */
  setTrayEmpty(empty: boolean): Promise<void>;
  stop(): Promise<void>;
}

function waitForOutput(child: ChildProcess, pattern: RegExp, what: string, timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs} ms:\n${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with ${code}:\n${seen}`));
    });
  });
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

function canUnshareMounts(): boolean {
  return spawnSync('unshare', ['--mount', '--propagation', 'private', 'true']).status === 0;
}

export async function startIppEvePrinter(name = 'Tongban Test A4', formats = 'application/pdf'): Promise<IppEvePrinter> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongban-ippeve-'));
  const receivedDir = path.join(dir, 'received');
  const spoolDir = path.join(dir, 'spool');
  mkdirSync(receivedDir);
  mkdirSync(spoolDir);
  const children: ChildProcess[] = [];
  const stop = async () => {
    for (const child of children.reverse()) await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const busSocket = path.join(dir, 'bus.sock');
    writeFileSync(
      path.join(dir, 'bus.conf'),
      `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:path=${busSocket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/><allow own="*"/><allow send_type="method_call"/><allow send_destination="*"/><allow receive_type="*"/>
  </policy>
</busconfig>
`,
    );
    const dbus = spawn('dbus-daemon', [`--config-file=${path.join(dir, 'bus.conf')}`, '--nofork', '--print-address=1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(dbus);
    await waitForOutput(dbus, /unix:path=\S+/, 'dbus-daemon');
    const env = { ...process.env, DBUS_SYSTEM_BUS_ADDRESS: `unix:path=${busSocket}` };

    writeFileSync(path.join(dir, 'avahi.conf'), '[server]\nuse-ipv4=yes\nuse-ipv6=no\nallow-interfaces=lo\nenable-dbus=yes\n[publish]\ndisable-publishing=yes\n');
    const avahiArgs = ['-f', path.join(dir, 'avahi.conf'), '--no-drop-root', '--no-chroot', '--no-rlimits', '--no-proc-title'];
    mkdirSync('/run/avahi-daemon', { recursive: true });
    const avahi = canUnshareMounts()
      ? spawn('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', 'mount -t tmpfs tongban-avahi /run/avahi-daemon && exec avahi-daemon "$@"', 'avahi', ...avahiArgs], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('avahi-daemon', avahiArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(avahi);
    await waitForOutput(avahi, /Server startup complete/, 'avahi-daemon');

    const command = path.join(dir, 'print-command.sh');
    const failFlag = path.join(dir, 'fail-next-job');
    // ippeveprinter runs this for each job with the spooled document as $1; "ERROR:" lines become the job's message.
    writeFileSync(
      command,
      `#!/bin/sh\nif [ -e "${failFlag}" ]; then reason=$(cat "${failFlag}"); rm -f "${failFlag}"; [ -n "$reason" ] && echo "STATE: +$reason" >&2; echo "ERROR: simulated engine failure" >&2; exit 1; fi\ncp "$1" "${receivedDir}/$(basename "$1")"\n`,
    );
    chmodSync(command, 0o755);
    const port = await freePort();
    const printer = spawn('ippeveprinter', ['-r', 'off', '-p', String(port), '-d', spoolDir, '-c', command, '-f', formats, '-m', 'A4', name], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(printer);
    let printerLog = '';
    const keepLog = (chunk: Buffer) => {
      printerLog = (printerLog + chunk.toString()).slice(-4000);
    };
    printer.stdout.on('data', keepLog);
    printer.stderr.on('data', keepLog);
    const webUrl = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (printer.exitCode !== null) throw new Error(`ippeveprinter exited with ${printer.exitCode}:\n${printerLog}`);
      const up = await fetch(`${webUrl}/`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (Date.now() > deadline) throw new Error(`ippeveprinter did not answer within 15 s:\n${printerLog}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return {
      uri: `ipp://127.0.0.1:${port}/ipp/print`,
      webUrl,
      receivedDir,
      failNextJob: (reason) => writeFileSync(failFlag, reason ?? ''),
      // Spool files are named <job-id>-<job name>.<ext>: oldest job first.
      received: () =>
        readdirSync(receivedDir)
          .sort((a, b) => Number.parseInt(a, 10) - Number.parseInt(b, 10))
          .map((f) => path.join(receivedDir, f)),
      async setTrayEmpty(empty) {
        const level = empty ? 0 : 250;
        const query = `size1=iso_a4_210x297mm&type1=stationery&level1=${level}&size3=iso_a4_210x297mm&type3=stationery&level3=250`;
        const response = await fetch(`${webUrl}/media?${query}`);
        if (!response.ok) throw new Error(`ippeveprinter /media answered ${response.status}`);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
