/**
 * What a chart shows, once: the chart draws it and the table beside it lists it, so the two never
 * disagree. Values are plain numbers (counts, rates, or money in integer minor units: exact far
 * past any share); null is "no figure" (no member to divide by), a gap in the line and "—" in the
 * table. `format` writes a value as the table, the axis and the tooltips show it.
 */
export interface ChartData {
  readonly kind: 'bar' | 'line';
  /** Bars along the vertical axis (long category names such as provinces). */
  readonly horizontal?: boolean;
  /** Counts and money only: the value axis never steps by less than one. */
  readonly wholeNumbers?: boolean;
  /** The heading of the table's first column (what the categories are). */
  readonly categoryLabel: string;
  readonly categories: readonly string[];
  readonly series: ReadonlyArray<ChartSeries>;
  /**
   * A fan chart: the area between two of the series (by name, e.g. P5 and P95) is shaded and those
   * two are not drawn as lines; the table still lists them.
   */
  readonly band?: { readonly lower: string; readonly upper: string; readonly name: string };
  readonly format: (value: number) => string;
  /** The value axis' labels when they read better shorter than the table (whole yuan). */
  readonly axisFormat?: (value: number) => string;
  /**
   * The value axis reaches at least this far, so a series of zeros (no one at the cap yet) does
   * not stretch tiny steps into labels that all round to "0%".
   */
  readonly axisAtLeast?: number;
  /** A fixed top of the value axis: two charts read side by side share one scale. */
  readonly axisMax?: number;
}

export interface ChartSeries {
  readonly name: string;
  readonly values: ReadonlyArray<number | null>;
  /** Drawn as the other kind than the chart's (a line of the expected over bars of what happened). */
  readonly kind?: 'bar' | 'line';
  /** A reference (expected, a threshold): a dashed line. */
  readonly dashed?: boolean;
  /** A figure of another unit that only the table lists (a change in %, a count beside money). */
  readonly tableOnly?: boolean;
  /** How the table writes this series when it differs from the chart's unit. */
  readonly format?: (value: number) => string;
}
