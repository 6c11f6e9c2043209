/**
 * The evidence pages (issue 19): `/pelaku` (actors aggregated from the findings), `/pelaku/:ref`
 * (one actor and their cases), and `POST /berkas`, the dossier PDF of a case, a group or an actor
 * (app/evidence/dossier.ts, audited as `web:<admin>`), which the case, group and actor pages offer.
 */
import type { FastifyInstance } from 'fastify';
import { webActor } from '../../app/dashboard/access.js';
import { actorRef, makeDossier, parseActorRef, type DossierScope } from '../../app/evidence/dossier.js';
import { evidenceWebTexts } from '../../core/messages/evidence.js';
import { actorCaseIds, allActors, findActor } from '../../app/evidence/actors.js';
import { listCases } from '../../app/office/cases.js';
import { html, type Html } from '../html.js';
import { csrfField, page, platformName, statusBadge, table, when, type PageContext } from '../layout.js';
import type { RouteDeps } from '../deps.js';
import { oneOf, param } from './util.js';

/** The dossier button: a POST form (it is audited), with the choice to include the ASN's phone. */
export function dossierForm(ctx: PageContext, scope: DossierScope): Html {
  const t = evidenceWebTexts(ctx.lang);
  const hidden =
    scope.kind === 'case'
      ? html`<input type="hidden" name="lingkup" value="kasus"><input type="hidden" name="id" value="${String(scope.id)}">`
      : scope.kind === 'group'
        ? html`<input type="hidden" name="lingkup" value="grup"><input type="hidden" name="platform" value="${scope.platform}"><input type="hidden" name="chat" value="${scope.chatId}">`
        : html`<input type="hidden" name="lingkup" value="pelaku"><input type="hidden" name="pelaku" value="${actorRef(scope)}">`;
  return html`<form class="inline" method="post" action="/berkas">${csrfField(ctx)}${hidden}
<label><input type="checkbox" name="telepon" value="1"> ${t.withPhone}</label> <button type="submit" class="secondary">${t.dossierButton}</button></form>`;
}

/** Registers the evidence routes. */
export function registerEvidenceRoutes(f: FastifyInstance, deps: RouteDeps): void {
  const { app } = deps;

  f.get('/pelaku', async (req, reply) => {
    const ctx = deps.ctx(req);
    const t = evidenceWebTexts(ctx.lang);
    const rows = allActors(app);
    const c = t.cols;
    const body = html`<p class="muted">${t.intro}</p>
${table(ctx, [c.actor, c.names, c.phone, [c.events, 'num'], [c.asn, 'num'], [c.groups, 'num'], c.first, c.last], rows.map((r) => html`<tr>
<td><a href="/pelaku/${encodeURIComponent(actorRef(r))}">${actorRef(r)}</a><div class="muted">${platformName(r.platform)}</div></td>
<td>${[...r.names, ...r.handles].join('; ') || '-'}</td><td>${r.phone ?? '-'}</td><td class="num">${r.findings}</td><td class="num">${r.asn}</td><td class="num">${r.groups}</td>
<td>${when(ctx, r.firstAt)}</td><td>${when(ctx, r.lastAt)}</td></tr>`))}`;
    return reply.type('text/html; charset=utf-8').send(page(ctx, t.title, body).value);
  });

  f.get('/pelaku/:ref', async (req, reply) => {
    const ctx = deps.ctx(req, '/pelaku');
    const t = evidenceWebTexts(ctx.lang);
    const ref = parseActorRef((req.params as { ref: string }).ref);
    const a = ref ? findActor(app, ref) : undefined;
    if (!ref || !a) return reply.code(404).type('text/html; charset=utf-8').send(page(ctx, t.notFound, html`<p><a href="/pelaku">${t.back}</a></p>`).value);
    const ids = new Set(actorCaseIds(app, ref));
    const cases = listCases(app, { limit: 1000 }).rows.filter((x) => ids.has(x.id));
    const c = t.cols;
    const body = html`<p><a href="/pelaku">${t.back}</a></p>
<section class="panel"><dl class="facts"><dt>${c.actor}</dt><dd>${actorRef(a)} (${platformName(a.platform)})</dd><dt>${c.names}</dt><dd>${[...a.names, ...a.handles].join('; ') || '-'}</dd>
<dt>${c.phone}</dt><dd>${a.phone ?? '-'}</dd><dt>${c.events}</dt><dd>${a.findings}</dd><dt>${c.asn}</dt><dd>${a.asn}</dd><dt>${c.groups}</dt><dd>${a.groups}</dd>
<dt>${c.first}</dt><dd>${when(ctx, a.firstAt)}</dd><dt>${c.last}</dt><dd>${when(ctx, a.lastAt)}</dd></dl></section>
<h2>${c.cases}</h2>
${table(ctx, [ctx.t.cols.caseNo, ctx.t.cols.status, ctx.t.cols.asn, ctx.t.cols.group, ctx.t.cols.opened], cases.map((x) => html`<tr>
<td><a href="/kasus/${x.id}">#${x.id}</a></td><td>${statusBadge(ctx, x.status)}</td><td>${x.asnName}</td><td>${x.chatTitle}</td><td>${when(ctx, x.openedAt)}</td></tr>`))}
<section class="panel"><h2>${t.dossierTitle}</h2>${dossierForm(ctx, { kind: 'actor', ...ref })}</section>`;
    return reply.type('text/html; charset=utf-8').send(page(ctx, t.actorTitle(a.names.at(-1) ?? actorRef(a)), body).value);
  });

  f.post('/berkas', async (req, reply) => {
    const ctx = deps.ctx(req, '/pelaku');
    const t = evidenceWebTexts(ctx.lang);
    const b = req.body;
    const kind = oneOf(b, 'lingkup', ['kasus', 'grup', 'pelaku'] as const);
    const platform = oneOf(b, 'platform', ['telegram', 'whatsapp'] as const);
    const id = Number(param(b, 'id', 12));
    const actor = parseActorRef(param(b, 'pelaku', 220));
    const chat = param(b, 'chat', 100);
    const scope: DossierScope | undefined =
      kind === 'kasus' && Number.isSafeInteger(id) && id > 0 ? { kind: 'case', id }
      : kind === 'grup' && platform && chat ? { kind: 'group', platform, chatId: chat }
      : kind === 'pelaku' && actor ? { kind: 'actor', ...actor }
      : undefined;
    const r = scope ? await makeDossier(app, scope, { actor: webActor(req.dash!.admin), includePhone: param(b, 'telepon', 2) === '1' }) : undefined;
    if (!r?.ok) return reply.code(404).type('text/html; charset=utf-8').send(page(ctx, t.notFound, html`<p><a href="/pelaku">${t.back}</a></p>`).value);
    return reply.header('Content-Disposition', `attachment; filename="${r.fileName}"`).type('application/pdf').send(r.pdf);
  });
}
