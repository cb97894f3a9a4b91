import { sql, type Kysely, type Migration } from 'kysely';
import type { DialectName } from '../schema.js';
import { withIdColumn } from './column-helpers.js';

/**
 * Idempotency keys of the HTTP endpoints that move money (src/http/idempotency.ts): one row per
 * user, route and key, holding the SHA-256 of the request and, once answered, the response. The
 * unique key is what settles two requests racing with one key: only one insert wins. Rows are
 * deleted after their retention (expires_at), a bounded batch per background-jobs pass, so the
 * table holds about one retention period of money requests.
 */
export function idempotency(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await withIdColumn(db.schema.createTable('idempotency_requests'), dialect)
        .addColumn('user_id', 'bigint', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('method', 'text', (c) => c.notNull())
        // The route pattern (`/api/memberships/:id/top-ups`), not the URL: the params are in the hash.
        .addColumn('route', 'text', (c) => c.notNull())
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('request_sha256', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('in_progress', 'completed')`))
        .addColumn('response_status', 'bigint')
        .addColumn('response_body', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('completed_at', 'text')
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('idempotency_requests_user_route_key', ['user_id', 'method', 'route', 'idempotency_key'])
        .execute();
      await db.schema.createIndex('idempotency_requests_expires_at').on('idempotency_requests').columns(['expires_at', 'id']).execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('idempotency_requests').execute();
    },
  };
}
