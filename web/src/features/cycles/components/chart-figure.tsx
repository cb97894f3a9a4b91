import { lazy, Suspense, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../shared/ui/query-state';
import type { ChartData } from '../chart-data';

// ECharts is loaded on demand, after the tables: never with the home page.
const EChart = lazy(() => import('./echart'));

/** A chart with its data as a table beside it (below it on a phone). */
export function ChartFigure({ title, data }: { title: string; data: ChartData }) {
  const { t } = useTranslation();
  const id = useId();
  const empty = data.categories.length === 0;
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{title}</h3>
      {empty ? (
        <p className="muted">{t('cycles.noData')}</p>
      ) : (
        <div className="chart-pair">
          <div className="chart-box">
            <Suspense fallback={<Loading label={t('cycles.chartLoading')} />}>
              <EChart data={data} description={t('cycles.chartDescription', { title })} />
            </Suspense>
          </div>
          <div className="table-wrap">
            <table>
              <caption>{t('cycles.tableOf', { title })}</caption>
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
                    {data.series.map((series) => (
                      <td className="number" key={series.name}>
                        {data.format(series.values[index] ?? 0)}
                      </td>
                    ))}
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
