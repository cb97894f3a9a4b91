import type { Role } from '../../core/roles.js';
import type { Store } from '../../store/store.js';
import { createUser } from '../users.js';
import { demoLoginPassword, type DemoLogin } from './demo-logins.js';

/**
 * One demo login per staff role (never in production: seedDemo refuses there), so a newcomer can
 * open every page of the staff console. Two operators, because a manual posting needs a second
 * operator to approve it (maker–checker).
 */
export const demoStaffLogins: ReadonlyArray<DemoLogin & { readonly roles: readonly Role[] }> = [
  { username: 'demo-reviewer', password: demoLoginPassword, roles: ['reviewer'], shows: 'claims reviewer: the claims queues, the workbench, decisions, notices, objections' },
  { username: 'demo-investigator', password: demoLoginPassword, roles: ['investigator'], shows: 'investigator: the claims assigned to her, findings and recommendation' },
  { username: 'demo-operator', password: demoLoginPassword, roles: ['operator'], shows: 'operator: dashboard, plans, cycles, payouts, advances, ledger, juries, members' },
  { username: 'demo-operator-2', password: demoLoginPassword, roles: ['operator'], shows: 'second operator: approves what demo-operator proposes (manual postings)' },
  { username: 'demo-auditor', password: demoLoginPassword, roles: ['auditor'], shows: 'auditor: read-only ledger, custody, cycles, payouts, claim audit trails, CSV downloads' },
  { username: 'demo-admin', password: demoLoginPassword, roles: ['admin'], shows: 'administrator: users and roles, the logged lookup of full personal data' },
];

/** Creates the staff logins whose usernames are free; returns those it made. */
export async function createDemoStaff(store: Store, created_at: string): Promise<DemoLogin[]> {
  const made: DemoLogin[] = [];
  for (const login of demoStaffLogins) {
    const taken = await store.db.selectFrom('users').select('id').where('username', '=', login.username).executeTakeFirst();
    if (taken !== undefined) continue;
    await createUser(store, { username: login.username, display_name: login.username, password: login.password, roles: login.roles }, created_at);
    made.push({ username: login.username, password: login.password, shows: login.shows });
  }
  return made;
}
