/**
 * bench/startup: how long the command line takes to answer (`tongban --help`, `tongban idcard
 * decode FILE`), how long from launching the Chromium host (as `npm start` does, without its
 * set-up) to an interactive attract screen, the terminal's resident memory at idle and after a
 * printed certificate (the PDF renderer's Chromium counted), and what the kiosk UI costs to
 * ship. Baselines measured in the same run: a bare `node -e 0` and Chromium loading an empty
 * page, so the figures say what Tongban itself adds.
 *
 * Run: npx tsx bench/startup/run.ts [--runs N]   (needs `npm run build` first)
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_FLAGS } from '../../main/printing/render/chromium-renderer';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** The entry chunk loads with the attract screen; the rest (the keyboard) only when a form opens. */
function uiSize() {
  const dir = 'dist/renderer/assets';
  const entry = /assets\/([^"]+\.js)/.exec(readFileSync('dist/renderer/index.html', 'utf8'))?.[1] ?? '';
  const files = readdirSync(dir);
  const sum = (pick: (f: string) => boolean) =>
    files.filter(pick).reduce(
      (acc, f) => {
        const bytes = readFileSync(path.join(dir, f));
        return { raw: acc.raw + bytes.length, gzip: acc.gzip + gzipSync(bytes, { level: 9 }).length };
      },
      { raw: 0, gzip: 0 },
    );
  return { entryJs: sum((f) => f === entry), lazyJs: sum((f) => f.endsWith('.js') && f !== entry), css: sum((f) => f.endsWith('.css')) };
}

/** Milliseconds of one fresh process running to its end. */
function timed(args: string[]): number {
  const t0 = performance.now();
  const done = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (done.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${done.stderr.toString()}`);
  return ms;
}

const kib = (text: string, key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN);

/** Resident and proportional memory of a process and everything it started (Chromium's own tree). */
function memoryOfTree(pid: number): { rssMB: number; pssMB: number; processes: number; mainProcessRssMB: number } {
  const children = (p: number): number[] => {
    const out = spawnSync('pgrep', ['-P', String(p)], { encoding: 'utf8' }).stdout.trim();
    return out ? out.split('\n').map(Number).flatMap((c) => [c, ...children(c)]) : [];
  };
  let rss = 0;
  let pss = 0;
  const tree = [pid, ...children(pid)];
  for (const p of tree) {
    try {
      rss += kib(readFileSync(`/proc/${p}/status`, 'utf8'), 'VmRSS');
      pss += kib(readFileSync(`/proc/${p}/smaps_rollup`, 'utf8'), 'Pss');
    } catch {
      // a process that ended meanwhile holds no memory
    }
  }
  let main = NaN;
  try {
    main = kib(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS');
  } catch {
    // ended meanwhile
  }
  return { rssMB: Math.round(rss / 1024), pssMB: Math.round(pss / 1024), processes: tree.length, mainProcessRssMB: Math.round(main / 1024) };
}

/** The same measure of a bare node, with the terminal's node flags and malloc settings (scripts/start.sh), idle after its start. */
async function bareNodeIdleRssMB(): Promise<number> {
  const child = spawn(process.execPath, ['--max-semi-space-size=1', '-e', 'setTimeout(() => {}, 60_000)'], {
    stdio: 'ignore',
    env: { ...process.env, MALLOC_ARENA_MAX: '2', MALLOC_TRIM_THRESHOLD_: '131072' },
  });
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const { rssMB } = memoryOfTree(child.pid as number);
  child.kill();
  return rssMB;
}

/**
 * The PDF browser's idle time in the bench (`host.pdfBrowserIdleSeconds`, 300 by default): long
 * enough to measure the terminal with it warm after the print, short enough to wait out.
 */
const PDF_BROWSER_IDLE_SECONDS = 6;

/**
 * The citizen's path to a printed contribution certificate; then the memory of the terminal's
 * tree with the PDF browser still warm, and once that browser has closed at idle.
 */
async function printCertificate(page: Page, pid: number): Promise<{ warm: ReturnType<typeof memoryOfTree>; afterIdleClose: ReturnType<typeof memoryOfTree> }> {
  await page.getByTestId('demo-panel').getByRole('button', { name: /演示面板|Demo panel/ }).click();
  await page.locator('[data-card="resident"]').click();
  await page.getByTestId('welcome').waitFor({ state: 'visible', timeout: 10_000 });
  await page.locator('[data-service="si-contribution-certificate"]').click();
  await page.getByRole('button', { name: /^(开始办理|Start)$/ }).click();
  await page.getByRole('button', { name: '最近 12 个月' }).click();
  await page.getByRole('button', { name: '打印证明' }).click();
  await page.getByTestId('certificate-print-status').filter({ hasText: /打印完成/ }).waitFor({ timeout: 30_000 });
  await page.waitForTimeout(2000);
  const warm = memoryOfTree(pid);
  await page.waitForTimeout(PDF_BROWSER_IDLE_SECONDS * 1000 + 3000);
  return { warm, afterIdleClose: memoryOfTree(pid) };
}

/** The terminal as `npm start` runs it (scripts/start.sh: its node flags), minus the set-up. */
async function launchToReady(): Promise<{ processReadyMs: number; url: string; pid: number; stop: () => void }> {
  const started = performance.now();
  const data = `/tmp/tongban-bench-${process.pid}`;
  const child = spawn('bash', ['scripts/start.sh', '--browser', 'none', '--port', '0', '--print-secret', '--set', `storage.logDir=${data}/log`, '--set', `storage.dataDir=${data}/data`, '--set', `host.pdfBrowserIdleSeconds=${PDF_BROWSER_IDLE_SECONDS}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, TONGBAN_SKIP_SETUP: '1', TONGBAN_CONFIG: '' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      // --print-secret: the page's address with its launch secret, as a technician asks for it.
      const m = /ready: (\S+#secret=\S+)/.exec(out);
      if (m) resolve(m[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`terminal exited ${code}`)));
  });
  return { processReadyMs: performance.now() - started, url, pid: child.pid as number, stop: () => child.kill('SIGTERM') };
}

// A stale or missing bundle is built by the first call; that build is not what is measured.
execFileSync(process.execPath, ['bin/tongban.js', '--help'], { stdio: 'ignore' });
const decodeFile = 'test/fixtures/idcard/resident.hex';

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
const samples = {
  nodeBareMs: [] as number[],
  helpMs: [] as number[],
  decodeMs: [] as number[],
  blankPageMs: [] as number[],
  processReadyMs: [] as number[],
  attractInteractiveMs: [] as number[],
  idleRssMB: [] as number[],
  idleMainProcessRssMB: [] as number[],
  bareNodeIdleRssMB: [] as number[],
};
let afterCertificate: Awaited<ReturnType<typeof printCertificate>> | undefined;
try {
  for (let i = 0; i < runs; i++) {
    samples.nodeBareMs.push(timed(['-e', '0']));
    samples.helpMs.push(timed(['bin/tongban.js', '--help']));
    samples.decodeMs.push(timed(['bin/tongban.js', 'idcard', 'decode', decodeFile]));
    samples.bareNodeIdleRssMB.push(await bareNodeIdleRssMB());

    const blank = await browser.newPage();
    const t1 = performance.now();
    await blank.goto('data:text/html,<title>blank</title><button>ok</button>');
    await blank.getByRole('button').waitFor();
    samples.blankPageMs.push(performance.now() - t1);
    await blank.close();

    const launchedAt = performance.now();
    const terminal = await launchToReady();
    const page = await browser.newPage();
    await page.goto(terminal.url);
    await page.getByRole('button', { name: '点击开始办理' }).waitFor({ state: 'visible' });
    samples.attractInteractiveMs.push(performance.now() - launchedAt);
    samples.processReadyMs.push(terminal.processReadyMs);
    // Idle: the attract screen shown, nothing asked of the terminal for a few seconds.
    await page.waitForTimeout(3000);
    const idle = memoryOfTree(terminal.pid);
    samples.idleRssMB.push(idle.rssMB);
    samples.idleMainProcessRssMB.push(idle.mainProcessRssMB);
    if (i === runs - 1) afterCertificate = await printCertificate(page, terminal.pid);
    await page.close();
    terminal.stop();
  }
} finally {
  await browser.close();
}

const result = {
  bench: 'startup',
  runs,
  cli: {
    helpMs: { median: median(samples.helpMs), samples: samples.helpMs.map(Math.round) },
    idcardDecodeMs: { median: median(samples.decodeMs), samples: samples.decodeMs.map(Math.round), file: decodeFile },
    bareNodeMs: { median: median(samples.nodeBareMs) },
    helpRatioToBareNode: median(samples.helpMs) / median(samples.nodeBareMs),
    decodeRatioToBareNode: median(samples.decodeMs) / median(samples.nodeBareMs),
  },
  memory: {
    idleTerminalRssMB: {
      median: median(samples.idleRssMB),
      samples: samples.idleRssMB,
      what: 'the terminal process and its children (the simulators\' socat ptys; the demo\'s embedded platform runs inside the terminal process), idle 3 s after the attract screen is interactive',
    },
    idleTerminalMainProcessRssMB: { median: median(samples.idleMainProcessRssMB), samples: samples.idleMainProcessRssMB, what: 'the terminal process alone' },
    bareNodeIdleRssMB: { median: median(samples.bareNodeIdleRssMB), what: 'a bare node with the same flags and malloc settings, idle' },
    afterPrintedCertificate: afterCertificate && {
      ...afterCertificate.warm,
      what: 'the terminal process and its children (the PDF renderer\'s Chromium, warm) 2 s after the print; RSS counts shared pages once per process, PSS divides them',
    },
    afterPdfBrowserIdleClose: afterCertificate && {
      ...afterCertificate.afterIdleClose,
      what: `the same tree once the PDF browser has closed, ${PDF_BROWSER_IDLE_SECONDS} s after its last document (host.pdfBrowserIdleSeconds; 300 by default)`,
    },
  },
  launchToAttractInteractiveMs: { median: median(samples.attractInteractiveMs), samples: samples.attractInteractiveMs.map(Math.round) },
  launchToHostListeningMs: { median: median(samples.processReadyMs) },
  baseline: { bareNodeStartMs: median(samples.nodeBareMs), chromiumBlankPageMs: median(samples.blankPageMs) },
  ratioToBareNodeStart: median(samples.attractInteractiveMs) / median(samples.nodeBareMs),
  kioskUi: (() => {
    const size = uiSize();
    return { entryJsGzipBytes: size.entryJs.gzip, lazyJsGzipBytes: size.lazyJs.gzip, totalJsGzipBytes: size.entryJs.gzip + size.lazyJs.gzip, cssGzipBytes: size.css.gzip };
  })(),
};
console.log(JSON.stringify(result, null, 2));
