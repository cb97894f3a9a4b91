/** Splits rows so that a multi-row statement stays under both backends' bound-parameter limits. */
export function chunks<T>(rows: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < rows.length; start += size) result.push(rows.slice(start, start + size));
  return result;
}
