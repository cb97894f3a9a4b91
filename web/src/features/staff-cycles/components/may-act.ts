import { useSession } from '../../../shared/auth/session';
import { mayOpen } from '../../../shared/auth/staff-access';

/** Runs, requeues and advances are the operator's (an admin passes too); auditors read only. */
export function useMayAct(): boolean {
  const session = useSession();
  return mayOpen(session.data, ['operator']);
}
