import type { Worker } from 'node:worker_threads';
import { startModuleThread } from '../../threads/module-thread';
import { OcrSetupError, type EngineReading, type OcrEngine, type OcrEngineOptions } from '../engine';
import type { PreparedImage } from '../prepare';
import { PADDLE_MODELS } from './paddle-engine';

export interface ThreadRequest {
  id: number;
  image: Omit<PreparedImage, 'png'> & { png: Uint8Array };
}

export type ThreadReply =
  | { kind: 'ready' }
  | { kind: 'not-started'; message: string; setup: boolean }
  | { kind: 'read'; id: number; reading: EngineReading }
  | { kind: 'failed'; id: number; message: string };

/** engine-thread.mjs in the compiled builds (dist/cli, dist/electron), engine-thread.ts from the sources. */
function startThread(options: OcrEngineOptions): Worker {
  return startModuleThread(new URL('./engine-thread.mjs', import.meta.url), new URL('./engine-thread.ts', import.meta.url), options);
}

interface Pending {
  resolve: (reading: EngineReading) => void;
  reject: (error: Error) => void;
}

/**
 * PaddleOCR in a worker thread: the same engine, read through messages. A page takes seconds
 * of synchronous work; on the terminal's own thread that froze the card reader's polling, the
 * page's events and printing for as long (measured: 2.6 s of a 3.7 s read).
 */
export class ThreadedPaddleEngine implements OcrEngine {
  readonly name = 'paddle';
  readonly langs = PADDLE_MODELS;
  readonly #pending = new Map<number, Pending>();
  #next = 0;
  #stopped: string | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: ThreadReply) => {
      if (message.kind !== 'read' && message.kind !== 'failed') return;
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.kind === 'read') pending?.resolve(message.reading);
      else pending?.reject(new Error(`PaddleOCR: ${message.message}`));
    });
    const stop = (reason: string) => {
      this.#stopped = reason;
      for (const pending of this.#pending.values()) pending.reject(new OcrSetupError(reason));
      this.#pending.clear();
    };
    worker.on('error', (error) => stop(`the PaddleOCR thread failed: ${error.message}`));
    worker.on('exit', (code) => stop(`the PaddleOCR thread stopped (exit code ${code})`));
  }

  static async start(options: OcrEngineOptions = {}): Promise<ThreadedPaddleEngine> {
    const worker = startThread(options);
    const started = await new Promise<ThreadReply>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new OcrSetupError(`the PaddleOCR thread stopped while starting (exit code ${code})`)));
    }).catch((error: unknown) => ({ kind: 'not-started', message: error instanceof Error ? error.message : String(error), setup: true }) as const);
    if (started.kind !== 'ready') {
      await worker.terminate();
      throw new OcrSetupError(started.kind === 'not-started' ? started.message : 'the PaddleOCR thread answered before it was ready');
    }
    // An idle engine must not keep a finished command alive.
    worker.unref();
    return new ThreadedPaddleEngine(worker);
  }

  recognize(image: PreparedImage): Promise<EngineReading> {
    if (this.#stopped) return Promise.reject(new OcrSetupError(this.#stopped));
    const id = this.#next++;
    const reading = new Promise<EngineReading>((resolve, reject) => this.#pending.set(id, { resolve, reject }));
    const request: ThreadRequest = { id, image: { ...image, png: new Uint8Array(image.png) } };
    this.worker.ref();
    this.worker.postMessage(request);
    return reading.finally(() => {
      if (this.#pending.size === 0) this.worker.unref();
    });
  }

  async close(): Promise<void> {
    this.#stopped = 'the OCR engine was closed';
    await this.worker.terminate();
  }
}
