import type { ReactNode } from 'react';

/** One figure with what it is, and a line under it (its change, what it compares with). */
export function Stat({ label, children, detail, testId }: { label: string; children: ReactNode; detail?: ReactNode; testId?: string }) {
  return (
    <div className="card sustainability-stat">
      <p className="stat" data-testid={testId}>
        {children}
      </p>
      <p className="stat-label">{label}</p>
      {detail === undefined ? null : <p className="sustainability-stat-detail">{detail}</p>}
    </div>
  );
}
