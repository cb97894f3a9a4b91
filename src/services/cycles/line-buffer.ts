/**
 * Lines written as UTF-8 straight into one reusable buffer. Building a page of ten thousand export
 * lines by string concatenation and encoding it afterwards costs about five times as much: the
 * concatenated string has to be flattened before it can be encoded.
 */
export class LineBuffer {
  #bytes: Buffer;
  #length = 0;

  constructor(initial_bytes = 1 << 20) {
    this.#bytes = Buffer.allocUnsafe(initial_bytes);
  }

  /** Appends the line's UTF-8 bytes and "\n". */
  push(line: string): void {
    // A UTF-16 code unit is at most three UTF-8 bytes; one more for the newline.
    const room = line.length * 3 + 1;
    if (this.#length + room > this.#bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.#bytes.length * 2, this.#length + room));
      this.#bytes.copy(grown, 0, 0, this.#length);
      this.#bytes = grown;
    }
    this.#length += this.#bytes.write(line, this.#length, 'utf8');
    this.#bytes[this.#length] = 0x0a;
    this.#length += 1;
  }

  /** The bytes written since the last clear: a view, valid until the next push or clear. */
  view(): Buffer {
    return this.#bytes.subarray(0, this.#length);
  }

  /** A copy of the bytes written since the last clear, then cleared. */
  take(): Buffer {
    const copy = Buffer.from(this.view());
    this.clear();
    return copy;
  }

  clear(): void {
    this.#length = 0;
  }
}
