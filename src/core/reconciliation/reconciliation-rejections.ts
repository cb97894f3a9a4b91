/**
 * Stable codes of everything a statement import refuses. Each names the line (1 is the header
 * row) in `details.line` when one line is at fault; the import then writes nothing.
 */
export const RECON_REJECTION_CODES = [
  'RECON_UNKNOWN_LAYOUT',
  'RECON_EMPTY_STATEMENT',
  'RECON_BAD_CSV',
  'RECON_BAD_COLUMNS',
  'RECON_BAD_DATE',
  'RECON_BAD_AMOUNT',
  'RECON_WRONG_CURRENCY',
  'RECON_DUPLICATE_LINE',
  'RECON_TOO_MANY_LINES',
  'RECON_BREAK_NOT_FOUND',
  'RECON_BREAK_RESOLVED',
  'RECON_BAD_NOTE',
  'RECON_CORRECTION_NOT_FOUND',
  'RECON_TRANSFER_SETTLED',
  'RECON_STATEMENT_NOT_FOUND',
  'RECON_NO_CUSTODY_ACCOUNT',
] as const;

export type ReconRejectionCode = (typeof RECON_REJECTION_CODES)[number];
