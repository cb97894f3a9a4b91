/**
 * src/core uses Node's global `Buffer`; a browser has none. The `buffer` package is the same API
 * over Uint8Array. The node:crypto shim imports this first, so every src/core module that uses
 * Buffer (each imports node:crypto) finds it before its own code runs. Under Node (the unit test)
 * the real Buffer stays.
 */
import { Buffer as BufferPolyfill } from 'buffer';

globalThis.Buffer ??= BufferPolyfill as unknown as typeof globalThis.Buffer;
