/**
 * The report chart, drawn pixel by pixel into a PNG (pngjs): stacked bars of
 * cases per day by kind, a y axis with ticks, day labels and a legend, in a
 * tiny built-in 3x5 bitmap font (digits, A-Z and a few signs).
 */
import { PNG } from 'pngjs';
import type { IncidentKind } from '../../core/types.js';
import { KINDS, type Report } from './build.js';

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

/** Chart size in pixels. */
export const CHART_WIDTH = 800;
/** Chart height in pixels. */
export const CHART_HEIGHT = 400;

/** Bar colour per kind (RGB). */
export const KIND_COLORS: Record<IncidentKind, [number, number, number]> = {
  added: [214, 39, 40],
  mentioned: [255, 127, 14],
  reacted: [148, 103, 189],
  posted: [31, 119, 180],
  present: [127, 127, 127],
};

/** 3x5 glyphs, one string of 15 cells per character, row by row. */
const GLYPHS: Record<string, string> = {
  '0': '####.##.##.####', '1': '.#.##..#..#.###', '2': '###..#####..###', '3': '###..#.##..####', '4': '#.##.####..#..#',
  '5': '####..###..####', '6': '####..####.####', '7': '###..#..#.#..#.', '8': '####.#####.####', '9': '####.####..####',
  A: '.#.#.#####.##.#', B: '##.#.###.#.###.', C: '.###..#..#...##', D: '##.#.##.##.###.', E: '####..##.#..###',
  F: '####..##.#..#..', G: '.###..#.##.#.##', H: '#.##.#####.##.#', I: '###.#..#..#.###', J: '..#..#..##.#.#.',
  K: '#.##.###.#.##.#', L: '#..#..#..#..###', M: '#.########.##.#', N: '##.#.##.##.##.#', O: '.#.#.##.##.#.#.',
  P: '##.#.###.#..#..', Q: '.#.#.##.###..##', R: '##.#.###.#.##.#', S: '.###...#...###.', T: '###.#..#..#..#.',
  U: '#.##.##.##.####', V: '#.##.##.##.#.#.', W: '#.##.########.#', X: '#.##.#.#.#.##.#', Y: '#.##.#.#..#..#.',
  Z: '###..#.#.#..###', '-': '......###......', ':': '....#.....#....', '.': '.............#.', '/': '..#..#.#.#..#..',
  ' ': '...............',
};

/** A drawable RGBA canvas over a pngjs image. */
class Canvas {
  readonly png: PNG;
  constructor(readonly width: number, readonly height: number) {
    this.png = new PNG({ width, height });
    this.rect(0, 0, width, height, [255, 255, 255]);
  }
  pixel(x: number, y: number, c: readonly [number, number, number]): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    const i = (this.width * Math.floor(y) + Math.floor(x)) << 2;
    this.png.data[i] = c[0];
    this.png.data[i + 1] = c[1];
    this.png.data[i + 2] = c[2];
    this.png.data[i + 3] = 255;
  }
  rect(x: number, y: number, w: number, h: number, c: readonly [number, number, number]): void {
    for (let yy = Math.max(0, Math.floor(y)); yy < Math.min(this.height, Math.floor(y + h)); yy++) {
      for (let xx = Math.max(0, Math.floor(x)); xx < Math.min(this.width, Math.floor(x + w)); xx++) this.pixel(xx, yy, c);
    }
  }
  /** Draws text with the 3x5 font at `scale`; returns the width drawn. */
  text(s: string, x: number, y: number, scale: number, c: readonly [number, number, number]): number {
    let cx = x;
    for (const ch of s.toUpperCase()) {
      const g = GLYPHS[ch] ?? GLYPHS[' ']!;
      for (let i = 0; i < 15; i++) if (g[i] === '#') this.rect(cx + (i % 3) * scale, y + Math.floor(i / 3) * scale, scale, scale, c);
      cx += 4 * scale;
    }
    return cx - x;
  }
}

/** Width in pixels of `s` in the built-in font at `scale`. */
export const textWidth = (s: string, scale: number): number => s.length * 4 * scale;

/** A "nice" axis maximum and step (1, 2, 5 x 10^k) for at most about five ticks. */
export function niceScale(max: number): { max: number; step: number } {
  if (max <= 0) return { max: 1, step: 1 };
  const raw = max / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag);
  return { max: Math.ceil(max / step) * step, step };
}

/** Draws the per-day chart and returns the PNG bytes. */
export function renderChart(r: Report, labels: { title: string; kinds: Record<IncidentKind, string>; months?: readonly string[] }): Buffer {
  const dayLabel = (day: string, year = false): string => chartDayLabel(day, labels.months ?? DEFAULT_MONTHS, year);
  const cv = new Canvas(CHART_WIDTH, CHART_HEIGHT);
  const ink: [number, number, number] = [40, 40, 40];
  const grid: [number, number, number] = [225, 225, 225];
  cv.text(labels.title, 12, 10, 3, ink);

  // Legend: only the kinds that occur (all of them when the report is empty).
  const shown = KINDS.filter((k) => r.byKind[k] > 0);
  let lx = 12;
  for (const k of shown.length ? shown : KINDS) {
    cv.rect(lx, 32, 10, 10, KIND_COLORS[k]);
    lx += 14 + cv.text(labels.kinds[k], lx + 14, 33, 2, ink) + 14;
  }

  const left = 56;
  const right = CHART_WIDTH - 16;
  const top = 56;
  const bottom = CHART_HEIGHT - 40;
  const plotW = right - left;
  const plotH = bottom - top;

  // Bucket days into bars so that every bar is at least 3 px wide.
  const perBar = Math.max(1, Math.ceil(r.perDay.length / Math.floor(plotW / 3)));
  const bars: { day: string; byKind: Record<IncidentKind, number> }[] = [];
  for (let i = 0; i < r.perDay.length; i += perBar) {
    const chunk = r.perDay.slice(i, i + perBar);
    const byKind = { added: 0, mentioned: 0, reacted: 0, posted: 0, present: 0 };
    for (const d of chunk) for (const k of KINDS) byKind[k] += d.byKind[k];
    bars.push({ day: chunk[0]!.day, byKind });
  }
  const totals = bars.map((b) => KINDS.reduce((s, k) => s + b.byKind[k], 0));
  const scale = niceScale(Math.max(0, ...totals));

  for (let v = 0; v <= scale.max; v += scale.step) {
    const y = Math.round(bottom - (v / scale.max) * plotH);
    cv.rect(left, y, plotW, 1, grid);
    const label = String(v);
    cv.text(label, left - 8 - textWidth(label, 2) + 2, y - 5, 2, ink);
  }

  const slot = bars.length ? plotW / bars.length : plotW;
  const barW = Math.max(1, Math.floor(slot * 0.75));
  bars.forEach((b, i) => {
    const x = left + i * slot + (slot - barW) / 2;
    let y = bottom;
    for (const k of KINDS) {
      const h = (b.byKind[k] / scale.max) * plotH;
      if (h <= 0) continue;
      cv.rect(x, y - h, barW, Math.ceil(h), KIND_COLORS[k]);
      y -= h;
    }
  });

  // Day labels ("2 NOV"), spaced so they never overlap.
  const every = Math.max(1, Math.ceil((textWidth('00 MMM', 2) + 8) / slot));
  bars.forEach((b, i) => {
    if (i % every) return;
    const label = dayLabel(b.day);
    const cx = left + i * slot + slot / 2;
    cv.rect(Math.round(cx), bottom, 1, 4, ink);
    cv.text(label, Math.round(cx - textWidth(label, 2) / 2), bottom + 8, 2, ink);
  });

  cv.rect(left, top, 1, plotH + 1, ink);
  cv.rect(left, bottom, plotW, 1, ink);
  if (bars.length) {
    const span = `${dayLabel(bars[0]!.day, true)} - ${dayLabel(r.perDay[r.perDay.length - 1]!.day, true)}`;
    cv.text(span, right - textWidth(span, 2), CHART_HEIGHT - 14, 2, [110, 110, 110]);
  }
  return PNG.sync.write(cv.png);
}
