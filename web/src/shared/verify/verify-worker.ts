/**
 * The cycle verifier in a Web Worker: src/core's own CycleExportVerifier and ExportLineSplitter
 * (the code `huzhu verify` runs), fed the export chunk by chunk from Blob.stream() or the
 * download's body, so memory stays small however many members the file lists, and the page stays
 * responsive while millions of lines are recomputed.
 */
import './buffer-global';
import { CycleExportVerifier, ExportLineSplitter } from '../../../../src/core/cycles/export-verifier.js';
import { api, ApiError } from '../api/client';
import type { ExportSource, VerifyFailed, VerifyRequest, WorkerAnswer } from './worker-messages';

/** The worker's global scope, typed by hand: the web app's TypeScript program has the DOM lib, not WebWorker's. */
const worker = self as unknown as {
  postMessage(message: WorkerAnswer): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<VerifyRequest>) => void): void;
};

/** Progress is posted about every this many bytes (and at the end): often enough for a smooth bar. */
const PROGRESS_EVERY_BYTES = 256 * 1024;
const NEWLINE = 0x0a;

function post(answer: WorkerAnswer): void {
  worker.postMessage(answer);
}

function failed(error: unknown): VerifyFailed {
  if (error instanceof ApiError) return { type: 'failed', status: error.status, code: error.code, message: error.message, details: error.details };
  return { type: 'failed', status: null, code: 'NETWORK', message: error instanceof Error ? error.message : String(error), details: null };
}

function countNewlines(chunk: Uint8Array): number {
  let count = 0;
  // Bounded by the chunk's length: each step moves past one newline.
  for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, at + 1)) count += 1;
  return count;
}

async function openSource(source: ExportSource): Promise<{ stream: ReadableStream<Uint8Array>; bytes_total: number | null }> {
  if (source.kind === 'file') return { stream: source.file.stream(), bytes_total: source.file.size };
  const { data, error, response } = await api.GET('/api/public/cycles/{cycle_id}/export', {
    params: { path: { cycle_id: source.cycle_id } },
    parseAs: 'stream',
  });
  if (!response.ok || data === null || data === undefined) {
    const body = error as { error?: { code?: string; message?: string; details?: unknown } } | undefined;
    throw new ApiError(response.status, body?.error?.code ?? (response.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST'), body?.error?.message ?? `HTTP ${response.status}`, body?.error?.details ?? null);
  }
  const length = Number(response.headers.get('content-length'));
  return { stream: data as ReadableStream<Uint8Array>, bytes_total: Number.isSafeInteger(length) && length > 0 ? length : null };
}

async function verify(request: VerifyRequest): Promise<void> {
  const started = performance.now();
  const { stream, bytes_total } = await openSource(request.source);
  const splitter = new ExportLineSplitter(new CycleExportVerifier(request.public_key_hex === undefined ? {} : { public_key_hex: request.public_key_hex }));
  const reader = stream.getReader();
  let bytes_read = 0;
  let lines_read = 0;
  let reported_at = 0;
  // Bounded by the stream's length: each read returns a chunk or ends it.
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    splitter.push(value);
    bytes_read += value.byteLength;
    lines_read += countNewlines(value);
    if (bytes_read - reported_at >= PROGRESS_EVERY_BYTES) {
      reported_at = bytes_read;
      post({ type: 'progress', bytes_read, bytes_total, lines_read });
    }
  }
  const report = splitter.end();
  post({ type: 'progress', bytes_read, bytes_total: bytes_total ?? bytes_read, lines_read });
  post({ type: 'done', report, bytes_read, lines_read, elapsed_ms: performance.now() - started });
}

worker.addEventListener('message', (event: MessageEvent<VerifyRequest>) => {
  if (event.data.type !== 'verify') return;
  verify(event.data).catch((error: unknown) => post(failed(error)));
});
