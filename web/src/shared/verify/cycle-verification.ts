import type { ExportSource, VerifyDone, VerifyFailed, VerifyProgress, WorkerAnswer } from './worker-messages';

export type { ExportSource, VerifyDone, VerifyFailed, VerifyProgress };

export interface CycleVerification {
  /** The report (OK or every difference), or the failure that kept one from being made. */
  readonly result: Promise<VerifyDone | VerifyFailed>;
  /** Stops the worker; `result` then never settles. */
  cancel(): void;
}

/**
 * Verifies a cycle export in a Web Worker with src/core's verifier (see verify-worker.ts), calling
 * `onProgress` as it reads. One worker per verification, ended with it.
 */
export function verifyCycleExportInWorker(
  source: ExportSource,
  options: { public_key_hex?: string; onProgress(progress: VerifyProgress): void },
): CycleVerification {
  const worker = new Worker(new URL('./verify-worker.ts', import.meta.url), { type: 'module', name: 'huzhu-verify' });
  const result = new Promise<VerifyDone | VerifyFailed>((resolve) => {
    worker.addEventListener('message', (event: MessageEvent<WorkerAnswer>) => {
      const answer = event.data;
      if (answer.type === 'progress') {
        options.onProgress(answer);
        return;
      }
      worker.terminate();
      resolve(answer);
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      resolve({ type: 'failed', status: null, code: 'UNKNOWN', message: event.message, details: null });
    });
  });
  worker.postMessage({ type: 'verify', source, ...(options.public_key_hex === undefined ? {} : { public_key_hex: options.public_key_hex }) });
  return { result, cancel: () => worker.terminate() };
}
