import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, watchOutput } from '../../support/watch-output.js';

// `npm test` builds first: this is the compiled server with the built web app, as `npm start` runs it.
const cli = join(import.meta.dirname, '../../../dist/src/cli/main.js');
const webIndex = join(import.meta.dirname, '../../../dist/web/index.html');

export const browserAdminPassword = 'admin-password-for-browser-tests';

export interface RunningServer {
  readonly url: string;
  readonly dir: string;
  /** Everything the server printed so far (its log, the demo logins, one-time codes). */
  output(): string;
  /** Resolves with the first printed line matching the pattern, as soon as it is printed. */
  line(pattern: RegExp): Promise<string>;
  stop(): Promise<void>;
}

/**
 * A real server (the compiled CLI's `serve`) on a new SQLite database in a temporary folder. It
 * resolves once the server says "ready": the sample plans and the demo community are in place.
 * Nothing here waits for a time. `env.HUZHU_CLOCK_START` starts the server's clock at another time
 * (a test hook), e.g. to start the same database again after a public notice has ended.
 */
export async function startServer(options: { env?: Record<string, string>; dir?: string } = {}): Promise<RunningServer> {
  if (!existsSync(cli) || !existsSync(webIndex)) throw new Error('run npm run build first (the browser tests use dist/)');
  // A given folder is an earlier server's, started again on the same database (the caller removes it).
  const ownsDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'huzhu-browser-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [cli, 'serve'], {
    cwd: dir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATABASE_URL: `sqlite:${join(dir, 'huzhu.db')}`,
      HUZHU_ADMIN_PASSWORD: browserAdminPassword,
      HUZHU_ENV: '',
      ...options.env,
    },
  });
  const watch = watchOutput(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await watch.line(/"msg":"ready"/);
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    output: watch.text,
    line: watch.line,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      if (ownsDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
