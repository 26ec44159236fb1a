import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** How often the thread looks at how much of the WAL is not yet in the database file. */
const LOOK_EVERY_MS = 200;
/** SQLite's own automatic checkpoint threshold: the writer checkpointed after this many WAL frames. */
const CHECKPOINT_FRAMES = 1000;

/**
 * The thread's code, plain CommonJS so that it runs the same from the sources and from the
 * bundles (a worker does not inherit the parent's TypeScript loader). It checkpoints when the
 * WAL holds CHECKPOINT_FRAMES frames not yet copied, as the writer did: a page changed again
 * and again (the fleet's last beats) is copied once per checkpoint, so checkpointing by the
 * clock instead cost more. The count is read from the WAL-index header at the start of the
 * -shm file (https://www.sqlite.org/walformat.html: mxFrame at byte 16 of the header, nBackfill
 * at byte 96, native byte order). PASSIVE never waits for the writer and never blocks it: it
 * copies what the commits appended, and once it has copied everything the writer starts the
 * WAL over from its beginning.
 */
const THREAD = `
const { openSync, readSync, closeSync } = require('node:fs');
const { endianness } = require('node:os');
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { fileMustExist: true });
const header = Buffer.alloc(100);
const u32 = endianness() === 'LE' ? (offset) => header.readUInt32LE(offset) : (offset) => header.readUInt32BE(offset);
function pendingFrames() {
  let fd;
  try {
    fd = openSync(workerData.file + '-shm', 'r');
    return readSync(fd, header, 0, 100, 0) === 100 ? u32(16) - u32(96) : Infinity;
  } catch {
    // Unreadable: checkpoint at every look rather than let the WAL grow.
    return Infinity;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
const timer = setInterval(() => {
  if (pendingFrames() < workerData.frames) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ failed: String(error && error.message) });
  }
}, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/**
 * Checkpoints of a SQLite file in WAL mode, on a thread of their own. A checkpoint is where
 * SQLite (synchronous = NORMAL) syncs the WAL and the database file to disk; run by the writer
 * itself every 1000 pages (SQLite's default), that fsync stalled the event loop and every
 * request waiting on it (commits of 25–35 ms measured on a busy disk). The commits keep
 * exactly the guarantee they had: the writer's connection never synced at COMMIT in this mode,
 * and the same checkpoints still sync, only elsewhere.
 */
export class SqliteCheckpoints {
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private running = true;

  /** `onStopped` hears why the thread ended early (the writer then checkpoints for itself again). */
  constructor(file: string, onStopped: (message: string) => void) {
    this.worker = new Worker(THREAD, {
      eval: true,
      workerData: { file, module: createRequire(import.meta.url).resolve('better-sqlite3'), everyMs: LOOK_EVERY_MS, frames: CHECKPOINT_FRAMES },
    });
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.on('message', (message: { failed: string }) => {
      process.emitWarning(`SQLite checkpoint of ${file} failed: ${message.failed}`);
    });
    this.worker.on('error', (error) => {
      this.running = false;
      onStopped(`SQLite checkpoint thread of ${file} stopped: ${error.message}`);
    });
    // The thread never keeps a process alive that has nothing else to do.
    this.worker.unref();
  }

  /** Ends the thread and closes its connection, so that the writer's close is the last one (and checkpoints the rest). */
  stop(): Promise<void> {
    // Held by the thread's exit from here on: a command that only closes its store must not end before it.
    this.worker.ref();
    if (this.running) this.worker.postMessage('stop');
    this.running = false;
    return this.exited;
  }
}
