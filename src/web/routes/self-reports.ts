/**
 * `/laporan-asn`: the self-reports with evidence thumbnails, filters and status (signed in), and `/verifikasi`:
 * the receipt check, public, showing only what `jaga-netral receipt verify` shows (valid or not, date, status).
 */
import type { FastifyInstance } from 'fastify';
import { evidencePhoto, listSelfReports } from '../../app/dashboard/self-reports.js';
import { verifyReceipt } from '../../app/receipt.js';
import { selfReportTexts } from '../../core/messages/self-report.js';
import { selfReportWebTexts } from '../../core/messages/self-report-web.js';
import { ocrTexts } from '../../core/messages/ocr.js';
import { REPORT_PLACES } from '../../core/self-report.js';
import { barePage, options, page, pager, statusBadge, table, when } from '../layout.js';
import { html } from '../html.js';
import type { RouteDeps } from '../deps.js';
import { offsetOf, PAGE_SIZE, param } from './util.js';

/** Registers the self-report pages; `verifyLimit` is the public receipt check's rate limit (@fastify/rate-limit route options). */
export function registerSelfReportRoutes(f: FastifyInstance, deps: RouteDeps, verifyLimit?: Record<string, unknown>): void {
  const { app } = deps;
  const lang = app.config.LANGUAGE;
  const w = selfReportWebTexts(lang);
  const s = selfReportTexts(lang);

  f.get('/laporan-asn', async (req, reply) => {
    const ctx = deps.ctx(req);
    const statusRaw = param(req.query, 'status', 10);
    const status = statusRaw === 'open' || statusRaw === 'closed' ? statusRaw : undefined;
    const placeRaw = param(req.query, 'tempat', 20);
    const place = REPORT_PLACES.find((p) => p === placeRaw);
    const search = param(req.query, 'q', 100);
    const offset = offsetOf(req.query);
    const res = listSelfReports(app, { status, place, search, offset, limit: PAGE_SIZE });
    const body = html`<p class="muted">${w.intro}</p>
<form class="filters" method="get" action="/laporan-asn">
<label>${w.filters.status}<select name="status">${options([['', w.filters.any], ['open', w.filters.open], ['closed', w.filters.closed]], status)}</select></label>
<label>${w.filters.place}<select name="tempat">${options([['', w.filters.any], ...REPORT_PLACES.map((p) => [p, s.placeName[p]] as const)], place)}</select></label>
<label>${w.filters.search}<input type="search" name="q" value="${search ?? ''}"></label><button type="submit" class="secondary">${ctx.t.filter}</button></form>
${table(ctx, [w.cols.receipt, w.cols.time, w.cols.asn, w.cols.what, w.cols.evidence, w.cols.status], res.rows.map((r) => html`<tr>
<td>${r.receiptNo}${r.caseId !== null ? html`<div class="muted"><a href="/kasus/${r.caseId}">#${r.caseId}</a></div>` : ''}</td>
<td>${when(ctx, r.createdAt)}</td>
<td>${r.nama}<div class="muted">${r.nip} · ${r.unit}</div></td>
<td>${s.categoryName[r.category as keyof typeof s.categoryName] ?? r.category}, ${s.placeName[r.place]}${r.groupName ? html`<div>"${r.groupName}"</div>` : ''}<div class="muted">${r.description.slice(0, 200)}</div>${r.machineRead.map((o) => html`<div class="muted">${ocrTexts(lang).dashboardLine(o)}</div>`)}</td>
<td>${r.photos.map((p) => html`<a href="/laporan-asn/bukti/${p.id}"><img class="thumb" src="/laporan-asn/bukti/${p.id}" alt="${p.filename ?? ''}" width="96" loading="lazy"></a>`)}${r.links.map((l) => html`<div class="muted">${l}</div>`)}${!r.photos.length && !r.links.length ? w.noFile : ''}${r.videosNotKept ? html`<div class="muted">${w.videosNotKept(r.videosNotKept)}</div>` : ''}</td>
<td>${r.status ? statusBadge(ctx, r.status) : '-'}${r.resolvedAt ? html`<div class="muted">${w.resolved(when(ctx, r.resolvedAt))}</div>` : ''}</td></tr>`))}
${pager(ctx, '/laporan-asn', { status, tempat: place, q: search }, offset, res.rows.length, res.total, PAGE_SIZE)}`;
    return reply.type('text/html; charset=utf-8').send(page(ctx, w.title, body).value);
  });

  f.get('/laporan-asn/bukti/:id', async (req, reply) => {
    const id = Number((req.params as { id: string }).id);
    const photo = Number.isInteger(id) ? evidencePhoto(app, id) : undefined;
    if (!photo) return reply.code(404).type('text/plain; charset=utf-8').send(ctx404(lang));
    // no-store, as every page (server.ts): kept 5 minutes in the browser's cache, an ASN's evidence showed there without a session after sign-out.
    return reply.type(photo.mime).header('Content-Security-Policy', "default-src 'none'").send(photo.data);
  });

  // GET and HEAD as one route (no automatic HEAD route): a HEAD runs the same check, so both share one rate-limit budget.
  f.route({ method: ['GET', 'HEAD'], url: '/verifikasi', exposeHeadRoute: false, config: { public: true, ...(verifyLimit ? { rateLimit: verifyLimit } : {}) }, handler: async (req, reply) => {
    const number = param(req.query, 'nomor', 40);
    const code = param(req.query, 'kode', 40);
    const result = number && code ? verifyReceipt(app.db, number, code, app.config.APP_TIMEZONE, lang) : undefined;
    const form = html`<form method="get" action="/verifikasi"><label>${w.number}<input name="nomor" value="${number ?? ''}" required></label>
<label>${w.code}<input name="kode" value="${code ?? ''}" required></label><button type="submit">${w.check}</button></form>`;
    const lines = [w.verifyIntro, ...(result ? [result.text] : [])];
    const out = barePage(lang, w.verifyTitle, lines).value.replace('</div></body>', `${form.value}</div></body>`);
    return reply.type('text/html; charset=utf-8').send(out);
  } });
}

const ctx404 = (lang: 'id' | 'en'): string => (lang === 'en' ? 'Not found' : 'Tidak ditemukan');
