import type { Worker } from 'node:worker_threads';
import { startModuleThread } from '../../threads/module-thread';
import type { ChromiumRendererOptions } from './chromium-renderer';
import { A4_DOCUMENT, RenderError, type PdfPageOptions, type PdfRenderer } from './pdf-renderer';

export type PdfThreadRequest = { kind: 'render'; id: number; html: string; options: PdfPageOptions } | { kind: 'close' };
export type PdfThreadReply = { kind: 'rendered'; id: number; pdf: Uint8Array } | { kind: 'failed'; id: number; message: string };

export interface ThreadedPdfRendererOptions extends ChromiumRendererOptions {
  /** Ends the thread and its browser this long after the last document (unset: kept until close()). */
  idleCloseMs?: number;
}

interface Pending {
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  exited: Promise<void>;
  /** This thread's documents: a thread that ends fails its own, not those of the one after it. */
  pending: Map<number, Pending>;
}

/**
 * The terminal's PDF renderer: ChromiumPdfRenderer in a worker thread that ends, with its
 * browser, once no document has come for `idleCloseMs`; the next document starts both again,
 * as the first of the day does. A kiosk is idle for hours between citizens on a machine with
 * 4 GB in all: a warm browser is some 650 MB resident (150 MB proportional), and playwright-core,
 * once loaded, would stay in the terminal's own heap for good (about 20 MB) where a thread's
 * heap goes with the thread.
 */
export class ThreadedPdfRenderer implements PdfRenderer {
  readonly engine = 'chromium';
  private thread: Thread | undefined;
  private next = 0;
  /** Documents being rendered now: the thread is never ended under one. */
  private rendering = 0;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ThreadedPdfRendererOptions = {}) {}

  private started(): Thread {
    if (this.thread) return this.thread;
    const { idleCloseMs: _idle, ...rendererOptions } = this.options;
    const worker = startModuleThread(new URL('./pdf-thread.mjs', import.meta.url), new URL('./pdf-thread.ts', import.meta.url), rendererOptions);
    const thread: Thread = { worker, exited: new Promise((resolve) => worker.once('exit', () => resolve())), pending: new Map() };
    worker.on('message', (reply: PdfThreadReply) => {
      const pending = thread.pending.get(reply.id);
      thread.pending.delete(reply.id);
      if (reply.kind === 'rendered') pending?.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
      else pending?.reject(new RenderError(this.engine, reply.message));
    });
    worker.on('error', (error) => this.failAll(thread, `the PDF thread failed: ${error.message}`));
    void thread.exited.then(() => {
      if (this.thread === thread) this.thread = undefined;
      this.failAll(thread, 'the PDF thread ended');
    });
    this.thread = thread;
    return thread;
  }

  private failAll(thread: Thread, message: string): void {
    for (const pending of thread.pending.values()) pending.reject(new RenderError(this.engine, message));
    thread.pending.clear();
  }

  private closeWhenIdle(): void {
    const delay = this.options.idleCloseMs;
    if (delay === undefined || this.rendering > 0) return;
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.close(), delay);
    // The timer alone keeps no process alive.
    this.idleTimer.unref();
  }

  async render(html: string, options: PdfPageOptions = A4_DOCUMENT): Promise<Buffer> {
    clearTimeout(this.idleTimer);
    this.rendering++;
    try {
      const { worker, pending } = this.started();
      const id = this.next++;
      return await new Promise<Buffer>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ kind: 'render', id, html, options } satisfies PdfThreadRequest);
      });
    } finally {
      this.rendering--;
      this.closeWhenIdle();
    }
  }

  async close(): Promise<void> {
    clearTimeout(this.idleTimer);
    const thread = this.thread;
    this.thread = undefined;
    if (!thread) return;
    thread.worker.postMessage({ kind: 'close' } satisfies PdfThreadRequest);
    await thread.exited;
  }
}
