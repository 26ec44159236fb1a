/**
 * bench/print: how long a citizen waits between pressing "print" and the A4 printer accepting
 * the job, for the contribution certificate over 12 and 60 months, and how many pages per
 * second the warm Chromium renders. Baseline measured in the same run: the same warm Chromium
 * rendering an empty page, so the figures say what the documents themselves cost.
 * The printer is ippeveprinter on loopback (started here, with its private D-Bus and avahi).
 *
 * Run: npx tsx bench/print/run.ts [--runs N]
 */
import { IppDocumentPrinter, type DocumentPrinter } from '../../drivers/ipp';
import { ChromiumPdfRenderer, MemoryPrintRecordSink, PrintService, demoCertificate, documentHtml } from '../../main/printing';
import { startIppEvePrinter } from '../../test/integration/printing/support/ippeveprinter';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 10) / 10;
  return { median: round(sorted[Math.floor(sorted.length / 2)] as number), min: round(sorted[0] as number), max: round(sorted.at(-1) as number) };
}

function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

/** Notes when the printer answered Print-Job, measured from the same clock as the caller's "print". */
class TimedPrinter implements DocumentPrinter {
  acceptedAt = 0;
  constructor(private readonly inner: IppDocumentPrinter) {}
  get uri() {
    return this.inner.uri;
  }
  status() {
    return this.inner.status();
  }
  async print(...args: Parameters<DocumentPrinter['print']>) {
    const started = performance.now();
    const outcome = await this.inner.print(...args);
    this.acceptedAt = started + outcome.acceptedAfterMs;
    return outcome;
  }
}

const printer = await startIppEvePrinter('Tongban Bench A4');
const renderer = new ChromiumPdfRenderer();
try {
  const started = performance.now();
  await renderer.start();
  const browserStartMs = performance.now() - started;
  const timed = new TimedPrinter(new IppDocumentPrinter(printer.uri, { pollIntervalMs: 50 }));
  const service = new PrintService({ renderer, records: new MemoryPrintRecordSink(), a4Printer: timed });

  const emptyHtml = '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>';
  await renderer.render(emptyHtml);
  const empty: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t = performance.now();
    await renderer.render(emptyHtml);
    empty.push(performance.now() - t);
  }

  const certificates: Record<string, unknown> = {};
  for (const months of [12, 60]) {
    const document = { kind: 'contribution-certificate' as const, data: demoCertificate(months) };
    const html = await documentHtml(document);
    const warm = await renderer.render(html);
    const pages = pageCount(warm);
    const toAccepted: number[] = [];
    const render: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const t = performance.now();
      const outcome = await service.printDocument(document, { caseId: `bench-${months}-${i}` });
      if (!outcome.ok) throw new Error(`bench print failed: ${outcome.technician}`);
      toAccepted.push(timed.acceptedAt - t);
      const r = performance.now();
      await renderer.render(html);
      render.push(performance.now() - r);
    }
    const renderStats = stats(render);
    certificates[`${months}Months`] = {
      pages,
      pdfBytes: warm.length,
      printToAcceptedMs: stats(toAccepted),
      renderMs: renderStats,
      pagesPerSecond: Math.round((pages / (renderStats.median / 1000)) * 10) / 10,
      renderVsEmptyPage: Math.round((renderStats.median / stats(empty).median) * 10) / 10,
    };
  }

  process.stdout.write(
    `${JSON.stringify(
      {
        bench: 'print',
        runs,
        printer: 'ippeveprinter (loopback)',
        engine: 'chromium (playwright-core, warm browser)',
        browserStartMs: Math.round(browserStartMs),
        emptyPageRenderMs: stats(empty),
        certificate: certificates,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await renderer.close();
  await printer.stop();
}
