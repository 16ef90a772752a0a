// Reads a PDF's text layer (one string per page) in a worker thread with a time limit and a heap
// ceiling. pdf.js parses synchronously, so a damaged or hostile PDF (a broken stream, nesting a
// hundred thousand levels deep) can hold a thread for minutes — found by the fuzzer (npm run fuzz);
// in a worker it is simply ended at the limit and the file refused (PDF_TOO_COMPLEX) while the
// import, the app and the other files go on. One worker is kept for the next PDF (a folder of
// letters holds many) and does not keep the process alive.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportError } from '../../input/errors';

/** The worker: loads unpdf (ESM, external to the bundle) from the URL it is given, answers one PDF at a time. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const unpdf = import(workerData.unpdf);
parentPort.on('message', async ({ id, data }) => {
  try {
    const { extractText, getDocumentProxy } = await unpdf;
    const pdf = await getDocumentProxy(data, { verbosity: 0 });
    try {
      const { text } = await extractText(pdf, { mergePages: false });
      parentPort.postMessage({ id, pages: text });
    } finally {
      await pdf.destroy();
    }
  } catch (e) {
    parentPort.postMessage({ id, error: e && e.message ? String(e.message) : String(e) });
  }
});
`;

/** Heap ceiling of the worker: far above a real letter, far below what would take the core process down. */
const WORKER_HEAP_MB = 512;

type Reply = { id: number; pages: string[] } | { id: number; error: string };

let worker: Worker | null = null;
let nextId = 0;
/** One PDF at a time (a folder import reads its files in turn anyway). */
let queue: Promise<unknown> = Promise.resolve();

function startWorker(): Worker {
  // Packaged, unpdf sits unpacked beside app.asar (electron-builder.yml): a worker thread loads real files.
  const resolved = createRequire(__filename).resolve('unpdf').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  const unpdf = pathToFileURL(resolved).href;
  const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { unpdf }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  w.unref();
  w.on('exit', () => {
    if (worker === w) worker = null;
  });
  return w;
}

function readInWorker(bytes: Buffer, limitMs: number): Promise<string[]> {
  const w = (worker ??= startWorker());
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const finish = (err: ImportError | null, pages?: string[]) => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      if (err) reject(err);
      else resolve(pages!);
    };
    const onMessage = (reply: Reply) => {
      if (reply.id !== id) return;
      if ('error' in reply) finish(new ImportError('BAD_PDF', `The PDF is damaged or encrypted (${reply.error.slice(0, 300)})`));
      else finish(null, reply.pages);
    };
    const onError = (e: Error) => {
      worker = null;
      void w.terminate();
      const tooBig = /out of memory|ERR_WORKER_OUT_OF_MEMORY/i.test(`${e.message} ${'code' in e ? String(e.code) : ''}`);
      finish(new ImportError(tooBig ? 'PDF_TOO_COMPLEX' : 'BAD_PDF', tooBig ? `Reading the PDF needed more than ${WORKER_HEAP_MB} MB of memory; it is damaged or built to be too complex` : `The PDF is damaged (${e.message.slice(0, 300)})`));
    };
    const onExit = () => finish(new ImportError('BAD_PDF', 'The PDF reader stopped while reading the file'));
    const timer = setTimeout(() => {
      worker = null;
      void w.terminate();
      finish(new ImportError('PDF_TOO_COMPLEX', `The PDF could not be read within ${Math.round(limitMs / 1000)} s; it is damaged or built to be too complex (a letter of a hundred pages takes a few seconds)`));
    }, limitMs);
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    // A copy: the file's bytes stay whole here (the import hashes and stores them).
    w.postMessage({ id, data: new Uint8Array(bytes) });
  });
}

/** The text of each page of a PDF, read within `limitMs`; refuses the file (ImportError) when it cannot be. */
export function pdfPageTexts(bytes: Buffer, limitMs: number): Promise<string[]> {
  const run = queue.then(() => readInWorker(bytes, limitMs));
  queue = run.catch(() => undefined);
  return run;
}
