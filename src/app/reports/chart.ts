/**
 * The report charts as SVG: cases per day stacked by kind (the dashboard's
 * chart and, rendered by resvg, the report's PNG: one drawing for both) and
 * cases per unit as bars with a legend. Pure string building, every label
 * escaped; sizes are in SVG units chosen so that text stays readable when the
 * chart is shrunk to a phone's width (about 0.7 of its size at 375 px).
 */
import { reportTexts } from '../../core/messages/report.js';
import type { IncidentKind } from '../../core/types.js';
import { KINDS, type Report } from './build.js';

/** Width of both charts in SVG units. */
export const CHART_VIEW_WIDTH = 460;

/** Bar colour per kind (RGB): red, orange, purple, blue, grey, green. */
export const KIND_COLORS: Record<IncidentKind, [number, number, number]> = {
  added: [214, 39, 40],
  mentioned: [255, 127, 14],
  reacted: [148, 103, 189],
  posted: [31, 119, 180],
  present: [127, 127, 127],
  reported: [44, 160, 44],
};

/** Unit chart colours: all cases (light blue) and the open ones among them (red). */
export const UNIT_COLORS = { total: [143, 179, 217] as [number, number, number], open: [192, 57, 43] as [number, number, number] };

/** The font every chart names (resvg maps it to DejaVu Sans when rendering the PNG). */
export const CHART_FONT = 'DejaVu Sans, Noto Sans, Arial, sans-serif';

const INK = '#1d2430';
const MUTED = '#5b6675';
const GRID = '#e3e7ec';
const AXIS_FONT = 15;
const TITLE_FONT = 17;

/** Month abbreviations when the caller gives none (Indonesian, the default language). */
const DEFAULT_MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MEI', 'JUN', 'JUL', 'AGU', 'SEP', 'OKT', 'NOV', 'DES'];

/**
 * A chart date: `2024-11-02` -> `2 NOV` (`2 NOV 2024` with the year). Never `11-02`, which an
 * Indonesian reader takes for 11 February.
 */
export function chartDayLabel(day: string, months: readonly string[] = DEFAULT_MONTHS, year = false): string {
  const label = `${Number(day.slice(8, 10))} ${months[Number(day.slice(5, 7)) - 1] ?? day.slice(5, 7)}`;
  return year ? `${label} ${day.slice(0, 4)}` : label;
}

/** A "nice" axis maximum and step (1, 2, 5 x 10^k) for at most about five ticks. */
export function niceScale(max: number): { max: number; step: number } {
  if (max <= 0) return { max: 1, step: 1 };
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag);
  return { max: Math.ceil(max / step) * step, step };
}

const XML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for SVG content and attributes (unit names come from the registry, which strangers' files fill). */
const esc = (s: string | number): string => String(s).replace(/[&<>"']/g, (c) => XML[c]!);
const rgb = (c: readonly number[]): string => `rgb(${c.join(',')})`;
const n1 = (v: number): string => (Math.round(v * 10) / 10).toString();
/** About how wide `s` is at `size` (DejaVu Sans averages 0.6 em; wider is safer for layout). */
const textWidth = (s: string, size: number): number => [...s].length * size * 0.62;

/** Legend items laid out left to right, wrapping to new rows; returns the markup and the height used. */
function legend(items: readonly { color: readonly number[]; label: string }[], top: number, width: number): { svg: string; height: number } {
  const rowH = 20;
  let x = 0;
  let row = 0;
  const parts: string[] = [];
  for (const it of items) {
    const w = 14 + 5 + textWidth(it.label, AXIS_FONT) + 14;
    if (x > 0 && x + w > width) {
      x = 0;
      row++;
    }
    const y = top + row * rowH;
    parts.push(`<rect x="${n1(x)}" y="${y}" width="14" height="14" fill="${rgb(it.color)}"/><text x="${n1(x + 19)}" y="${y + 12}" font-size="${AXIS_FONT}" fill="${INK}">${esc(it.label)}</text>`);
    x += w;
  }
  return { svg: parts.join(''), height: items.length ? (row + 1) * rowH : 0 };
}

/** What the per-day chart says in words. */
export interface PerDayChartLabels {
  title: string;
  kinds: Record<IncidentKind, string>;
  months: readonly string[];
  /** Shown in the plot when there is nothing to draw ("tidak ada kasus"). */
  empty: string;
}

/**
 * Stacked bars of cases per day by kind: a title, the period, a legend of the kinds that occur, a y axis
 * and day labels that never overlap. Days are grouped into one bar when there are too many for 3 units each.
 */
export function perDayChartSvg(perDay: Report['perDay'], l: PerDayChartLabels): string {
  const W = CHART_VIEW_WIDTH;
  const left = 34;
  const right = 6;
  const plotW = W - left - right;
  const dayLabel = (day: string, year = false) => chartDayLabel(day, l.months, year);
  const perBar = Math.max(1, Math.ceil(perDay.length / Math.floor(plotW / 3)));
  const bars: { day: string; byKind: Record<IncidentKind, number> }[] = [];
  for (let i = 0; i < perDay.length; i += perBar) {
    const chunk = perDay.slice(i, i + perBar);
    const byKind: Record<IncidentKind, number> = { added: 0, mentioned: 0, reacted: 0, posted: 0, present: 0, reported: 0 };
    for (const d of chunk) for (const k of KINDS) byKind[k] += d.byKind[k];
    bars.push({ day: chunk[0]!.day, byKind });
  }
  const totals = bars.map((b) => KINDS.reduce((s, k) => s + b.byKind[k], 0));
  const empty = totals.every((t) => t === 0);
  const shown = KINDS.filter((k) => bars.some((b) => b.byKind[k] > 0));

  const parts: string[] = [];
  parts.push(`<text x="0" y="${TITLE_FONT}" font-size="${TITLE_FONT}" font-weight="bold" fill="${INK}">${esc(l.title)}</text>`);
  if (perDay.length) {
    const first = perDay[0]!.day;
    const last = perDay[perDay.length - 1]!.day;
    const span = first === last ? dayLabel(first, true) : `${dayLabel(first, true)} – ${dayLabel(last, true)}`;
    parts.push(`<text x="0" y="${TITLE_FONT + 19}" font-size="${AXIS_FONT}" fill="${MUTED}">${esc(span)}</text>`);
  }
  const lg = legend(shown.map((k) => ({ color: KIND_COLORS[k], label: l.kinds[k] })), TITLE_FONT + 30, W);
  parts.push(lg.svg);
  const top = TITLE_FONT + 30 + lg.height + 12;
  const plotH = 170;
  const bottom = top + plotH;
  const H = bottom + 26;

  const scale = niceScale(Math.max(0, ...totals));
  const y = (v: number) => bottom - (v / scale.max) * plotH;
  for (let v = 0; v <= scale.max; v += scale.step) {
    parts.push(`<line x1="${left}" x2="${W - right}" y1="${n1(y(v))}" y2="${n1(y(v))}" stroke="${GRID}"/><text x="${left - 6}" y="${n1(y(v) + 4.5)}" font-size="${AXIS_FONT}" text-anchor="end" fill="${MUTED}">${v}</text>`);
  }
  const slot = plotW / Math.max(1, bars.length);
  const barW = Math.max(1, Math.min(28, slot * 0.78));
  const every = Math.max(1, Math.ceil((textWidth('30 NOV', AXIS_FONT) + 8) / slot));
  bars.forEach((b, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    let acc = 0;
    for (const k of KINDS) {
      if (b.byKind[k] <= 0) continue;
      const y1 = y(acc + b.byKind[k]);
      const h = y(acc) - y1;
      acc += b.byKind[k];
      parts.push(`<rect x="${n1(x)}" y="${n1(y1)}" width="${n1(barW)}" height="${n1(h)}" fill="${rgb(KIND_COLORS[k])}"><title>${esc(`${dayLabel(b.day, true)} · ${l.kinds[k]}: ${b.byKind[k]}`)}</title></rect>`);
    }
    if (i % every === 0) {
      const cx = x + barW / 2;
      parts.push(`<line x1="${n1(cx)}" x2="${n1(cx)}" y1="${bottom}" y2="${bottom + 4}" stroke="${MUTED}"/><text x="${n1(Math.min(W - right - textWidth(dayLabel(b.day), AXIS_FONT) / 2, Math.max(left, cx)))}" y="${bottom + 19}" font-size="${AXIS_FONT}" text-anchor="middle" fill="${MUTED}">${esc(dayLabel(b.day))}</text>`);
    }
  });
  parts.push(`<line x1="${left}" x2="${W - right}" y1="${bottom}" y2="${bottom}" stroke="${MUTED}"/>`);
  if (empty) parts.push(`<text x="${n1(left + plotW / 2)}" y="${n1(top + plotH / 2)}" font-size="${TITLE_FONT}" text-anchor="middle" fill="${MUTED}">${esc(l.empty)}</text>`);
  return svgDoc(W, H, l.title, parts);
}

/** What the unit chart says in words. */
export interface UnitChartLabels {
  title: string;
  /** Legend of the light bar (every case) and the red one (cases still open). */
  total: string;
  open: string;
  /** After a count: "3 (1 terbuka)". */
  openWord: string;
  empty: string;
}

/** One bar per unit (the largest first, at most `limit`) under a title and legend: the name above its bar, all cases light, open ones red, counts after. */
export function unitChartSvg(units: readonly { unit: string; total: number; open: number }[], l: UnitChartLabels, limit = 12): string {
  const W = CHART_VIEW_WIDTH;
  const shown = units.slice(0, limit);
  const parts: string[] = [`<text x="0" y="${TITLE_FONT}" font-size="${TITLE_FONT}" font-weight="bold" fill="${INK}">${esc(l.title)}</text>`];
  const lg = legend([{ color: UNIT_COLORS.total, label: l.total }, { color: UNIT_COLORS.open, label: l.open }], TITLE_FONT + 12, W);
  parts.push(lg.svg);
  const top = TITLE_FONT + 12 + lg.height + 6;
  const rowH = 40;
  const max = Math.max(1, ...shown.map((u) => u.total));
  const countW = textWidth(`999 (999 ${l.openWord})`, AXIS_FONT) + 8;
  const scale = (W - countW) / max;
  const maxChars = Math.floor(W / (AXIS_FONT * 0.62));
  const clip = (s: string) => ([...s].length > maxChars ? `${[...s].slice(0, maxChars - 1).join('')}…` : s);
  shown.forEach((u, i) => {
    const yy = top + i * rowH;
    parts.push(`<text x="0" y="${yy + 14}" font-size="${AXIS_FONT}" fill="${INK}">${esc(clip(u.unit))}<title>${esc(u.unit)}</title></text>`);
    parts.push(`<rect x="0" y="${yy + 19}" width="${n1(Math.max(1, u.total * scale))}" height="14" fill="${rgb(UNIT_COLORS.total)}"><title>${esc(`${u.unit}: ${u.total}`)}</title></rect>`);
    if (u.open) parts.push(`<rect x="0" y="${yy + 19}" width="${n1(u.open * scale)}" height="14" fill="${rgb(UNIT_COLORS.open)}"><title>${esc(`${u.unit}, ${l.open}: ${u.open}`)}</title></rect>`);
    parts.push(`<text x="${n1(u.total * scale + 6)}" y="${yy + 31}" font-size="${AXIS_FONT}" fill="${INK}">${esc(u.open ? `${u.total} (${u.open} ${l.openWord})` : u.total)}</text>`);
  });
  if (!shown.length) parts.push(`<text x="0" y="${top + 20}" font-size="${AXIS_FONT}" fill="${MUTED}">${esc(l.empty)}</text>`);
  return svgDoc(W, top + Math.max(1, shown.length) * rowH, l.title, parts);
}

/** The document around a drawing of `w` x `h` units, with a white margin of 10 units all round. */
function svgDoc(w: number, h: number, title: string, parts: readonly string[]): string {
  const m = 10;
  const [vw, vh] = [w + 2 * m, h + 2 * m];
  return `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="${-m} ${-m} ${vw} ${vh}" width="${vw}" height="${vh}" role="img" aria-label="${esc(title)}" font-family="${CHART_FONT}"><rect x="${-m}" y="${-m}" width="${vw}" height="${vh}" fill="#fff"/>${parts.join('')}</svg>`;
}

/** The per-day chart in `lang`: what the dashboard shows for a period and what the report PNG renders. */
export function reportChartSvg(perDay: Report['perDay'], lang: 'id' | 'en'): string {
  const t = reportTexts(lang);
  return perDayChartSvg(perDay, { title: t.chartTitle, kinds: t.kind, months: t.chartMonths, empty: t.chartEmpty });
}

/** The unit chart in `lang`. */
export function unitReportChartSvg(units: readonly { unit: string; total: number; open: number }[], lang: 'id' | 'en'): string {
  const t = reportTexts(lang);
  return unitChartSvg(units, { ...t.unitChart, empty: t.chartEmpty });
}
