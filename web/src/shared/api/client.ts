import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';

/** Every error body of the API: `{"error":{"code","message","details"}}` with a stable code. */
export interface ApiErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details: unknown };
}

/** A refusal or failure the API answered; `code` is the stable code the translations know. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** A validation failure names the field: VALIDATION_FAILED details carry a JSON pointer path. */
  get fieldPaths(): string[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.flatMap((issue: unknown) =>
      typeof issue === 'object' && issue !== null && typeof (issue as { path?: unknown }).path === 'string'
        ? [(issue as { path: string }).path.replace(/^\//, '')]
        : [],
    );
  }
}

/** The request never got an answer (offline, server down): the page offers a retry. */
export class NetworkError extends Error {
  constructor(cause: unknown) {
    super('network error', { cause });
    this.name = 'NetworkError';
  }
}

type Listener = (error: ApiError) => void;
const sessionListeners = new Set<Listener>();

/** Called when a request that needed a session got AUTH_REQUIRED (the session expired). */
export function onSessionExpired(listener: Listener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

const sessionWatch: Middleware = {
  async onResponse({ request, response }) {
    // The session probe's 401 only says "a visitor": useSession reads it as no user.
    if (response.status !== 401 || new URL(request.url).pathname === '/api/auth/me') return undefined;
    const body = (await response.clone().json().catch(() => undefined)) as ApiErrorBody | undefined;
    if (body?.error.code === 'AUTH_REQUIRED') {
      const error = new ApiError(401, body.error.code, body.error.message, body.error.details);
      for (const listener of sessionListeners) listener(error);
    }
    return undefined;
  },
};

/** The typed client: paths, parameters and bodies come from the server's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(sessionWatch);

function asApiError(status: number, error: unknown): ApiError {
  const body = error as Partial<ApiErrorBody> | undefined;
  if (body?.error !== undefined && typeof body.error.code === 'string') {
    return new ApiError(status, body.error.code, body.error.message, body.error.details);
  }
  return new ApiError(status, status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', `HTTP ${status}`, null);
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws ApiError (the server refused) or
 * NetworkError (no answer). TanStack Query hooks call this, so their `error` is one of the two.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (cause) {
    throw new NetworkError(cause);
  }
  if (!result.response.ok) throw asApiError(result.response.status, result.error);
  return result.data as T;
}

/**
 * A fresh Idempotency-Key for one money request. Create it once per user action (when the form
 * opens or the button is first pressed) and send the same key on every retry of that action, so a
 * double click or a retried request pays once.
 */
export function newIdempotencyKey(): string {
  // crypto.randomUUID exists only on secure pages (https, localhost); getRandomValues everywhere,
  // also on a plain-http address in a LAN. A version-4 UUID from 16 random bytes.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
