/** `/grup`: groups with their campaign status and why; mark / unmark; reminders on / off. */
import type { FastifyInstance } from 'fastify';
import { webActor } from '../../app/dashboard/access.js';
import { listGroups, setCampaignBy, setRemindersBy } from '../../app/dashboard/groups.js';
import { html, query } from '../html.js';
import { csrfField, page, pager, platformName, table, timeOfDay, when } from '../layout.js';
import type { RouteDeps } from '../deps.js';
import { dossierForm } from './evidence.js';
import { offsetOf, PAGE_SIZE, param } from './util.js';

/** Registers the group routes. */
export function registerGroupRoutes(f: FastifyInstance, deps: RouteDeps): void {
  const { app } = deps;

  f.get('/grup', async (req, reply) => {
    const ctx = deps.ctx(req);
    const t = ctx.t;
    const search = param(req.query, 'q', 100);
    const offset = offsetOf(req.query);
    const res = listGroups(app, { search, offset, limit: PAGE_SIZE });
    const back = `/grup${query({ q: search, hal: offset ? offset / PAGE_SIZE + 1 : undefined })}`;
    const button = (action: string, platform: string, chatId: string, label: string, cls = '') => html`<form class="inline" method="post" action="/grup/${action}">${csrfField(ctx)}
<input type="hidden" name="platform" value="${platform}"><input type="hidden" name="chat" value="${chatId}"><input type="hidden" name="kembali" value="${back}">
<button type="submit" class="${cls}">${label}</button></form>`;
    const body = html`<p class="muted">${t.groups.intro}</p>
<form class="filters" method="get" action="/grup"><label>${t.groups.search}<input type="search" name="q" value="${search ?? ''}"></label><button type="submit" class="secondary">${t.filter}</button></form>
${table(ctx, [t.cols.group, t.cols.platform, t.cols.campaign, t.cols.why, t.cols.botMember, t.cols.reminders, [t.cols.cases, 'num'], t.cols.action], res.rows.map((c) => html`<tr>
<td>${c.title ?? c.chatId}<div class="muted">${c.chatId}</div></td><td>${platformName(c.platform)}</td>
<td>${c.campaign ? html`<span class="status open">${t.groups.campaignYes}</span>` : t.groups.campaignNo}</td>
<td>${c.campaignReason ?? '-'}<div class="muted">${t.groups.sources[c.campaignSource] ?? c.campaignSource}${c.markedBy ? ` · ${c.markedBy}` : ''}</div></td>
<td>${c.botMember ? t.yes : t.no}</td>
<td>${c.campaign ? (c.remindersEnabled ? t.groups.on : t.groups.off) : '-'}${c.campaign && c.remindersEnabled && res.quietUntil ? html`<div class="muted">${t.groups.heldUntil(timeOfDay(ctx, res.quietUntil))}</div>` : ''}${c.lastReminderAt ? html`<div class="muted">${when(ctx, c.lastReminderAt)}</div>` : ''}</td>
<td class="num">${t.groups.casesWithOpen(c.cases, c.openCases)}</td>
<td>${c.campaign ? button('lepas', c.platform, c.chatId, t.groups.unmark, 'secondary') : button('tandai', c.platform, c.chatId, t.groups.mark, 'danger')}
${c.campaign ? (c.remindersEnabled ? button('pengingat-mati', c.platform, c.chatId, t.groups.remindersOff, 'secondary') : button('pengingat-nyala', c.platform, c.chatId, t.groups.remindersOn, 'secondary')) : ''}
${c.cases ? dossierForm(ctx, { kind: 'group', platform: c.platform, chatId: c.chatId }) : ''}</td></tr>`))}
${pager(ctx, '/grup', { q: search }, offset, res.rows.length, res.total, PAGE_SIZE)}`;
    return reply.type('text/html; charset=utf-8').send(page(ctx, t.groups.title, body).value);
  });

  const back = (body: unknown): string => {
    const k = param(body, 'kembali', 300);
    return k && /^\/grup(\?[\w=&%.+-]*)?$/.test(k) ? k : '/grup';
  };
  const target = (body: unknown) => ({ platform: param(body, 'platform', 20) ?? '', chat: param(body, 'chat', 100) ?? '' });

  for (const campaign of [true, false]) {
    f.post(campaign ? '/grup/tandai' : '/grup/lepas', async (req, reply) => {
      const { platform, chat } = target(req.body);
      const r = setCampaignBy(app, platform, chat, campaign, webActor(req.dash!.admin));
      return deps.done(reply, back(req.body), r.ok ? (campaign ? 'marked' : 'unmarked') : 'noGroup');
    });
  }
  for (const on of [true, false]) {
    f.post(on ? '/grup/pengingat-nyala' : '/grup/pengingat-mati', async (req, reply) => {
      const { platform, chat } = target(req.body);
      const r = setRemindersBy(app, platform, chat, on, webActor(req.dash!.admin));
      return deps.done(reply, back(req.body), r.ok ? (on ? 'remindersOn' : 'remindersOff') : 'noGroup');
    });
  }
}
