/**
 * bench/ocr: seconds per A4 page at 300 dpi for tesseract.js (what the terminal runs) beside the
 * native Debian `tesseract` CLI on the same page images in the same run, the first page (cold:
 * workers or process starting, models loading) and the following ones (warm), with the character
 * error rate of each against the text drawn on the pages.
 *
 * Both run on one core (one tesseract.js worker; OMP_THREAD_LIMIT=1 for the CLI) so the figures
 * compare engines, not thread counts.
 *
 * Run: npx tsx bench/ocr/run.ts [--lang chi_sim+eng] [--pages N]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_LANG_PATH, OcrEngine } from '../../main/ocr';
import { normaliseOcrText } from '../../main/ocr/text';
import {
  characterErrorRate,
  degrade,
  householdRegisterDocument,
  launchChromium,
  marriageCertificateDocument,
  noticeDocument,
  renderDocument,
  WANG_CHEN_MARRIAGE,
  ZHANG_WEI,
  type TestDocument,
} from '../../test/fixtures/ocr/documents';

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const langs = arg('--lang') ?? 'chi_sim+eng';
const DPI = 300;

const docs: { doc: TestDocument; noisy?: boolean }[] = [
  { doc: noticeDocument('sans', 12) },
  { doc: noticeDocument('serif', 14) },
  { doc: noticeDocument('mono', 10.5) },
  { doc: householdRegisterDocument(ZHANG_WEI, 'serif') },
  { doc: marriageCertificateDocument(WANG_CHEN_MARRIAGE, 'sans') },
  { doc: noticeDocument('sans', 14), noisy: true },
].slice(0, Number(arg('--pages')) || undefined);

const dir = mkdtempSync(path.join(tmpdir(), 'tongban-bench-ocr-'));
const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

try {
  const browser = await launchChromium();
  const pages: { name: string; file: string; truth: string }[] = [];
  try {
    for (const { doc, noisy } of docs) {
      const png = await renderDocument(browser, doc, DPI);
      const name = noisy ? `${doc.name}-noisy` : doc.name;
      const file = path.join(dir, `${name}.${noisy ? 'jpg' : 'png'}`);
      writeFileSync(file, noisy ? await degrade(png, { angle: 1.5, noise: 70, seed: 11 }) : png);
      pages.push({ name, file, truth: doc.truth });
    }
  } finally {
    await browser.close();
  }

  // tesseract.js: the first page includes starting the worker and loading the models.
  const jsTimes: number[] = [];
  const jsCer: Record<string, number> = {};
  const startedAt = performance.now();
  const engine = await OcrEngine.start({ langs, workers: 1 });
  const startSeconds = (performance.now() - startedAt) / 1000;
  try {
    for (const page of pages) {
      const t0 = performance.now();
      const result = await engine.recognize(readFileSync(page.file));
      jsTimes.push((performance.now() - t0) / 1000);
      jsCer[page.name] = round(characterErrorRate(result.text, page.truth), 4);
    }
  } finally {
    await engine.close();
  }

  // The native CLI starts a process and loads the models for every page; the first also pays for a cold page cache.
  const nativeTimes: number[] = [];
  const nativeCer: Record<string, number> = {};
  for (const page of pages) {
    const t0 = performance.now();
    const run = spawnSync('tesseract', [page.file, 'stdout', '-l', langs, '--tessdata-dir', DEFAULT_LANG_PATH, '-c', 'preserve_interword_spaces=1'], {
      encoding: 'utf8',
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    nativeTimes.push((performance.now() - t0) / 1000);
    if (run.status !== 0) throw new Error(`tesseract failed on ${page.name}: ${run.stderr}`);
    nativeCer[page.name] = round(characterErrorRate(normaliseOcrText(run.stdout), page.truth), 4);
  }

  const warm = (times: number[]) => round(mean(times.slice(1)));
  const jsWarm = warm(jsTimes);
  const nativeWarm = warm(nativeTimes);
  const version = execFileSync('tesseract', ['--version'], { encoding: 'utf8' }).split('\n')[0];
  process.stdout.write(
    `${JSON.stringify(
      {
        pages: pages.length,
        page: `A4 at ${DPI} dpi (2481 × 3508 px)`,
        langs,
        method: 'same files for both; tesseract.js times include its preparation (greyscale, contrast, scale to 200 dpi, deskew), the CLI reads each 300 dpi file as is; one core each',
        tesseractJs: {
          workerStartSeconds: round(startSeconds),
          firstPageSeconds: round(startSeconds + (jsTimes[0] ?? 0)),
          warmSecondsPerPage: jsWarm,
          meanCer: round(mean(Object.values(jsCer)), 4),
          cer: jsCer,
        },
        nativeCli: {
          version,
          firstPageSeconds: round(nativeTimes[0] ?? 0),
          warmSecondsPerPage: nativeWarm,
          meanCer: round(mean(Object.values(nativeCer)), 4),
          cer: nativeCer,
        },
        warmRatioJsToNative: round(jsWarm / nativeWarm, 2),
      },
      null,
      2,
    )}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
