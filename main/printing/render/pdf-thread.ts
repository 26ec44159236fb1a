import { parentPort, workerData } from 'node:worker_threads';
import { ChromiumPdfRenderer, type ChromiumRendererOptions } from './chromium-renderer';
import type { PdfThreadReply, PdfThreadRequest } from './threaded-renderer';

/** The PDF renderer's thread (main/printing/render/threaded-renderer.ts): playwright-core and its browser live here. */
const port = parentPort;
if (!port) throw new Error('pdf-thread runs only as a worker thread');
const renderer = new ChromiumPdfRenderer(workerData as ChromiumRendererOptions);

port.on('message', (request: PdfThreadRequest) => {
  if (request.kind === 'close') {
    // The thread ends with its browser: its heap (playwright-core's code and objects) goes with it.
    void renderer.close().finally(() => process.exit(0));
    return;
  }
  renderer.render(request.html, request.options).then(
    (pdf) => port.postMessage({ kind: 'rendered', id: request.id, pdf: new Uint8Array(pdf) } satisfies PdfThreadReply),
    (error: unknown) => port.postMessage({ kind: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) } satisfies PdfThreadReply),
  );
});
