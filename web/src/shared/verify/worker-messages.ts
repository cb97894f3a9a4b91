import type { VerifyReport } from '../../../../src/core/cycles/export-verifier.js';

export type { VerifyReport };

/** What to verify: a file the person opened, or the server's copy of a published cycle. */
export type ExportSource = { readonly kind: 'file'; readonly file: Blob } | { readonly kind: 'server'; readonly cycle_id: string };

export interface VerifyRequest {
  readonly type: 'verify';
  readonly source: ExportSource;
  /** The operator's published key (64 hex digits): the header must carry exactly it. */
  readonly public_key_hex?: string;
}

export interface VerifyProgress {
  readonly type: 'progress';
  readonly bytes_read: number;
  /** Known for a file; for the server's copy only when it sent a Content-Length. */
  readonly bytes_total: number | null;
  /** "\n" seen so far: the lines read, for a progress measured in lines when the size is unknown. */
  readonly lines_read: number;
}

export interface VerifyDone {
  readonly type: 'done';
  readonly report: VerifyReport;
  readonly bytes_read: number;
  readonly lines_read: number;
  /** Reading and recomputing, from the first byte to the report (for the lines-per-second figure). */
  readonly elapsed_ms: number;
}

/** The file or the download failed before a report could be made (an API refusal has its code). */
export interface VerifyFailed {
  readonly type: 'failed';
  readonly status: number | null;
  readonly code: string;
  readonly message: string;
  readonly details: unknown;
}

export type WorkerAnswer = VerifyProgress | VerifyDone | VerifyFailed;
