/**
 * bench/ocr: PaddleOCR (the terminal's default), tesseract.js (its second engine) and the native
 * Debian `tesseract` CLI, on a generated page set (bench/ocr/page-set.ts), each engine given the
 * SAME prepared image (prepareImage: greyscale, contrast, scaled to the target dpi). Model load is
 * timed apart from recognition; recognition is warm (a page read first, not counted). Per page:
 * seconds and character error rate; the pages are A4 rendered at 300 dpi and prepared at 200 and
 * at 300 dpi. The CLI loads its models in every process: its per-page time includes that, as it
 * would on a terminal that shells out to it; its load time is a page's time minus nothing (none apart).
 *
 * Run: npx tsx bench/ocr/run.ts [--pages N] [--dpi 200,300] [--engines paddle,tesseract,cli] [--seed N]
 * (--seed: another page set, held out from the one the settings were chosen on; default 11).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_LANG_PATH, prepareImage, startEngine, type OcrEngine, type PreparedImage } from '../../main/ocr';
import { normaliseOcrText } from '../../main/ocr/text';
import { characterErrorRate, launchChromium } from '../../test/fixtures/ocr/documents';
import { benchPages, DEFAULT_SEED, type BenchPage } from './page-set';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const DPIS = (arg('--dpi') ?? '200,300').split(',').map(Number);
const ENGINES = (arg('--engines') ?? 'paddle,tesseract,cli').split(',');
const SEED = Number(arg('--seed') ?? DEFAULT_SEED);
const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const dir = mkdtempSync(path.join(tmpdir(), 'tongban-bench-ocr-'));

interface PageFigure {
  seconds: number;
  cer: number;
}
type Figures = Record<string, Record<string, Record<string, PageFigure>>>;

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await run();
  return [value, (performance.now() - t0) / 1000];
}

function cli(prepared: PreparedImage): string {
  const file = path.join(dir, 'page.png');
  writeFileSync(file, prepared.png);
  const run = spawnSync('tesseract', [file, 'stdout', '-l', 'chi_sim+eng', '--tessdata-dir', DEFAULT_LANG_PATH, '-c', 'preserve_interword_spaces=1'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`tesseract failed: ${run.stderr}`);
  return normaliseOcrText(run.stdout);
}

try {
  const browser = await launchChromium();
  let pages: BenchPage[];
  try {
    pages = (await benchPages(browser, 300, SEED)).slice(0, Number(arg('--pages')) || undefined);
  } finally {
    await browser.close();
  }
  // The same prepared image for every engine, made once per page and dpi, outside every timing.
  // Its own time is reported apart: it is part of what a terminal spends on a page.
  const prepared = new Map<string, PreparedImage>();
  const prepareSeconds: Record<string, number[]> = {};
  for (const dpi of DPIS) {
    for (const page of pages) {
      const [image, seconds] = await timed(() => prepareImage(page.image, { dpi }));
      prepared.set(`${page.name}@${dpi}`, image);
      (prepareSeconds[`${dpi}dpi`] ??= []).push(seconds);
    }
  }

  const loadSeconds: Record<string, number> = {};
  const figures: Figures = {};
  const engines: Record<string, OcrEngine | 'cli'> = {};
  for (const name of ENGINES) {
    if (name === 'cli') engines.cli = 'cli';
    else {
      const [engine, seconds] = await timed(() => startEngine(name as 'paddle' | 'tesseract', { workers: name === 'paddle' ? 2 : 1, langs: 'chi_sim+eng' }));
      engines[name] = engine;
      loadSeconds[name] = round(seconds);
    }
  }
  for (const [name, engine] of Object.entries(engines)) {
    const read = (image: PreparedImage) => (engine === 'cli' ? Promise.resolve(cli(image)) : engine.recognize(image).then((r) => r.text));
    // Warm-up: one page read and not counted (first inference allocates and JIT-compiles).
    await read(prepared.values().next().value as PreparedImage);
    for (const dpi of DPIS) {
      const byPage: Record<string, PageFigure> = {};
      for (const page of pages) {
        const [text, seconds] = await timed(() => read(prepared.get(`${page.name}@${dpi}`) as PreparedImage));
        byPage[page.name] = { seconds: round(seconds), cer: round(characterErrorRate(text, page.truth), 4) };
      }
      (figures[name] ??= {})[`${dpi}dpi`] = byPage;
    }
    if (engine !== 'cli') await engine.close();
  }

  const summary = Object.fromEntries(
    Object.entries(figures).map(([name, byDpi]) => [
      name,
      Object.fromEntries(
        Object.entries(byDpi).map(([dpi, byPage]) => {
          const values = Object.entries(byPage);
          const of = (conditions: string[]) => values.filter(([p]) => conditions.some((c) => p.endsWith(`-${c}`))).map(([, f]) => f.cer);
          return [
            dpi,
            {
              warmSecondsPerPage: round(mean(values.map(([, f]) => f.seconds))),
              maxCerClean: round(Math.max(...of(['clean'])), 4),
              maxCerNoisySkewedGrey: round(Math.max(...of(['noisy', 'skewed', 'grey'])), 4),
              meanCer: round(mean(values.map(([, f]) => f.cer)), 4),
            },
          ];
        }),
      ),
    ]),
  );
  const baseline = figures.cli ? 'cli' : undefined;
  const ratios = baseline
    ? Object.fromEntries(
        Object.keys(figures).map((name) => [name, Object.fromEntries(DPIS.map((d) => [`${d}dpi`, round((summary[name]?.[`${d}dpi`]?.warmSecondsPerPage ?? 0) / (summary[baseline]?.[`${d}dpi`]?.warmSecondsPerPage ?? 1), 2)]))]),
      )
    : undefined;
  process.stdout.write(
    `${JSON.stringify(
      {
        machine: { cores: os.availableParallelism(), loadAverage: os.loadavg().map((l) => round(l, 2)) },
        seed: SEED,
        pages: pages.map((p) => ({ name: p.name, face: p.face, condition: p.condition })),
        method: 'A4 rendered at 300 dpi; every engine reads the same prepared image at each dpi; load timed apart; warm (one page read first, not counted); CER = edit distance / drawn length, whitespace ignored, NFKC',
        loadSeconds,
        prepareSecondsPerPage: Object.fromEntries(Object.entries(prepareSeconds).map(([dpi, values]) => [dpi, round(mean(values))])),
        summary,
        warmTimeRatioToNativeCli: ratios,
        perPage: figures,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
