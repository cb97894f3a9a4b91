/**
 * Compares two strings in the byte order of their UTF-8 encodings, which is the order the cycle
 * export and the Merkle leaves use. `<` on JS strings compares UTF-16 code units, which differs
 * from UTF-8 byte order (= code point order) only where a surrogate pair (U+10000 and above) meets
 * a character in U+E000..U+FFFF; the fix-up below handles exactly that case, so the common
 * comparison costs no encoding. Equivalent to Buffer.compare(Buffer.from(left), Buffer.from(right))
 * for well-formed strings (strings without lone surrogates).
 */
export function compareUtf8(left: string, right: string): -1 | 0 | 1 {
  if (left === right) return 0;
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index += 1) {
    let leftUnit = left.charCodeAt(index);
    let rightUnit = right.charCodeAt(index);
    if (leftUnit !== rightUnit) {
      if (leftUnit >= 0xd800 && rightUnit >= 0xd800) {
        // Move surrogates (D800..DFFF) above E000..FFFF, as their code points (10000+) are.
        leftUnit += leftUnit >= 0xe000 ? -0x800 : 0x2000;
        rightUnit += rightUnit >= 0xe000 ? -0x800 : 0x2000;
      }
      return leftUnit < rightUnit ? -1 : 1;
    }
  }
  return left.length < right.length ? -1 : 1;
}

/** True when no character is at or above U+D800, so `<` on the strings already is UTF-8 byte order. */
export function isBelowSurrogates(text: string): boolean {
  return !/[\uD800-\uFFFF]/.test(text);
}

/** Compares with `<` (only valid when both strings are below U+D800): the fast path for sorting. */
export function compareBelowSurrogates(left: string, right: string): -1 | 0 | 1 {
  return left < right ? -1 : left > right ? 1 : 0;
}
