import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A port nothing listens on now, for a server the test starts. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Everything the server printed, and a way to wait for a line: the test waits for what the server
 * says it has done (listening, ready), never for a time, so a slow machine only makes it slower.
 */
export function watchOutput(process: ChildProcess): { text: () => string; line: (pattern: RegExp) => Promise<string> } {
  let output = '';
  const waiting: Array<{ pattern: RegExp; resolve: (line: string) => void; reject: (error: Error) => void }> = [];
  const check = () => {
    for (const waiter of [...waiting]) {
      const line = output.split('\n').find((candidate) => waiter.pattern.test(candidate));
      if (line !== undefined) {
        waiting.splice(waiting.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  };
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    check();
  };
  process.stdout!.on('data', append);
  process.stderr!.on('data', append);
  process.on('exit', (code, signal) => {
    for (const waiter of waiting.splice(0)) waiter.reject(new Error(`the server exited (${code ?? signal}) before printing ${waiter.pattern}:\n${output}`));
  });
  return {
    text: () => output,
    line: (pattern) =>
      new Promise((resolve, reject) => {
        waiting.push({ pattern, resolve, reject });
        check();
      }),
  };
}

