/**
 * What a chart shows, once: the chart draws it and the table beside it lists it, so the two never
 * disagree. Values are plain numbers (counts, or money in integer minor units: exact well past
 * any share); `format` writes a value as the table and the tooltips show it.
 */
export interface ChartData {
  readonly kind: 'bar' | 'line';
  /** Bars along the vertical axis (long category names such as provinces). */
  readonly horizontal?: boolean;
  /** The heading of the table's first column (what the categories are). */
  readonly categoryLabel: string;
  readonly categories: readonly string[];
  readonly series: ReadonlyArray<{ readonly name: string; readonly values: readonly number[] }>;
  readonly format: (value: number) => string;
}
