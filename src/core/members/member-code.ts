/**
 * The public pseudonym of a membership (DESIGN.md): no personal data, shown to the member, used in
 * exports and Merkle leaves. "M" and 12 Crockford base32 characters (60 bits), from random bytes
 * given by the caller, so core stays free of randomness. Never contains "|".
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const memberCodePattern = /^M[0-9A-HJKMNP-TV-Z]{12}$/;

export function memberCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new Error('a member code needs 8 random bytes');
  let value = 0n;
  for (const byte of bytes.subarray(0, 8)) value = (value << 8n) | BigInt(byte);
  let code = '';
  for (let index = 0; index < 12; index += 1) {
    code = alphabet[Number(value & 31n)]! + code;
    value >>= 5n;
  }
  return `M${code}`;
}
