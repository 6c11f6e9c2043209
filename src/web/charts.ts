/**
 * Charts drawn on the server as inline SVG (no script, nothing fetched): cases
 * per day stacked by kind, and cases per unit as horizontal bars. Colours are
 * the report PNG's; every label is escaped by the template helper.
 */
import { KIND_COLORS, niceScale } from '../app/reports/chart.js';
import { KINDS } from '../app/reports/build.js';
import type { IncidentKind } from '../core/types.js';
import { html, type Html } from './html.js';

const rgb = (k: IncidentKind): string => `rgb(${KIND_COLORS[k].join(',')})`;

/** Stacked bars of cases per day by kind, with a y axis, sparse day labels and a legend. */
export function perDayChart(days: readonly { day: string; byKind: Record<IncidentKind, number> }[], kindLabel: Record<IncidentKind, string>, title: string): Html {
  const W = 720;
  const H = 260;
  const left = 36;
  const right = 8;
  const top = 12;
  const bottom = 58;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const totals = days.map((d) => KINDS.reduce((s, k) => s + d.byKind[k], 0));
  const { max, step } = niceScale(Math.max(1, ...totals));
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const slot = plotW / Math.max(1, days.length);
  const barW = Math.max(1, Math.min(28, slot * 0.8));
  const ticks: number[] = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  const labelEvery = Math.max(1, Math.ceil(days.length / 10));
  const bars = days.map((d, i) => {
    let acc = 0;
    const x = left + i * slot + (slot - barW) / 2;
    const rects = KINDS.filter((k) => d.byKind[k] > 0).map((k) => {
      const y1 = y(acc + d.byKind[k]);
      const h = y(acc) - y1;
      acc += d.byKind[k];
      return html`<rect x="${x.toFixed(1)}" y="${y1.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${rgb(k)}"><title>${d.day} · ${kindLabel[k]}: ${d.byKind[k]}</title></rect>`;
    });
    const label = i % labelEvery === 0 ? html`<text x="${(x + barW / 2).toFixed(1)}" y="${top + plotH + 14}" font-size="10" text-anchor="middle" fill="#5b6675">${d.day.slice(5)}</text>` : '';
    return html`${rects}${label}`;
  });
  const legend = KINDS.map((k, i) => {
    const lx = left + i * 135;
    return html`<rect x="${lx}" y="${H - 22}" width="10" height="10" fill="${rgb(k)}"/><text x="${lx + 14}" y="${H - 13}" font-size="11" fill="#1d2430">${kindLabel[k]}</text>`;
  });
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}" xmlns="http://www.w3.org/2000/svg">
${ticks.map((v) => html`<line x1="${left}" x2="${W - right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="#e3e7ec"/><text x="${left - 5}" y="${(y(v) + 3.5).toFixed(1)}" font-size="10" text-anchor="end" fill="#5b6675">${v}</text>`)}
${bars}${legend}</svg>`;
}

/** Horizontal bars, one per unit (the largest first, at most `limit`). */
export function unitChart(units: readonly { unit: string; total: number; open: number }[], title: string, openLabel: string, limit = 12): Html {
  const shown = units.slice(0, limit);
  const W = 720;
  const rowH = 22;
  const labelW = 230;
  const H = Math.max(1, shown.length) * rowH + 8;
  const max = Math.max(1, ...shown.map((u) => u.total));
  const scale = (W - labelW - 130) / max;
  const clip = (s: string) => (s.length > 34 ? `${s.slice(0, 33)}…` : s);
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}" xmlns="http://www.w3.org/2000/svg">
${shown.map((u, i) => {
  const yy = 4 + i * rowH;
  return html`<text x="${labelW - 8}" y="${yy + 15}" font-size="12" text-anchor="end" fill="#1d2430">${clip(u.unit)}<title>${u.unit}</title></text>
<rect x="${labelW}" y="${yy + 3}" width="${(u.total * scale).toFixed(1)}" height="${rowH - 8}" fill="#8fb3d9"><title>${u.unit}: ${u.total}</title></rect>
<rect x="${labelW}" y="${yy + 3}" width="${(u.open * scale).toFixed(1)}" height="${rowH - 8}" fill="#c0392b"><title>${u.unit}, ${openLabel}: ${u.open}</title></rect>
<text x="${(labelW + u.total * scale + 6).toFixed(1)}" y="${yy + 15}" font-size="12" fill="#1d2430">${u.total}${u.open ? ` (${u.open} ${openLabel})` : ''}</text>`;
})}</svg>`;
}
