// The import's worker thread: parses one uploaded sheet (sheet-parse.ts) off the server's event
// loop and posts back the sheet or the limit crossed. Plain JavaScript so that it starts the same
// way under tsx (dev), vitest and the compiled server (node dist/server.js): the TypeScript parser is
// loaded directly when the thread already understands .ts (tsx inherited), else through tsx's
// loader, registered here for this thread only.
import { parentPort, workerData } from 'node:worker_threads';

async function loadParser() {
  try {
    return await import('./sheet-parse.ts');
  } catch (err) {
    if (err?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw err;
    const { register } = await import('tsx/esm/api');
    register();
    // Another specifier than the failed one: the module map remembers that failure.
    return await import('./sheet-parse.ts?tsx');
  }
}

try {
  const { parseSheet, SheetLimitError } = await loadParser();
  const { bytes, format } = workerData;
  try {
    const sheet = await parseSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), format);
    parentPort.postMessage({ ok: true, sheet });
  } catch (err) {
    if (!(err instanceof SheetLimitError)) throw err;
    parentPort.postMessage({ ok: false, status: err.status, code: err.code, params: err.params });
  }
} catch (err) {
  parentPort.postMessage({ ok: false, crashed: String(err?.stack ?? err) });
}
