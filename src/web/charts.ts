/**
 * Charts drawn on the server as inline SVG (no script, nothing fetched). The drawing is the
 * report's (app/reports/chart.ts), so the page shows exactly what `report --format png` renders;
 * every label is escaped there.
 */
import type { Report } from '../app/reports/build.js';
import { reportChartSvg, unitReportChartSvg } from '../app/reports/chart.js';
import { trusted, type Html } from './html.js';

/** Stacked bars of cases per day by kind, with its title, period, legend and axes. */
export const perDayChart = (days: Report['perDay'], lang: 'id' | 'en'): Html => trusted(reportChartSvg(days, lang));

/** One bar per unit (the largest first), with a legend of its two colours. */
export const unitChart = (units: readonly { unit: string; total: number; open: number }[], lang: 'id' | 'en'): Html => trusted(unitReportChartSvg(units, lang));
