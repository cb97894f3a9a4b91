import { useEffect, useRef } from 'react';
import { BarChart, LineChart, type BarSeriesOption, type LineSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartData } from './chart-data';

// Only what the pages draw: bars, lines and shaded bands on a grid, a legend, tooltips, aria, SVG.
echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = echarts.ComposeOption<BarSeriesOption | LineSeriesOption | AriaComponentOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;
type Series = BarSeriesOption | LineSeriesOption;

const palette = ['#0b6e4f', '#1a5fb4', '#a65e00', '#8f3f97', '#6d1410'];
const ink = '#1b1f1d';
const bandColour = 'rgba(26, 95, 180, 0.22)';
const bandStack = 'band';
const horizontalMinHeight_px = 200;
const horizontalRow_px = 32;

/**
 * A band is drawn the way ECharts stacks areas: an invisible line at the lower edge, then the gap
 * up to the upper edge stacked on it and filled. Its tooltip shows the real edges, not the gap.
 */
function bandSeries(data: ChartData): Series[] {
  const band = data.band;
  if (band === undefined) return [];
  const lower = data.series.find((series) => series.name === band.lower)?.values ?? [];
  const upper = data.series.find((series) => series.name === band.upper)?.values ?? [];
  const gap = upper.map((value, index) => (value === null || lower[index] == null ? null : value - (lower[index] ?? 0)));
  return [
    { type: 'line', name: band.lower, data: [...lower], stack: bandStack, lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false }, silent: true },
    { type: 'line', name: band.name, data: gap, stack: bandStack, lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: bandColour }, color: bandColour, silent: true },
  ];
}

function optionOf(data: ChartData, description: string): Option {
  const banded = new Set(data.band === undefined ? [] : [data.band.lower, data.band.upper]);
  const drawn = data.series.filter((series) => !banded.has(series.name) && series.tableOnly !== true);
  const legendNames = [...(data.band === undefined ? [] : [data.band.name]), ...drawn.map((series) => series.name)];
  const categoryAxis = { type: 'category' as const, data: [...data.categories], axisLabel: { color: ink, hideOverlap: true } };
  const axisFormat = data.axisFormat ?? data.format;
  // Only a chart whose figures all stay under the floor gets a fixed top; others keep ECharts' round one.
  const highest = Math.max(0, ...data.series.filter((series) => series.tableOnly !== true).flatMap((series) => series.values.map((value) => value ?? 0)));
  const fixedTop = data.axisMax !== undefined ? { max: data.axisMax } : data.axisAtLeast !== undefined && highest < data.axisAtLeast ? { max: data.axisAtLeast } : {};
  const step = data.wholeNumbers === true ? { minInterval: 1 } : {};
  const valueAxis = { type: 'value' as const, axisLabel: { color: ink, formatter: (value: number) => axisFormat(value) }, ...step, ...fixedTop };
  const lines: Series[] = drawn.map((series, index) => {
    const kind = series.kind ?? data.kind;
    const colour = palette[index % palette.length];
    if (kind === 'bar') return { type: 'bar', name: series.name, data: [...series.values], barMaxWidth: 36, color: colour };
    return {
      type: 'line',
      name: series.name,
      data: [...series.values],
      symbolSize: data.categories.length > 40 ? 0 : 7,
      color: colour,
      lineStyle: series.dashed === true ? { type: 'dashed' } : {},
    };
  });
  const tooltipFormatter = (value: unknown) => (typeof value === 'number' ? data.format(value) : '—');
  return {
    aria: { enabled: true, label: { description } },
    animation: false,
    grid: { left: 8, right: 16, top: legendNames.length > 1 ? 40 : 16, bottom: 8, containLabel: true },
    legend: legendNames.length > 1 ? { top: 0, data: legendNames, textStyle: { color: ink } } : { show: false },
    tooltip: { trigger: 'axis', valueFormatter: tooltipFormatter },
    xAxis: data.horizontal === true ? valueAxis : categoryAxis,
    yAxis: data.horizontal === true ? { ...categoryAxis, inverse: true } : valueAxis,
    series: [...bandSeries(data), ...lines],
  };
}

/** An ECharts chart (loaded only with the pages that draw one), redrawn when its box changes size. */
export default function EChart({ data, description }: { data: ChartData; description: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const chart = echarts.init(element, undefined, { renderer: 'svg' });
    chart.setOption(optionOf(data, description));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [data, description]);
  // A horizontal chart grows with its categories so that every name stays readable.
  const height = data.horizontal === true ? Math.max(horizontalMinHeight_px, data.categories.length * horizontalRow_px + 40) : undefined;
  return <div ref={ref} className="chart" style={height === undefined ? undefined : { height }} role="img" aria-label={description} />;
}
