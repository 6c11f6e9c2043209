/** `/kasus` (filters, paging), `/kasus/:id` (evidence, messages, exempt / reopen) and `/api/kasus`. */
import type { FastifyInstance } from 'fastify';
import { webActor } from '../../app/dashboard/access.js';
import { exemptCaseBy, getCase, listCases, reopenCaseBy, type CaseQuery } from '../../app/office/cases.js';
import { KINDS, STATUSES } from '../../app/reports/build.js';
import { actorText } from '../../core/actor.js';
import type { Platform } from '../../core/ids.js';
import type { DashboardNotice } from '../../core/messages/dashboard.js';
import { caseReasonText } from '../../core/messages/case-reason.js';
import { reportTexts } from '../../core/messages/report.js';
import { unverifiedMarkText } from '../../core/messages/pressure.js';
import { html } from '../html.js';
import { csrfField, options, page, pager, platformName, statusBadge, table, when } from '../layout.js';
import type { RouteDeps } from '../deps.js';
import { evidenceWebTexts } from '../../core/messages/evidence.js';
import { dossierForm } from './evidence.js';
import { dayParam, dayRange, offsetOf, oneOf, PAGE_SIZE, param } from './util.js';

const STATUS_FILTERS = [...STATUSES, 'closed'] as const;
const PLATFORMS: readonly Platform[] = ['telegram', 'whatsapp'];

function caseQuery(deps: RouteDeps, src: unknown) {
  const status = oneOf(src, 'status', STATUS_FILTERS);
  const unit = param(src, 'unit');
  const platform = oneOf(src, 'platform', PLATFORMS);
  const kind = oneOf(src, 'jenis', KINDS);
  const dari = dayParam(src, 'dari');
  const sampai = dayParam(src, 'sampai');
  const params = { status, unit, platform, jenis: kind, dari, sampai };
  const q: CaseQuery = { status, unit, platform, kind, ...dayRange(dari, sampai, deps.app.config.APP_TIMEZONE), offset: offsetOf(src), limit: PAGE_SIZE };
  return { params, q };
}

/** Registers the case routes. */
export function registerCaseRoutes(f: FastifyInstance, deps: RouteDeps): void {
  const { app } = deps;

  f.get('/kasus', async (req, reply) => {
    const ctx = deps.ctx(req);
    const t = ctx.t;
    const rt = reportTexts(ctx.lang);
    const { params, q } = caseQuery(deps, req.query);
    const res = listCases(app, q);
    const units = app.registry.units();
    const body = html`
<form class="filters" method="get" action="/kasus">
<label>${t.cols.status}<select name="status">${options([['', t.all], ...STATUSES.map((s) => [s, rt.status[s]] as const), ['closed', t.cases.closed]], params.status)}</select></label>
<label>${t.cols.unit}<select name="unit">${options([['', t.all], ...units.map((u) => [u, u] as const)], params.unit)}</select></label>
<label>${t.cols.platform}<select name="platform">${options([['', t.all], ['telegram', 'Telegram'], ['whatsapp', 'WhatsApp']], params.platform)}</select></label>
<label>${t.cols.kind}<select name="jenis">${options([['', t.all], ...KINDS.map((k) => [k, rt.kind[k]] as const)], params.jenis)}</select></label>
<label>${t.cases.from}<input type="date" name="dari" value="${params.dari ?? ''}"></label>
<label>${t.cases.to}<input type="date" name="sampai" value="${params.sampai ?? ''}"></label>
<button type="submit">${t.filter}</button> <a href="/kasus">${t.reset}</a></form>
${table(ctx, [t.cols.caseNo, t.cols.status, t.cols.asn, t.cols.unit, t.cols.platform, t.cols.group, t.cols.kind, t.cols.opened, t.cols.resolved], res.rows.map((c) => html`<tr>
<td><a href="/kasus/${c.id}">#${c.id}</a></td><td>${statusBadge(ctx, c.status)}</td><td><a href="/kasus/${c.id}">${c.asnName}</a>${unverifiedMark(ctx.lang, c.unverified)}</td><td>${c.unit}</td>
<td>${platformName(c.platform)}</td><td>${c.chatTitle}</td><td>${rt.kind[c.kind]}</td><td>${when(ctx, c.openedAt)}</td><td>${when(ctx, c.resolvedAt)}</td></tr>`))}
${pager(ctx, '/kasus', params, res.offset, res.rows.length, res.total, PAGE_SIZE)}`;
    return reply.type('text/html; charset=utf-8').send(page(ctx, t.cases.title, body).value);
  });

  f.get('/api/kasus', async (req) => {
    const { q } = caseQuery(deps, req.query);
    const res = listCases(app, q);
    return {
      total: res.total,
      offset: res.offset,
      cases: res.rows.map((c) => ({
        id: c.id, status: c.status, nip: c.asnNip, asn: c.asnName, unit: c.unit, platform: c.platform, chatId: c.chatId, group: c.chatTitle,
        kind: c.kind, openedAt: new Date(c.openedAt).toISOString(), resolvedAt: c.resolvedAt === null ? null : new Date(c.resolvedAt).toISOString(),
        // The Telegram username a case matched by alone ("belum terverifikasi"), else null.
        unverifiedUsername: c.unverified ?? null,
      })),
    };
  });

  f.get('/kasus/:id', async (req, reply) => {
    const ctx = deps.ctx(req, '/kasus');
    const t = ctx.t;
    const rt = reportTexts(ctx.lang);
    const id = Number((req.params as { id: string }).id);
    const c = Number.isSafeInteger(id) && id > 0 ? getCase(app, id) : undefined;
    if (!c) return reply.code(404).type('text/html; charset=utf-8').send(page(ctx, t.notices.noCase, html`<p><a href="/kasus">${t.cases.back}</a></p>`).value);
    const actions =
      c.status === 'open'
        ? html`<section class="panel"><h2>${t.cases.exemptTitle}</h2><form class="stack" method="post" action="/kasus/${c.id}/kecualikan">${csrfField(ctx)}
<label>${t.cases.exemptReason}<textarea name="alasan" required maxlength="500"></textarea></label><div><button type="submit">${t.cases.exemptButton}</button></div></form></section>`
        : html`<section class="panel"><h2>${t.cases.reopenTitle}</h2><form method="post" action="/kasus/${c.id}/buka">${csrfField(ctx)}<button type="submit" class="secondary">${t.cases.reopenButton}</button></form></section>`;
    // The first alert to the Humas admins about this case, as delivered (several admins: the best delivery shown).
    const order = ['sent', 'sending', 'pending', 'failed', 'undeliverable'];
    const humasAlert = c.messages.filter((m) => m.kind === 'humas_alert').sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status))[0];
    const body = html`<p><a href="/kasus">${t.cases.back}</a></p>
<section class="panel"><h2>${t.cases.facts}</h2><dl class="facts">
<dt>${t.cols.status}</dt><dd>${statusBadge(ctx, c.status)}</dd>
<dt>${t.cols.asn}</dt><dd>${c.asnName}${unverifiedMark(ctx.lang, c.unverified)}</dd><dt>${t.cols.nip}</dt><dd>${c.asnNip}</dd><dt>${t.cols.unit}</dt><dd>${c.unit}</dd>
<dt>${t.cols.platform}</dt><dd>${platformName(c.platform)}</dd><dt>${t.cols.group}</dt><dd>${c.chatTitle}</dd>
<dt>${t.cols.kind}</dt><dd>${rt.kind[c.kind]}</dd><dt>${t.cases.addedBy}</dt><dd>${c.addedBy ?? '-'}${c.addedByLid && !c.addedBy?.includes(c.addedByLid) ? html` <span class="muted">LID ${c.addedByLid}</span>` : ''}</dd>
<dt>${t.cols.opened}</dt><dd>${when(ctx, c.openedAt)}</dd><dt>${t.cols.resolved}</dt><dd>${when(ctx, c.resolvedAt)}</dd>
${c.statusReason ? html`<dt>${t.cases.statusReason}</dt><dd>${caseReasonText(c.statusReason, ctx.lang)}</dd>` : ''}
${c.statusBy ? html`<dt>${t.cases.statusBy}</dt><dd>${c.statusBy}</dd>` : ''}
<dt>${t.cases.followups}</dt><dd>${c.followups}${c.lastFollowupAt ? ` (${when(ctx, c.lastFollowupAt)})` : ''}</dd>
<dt>${t.cases.humasTold}</dt><dd>${humasAlert ? `${t.cases.outboxStatus[humasAlert.status] ?? humasAlert.status}${humasAlert.sentAt ? ` (${when(ctx, humasAlert.sentAt)})` : ''}` : t.cases.humasToldNone}</dd>
<dt>${t.cases.escalated}</dt><dd>${c.escalatedAt ? when(ctx, c.escalatedAt) : t.cases.escalatedNot}</dd>
</dl></section>
<h2>${t.cases.evidence}</h2>
${c.findings.length ? table(ctx, [t.cols.at, t.cols.kind, t.cols.actor, t.cols.excerpt, t.cols.terms], c.findings.map((x) => html`<tr>
<td>${when(ctx, x.at)}</td><td>${(rt.kind as Record<string, string>)[x.kind] ?? x.kind}</td><td>${actorText({ id: x.actorId, name: x.actorName, lid: x.actorLid }) ?? '-'}</td>
<td class="excerpt">${x.excerpt ?? ''}</td><td>${x.terms.join(', ')}</td></tr>`)) : html`<p class="muted">${t.cases.noEvidence}</p>`}
<h2>${t.cases.messages}</h2>
${c.messages.length ? table(ctx, [t.cols.at, t.cols.message, t.cols.platform, t.cols.delivery, t.cols.sentAt, t.cols.error], c.messages.map((m) => html`<tr>
<td>${when(ctx, m.createdAt)}</td><td>${t.cases.messageKinds[m.kind] ?? m.kind}</td><td>${platformName(m.platform)}</td><td>${t.cases.outboxStatus[m.status] ?? m.status}</td>
<td>${when(ctx, m.sentAt)}</td><td>${m.lastError ?? ''}</td></tr>`)) : html`<p class="muted">${t.cases.noMessages}</p>`}
<section class="panel"><h2>${evidenceWebTexts(ctx.lang).dossierTitle}</h2>${dossierForm(ctx, { kind: 'case', id: c.id })}</section>
${actions}`;
    return reply.type('text/html; charset=utf-8').send(page(ctx, t.cases.caseTitle(c.id), body).value);
  });

  f.post('/kasus/:id/kecualikan', async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    if (!Number.isSafeInteger(id) || id <= 0) return deps.done(reply, '/kasus', 'noCase');
    const r = exemptCaseBy(app, id, param(req.body, 'alasan', 500) ?? '', webActor(req.dash!.admin));
    const notice: DashboardNotice = r.ok ? 'exempted' : r.reason === 'no_reason' ? 'noReason' : r.reason === 'no_case' ? 'noCase' : 'notOpen';
    return deps.done(reply, r.ok || r.reason !== 'no_case' ? `/kasus/${id}` : '/kasus', notice);
  });

  f.post('/kasus/:id/buka', async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    if (!Number.isSafeInteger(id) || id <= 0) return deps.done(reply, '/kasus', 'noCase');
    const r = reopenCaseBy(app, id, webActor(req.dash!.admin));
    const notice: DashboardNotice = r.ok ? 'reopened' : r.reason === 'no_case' ? 'noCase' : r.reason === 'already_open' ? 'alreadyOpen' : 'otherOpen';
    return deps.done(reply, r.ok || r.reason !== 'no_case' ? `/kasus/${id}` : '/kasus', notice);
  });
}

/** The "belum terverifikasi" mark after an ASN's name, for a case matched by Telegram username alone (the list and the case page). */
function unverifiedMark(lang: 'id' | 'en', username: string | undefined) {
  return username !== undefined ? html` <strong class="unverified">${unverifiedMarkText(lang, username)}</strong>` : '';
}
