import { lazy, Suspense, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartData } from './chart-data';
import { Loading } from './query-state';

// ECharts is loaded on demand, after the figures and tables are on the page.
const EChart = lazy(() => import('./echart'));

/**
 * A chart with its figures as a table beside it (below it on a narrow screen): the table is the
 * chart's text alternative. A long table scrolls in its own box, which the keyboard can reach.
 */
export function ChartFigure({
  title,
  data,
  note,
  headingLevel = 3,
  className,
}: {
  title: string;
  data: ChartData;
  note?: ReactNode;
  headingLevel?: 2 | 3;
  /** A page's own look for its figures (rules between them, two equal columns). */
  className?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const empty = data.categories.length === 0;
  return (
    <figure className={className === undefined ? 'chart-figure' : `chart-figure ${className}`} aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>{title}</Heading>
      {note === undefined ? null : <p className="muted">{note}</p>}
      {empty ? (
        <p className="muted">{t('chart.noData')}</p>
      ) : (
        <div className="chart-pair">
          <div className="chart-box">
            <Suspense fallback={<Loading label={t('chart.loading')} />}>
              <EChart data={data} description={t('chart.description', { title })} />
            </Suspense>
          </div>
          <div className="table-wrap chart-table" tabIndex={0} role="region" aria-label={t('chart.tableOf', { title })}>
            <table>
              <caption className="sr-only">{t('chart.tableOf', { title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{data.categoryLabel}</th>
                  {data.series.map((series) => (
                    <th scope="col" className="number" key={series.name}>
                      {series.name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.categories.map((category, index) => (
                  <tr key={`${category}-${index}`}>
                    <th scope="row">{category}</th>
                    {data.series.map((series) => {
                      const value = series.values[index];
                      return (
                        <td className="number" key={series.name}>
                          {value === null || value === undefined ? '—' : (series.format ?? data.format)(value)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </figure>
  );
}
