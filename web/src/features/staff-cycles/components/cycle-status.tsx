import { useTranslation } from 'react-i18next';
import type { StaffCycle } from '../api';

const tone: Record<StaffCycle['staff_status'], string> = { published: '', running: 'warn', failed: 'bad' };

export function CycleStatusBadge({ status }: { status: StaffCycle['staff_status'] }) {
  const { t } = useTranslation();
  return <span className={`badge staff-cycles-badge ${tone[status]}`}>{t(`staffCycles.cycleStatus.${status}`)}</span>;
}

/** The first hex digits of a root: enough to tell cycles apart at a glance; the report shows it whole. */
export function ShortHex({ hex }: { hex: string | null }) {
  return hex === null ? <>—</> : <code title={hex}>{hex.slice(0, 10)}…</code>;
}
