import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { calibrate, summaryFor } from '../src/sim/calibrate.js';
import { scenarioCatalog } from '../src/sim/scenario-catalog.js';
import type { ScenarioInput } from '../src/sim/scenario-schema.js';

/**
 * Reproduces a scenario's fit: `npm run build && node dist/scripts/calibrate-scenario.js xiang-hu-bao [--write]`.
 * Prints the fitted parameters and the fit; with --write, stores them and the forecast (the years
 * after the last target, not refitted) in src/sim/scenarios/<name>.json.
 */
const [name = 'xiang-hu-bao', ...flags] = process.argv.slice(2);
const input = scenarioCatalog[name] as ScenarioInput | undefined;
if (input === undefined) throw new Error(`no scenario ${name}`);
const result = calibrate(input);
process.stdout.write(`${JSON.stringify({ fitted: result.fitted, evaluations: result.evaluations }, null, 2)}\n`);
for (const row of result.fit) process.stdout.write(`${row.name.padEnd(32)} target ${String(row.target).padStart(12)}  model ${String(row.model).padStart(14)}  ${row.error_percent}%\n`);

const FORECAST_PATHS = 32;
const calibration = result.scenario.calibration as { seed: number; targets: Array<{ year?: number; date?: string }> };
// The last year with a yearly target (a count early in the next year, like Jan 2021, still belongs to the fit).
const last_year = Math.max(...calibration.targets.flatMap((item) => (item.year === undefined ? [] : [item.year])));
// Two more years than the targets: the forecast, with the calibration's seed.
const summary = summaryFor(result.scenario, 24 * (last_year + 3 - 2018) - 5, calibration.seed, FORECAST_PATHS);
const forecast = summary.years
  .filter((year) => year.year > last_year && year.periods >= 24)
  .map((year) => ({
    year: year.year,
    members_end: year.members_end,
    people_helped: year.people_helped,
    cost_per_member_minor: year.cost_per_member_minor,
    share_of_cases_aged_40_plus: year.share_of_cases_aged_40_plus,
  }));
const check = summary.years.filter((year) => year.year <= last_year).map((year) => ({ year: year.year, share_of_cases_aged_40_plus: year.share_of_cases_aged_40_plus.p50 }));
process.stdout.write(`${JSON.stringify({ forecast, share_of_cases_aged_40_plus: check }, null, 2)}\n`);
if (flags.includes('--write')) {
  const path = fileURLToPath(new URL(`../../src/sim/scenarios/${name}.json`, import.meta.url));
  const scenario = { ...result.scenario, forecast: { note: `P5/P50/P95 over ${FORECAST_PATHS} paths, seed ${calibration.seed}, parameters as fitted on the years up to ${last_year}; not refitted.`, years: forecast } };
  writeFileSync(path, `${JSON.stringify(scenario, null, 2)}\n`);
  process.stdout.write(`wrote ${path}\n`);
}
