/**
 * The report PNG: the dashboard's SVG chart rendered by resvg (@resvg/resvg-js), so one drawing
 * serves the page and the file. Text is drawn with DejaVu Sans from the `dejavu-fonts-ttf` package
 * (the PDF writer's font), never the machine's fonts: the same bytes on every server.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { Report } from './build.js';
import { CHART_VIEW_WIDTH, reportChartSvg } from './chart.js';

/** Width of the PNG in pixels: twice the SVG's units (with its margins), sharp on a phone screen and in a printout. */
export const CHART_PNG_WIDTH = (CHART_VIEW_WIDTH + 20) * 2;

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

/** How resvg renders a chart: `width` pixels wide, on white, with DejaVu Sans (regular and bold) only. */
export function chartRenderOptions(width = CHART_PNG_WIDTH): ResvgRenderOptions {
  return {
    fitTo: { mode: 'width', value: width },
    background: '#ffffff',
    font: {
      loadSystemFonts: false,
      fontFiles: [join(fontDir, 'DejaVuSans.ttf'), join(fontDir, 'DejaVuSans-Bold.ttf')],
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    logLevel: 'off',
  };
}

/** Renders an SVG document to PNG bytes, `width` pixels wide, on white. */
export function svgToPng(svg: string, width = CHART_PNG_WIDTH): Buffer {
  return new Resvg(svg, chartRenderOptions(width)).render().asPng();
}

/** The report's chart as PNG bytes. */
export function renderChart(r: Report, lang: 'id' | 'en' = 'id'): Buffer {
  return svgToPng(reportChartSvg(r.perDay, lang));
}
