/**
 * `/asn`: search the registry; add, edit, remove one ASN; upload a CSV or
 * XLSX, see what it would change (or every bad row) before anything is
 * written, then apply it all or nothing (the same rules as `import-asn`).
 * The uploaded bytes wait in memory for the apply step, for this admin only,
 * for at most 30 minutes.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { webActor } from '../../app/dashboard/access.js';
import { addAsn, getAsn, listAsn, removeAsn, updateAsn, type AsnChange, type AsnFields } from '../../app/office/asn.js';
import { auditOffice } from '../../app/office/audit.js';
import { registrationCoverage, registrationStates, REGISTRATION_FILTERS, unregisteredXlsx } from '../../app/office/registration.js';
import { registrationTexts } from '../../core/messages/registration.js';
import { zonedDay } from '../../core/time.js';
import { applyRegistry, previewRegistry, readRegistryFile } from '../../app/registry-file.js';
import type { AsnRecord } from '../../core/types.js';
import type { ImportResult } from '../../app/import-asn.js';
import { html, query, type Html } from '../html.js';
import { csrfField, options, page, pager, table, type PageContext } from '../layout.js';
import { csrfOk, MAX_UPLOAD_MB, type RouteDeps } from '../deps.js';
import { offsetOf, oneOf, PAGE_SIZE, param } from './util.js';

/** An upload waiting to be applied. */
interface PendingUpload {
  admin: string;
  filename: string;
  bytes: Buffer;
  expiresAt: number;
}

const UPLOAD_TTL_MS = 30 * 60_000;
const MAX_PENDING = 20;

const telegramText = (a: AsnRecord): string => (a.telegramUsername ? `@${a.telegramUsername}` : (a.telegramId ?? ''));

/** Registers the registry routes. */
export function registerAsnRoutes(f: FastifyInstance, deps: RouteDeps): void {
  const { app } = deps;
  const pending = new Map<string, PendingUpload>();
  const html200 = (reply: FastifyReply, status: number, body: Html) => reply.code(status).type('text/html; charset=utf-8').send(body.value);

  const fieldsOf = (body: unknown): AsnFields => ({
    nip: param(body, 'nip', 40) ?? '',
    nama: param(body, 'nama', 300) ?? '',
    unit: param(body, 'unit', 300) ?? '',
    telepon: param(body, 'telepon', 40) ?? '',
    telegram: param(body, 'telegram', 60) ?? '',
  });

  const problemsOf = (ctx: PageContext, r: Exclude<AsnChange, { ok: true }>): string[] => {
    const t = ctx.t.asn;
    if (r.reason === 'invalid') return r.problems;
    if (r.reason === 'exists') return [t.exists(r.nip)];
    if (r.reason === 'not_found') return [t.notFound(r.nip)];
    if (r.reason === 'conflict') return [t.conflict(r.field, r.owner)];
    return [t.hasCases(r.cases)];
  };

  const form = (ctx: PageContext, action: string, v: AsnFields, editing: boolean, problems: string[]): Html => {
    const t = ctx.t.asn;
    return html`${problems.length ? html`<div class="notice bad"><p>${t.problems}</p><ul class="problems">${problems.map((p) => html`<li>${p}</li>`)}</ul></div>` : ''}
<form class="stack" method="post" action="${action}">${csrfField(ctx)}
<label>${t.fields.nip}<input name="nip" value="${v.nip}" ${editing ? html`readonly` : html`required`} inputmode="numeric" maxlength="40"></label>
<label>${t.fields.nama}<input name="nama" value="${v.nama}" required maxlength="200"></label>
<label>${t.fields.unit}<input name="unit" value="${v.unit}" required maxlength="200"></label>
<label>${t.fields.telepon}<input name="telepon" value="${v.telepon}" required maxlength="40"></label>
<label>${t.fields.telegram} <span class="muted">(${t.telegramHint})</span><input name="telegram" value="${v.telegram ?? ''}" maxlength="60"></label>
<div><button type="submit">${t.save}</button> <a href="/asn">${t.cancel}</a></div></form>`;
  };

  f.get('/asn', async (req, reply) => {
    const ctx = deps.ctx(req);
    const t = ctx.t;
    const rt = registrationTexts(ctx.lang);
    const search = param(req.query, 'q', 100);
    const unit = param(req.query, 'unit');
    const registration = oneOf(req.query, 'pendaftaran', REGISTRATION_FILTERS);
    const offset = offsetOf(req.query);
    const res = listAsn(app, { search, unit, registration, offset, limit: PAGE_SIZE });
    const states = registrationStates(app, res.rows.map((a) => a.nip));
    const cov = registrationCoverage(app);
    const ch = rt.coverageHeader;
    const body = html`<p><a class="button" href="/asn/tambah">${t.asn.add}</a></p>
<form class="filters" method="get" action="/asn"><label>${t.asn.search}<input type="search" name="q" value="${search ?? ''}" placeholder="${t.asn.searchHint}"></label>
<label>${t.cols.unit}<select name="unit">${options([['', t.all], ...app.registry.units().map((u) => [u, u] as const)], unit)}</select></label>
<label>${rt.filter}<select name="pendaftaran">${options([['', t.all], ...REGISTRATION_FILTERS.map((f) => [f, rt.filterValues[f]] as const)], registration)}</select></label>
<button type="submit">${t.filter}</button> <a href="/asn">${t.reset}</a></form>
${table(ctx, [t.cols.nip, t.cols.name, t.cols.unit, t.cols.phone, t.cols.telegram, rt.column, t.cols.action], res.rows.map((a) => html`<tr>
<td>${a.nip}</td><td>${a.nama}</td><td>${a.unit}</td><td>${a.phone}</td><td>${telegramText(a)}</td>
<td>${states.get(a.nip) === 'none' ? html`<span class="status open">${rt.state.none}</span>` : rt.state[states.get(a.nip) ?? 'none']}</td>
<td><a href="/asn/${a.nip}/ubah">${t.asn.edit}</a> · <a href="/asn/${a.nip}/hapus">${t.asn.remove}</a></td></tr>`))}
${pager(ctx, '/asn', { q: search, unit, pendaftaran: registration }, res.offset, res.rows.length, res.total, PAGE_SIZE)}
<section class="panel" id="pendaftaran"><h2>${rt.coverageTitle}</h2><p class="muted">${rt.coverageIntro}</p>
${table(ctx, [ch.unit, [ch.total, 'num'], [ch.telegram, 'num'], [ch.whatsapp, 'num'], [ch.none, 'num']], [
  ...cov.units.map((u) => html`<tr><td>${u.unit}</td><td class="num">${u.total}</td><td class="num">${u.telegram}</td><td class="num">${u.whatsapp}</td>
<td class="num">${u.none ? html`<a href="/asn${query({ unit: u.unit, pendaftaran: 'none' })}">${u.none}</a>` : 0}</td></tr>`),
  ...(cov.units.length ? [html`<tr class="total"><td>${rt.totalRow}</td><td class="num">${cov.all.total}</td><td class="num">${cov.all.telegram}</td><td class="num">${cov.all.whatsapp}</td><td class="num">${cov.all.none}</td></tr>`] : []),
])}
${cov.all.none ? html`<form class="filters" method="get" action="/asn/belum-terdaftar.xlsx">
<label>${t.cols.unit}<select name="unit">${options([['', t.all], ...cov.units.filter((u) => u.none).map((u) => [u.unit, u.unit] as const)], unit)}</select></label>
<button type="submit">${rt.download}</button></form>` : ''}</section>
<section class="panel"><h2>${t.asn.upload}</h2><p class="muted">${t.asn.uploadHint}</p>
<form method="post" action="/asn/unggah" enctype="multipart/form-data">${csrfField(ctx)}
<input type="file" name="berkas" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required>
<button type="submit">${t.asn.uploadButton}</button></form></section>`;
    return html200(reply, 200, page(ctx, t.asn.title, body));
  });

  f.get('/asn/belum-terdaftar.xlsx', async (req, reply) => {
    const lang = app.config.LANGUAGE;
    const unitText = param(req.query, 'unit');
    const unit = unitText ? app.registry.units().find((u) => u.toLowerCase() === unitText.toLowerCase()) : undefined;
    if (unitText && !unit) return reply.redirect('/asn#pendaftaran', 303);
    const now = app.clock();
    const bytes = await unregisteredXlsx(app, lang, unit);
    auditOffice(app.db, webActor(req.dash!.admin), 'asn export unregistered', unit ?? '', 'ok', now);
    const day = zonedDay(now, app.config.APP_TIMEZONE).replace(/-/g, '');
    reply.header('Content-Disposition', `attachment; filename="asn-belum-terdaftar-${day}.xlsx"`);
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(bytes);
  });

  f.get('/asn/tambah', async (req, reply) => {
    const ctx = deps.ctx(req, '/asn');
    return html200(reply, 200, page(ctx, ctx.t.asn.add, form(ctx, '/asn/tambah', { nip: '', nama: '', unit: '', telepon: '', telegram: '' }, false, [])));
  });

  f.post('/asn/tambah', async (req, reply) => {
    const ctx = deps.ctx(req, '/asn');
    const v = fieldsOf(req.body);
    const r = addAsn(app, v, webActor(req.dash!.admin));
    if (r.ok) return deps.done(reply, `/asn${query({ q: r.asn.nip })}`, 'asnAdded');
    return html200(reply, 400, page(ctx, ctx.t.asn.add, form(ctx, '/asn/tambah', v, false, problemsOf(ctx, r))));
  });

  const nipOf = (p: unknown): string => String((p as { nip?: string }).nip ?? '').slice(0, 40);

  f.get('/asn/:nip/ubah', async (req, reply) => {
    const ctx = deps.ctx(req, '/asn');
    const a = getAsn(app, nipOf(req.params));
    if (!a) return html200(reply, 404, page(ctx, ctx.t.asn.notFound(nipOf(req.params)), html`<p><a href="/asn">${ctx.t.asn.cancel}</a></p>`));
    const v = { nip: a.nip, nama: a.nama, unit: a.unit, telepon: a.phone, telegram: telegramText(a) };
    return html200(reply, 200, page(ctx, ctx.t.asn.editTitle(a.nip), form(ctx, `/asn/${a.nip}/ubah`, v, true, [])));
  });

  f.post('/asn/:nip/ubah', async (req, reply) => {
    const ctx = deps.ctx(req, '/asn');
    const nip = nipOf(req.params);
    const v = { ...fieldsOf(req.body), nip };
    const r = updateAsn(app, nip, { nama: v.nama, unit: v.unit, telepon: v.telepon, telegram: v.telegram }, webActor(req.dash!.admin));
    if (r.ok) return deps.done(reply, `/asn${query({ q: nip })}`, r.changed ? 'asnUpdated' : 'asnUnchanged');
    return html200(reply, r.reason === 'not_found' ? 404 : 400, page(ctx, ctx.t.asn.editTitle(nip), form(ctx, `/asn/${nip}/ubah`, v, true, problemsOf(ctx, r))));
  });

  f.get('/asn/:nip/hapus', async (req, reply) => {
    const ctx = deps.ctx(req, '/asn');
    const a = getAsn(app, nipOf(req.params));
    if (!a) return html200(reply, 404, page(ctx, ctx.t.asn.notFound(nipOf(req.params)), html`<p><a href="/asn">${ctx.t.asn.cancel}</a></p>`));
    const body = html`<p>${a.nip} · ${a.unit} · ${a.phone}</p><p>${ctx.t.asn.removeConfirm}</p>
<form method="post" action="/asn/${a.nip}/hapus">${csrfField(ctx)}<button type="submit" class="danger">${ctx.t.asn.remove}</button> <a href="/asn">${ctx.t.asn.cancel}</a></form>`;
    return html200(reply, 200, page(ctx, ctx.t.asn.removeTitle(a.nama), body));
  });

  f.post('/asn/:nip/hapus', async (req, reply) => {
    const ctx = deps.ctx(req, '/asn');
    const r = removeAsn(app, nipOf(req.params), webActor(req.dash!.admin));
    if (r.ok) return deps.done(reply, '/asn', 'asnRemoved');
    const problems = problemsOf(ctx, r);
    return html200(reply, r.reason === 'not_found' ? 404 : 409, page(ctx, ctx.t.asn.remove, html`<p class="notice bad">${problems.join(' ')}</p><p><a href="/asn">${ctx.t.asn.cancel}</a></p>`));
  });

  // ---- upload: preview first, apply second

  const previewPage = (ctx: PageContext, filename: string, r: ImportResult, id: string | undefined): Html => {
    const t = ctx.t;
    if (!r.ok) {
      return html`<p><strong>${filename}</strong></p><div class="notice bad"><p>${t.asn.badRows(r.errors.length)} ${t.asn.nothingWritten}</p></div>
${table(ctx, [t.cols.line, t.cols.why], r.errors.map((e) => html`<tr><td>${e.line || '-'}</td><td>${e.reason}</td></tr>`))}
<p><a href="/asn">${t.asn.cancel}</a></p>`;
    }
    const changes = r.changes ?? [];
    const changed = r.inserted + r.updated;
    return html`<p><strong>${filename}</strong></p><p>${t.asn.previewSummary({ rows: r.total, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged })} ${t.asn.nothingWritten}</p>
${table(ctx, [t.cols.line, t.cols.change, t.cols.nip, t.cols.name, t.cols.unit], changes.map((c) => html`<tr><td>${c.line}</td><td>${c.change === 'new' ? t.asn.changeNew : t.asn.changeUpdate}</td><td>${c.nip}</td><td>${c.nama}</td><td>${c.unit}</td></tr>`))}
${changed > changes.length ? html`<p class="muted">${t.asn.moreRows(changed - changes.length)}</p>` : ''}
${id && changed ? html`<form method="post" action="/asn/unggah/terapkan">${csrfField(ctx)}<input type="hidden" name="unggahan" value="${id}"><button type="submit">${t.asn.apply}</button> <a href="/asn">${t.asn.cancel}</a></form>` : html`<p><a href="/asn">${t.asn.cancel}</a></p>`}`;
  };

  f.post('/asn/unggah', { config: { upload: true } }, async (req, reply) => {
    const ctx = deps.ctx(req, '/asn');
    const t = ctx.t;
    const fail = (status: number, line: string) => html200(reply, status, page(ctx, t.asn.preview, html`<p class="notice bad">${line}</p><p><a href="/asn">${t.asn.cancel}</a></p>`));
    if (!req.isMultipart()) return fail(400, t.asn.noFile);
    let file;
    try {
      file = await req.file();
    } catch {
      return fail(400, t.asn.noFile);
    }
    // The token must come before the file in the form (it does: the hidden field is first).
    const sentCsrf = file && (file.fields['_csrf'] as { value?: unknown } | undefined)?.value;
    if (!csrfOk(req.dash!, sentCsrf)) {
      file?.file.resume();
      return html200(reply, 403, page(ctx, t.notices.csrf, html`<p>${t.forbidden}</p>`));
    }
    if (!file || !file.filename) return fail(400, t.asn.noFile);
    if (!/\.(csv|txt|xlsx)$/i.test(file.filename)) {
      file.file.resume();
      return fail(400, t.asn.fileType);
    }
    let bytes: Buffer;
    try {
      bytes = await file.toBuffer();
    } catch {
      return fail(413, t.asn.fileTooBig(MAX_UPLOAD_MB));
    }
    const filename = file.filename.replace(/[^\w.\- ]/g, '_').slice(0, 120);
    const src = await readRegistryFile(bytes, filename, app.config.LANGUAGE);
    const r = previewRegistry(app.db, src, app.clock(), app.config.LANGUAGE);
    let id: string | undefined;
    if (r.ok && r.inserted + r.updated > 0) {
      const now = app.clock();
      for (const [k, p] of pending) if (p.expiresAt <= now || p.admin === req.dash!.admin) pending.delete(k);
      while (pending.size >= MAX_PENDING) pending.delete(pending.keys().next().value!);
      id = randomBytes(16).toString('base64url');
      pending.set(id, { admin: req.dash!.admin, filename, bytes, expiresAt: now + UPLOAD_TTL_MS });
    }
    return html200(reply, r.ok ? 200 : 422, page(ctx, t.asn.preview, previewPage(ctx, filename, r, id)));
  });

  f.post('/asn/unggah/terapkan', async (req, reply) => {
    const ctx = deps.ctx(req, '/asn');
    const id = param(req.body, 'unggahan', 40) ?? '';
    const p = pending.get(id);
    if (!p || p.admin !== req.dash!.admin || p.expiresAt <= app.clock()) return deps.done(reply, '/asn', 'uploadGone');
    pending.delete(id);
    const src = await readRegistryFile(p.bytes, p.filename, app.config.LANGUAGE);
    const r = applyRegistry(app.db, src, { actor: webActor(req.dash!.admin), filename: p.filename, now: app.clock(), registry: app.registry, lang: app.config.LANGUAGE });
    if (r.ok) return deps.done(reply, '/asn', 'imported');
    // The registry changed between preview and apply so that the file no longer fits: show why; nothing was written.
    return html200(reply, 422, page(ctx, ctx.t.asn.preview, previewPage(ctx, p.filename, r, undefined)));
  });
}
