/** `/laporan`: the `/report` files (CSV, XLSX, PNG chart) for a period and unit, downloaded from the browser. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { webActor } from '../../app/dashboard/access.js';
import { auditOffice } from '../../app/office/audit.js';
import { buildReport } from '../../app/reports/build.js';
import { renderChart } from '../../app/reports/chart.js';
import { reportBaseName, reportCsv, writeReportXlsx } from '../../app/reports/files.js';
import { rangeFilters, resolveUnit } from '../../app/reports/filters.js';
import { reportTexts } from '../../core/messages/report.js';
import { html, query } from '../html.js';
import { options, page } from '../layout.js';
import type { RouteDeps } from '../server.js';
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

  f.get('/laporan', async (req, reply) => {
    const ctx = deps.ctx(req);
    const t = ctx.t;
    const p = filtersOf(req.query);
    const qs = { dari: p.dari, sampai: p.sampai, unit: p.unit };
    const problems = [p.badDate ? t.reports.badDate : '', p.badUnit ? t.reports.badUnit(p.badUnit) : ''].filter(Boolean);
    const body = html`<p>${t.reports.intro}</p>
<form class="filters" method="get" action="/laporan">
<label>${t.cases.from}<input type="date" name="dari" value="${p.dari ?? ''}"></label>
<label>${t.cases.to}<input type="date" name="sampai" value="${p.sampai ?? ''}"></label>
<label>${t.reports.unit}<select name="unit">${options([['', t.all], ...app.registry.units().map((u) => [u, u] as const)], p.unit)}</select></label>
<button type="submit" class="secondary">${t.filter}</button></form>
${problems.length ? html`<p class="notice bad">${problems.join(' ')}</p>` : html`<p>
<a class="button" href="/laporan/unduh${query({ ...qs, format: 'csv' })}">${t.reports.csv}</a>
<a class="button" href="/laporan/unduh${query({ ...qs, format: 'xlsx' })}">${t.reports.xlsx}</a>
<a class="button" href="/laporan/unduh${query({ ...qs, format: 'png' })}">${t.reports.png}</a></p>`}`;
    return reply.type('text/html; charset=utf-8').send(page(ctx, t.reports.title, body).value);
  });

  f.get('/laporan/unduh', async (req, reply) => {
    const lang = app.config.LANGUAGE;
    const format = oneOf(req.query, 'format', FORMATS);
    const p = filtersOf(req.query);
    if (!format || p.badDate || p.badUnit) return reply.redirect(`/laporan${query({ dari: p.dari, sampai: p.sampai, unit: p.unitText })}`, 303);
    const now = app.clock();
    const report = buildReport(app.db, app.registry, rangeFilters(p.dari, p.sampai, tz, now, p.unit), tz);
    const name = `${reportBaseName(report)}.${format}`;
    auditOffice(app.db, webActor(req.dash!.admin), 'report download', [format, p.dari ?? '', p.sampai ?? '', p.unit ?? ''].join(' ').trim(), 'ok', now);
    reply.header('Content-Disposition', `attachment; filename="${name}"`);
    if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(reportCsv(report, lang));
    if (format === 'png') {
      const rt = reportTexts(lang);
      return reply.type('image/png').send(renderChart(report, { title: rt.chartTitle, kinds: rt.kindShort }));
    }
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
