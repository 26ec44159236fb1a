import { parentPort, workerData } from 'node:worker_threads';
import { errorMessage } from '../../../common/errors';
import { OcrSetupError, type OcrEngineOptions } from '../engine';
import type { PreparedImage } from '../prepare';
import { PaddleEngine } from './paddle-engine';
import type { ThreadReply, ThreadRequest } from './threaded-engine';

/**
 * The thread PaddleOCR runs in. Its pre- and post-processing are synchronous JavaScript and
 * WebAssembly that hold a thread for seconds per page; here they hold this one, not the
 * terminal's, which must keep polling the card reader and answering the page meanwhile.
 */
const port = parentPort;
if (!port) throw new Error('engine-thread runs only as a worker thread');

const reply = (message: ThreadReply) => port.postMessage(message);

try {
  const engine = await PaddleEngine.start(workerData as OcrEngineOptions);
  port.on('message', (request: ThreadRequest) => {
    const image: PreparedImage = { ...request.image, png: Buffer.from(request.image.png) };
    engine.recognize(image).then(
      (reading) => reply({ kind: 'read', id: request.id, reading }),
      (error: unknown) => reply({ kind: 'failed', id: request.id, message: errorMessage(error) }),
    );
  });
  reply({ kind: 'ready' });
} catch (error) {
  reply({ kind: 'not-started', message: errorMessage(error), setup: error instanceof OcrSetupError });
}
