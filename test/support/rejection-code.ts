import { RejectionError } from '../../src/core/rejection.js';

/** The stable code a promise is rejected with; fails the test if it resolves or throws anything else. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RejectionError) return error.rejection.code;
    throw error;
  }
  throw new Error('expected a rejection');
}
