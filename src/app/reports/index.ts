/** Reports: filters, the report model, its text, its files, `/report` and the CLI. */
export { buildReport, median, KINDS, STATUSES, type Report, type ReportCase } from './build.js';
export { perDayChartSvg, reportChartSvg, unitChartSvg } from './chart.js';
export { renderChart, svgToPng, CHART_PNG_WIDTH } from './chart-png.js';
export { reportCommand, reportsDir, runReportCli, type CliIo } from './command.js';
export { neutralizeCell, reportCsv, writeReportCsv, writeReportFiles, writeReportPng, writeReportXlsx, type ReportFiles } from './files.js';
export { parseReportArgs, parseReportCliArgs, rangeFilters, type ReportFilters } from './filters.js';
export { formatReportText, periodLabel } from './text.js';
