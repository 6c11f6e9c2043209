/**
 * Helpers the office subcommands share (cli/office.ts, cli/evidence.ts): running a task on an App over
 * the configured database, and printing a table. In a module of their own so those subcommand modules
 * need not import each other (issue 21 point 13).
 */
import { existsSync } from 'node:fs';
import type { App } from '../app/app.js';
import type { Config } from '../config.js';
import { cliTexts, type CliTexts } from '../core/messages/cli.js';
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

/** Columns padded to their widest cell (capped), two spaces apart. */
export function table(header: string[], rows: string[][], cap = 40): string {
  const clip = (s: string) => (s.length > cap ? `${s.slice(0, cap - 1)}…` : s);
  const cells = [header, ...rows].map((r) => r.map((c) => clip(c.replace(/\s+/g, ' '))));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]?.length ?? 0)));
  return cells.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}
