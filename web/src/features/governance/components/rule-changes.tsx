import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../shared/format/money';
import { formatNumber } from '../../../shared/format/dates';
import { useLanguage } from '../../../shared/i18n/i18n';
import type { RuleChange } from '../api/governance-api';

/** A value as people read it: money in yuan, basis points as a percentage, days as days, the rest as JSON. */
function formatValue(path: string, value: unknown, currency: string, language: string, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (value === null || value === undefined) return t('governance.diff.none');
  const leaf = path.split('.').at(-1) ?? '';
  if (leaf.endsWith('_minor') && typeof value === 'string' && /^\d+$/.test(value)) return formatMoney(value, currency, language);
  if (leaf.endsWith('_bps') && typeof value === 'number') return `${formatNumber(value / 100, language)}%`;
  if (leaf.endsWith('_days') && typeof value === 'number') return t('governance.diff.days', { count: value });
  if (typeof value === 'boolean') return value ? t('governance.diff.yes') : t('governance.diff.no');
  if (typeof value === 'number') return formatNumber(value, language);
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The rule's name, when we have one for its path ("aid_bands.0.aid_minor" → "Aid, band 1"), else the path itself. */
function labelOf(path: string, t: (key: string, options?: Record<string, unknown>) => string, exists: (key: string) => boolean): string {
  const parts = path.split('.');
  const indexed = parts.findIndex((part) => /^\d+$/.test(part));
  const named = parts.filter((part) => !/^\d+$/.test(part)).join('_');
  const key = `governance.paths.${named}`;
  if (!exists(key)) return path;
  return indexed === -1 ? t(key) : t('governance.diff.indexed', { name: t(key), index: Number(parts[indexed]) + 1 });
}

/** The rule diff of a proposal as a table: what, from, to. */
export function RuleChanges({ changes, currency = 'CNY', caption }: { changes: readonly RuleChange[]; currency?: string; caption: string }) {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const tt = (key: string, options?: Record<string, unknown>) => t(key, options ?? {}) as string;
  const exists = (key: string) => i18n.exists(key);
  return (
    // Scrolls sideways on a phone, so it takes the keyboard focus and is named by its caption.
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="governance-diff">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('governance.diff.rule')}</th>
            <th scope="col">{t('governance.diff.from')}</th>
            <th scope="col">{t('governance.diff.to')}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.path}>
              <th scope="row">
                {labelOf(change.path, tt, exists)}
                <span className="muted governance-path"> {change.path}</span>
              </th>
              <td>{formatValue(change.path, change.from, currency, language, tt)}</td>
              <td>
                <strong>{formatValue(change.path, change.to, currency, language, tt)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
