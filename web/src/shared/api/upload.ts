import { api, ApiError, NetworkError, type ApiErrorBody } from './client';
import type { paths } from './schema';

/** How much of the request body has been sent, in bytes. */
export interface UploadProgress {
  readonly loaded_bytes: number;
  readonly total_bytes: number;
}

/** The paths that take a POST, for the one call the typed client cannot make with progress. */
type PostPath = { [P in keyof paths]: paths[P] extends { post: object } ? P : never }[keyof paths];

/**
 * POSTs a multipart form through XMLHttpRequest, because fetch reports no upload progress. It
 * answers like `unwrap`: the parsed JSON body on a 2xx, an ApiError when the server refused, a
 * NetworkError when no answer came. The browser sets the multipart boundary itself; the session
 * cookie goes along (same origin). Abort with the signal (the promise then rejects with its reason).
 */
export function uploadForm<T>(
  path: PostPath,
  form: FormData,
  options: { onProgress?: (progress: UploadProgress) => void; signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.responseType = 'text';
    request.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(options.headers ?? {})) request.setRequestHeader(name, value);
    const report = (loaded_bytes: number, total_bytes: number) => options.onProgress?.({ loaded_bytes, total_bytes });
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) report(event.loaded, event.total);
    };
    // A small body may be sent before any progress event fires: the end of the upload is 100%.
    request.upload.onload = (event) => report(event.total || event.loaded, event.total || event.loaded);
    request.onload = () => {
      let body: unknown;
      try {
        body = request.responseText === '' ? undefined : JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) {
        resolve(body as T);
        return;
      }
      const error = (body as Partial<ApiErrorBody> | undefined)?.error;
      const refusal =
        error !== undefined && typeof error.code === 'string'
          ? new ApiError(request.status, error.code, error.message, error.details)
          : new ApiError(request.status, request.status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', `HTTP ${request.status}`, null);
      // The typed client's middleware sends an expired session to the login page: ask it to look.
      if (refusal.code === 'AUTH_REQUIRED') void api.GET('/api/auth/me');
      reject(refusal);
    };
    request.onerror = () => reject(new NetworkError(new Error('upload failed')));
    request.ontimeout = () => reject(new NetworkError(new Error('upload timed out')));
    request.onabort = () => reject(options.signal?.reason ?? new DOMException('The upload was cancelled.', 'AbortError'));
    if (options.signal !== undefined) {
      if (options.signal.aborted) {
        reject(options.signal.reason);
        return;
      }
      options.signal.addEventListener('abort', () => request.abort(), { once: true });
    }
    request.send(form);
  });
}
