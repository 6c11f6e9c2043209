/** The page shell (header, navigation, notice, footer) and small shared widgets. */
import { dashboardTexts, type DashboardNotice, type DashboardTexts } from '../core/messages/dashboard.js';
import { evidenceWebTexts } from '../core/messages/evidence.js';
import { reportTexts } from '../core/messages/report.js';
import { selfReportWebTexts } from '../core/messages/self-report-web.js';
import { formatDateTime, zonedParts, zoneLabel } from '../core/time.js';
import type { IncidentStatus } from '../core/types.js';
import { html, query, trusted, type Html, type Part } from './html.js';

/** What every page render knows about the request. */
export interface PageContext {
  lang: 'id' | 'en';
  tz: string;
  t: DashboardTexts;
  admin: string;
  /** The admin's name in chat, when known: the header shows it rather than the handle. */
  adminName?: string;
  csrf: string;
  /** Path of the page (for the navigation highlight). */
  path: string;
  notice?: DashboardNotice;
}

/** A time in the configured zone, or '-'. */
export const when = (ctx: Pick<PageContext, 'tz' | 'lang'>, at: number | null | undefined): string =>
  at === null || at === undefined ? '-' : formatDateTime(at, ctx.tz, ctx.lang);

/** `06.00` (id) / `06:00` (en): a time of day in the configured zone. */
export const timeOfDay = (ctx: Pick<PageContext, 'tz' | 'lang'>, at: number): string => {
  const p = zonedParts(at, ctx.tz);
  return `${String(p.hour).padStart(2, '0')}${ctx.lang === 'id' ? '.' : ':'}${String(p.minute).padStart(2, '0')}`;
};

/** `Telegram` / `WhatsApp`. */
export const platformName = (p: string): string => (p === 'telegram' ? 'Telegram' : p === 'whatsapp' ? 'WhatsApp' : p);

/** A status badge. */
export function statusBadge(ctx: Pick<PageContext, 'lang'>, s: IncidentStatus): Html {
  return html`<span class="status ${s}">${reportTexts(ctx.lang).status[s] ?? s}</span>`;
}

/** The hidden CSRF field every form carries. */
export const csrfField = (ctx: Pick<PageContext, 'csrf'>): Html => html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`;

const BAD_NOTICES: ReadonlySet<DashboardNotice> = new Set(['noReason', 'notOpen', 'alreadyOpen', 'otherOpen', 'noCase', 'noGroup', 'uploadGone', 'csrf']);

/** A full page. */
export function page(ctx: PageContext, title: string, body: Part): Html {
  const t = ctx.t;
  const nav: [string, string][] = [
    ['/', t.nav.overview], ['/kasus', t.nav.cases], ['/grup', t.nav.groups], ['/asn', t.nav.asn], ['/audit', t.nav.audit], ['/laporan', t.nav.reports],
    ['/pelaku', evidenceWebTexts(ctx.lang).nav],
    ['/laporan-asn', selfReportWebTexts(ctx.lang).nav],
  ];
  const here = (href: string) => (href === '/' ? ctx.path === '/' : ctx.path === href || ctx.path.startsWith(`${href}/`));
  return html`<!doctype html>
<html lang="${ctx.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${t.appName}</title><link rel="stylesheet" href="/gaya.css"></head>
<body><header><a class="brand" href="/">${t.appName}</a>
<nav>${nav.map(([href, label]) => html`<a href="${href}"${here(href) ? html` class="here" aria-current="page"` : ''}>${label}</a>`)}</nav>
<span class="who">${t.signedInAs(ctx.adminName ? `${ctx.adminName} (${ctx.admin})` : ctx.admin)}</span>
<form method="post" action="/keluar">${csrfField(ctx)}<button type="submit">${t.nav.logout}</button></form></header>
<main><h1>${title}</h1>
${ctx.notice ? html`<p class="notice${BAD_NOTICES.has(ctx.notice) ? ' bad' : ''}" role="status">${t.notices[ctx.notice]}</p>` : ''}
${body}</main>
<footer>${t.timesIn(`${zoneLabel(ctx.tz)} (${ctx.tz})`)}</footer></body></html>`;
}

/** A page for people who are not signed in: a title and sentences, no data. */
export function barePage(lang: 'id' | 'en', title: string, lines: string[]): Html {
  const t = dashboardTexts(lang);
  return html`<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · ${t.appName}</title><link rel="stylesheet" href="/gaya.css"></head>
<body><div class="login"><h1>${t.appName}: ${title}</h1>${lines.map((l) => html`<p>${l}</p>`)}</div></body></html>`;
}

/** Previous/next links for a paged table; `params` are the current filters. */
export function pager(ctx: PageContext, path: string, params: Record<string, string | undefined>, offset: number, shown: number, total: number, pageSize: number): Html {
  if (total === 0) return html``;
  const pageNo = Math.floor(offset / pageSize) + 1;
  const link = (p: number, label: string) => html`<a href="${path}${query({ ...params, hal: p > 1 ? p : undefined })}">${label}</a>`;
  return html`<div class="pager">${pageNo > 1 ? link(pageNo - 1, ctx.t.prev) : ''}<span class="muted">${ctx.t.pager(offset + 1, offset + shown, total)}</span>${
    offset + shown < total ? link(pageNo + 1, ctx.t.next) : ''
  }</div>`;
}

/**
 * A table with a header row; an empty list shows the "nothing here" line. Each cell gets its column's
 * name as `data-label`, which a phone-width screen shows beside the value when rows become cards.
 */
export function table(ctx: PageContext, headers: (string | [string, 'num'])[], rows: Html[]): Html {
  if (!rows.length) return html`<p class="muted">${ctx.t.none}</p>`;
  const names = headers.map((h) => (Array.isArray(h) ? h[0] : h));
  // Cell contents are escaped by the templates, so every literal "<td" in a row is one of its cells.
  const labelled = rows.map((r) => {
    let i = 0;
    return trusted(r.value.replace(/<td(?=[\s>])/g, () => html`<td data-label="${names[i++] ?? ''}"`.value));
  });
  return html`<div class="tablewrap"><table><thead><tr>${headers.map((h) =>
    Array.isArray(h) ? html`<th class="num">${h[0]}</th>` : html`<th>${h}</th>`,
  )}</tr></thead><tbody>${labelled}</tbody></table></div>`;
}

/** `<option>`s with one selected. */
export function options(values: readonly (readonly [string, string])[], selected: string | undefined): Html {
  return html`${values.map(([v, label]) => html`<option value="${v}"${v === (selected ?? '') ? html` selected` : ''}>${label}</option>`)}`;
}
