import { defaultDatabaseUrl } from './store/database-url.js';

/** Settings from the environment; every one has a default that works on a fresh machine. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly logLevel: string;
  readonly production: boolean;
  readonly secureCookies: boolean;
  readonly adminPassword: string | undefined;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const production = env.HUZHU_ENV === 'production';
  return {
    port,
    host: env.HOST ?? 'localhost',
    databaseUrl: env.DATABASE_URL && env.DATABASE_URL !== '' ? env.DATABASE_URL : defaultDatabaseUrl,
    logLevel: env.LOG_LEVEL ?? 'info',
    production,
    secureCookies: env.HUZHU_SECURE_COOKIES !== undefined ? env.HUZHU_SECURE_COOKIES === 'true' : production,
    adminPassword: env.HUZHU_ADMIN_PASSWORD === '' ? undefined : env.HUZHU_ADMIN_PASSWORD,
  };
}
