/**
 * The vote receipts this browser was given. The API hands a receipt out once and keeps only its
 * commitment, so the page remembers it here (it says nothing about the choice) to check it
 * against the closed jury's published commitments later; the juror may also copy it elsewhere.
 */
export interface StoredReceipt {
  readonly case_number: string;
  readonly member_code: string;
  readonly receipt_hex: string;
  readonly voted_at: string;
}

const storageKey = 'huzhu.jury.receipts';
/** A bound on what is kept: the newest receipts win. */
const maxReceipts = 100;

function readAll(): StoredReceipt[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    return Array.isArray(parsed) ? (parsed as StoredReceipt[]).filter((entry) => typeof entry?.receipt_hex === 'string') : [];
  } catch {
    return [];
  }
}

export function saveReceipt(receipt: StoredReceipt): void {
  const kept = readAll().filter((entry) => !(entry.case_number === receipt.case_number && entry.member_code === receipt.member_code));
  try {
    localStorage.setItem(storageKey, JSON.stringify([receipt, ...kept].slice(0, maxReceipts)));
  } catch {
    // storage blocked: the receipt is still on screen to copy
  }
}

export function receiptsFor(case_number: string): StoredReceipt[] {
  return readAll().filter((entry) => entry.case_number === case_number);
}

/** SHA-256(case_number + "|" + receipt_hex) in lower-case hex, as the server commits a ballot. */
export async function ballotCommitment(case_number: string, receipt_hex: string): Promise<string> {
  // @noble/hashes rather than WebCrypto: crypto.subtle is missing on plain-http pages.
  const [{ sha256 }, { bytesToHex, utf8ToBytes }] = await Promise.all([import('@noble/hashes/sha2.js'), import('@noble/hashes/utils.js')]);
  return bytesToHex(sha256(utf8ToBytes(`${case_number}|${receipt_hex}`)));
}

export const receiptPattern = /^[0-9a-f]{32}$/;
