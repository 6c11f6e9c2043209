/**
 * Helpers the office subcommands share (cli/office.ts, cli/evidence.ts): running a task on an App over
 * the configured database, and printing a table. In a module of their own so those subcommand modules
 * need not import each other (issue 21 point 13).
 */
import { existsSync } from 'node:fs';
import stringWidth from 'string-width';
import type { App } from '../app/app.js';
import type { Config } from '../config.js';
import { cliTexts, type CliTexts } from '../core/messages/cli.js';
import { showHidden } from '../core/text/visible.js';
import { configOrFail, type CliArgs } from './args.js';

/** Runs `fn` on an App over the configured database; -2 (already reported) when there is no config or, unless `create`, no database. */
export async function withApp(a: CliArgs, fn: (app: App, t: CliTexts, config: Config) => number | Promise<number>, opts: { create?: boolean } = {}): Promise<number> {
  const config = configOrFail(a.io);
  if (!config) return 2;
  const t = cliTexts(config.LANGUAGE);
  if (!opts.create && config.DATABASE_PATH !== ':memory:' && !existsSync(config.DATABASE_PATH)) {
    a.io.err(t.noDatabase(config.DATABASE_PATH));
    return 1;
  }
  const { App } = await import('../app/app.js');
  const app = new App({ config });
  try {
    return await fn(app, t, config);
  } finally {
    await app.close();
  }
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
/** `s` as what a reader counts as characters: an emoji with its joiners or a flag is one. */
const chars = (s: string): string[] => Array.from(graphemes.segment(s), (g) => g.segment);

/**
 * Columns padded to their widest cell (capped at `cap` terminal columns), two spaces apart. Every cell's hidden and
 * acting characters are shown as `[U+XXXX]` first (core/text/visible.ts, as the CLI's output does), so widths count
 * what is printed; cells are cut by grapheme (Intl.Segmenter), so a cut never splits an emoji's surrogate pair (Node
 * would write U+FFFD) or a joined emoji, and measured in the columns a terminal gives them (string-width: an emoji or
 * a CJK character takes two), so a group title with emoji does not push the columns after it out of line.
 */
export function table(header: string[], rows: string[][], cap = 40): string {
  const cells = [header, ...rows].map((r) =>
    r.map((c) => {
      const text = showHidden(c.replace(/\s+/g, ' '));
      const width = stringWidth(text);
      if (width <= cap) return { text, width };
      // Whole graphemes up to cap - 1 columns, then the ellipsis (one column).
      let kept = '';
      let used = 0;
      for (const g of chars(text)) {
        const w = stringWidth(g);
        if (used + w > cap - 1) break;
        kept += g;
        used += w;
      }
      return { text: `${kept}…`, width: used + 1 };
    }),
  );
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]?.width ?? 0)));
  return cells
    .map((r) => r.map((c, i) => c.text + (i === r.length - 1 ? '' : ' '.repeat(widths[i]! - c.width))).join('  ').trimEnd())
    .join('\n');
}
