// Copies a project's write-ahead log back into the project file from a worker
// thread with its own SQLite connection, so the core's thread never does it.
// By default SQLite checkpoints on the connection that commits, once the log
// passes 1,000 pages: after a 10,000-response import that is some 50 MB
// copied and flushed to disk inside the commit call, up to a second on a busy
// disk, during which the core answers nothing. The project's own connection
// therefore runs with wal_autocheckpoint = 0 and this worker runs PASSIVE
// checkpoints (which never block a reader or the writer) every so often; the
// log stays bounded because the writer starts it over once a checkpoint has
// copied all of it (journal_size_limit then trims the file). If the worker
// cannot start or fails, the connection checkpoints itself again as before.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/** How often the worker checkpoints: a few times a second keeps the log short without measurable cost when idle. */
export const CHECKPOINT_EVERY_MS = 250;

/** What the worker runs (plain CommonJS, so it needs no build step of its own: the app's bundle and tsx alike pass it as text). */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
let stopping = false;
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (e) {
    // SQLITE_BUSY (another checkpoint, e.g. a closing connection's) is tried again at the next tick.
    if (!String(e && e.code).startsWith('SQLITE_BUSY')) throw e;
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', (message) => {
  if (message !== 'stop' || stopping) return;
  stopping = true;
  clearInterval(timer);
  db.close();
  parentPort.postMessage('stopped');
  parentPort.close();
});
parentPort.postMessage('started');
`;

export interface Checkpointer {
  /** Ends the worker and closes its connection (before the project's own connection closes, which then removes the log). */
  stop(): Promise<void>;
}

/** Where better-sqlite3 is, for the worker's require (its own module paths are not ours). */
function driverPath(): string {
  return createRequire(__filename).resolve('better-sqlite3');
}

/**
 * Takes the checkpoints off `sqlite` (a WAL-mode connection to `file`) and
 * runs them in a worker thread. The worker does not keep the process alive.
 */
export function checkpointInBackground(sqlite: Database.Database, file: string, everyMs = CHECKPOINT_EVERY_MS): Checkpointer {
  const fallBack = () => {
    if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 1000');
  };
  let worker: Worker;
  try {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver: driverPath(), file, everyMs } });
  } catch {
    return { stop: async () => {} };
  }
  sqlite.pragma('wal_autocheckpoint = 0');
  // Trims the log file when the writer starts it over (a large import leaves it at tens of megabytes otherwise).
  sqlite.pragma(`journal_size_limit = ${64 * 1024 * 1024}`);
  worker.unref();
  let ended = false;
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => {
      ended = true;
      resolve();
    });
  });
  worker.on('error', () => fallBack());
  worker.once('exit', (code) => {
    if (code !== 0) fallBack();
  });
  return {
    stop: async () => {
      if (ended) return;
      // While it runs the worker is unref'd, so it never keeps a finished process alive; but
      // awaiting its exit needs a handle that does: with the worker still unref'd, a process with
      // nothing else pending (the CLI after its command) would end right here, before the project
      // closes, with exit code 0 whatever the command's outcome and nothing after this printed.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}

/** What `PRAGMA wal_checkpoint` answers: busy 1 if it could not finish (another checkpoint held the lock). */
interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * Copies the whole log into the project file and empties it, now. The worker
 * above may be half-way through a PASSIVE checkpoint of its own; SQLite then
 * answers busy at once (the checkpoint lock invokes no busy handler) and the
 * file still lacks part of the log, so this tries again until the log is
 * empty. Erasure relies on it: deleted text must be in no byte of the file or
 * its log. Throws if the log cannot be emptied within `timeoutMs`.
 */
export function checkpointFully(sqlite: Database.Database, timeoutMs = 10_000): void {
  const statement = sqlite.prepare<[], CheckpointResult>('PRAGMA wal_checkpoint(TRUNCATE)');
  const until = Date.now() + timeoutMs;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const result = statement.get();
    if (!result || result.busy === 0) return;
    if (Date.now() > until) throw new Error(`The write-ahead log of ${sqlite.name} could not be emptied within ${timeoutMs} ms (busy).`);
    // A checkpoint of a few megabytes takes milliseconds; wait briefly rather than spin.
    Atomics.wait(pause, 0, 0, 5);
  }
}
