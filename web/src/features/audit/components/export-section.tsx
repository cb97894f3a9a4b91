import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../shared/i18n/i18n';
import { exportHref, type ExportFilters, type ExportTableDoc } from '../api';

/** One CSV table: what it holds, its download with the filters it takes, and its documented columns. */
export function ExportSection({ table, filters }: { table: ExportTableDoc; filters: ExportFilters }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const headingId = `${table.name}-title`;
  const title = table.title[language === 'en' ? 'en' : 'zh'];
  const applied = table.filters.filter((name) => filters[name] !== '');
  return (
    <section id={table.name} aria-labelledby={headingId} className="card audit-table">
      <div className="spread">
        <h3 id={headingId}>{title}</h3>
        <code className="audit-name">{table.name}</code>
      </div>
      <p>{table.description[language === 'en' ? 'en' : 'zh']}</p>
      <div className="row audit-download">
        <a className="button" href={exportHref(table, filters)} download aria-describedby={`${table.name}-filters`}>
          {t('audit.download', { table: title })}
        </a>
        <span className="muted" id={`${table.name}-filters`}>
          {table.filters.length === 0
            ? t('audit.filters.none')
            : applied.length === 0
              ? t('audit.filters.available', { column: table.time_column ?? '', plan: table.filters.includes('plan_id') ? t('audit.filters.andPlan') : '' })
              : t('audit.filters.applied', { filters: applied.map((name) => `${t(`audit.filters.${name}`)} ${filters[name]}`).join(t('staff.listSeparator')) })}
        </span>
      </div>
      <div className="table-wrap">
        <table>
          <caption>{t('audit.columns.caption', { table: title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.columns.name')}</th>
              <th scope="col">{t('audit.columns.type')}</th>
              <th scope="col">{t('audit.columns.description')}</th>
            </tr>
          </thead>
          <tbody>
            {table.columns.map((column) => (
              <tr key={column.name}>
                <td>
                  <code>{column.name}</code>
                </td>
                <td className="audit-type">{t(`audit.types.${column.type}`)}</td>
                <td>{column.description[language === 'en' ? 'en' : 'zh']}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
