import { z } from 'zod';
import { DEFAULT_MAX_MINOR } from '../core/money/parse-money.js';

/** Money in JSON is a string of digits in minor units (DESIGN.md); never a JSON number. */
export const minorAmount = z
  .string()
  .regex(/^-?\d{1,19}$/, 'an integer number of minor units, as a string of digits')
  .describe('An integer number of minor units as a string of digits; always within the signed 64-bit range the ledger keeps every balance in');
/**
 * The bound of every amount the API takes (a top-up, a refund, an advance, a ledger leg): 10^15
 * minor units, DEFAULT_MAX_MINOR, the ledger's largest leg. Endpoints may bound it further (a plan
 * version's max_top_up_minor).
 */
export const maxAcceptedAmountMinor = DEFAULT_MAX_MINOR;
export const positiveMinorAmount = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, 'a positive integer number of minor units (at most 10^15), as a string of digits')
  .refine((value) => BigInt(value) <= maxAcceptedAmountMinor, 'a positive integer number of minor units, at most 10^15')
  .describe(`A positive integer number of minor units as a string of digits, at most ${maxAcceptedAmountMinor} (10^15)`);
const maxId = 9_223_372_036_854_775_807n;
/** A positive integer id as a string of digits; at most 2^63 − 1, so both databases can compare it. */
export const idString = z
  .string()
  .regex(/^[1-9]\d{0,18}$/, 'a positive integer id')
  .refine((value) => !/^\d{19}$/.test(value) || BigInt(value) <= maxId, 'a positive integer id of at most 2^63 − 1');

export const errorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
});

/** Standard error responses for the OpenAPI document. */
export const errorResponses = {
  400: errorResponse,
  401: errorResponse,
  403: errorResponse,
  404: errorResponse,
  409: errorResponse,
  422: errorResponse,
  429: errorResponse,
} as const;
