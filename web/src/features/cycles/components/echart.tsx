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
import type { ChartData } from '../chart-data';

// Only what the reports draw: bars and lines on a grid, a legend, tooltips, the aria description, SVG.
echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Option = echarts.ComposeOption<BarSeriesOption | LineSeriesOption | AriaComponentOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

const palette = ['#0b6e4f', '#1a5fb4', '#a65e00', '#8f3f97'];

function optionOf(data: ChartData, description: string): Option {
  const categoryAxis = { type: 'category' as const, data: [...data.categories], axisLabel: { color: '#1b1f1d', hideOverlap: true } };
  const valueAxis = { type: 'value' as const, minInterval: 1, axisLabel: { color: '#1b1f1d', formatter: (value: number) => data.format(value) } };
  return {
    color: palette,
    aria: { enabled: true, label: { description } },
    animation: false,
    grid: { left: 8, right: 16, top: data.series.length > 1 ? 36 : 16, bottom: 8, containLabel: true },
    legend: data.series.length > 1 ? { top: 0, textStyle: { color: '#1b1f1d' } } : { show: false },
    tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? data.format(value) : String(value)) },
    xAxis: data.horizontal === true ? valueAxis : categoryAxis,
    yAxis: data.horizontal === true ? { ...categoryAxis, inverse: true } : valueAxis,
    series: data.series.map((series) => (data.kind === 'line' ? { type: 'line' as const, name: series.name, data: [...series.values], symbolSize: 8 } : { type: 'bar' as const, name: series.name, data: [...series.values], barMaxWidth: 36 })),
  };
}

/** An ECharts chart (loaded only with the report pages), redrawn when its box changes size. */
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
  const height = data.horizontal === true ? Math.max(200, data.categories.length * 32 + 40) : 280;
  return <div ref={ref} className="chart" style={{ height }} role="img" aria-label={description} />;
}
