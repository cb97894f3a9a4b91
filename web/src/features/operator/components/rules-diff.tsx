import { useTranslation } from 'react-i18next';
import type { RuleComparison } from '../rule-form';

/** The rules in force and the new ones side by side; a changed rule is marked in words and in colour. */
export function RulesDiff({ lines, beforeTitle, afterTitle }: { lines: readonly RuleComparison[]; beforeTitle: string; afterTitle: string }) {
  const { t } = useTranslation();
  const changed = lines.filter((line) => line.changed).length;
  return (
    <section aria-labelledby="operator-diff-title" className="card">
      <h2 id="operator-diff-title">{t('operator.diff.title')}</h2>
      <p className="muted" data-testid="operator-diff-summary">
        {changed === 0 ? t('operator.diff.none') : t('operator.diff.changed', { count: changed })}
      </p>
      <div className="table-wrap">
        <table className="operator-diff">
          <caption className="sr-only">{t('operator.diff.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('operator.diff.rule')}</th>
              <th scope="col">{beforeTitle}</th>
              <th scope="col">{afterTitle}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((line) => (
              <tr key={line.path} className={line.changed ? 'operator-changed' : undefined} data-changed={line.changed ? 'true' : undefined}>
                <th scope="row">
                  {line.label}
                  {line.changed ? <span className="badge operator-changed-badge">{t('operator.diff.changedBadge')}</span> : null}
                </th>
                <td>{line.before}</td>
                <td>{line.changed ? <strong>{line.after}</strong> : line.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
