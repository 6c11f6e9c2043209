/** `/laporan`: the `/report` files (CSV, XLSX, PNG chart) for a period and unit, downloaded from the browser. */
import { defaultCsvSeparator, parseCsvSeparator } from '../../core/csv.js';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { webActor } from '../../app/dashboard/access.js';
import { auditOffice } from '../../app/office/audit.js';
import { buildReport } from '../../app/reports/build.js';
import { renderChart } from '../../app/reports/chart-png.js';
import { reportBaseName, reportCsv, writeReportXlsx } from '../../app/reports/files.js';
import { rangeFilters, resolveUnit } from '../../app/reports/filters.js';
import { periodLabel } from '../../app/reports/text.js';
import { perDayChart } from '../charts.js';
import { html, query } from '../html.js';
import { options, page } from '../layout.js';
import type { RouteDeps } from '../deps.js';
import { dayParam, oneOf, param } from './util.js';

const FORMATS = ['csv', 'xlsx', 'png'] as const;

/** Registers the report routes. */
export function registerReportRoutes(f: FastifyInstance, deps: RouteDeps): void {
  const { app } = deps;
  const tz = app.config.APP_TIMEZONE;

  /** The report's filters from the query, or the reason they are wrong. */
  const filtersOf = (src: unknown) => {
    const dari = dayParam(src, 'dari');
    const sampai = dayParam(src, 'sampai');
    const unitText = param(src, 'unit');
    const badDate = (param(src, 'dari') !== undefined && !dari) || (param(src, 'sampai') !== undefined && !sampai) || (dari && sampai && dari > sampai);
    let unit: string | undefined;
    let badUnit: string | undefined;
    if (unitText) {
      const u = resolveUnit(unitText, app.registry.units());
      if (u.ok) unit = u.unit;
      else badUnit = unitText;
    }
    return { dari, sampai, unit, unitText, badDate: Boolean(badDate), badUnit };
  };

  /** The report a valid form asks for: all time without dates, as `report` without `--from`/`--to`. */
  const reportOf = (p: ReturnType<typeof filtersOf>, now: number) =>
    buildReport(app.db, app.registry, p.dari || p.sampai ? rangeFilters(p.dari, p.sampai, tz, now, p.unit) : { period: { kind: 'all' }, now, unit: p.unit }, tz);

  f.get('/laporan', async (req, reply) => {
    const ctx = deps.ctx(req);
    const t = ctx.t;
    const p = filtersOf(req.query);
    const problems = [p.badDate ? t.reports.badDate : '', p.badUnit ? t.reports.badUnit(p.badUnit) : ''].filter(Boolean);
    const report = problems.length ? undefined : reportOf(p, app.clock());
    // The CSV separator LANGUAGE does not pick (`;` for Indonesian Excel, `,` otherwise) has its own button.
    const otherSep = defaultCsvSeparator(app.config.LANGUAGE) === ';' ? ',' : ';';
    // The download buttons belong to the form: whatever dates and unit are typed in it are what is downloaded.
    const body = html`<p>${t.reports.intro}</p>
<form class="filters" method="get" action="/laporan">
<label>${t.dateFrom}<input type="date" name="dari" value="${p.dari ?? ''}"></label>
<label>${t.dateTo}<input type="date" name="sampai" value="${p.sampai ?? ''}"></label>
<label>${t.reports.unit}<select name="unit">${options([['', t.all], ...app.registry.units().map((u) => [u, u] as const)], p.unit)}</select></label>
<button type="submit" class="secondary">${t.reports.show}</button>
<span class="buttons"><button type="submit" formaction="/laporan/unduh" name="format" value="csv">${t.reports.csv}</button>
<button type="submit" formaction="/laporan/unduh" name="pemisah" value="${otherSep}">${t.reports.csvOther(otherSep)}</button>
<button type="submit" formaction="/laporan/unduh" name="format" value="xlsx">${t.reports.xlsx}</button>
<button type="submit" formaction="/laporan/unduh" name="format" value="png">${t.reports.png}</button></span></form>
<p class="muted">${t.reports.downloadHint}</p>
${problems.length ? html`<p class="notice bad">${problems.join(' ')}</p>` : ''}
${report ? html`<section class="panel" id="periode"><dl class="facts">
<dt>${t.reports.period}</dt><dd>${periodLabel(report, ctx.lang)}</dd>
<dt>${t.reports.unit}</dt><dd>${report.filters.unit ?? t.all}</dd>
<dt>${t.reports.cases}</dt><dd>${report.total}</dd></dl></section>
<section class="panel">${perDayChart(report.perDay, ctx.lang)}</section>` : ''}`;
    return reply.type('text/html; charset=utf-8').send(page(ctx, t.reports.title, body).value);
  });

  f.get('/laporan/unduh', async (req, reply) => {
    const lang = app.config.LANGUAGE;
    // `pemisah=,` or `pemisah=;` asks for a CSV with that separator (the page's second CSV button); LANGUAGE's by default.
    const asked = parseCsvSeparator(param(req.query, 'pemisah', 12) ?? '');
    const sep = asked ?? defaultCsvSeparator(lang);
    const format = oneOf(req.query, 'format', FORMATS) ?? (asked ? 'csv' : undefined);
    const p = filtersOf(req.query);
    if (!format || p.badDate || p.badUnit) return reply.redirect(`/laporan${query({ dari: param(req.query, 'dari', 10), sampai: param(req.query, 'sampai', 10), unit: p.unitText })}`, 303);
    const now = app.clock();
    const report = reportOf(p, now);
    const name = `${reportBaseName(report)}.${format}`;
    auditOffice(app.db, webActor(req.dash!.admin), 'report download', [format, p.dari ?? '', p.sampai ?? '', p.unit ?? ''].join(' ').trim(), 'ok', now);
    reply.header('Content-Disposition', `attachment; filename="${name}"`);
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(reportCsv(report, lang, sep));
    if (format === 'png') return reply.type('image/png').send(renderChart(report, lang));
    const dir = mkdtempSync(join(tmpdir(), 'jn-report-'));
    try {
      const path = join(dir, name);
      await writeReportXlsx(report, path, lang);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(readFileSync(path));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
