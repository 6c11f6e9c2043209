/** `/audit`: the audit log, filterable by actor, action, outcome and period; and `/api/audit`. */
import type { FastifyInstance } from 'fastify';
import { auditPage, type AuditQuery } from '../../app/dashboard/audit-log.js';
import { auditResultText } from '../../core/messages/audit-result.js';
import { html } from '../html.js';
import { options, page, pager, table, when } from '../layout.js';
import type { RouteDeps } from '../deps.js';
import { dayParam, dayRange, offsetOf, oneOf, PAGE_SIZE, param } from './util.js';

function auditQuery(deps: RouteDeps, src: unknown) {
  const pelaku = param(src, 'pelaku', 100);
  const tindakan = param(src, 'tindakan', 100);
  const hasil = oneOf(src, 'hasil', ['ya', 'tidak'] as const);
  const dari = dayParam(src, 'dari');
  const sampai = dayParam(src, 'sampai');
  const q: AuditQuery = {
    actor: pelaku, action: tindakan, allowed: hasil === undefined ? undefined : hasil === 'ya',
    ...dayRange(dari, sampai, deps.app.config.APP_TIMEZONE), offset: offsetOf(src), limit: PAGE_SIZE,
  };
  return { params: { pelaku, tindakan, hasil, dari, sampai }, q };
}

/** Registers the audit routes. */
export function registerAuditRoutes(f: FastifyInstance, deps: RouteDeps): void {
  f.get('/audit', async (req, reply) => {
    const ctx = deps.ctx(req);
    const t = ctx.t;
    const { params, q } = auditQuery(deps, req.query);
    const res = auditPage(deps.app, q);
    const body = html`<form class="filters" method="get" action="/audit">
<label>${t.audit.actor}<input type="search" name="pelaku" value="${params.pelaku ?? ''}" placeholder="tg:, wa:, web:, cli:"></label>
<label>${t.audit.action}<input type="search" name="tindakan" value="${params.tindakan ?? ''}"></label>
<label>${t.cols.allowed}<select name="hasil">${options([['', t.all], ['ya', t.audit.allowedOnly], ['tidak', t.audit.refusedOnly]], params.hasil)}</select></label>
<label>${t.dateFrom}<input type="date" name="dari" value="${params.dari ?? ''}"></label>
<label>${t.dateTo}<input type="date" name="sampai" value="${params.sampai ?? ''}"></label>
<button type="submit">${t.filter}</button> <a href="/audit">${t.reset}</a></form>
${table(ctx, [t.cols.at, t.cols.actor, t.cols.action, t.cols.args, t.cols.allowed, t.cols.result], res.rows.map((a) => html`<tr>
<td>${when(ctx, a.at)}</td><td>${a.actor}</td><td>${a.action}</td><td class="excerpt">${a.args ?? ''}</td><td>${a.allowed ? t.yes : html`<span class="status open">${t.no}</span>`}</td><td>${auditResultText(a.result, ctx.lang)}</td></tr>`))}
${pager(ctx, '/audit', params, q.offset, res.rows.length, res.total, PAGE_SIZE)}`;
    return reply.type('text/html; charset=utf-8').send(page(ctx, t.audit.title, body).value);
  });

  f.get('/api/audit', async (req) => {
    const { q } = auditQuery(deps, req.query);
    const res = auditPage(deps.app, q);
    return { total: res.total, entries: res.rows.map((a) => ({ ...a, at: new Date(a.at).toISOString() })) };
  });
}
