/**
 * The report PNG: the dashboard's SVG chart rendered by resvg (@resvg/resvg-js), so one drawing
 * serves the page and the file. Text needs a font on the machine: resvg reads the system fonts and
 * the chart asks for DejaVu Sans (Debian's fonts-dejavu-core, which .ci/run installs when missing).
 */
import { Resvg } from '@resvg/resvg-js';
import type { Report } from './build.js';
import { CHART_VIEW_WIDTH, reportChartSvg } from './chart.js';

/** Width of the PNG in pixels: twice the SVG's units (with its margins), sharp on a phone screen and in a printout. */
export const CHART_PNG_WIDTH = (CHART_VIEW_WIDTH + 20) * 2;

/** Renders an SVG document to PNG bytes, `width` pixels wide, on white. */
export function svgToPng(svg: string, width = CHART_PNG_WIDTH): Buffer {
  const r = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    logLevel: 'off',
  });
  return r.render().asPng();
}

/** The report's chart as PNG bytes. */
export function renderChart(r: Report, lang: 'id' | 'en' = 'id'): Buffer {
  return svgToPng(reportChartSvg(r.perDay, lang));
}
