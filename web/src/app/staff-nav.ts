import type { StaffSection } from '../shared/auth/staff-access';

/** The staff console's sections in the order of its navigation; each feature owns the paths under its `to`. */
export const staffNav: ReadonlyArray<{ section: StaffSection; to: string; key: string }> = [
  { section: 'dashboard', to: '/staff/operator', key: 'staff.nav.dashboard' },
  { section: 'claims', to: '/staff/claims', key: 'staff.nav.claims' },
  { section: 'jury', to: '/staff/jury', key: 'staff.nav.jury' },
  { section: 'plans', to: '/staff/plans', key: 'staff.nav.plans' },
  { section: 'cycles', to: '/staff/cycles', key: 'staff.nav.cycles' },
  { section: 'payouts', to: '/staff/payouts', key: 'staff.nav.payouts' },
  { section: 'ledger', to: '/staff/ledger', key: 'staff.nav.ledger' },
  { section: 'members', to: '/staff/members', key: 'staff.nav.members' },
  { section: 'sustainability', to: '/staff/sustainability', key: 'staff.nav.sustainability' },
  { section: 'governance', to: '/staff/proposals', key: 'staff.nav.governance' },
  { section: 'audit', to: '/staff/audit', key: 'staff.nav.audit' },
  { section: 'reconciliation', to: '/staff/reconciliation', key: 'staff.nav.reconciliation' },
  { section: 'reports', to: '/staff/reports', key: 'staff.nav.reports' },
  { section: 'users', to: '/staff/admin/users', key: 'staff.nav.users' },
  { section: 'persons', to: '/staff/admin/persons', key: 'staff.nav.persons' },
  { section: 'complaints', to: '/staff/complaints', key: 'staff.nav.complaints' },
  { section: 'operatorSettings', to: '/staff/admin/operator', key: 'staff.nav.operatorSettings' },
  { section: 'closure', to: '/staff/closure', key: 'staff.nav.closure' },
];
