import { formatMinorPlain } from '../../src/core/money/format-money.js';

export const genericHeader = 'date,value_date,reference,description,amount,currency,balance';

/** A generic-layout statement of the given lines, each balance the running sum from `opening_minor`. */
export function genericStatement(lines: readonly { on: string; reference: string; amount_minor: bigint }[], opening_minor = 0n): string {
  let balance = opening_minor;
  const money = (value: bigint) => `${value < 0n ? '-' : ''}${formatMinorPlain(value < 0n ? -value : value, 'CNY')}`;
  return [genericHeader, ...lines.map((line) => `${line.on},,${line.reference},transfer,${money(line.amount_minor)},CNY,${money((balance += line.amount_minor))}`)].join('\n');
}

const boundary = 'huzhu-statement-boundary';

/** The multipart/form-data upload of a statement file, as a browser's form sends it. */
export function statementUpload(csv: string, fields: Record<string, string> = { layout: 'generic' }): { body: string; contentType: string } {
  const parts = Object.entries(fields).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="statement.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n`);
  return { body: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}
