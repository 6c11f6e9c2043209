/** `/` Ringkasan and `/api/ringkasan`. */
import type { FastifyInstance } from 'fastify';
import { overview } from '../../app/dashboard/overview.js';
import { permissionStatusLines, type PermissionProblem } from '../../app/permissions.js';
import { KINDS, STATUSES } from '../../app/reports/build.js';
import { parseReportArgs, type ReportFilters } from '../../app/reports/filters.js';
import { platformStatusText } from '../../core/messages/platform-status.js';
import { reportTexts } from '../../core/messages/report.js';
import { perDayChart, unitChart } from '../charts.js';
import { html, query } from '../html.js';
import { options, page, pager, platformName, table, when, type PageContext } from '../layout.js';
import type { RouteDeps } from '../deps.js';
import { offsetOf, oneOf, PAGE_SIZE } from './util.js';

const PERIODS = ['7h', '30h', '90h', 'semua'] as const;

function filtersOf(deps: RouteDeps, src: unknown): { period: (typeof PERIODS)[number]; filters: ReportFilters } {
  const period = oneOf(src, 'periode', PERIODS) ?? '30h';
  const parsed = parseReportArgs([period], deps.app.clock(), deps.app.config.APP_TIMEZONE);
  return { period, filters: parsed.ok ? parsed.filters : { period: { kind: 'all' }, now: deps.app.clock() } };
}

const label = (ctx: PageContext, key: string): string =>
  ({ platforms: 'Platform', outbox: ctx.t.overview.queue, lastEventAt: ctx.t.overview.lastEvent, uptimeS: ctx.t.overview.uptime })[key] ?? key;

/** Registers the overview routes. */
export function registerOverviewRoutes(f: FastifyInstance, deps: RouteDeps): void {
  f.get('/', async (req, reply) => {
    const ctx = deps.ctx(req);
    const t = ctx.t;
    const rt = reportTexts(ctx.lang);
    const { period, filters } = filtersOf(deps, req.query);
    const offset = offsetOf(req.query);
    const o = overview(deps.app, filters, { offset, limit: PAGE_SIZE }, deps.startedAt);
    const r = o.stats;
    const q = r.byStatus;
    const h = o.health;
    const outbox = (h['outbox'] ?? {}) as Record<string, number>;
    const platforms = Object.entries((h['platforms'] ?? {}) as Record<string, unknown>);
    // `down` repeats the platforms' own states (shown in words below); `moreProblems` follows the problem lines.
    const known = new Set(['health', 'platforms', 'problems', 'moreProblems', 'down', 'outbox', 'asn', 'openCases', 'rssMb', 'heapMb', 'uptimeS', 'lastEventAt']);
    const more = typeof h['moreProblems'] === 'number' ? h['moreProblems'] : 0;
    const problems = permissionStatusLines((Array.isArray(h['problems']) ? h['problems'] : []) as PermissionProblem[], ctx.lang);
    const state = typeof h['health'] === 'string' ? h['health'] : 'ok';
    const extra = Object.entries(h).filter(([k]) => !known.has(k));
    const periodLabels: Record<(typeof PERIODS)[number], string> = { '7h': t.overview.periods.d7, '30h': t.overview.periods.d30, '90h': t.overview.periods.d90, semua: t.overview.periods.all };
    const byUnit = r.byUnit;
    const body = html`
<form class="filters" method="get" action="/"><label>${t.overview.period}<select name="periode">${options(PERIODS.map((p) => [p, periodLabels[p]] as const), period)}</select></label><button type="submit" class="secondary">${t.filter}</button></form>
<div class="cards">
${STATUSES.map((s) => html`<div class="card ${s}"><div class="n">${q[s]}</div><div class="l">${rt.status[s]}</div></div>`)}
<div class="card"><div class="n">${r.medianLeaveMs !== null ? rt.duration(r.medianLeaveMs) : t.overview.medianNone}</div><div class="l">${t.overview.medianLeave}</div></div>
<div class="card${r.undeliverable ? ' open' : ''}"><div class="n">${r.undeliverable}</div><div class="l">${t.overview.undeliverable}</div></div>
<div class="card"><div class="n">${o.registered}</div><div class="l">${t.overview.registered}</div></div>
</div>
<h2 id="terbuka">${t.overview.openNow(o.openTotal)}</h2>
${o.open.length ? html`${table(ctx, [t.cols.caseNo, t.cols.asn, t.cols.unit, t.cols.platform, t.cols.group, t.cols.kind, t.cols.opened, t.cols.lastCheck], o.open.map((c) => html`<tr>
<td><a href="/kasus/${c.id}">#${c.id}</a></td><td><a href="/kasus/${c.id}">${c.asnName}</a></td><td>${c.unit}</td><td>${platformName(c.platform)}</td><td>${c.chatTitle}</td>
<td>${rt.kind[c.kind]}</td><td>${when(ctx, c.openedAt)}</td><td>${c.checkedAt ? when(ctx, c.checkedAt) : t.cases.never}</td></tr>`))}
${pager(ctx, '/', { periode: period === '30h' ? undefined : period }, offset, o.open.length, o.openTotal, PAGE_SIZE)}
<p><a href="/kasus${query({ status: 'open' })}">${t.overview.seeAll}</a></p>` : html`<p class="muted">${t.overview.noOpen}</p>`}
<div class="grid2">
<section class="panel">${perDayChart(r.perDay, ctx.lang)}</section>
<section class="panel">${unitChart(byUnit, ctx.lang)}</section>
</div>
<section class="panel"><h2>${t.overview.health}</h2><dl class="facts">
<dt>${t.overview.state}</dt><dd><span class="status ${state === 'ok' ? 'left' : state === 'warn' ? 'exempted' : 'open'}">${t.overview.states[state] ?? state}</span></dd>
${platforms.length ? platforms.map(([p, s]) => html`<dt>${platformName(p)}</dt><dd>${typeof s === 'string' ? platformStatusText(p, s, ctx.lang) : JSON.stringify(s)}</dd>`) : html`<dt>Platform</dt><dd>${t.overview.platformNone}</dd>`}
${problems.length ? html`<dt>${t.overview.problems}</dt><dd>${problems.map((l) => html`<div>${l}</div>`)}${more ? html`<div>${t.overview.moreProblems(more)}</div>` : ''}</dd>` : ''}
<dt>${t.overview.queue}</dt><dd>${t.overview.queueLine({ waiting: (outbox['pending'] ?? 0) + (outbox['sending'] ?? 0), sent: outbox['sent'] ?? 0, failed: outbox['failed'] ?? 0, undeliverable: outbox['undeliverable'] ?? 0 })}</dd>
<dt>${t.overview.lastEvent}</dt><dd>${typeof h['lastEventAt'] === 'string' ? when(ctx, Date.parse(h['lastEventAt'])) : '-'}</dd>
<dt>${t.overview.uptime}</dt><dd>${when(ctx, deps.startedAt)}</dd>
${extra.map(([k, v]) => html`<dt>${label(ctx, k)}</dt><dd>${typeof v === 'string' || typeof v === 'number' ? v : JSON.stringify(v)}</dd>`)}
</dl></section>`;
    return reply.type('text/html; charset=utf-8').send(page(ctx, t.overview.title, body).value);
  });

  f.get('/api/ringkasan', async (req) => {
    const { filters } = filtersOf(deps, req.query);
    const o = overview(deps.app, filters, { offset: 0, limit: 0 }, deps.startedAt);
    return {
      total: o.stats.total,
      byStatus: o.stats.byStatus,
      byKind: o.stats.byKind,
      perDay: o.stats.perDay,
      byUnit: o.stats.byUnit,
      medianLeaveMs: o.stats.medianLeaveMs,
      undeliverable: o.stats.undeliverable,
      openCases: o.openTotal,
      registered: o.registered,
      health: o.health,
      kinds: KINDS,
    };
  });
}
