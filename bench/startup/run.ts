/**
 * bench/startup: how long from launching the Chromium host to an interactive attract screen,
 * and what the kiosk UI costs to ship. Baselines measured in the same run: a bare Node start and
 * Chromium loading an empty page, so the figures say what Tongban itself adds.
 *
 * Run: npx tsx bench/startup/run.ts [--runs N]   (needs `npm run build` first)
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

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

async function launchToReady(): Promise<{ processReadyMs: number; url: string; stop: () => void }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/tongban.js', 'start', '--browser', 'none', '--port', '0', '--print-secret', '--set', 'storage.logDir=/tmp/tongban-bench-log', '--set', 'storage.dataDir=/tmp/tongban-bench-data'], { stdio: ['ignore', 'pipe', 'inherit'] });
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
  return { processReadyMs: performance.now() - started, url, stop: () => child.kill('SIGTERM') };
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
const samples = { nodeBareMs: [] as number[], blankPageMs: [] as number[], processReadyMs: [] as number[], attractInteractiveMs: [] as number[] };
try {
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    samples.nodeBareMs.push(performance.now() - t0);

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
    await page.close();
    terminal.stop();
  }
} finally {
  await browser.close();
}

const result = {
  bench: 'startup',
  runs,
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
