/**
 * Domain code never throws HTTP errors: it returns a typed rejection with a stable code.
 * The HTTP layer and the CLI map codes to statuses and exit codes.
 */
export interface Rejection<Code extends string = string> {
  readonly code: Code;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Result<Value, Code extends string = string> =
  | { readonly ok: true; readonly value: Value }
  | { readonly ok: false; readonly rejection: Rejection<Code> };

export function ok<Value>(value: Value): { readonly ok: true; readonly value: Value } {
  return { ok: true, value };
}

export function reject<Code extends string>(
  code: Code,
  message: string,
  details?: Record<string, unknown>,
): { readonly ok: false; readonly rejection: Rejection<Code> } {
  return { ok: false, rejection: details === undefined ? { code, message } : { code, message, details } };
}

/** Thrown by services (not by core functions) to abort a store transaction with a rejection. */
export class RejectionError<Code extends string = string> extends Error {
  readonly rejection: Rejection<Code>;
  constructor(rejection: Rejection<Code>) {
    super(`${rejection.code}: ${rejection.message}`);
    this.name = 'RejectionError';
    this.rejection = rejection;
  }
}

/** Unwraps a result or throws its rejection as a RejectionError. */
export function unwrap<Value>(result: Result<Value>): Value {
  if (result.ok) return result.value;
  throw new RejectionError(result.rejection);
}

/** Invariant check: a failure is a bug in Huzhu, never a user error. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant violated: ${message}`);
}
