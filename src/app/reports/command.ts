/**
 * `/report` for Humas admins (private chat: the summary text plus CSV, XLSX
 * and PNG files) and `jaga-netral report` on the command line.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fsErrorText } from '../../core/messages/fs-error.js';
import { reportCliProblemText, reportCliTexts } from '../../core/messages/report-cli.js';
import { dirname, join } from 'node:path';
import { cliTexts } from '../../core/messages/cli.js';
import { reportTexts } from '../../core/messages/report.js';
import { cleanLabel, ECHO_MAX } from '../../core/text/label.js';
import type { Config } from '../../config.js';
import type { AppCases, AppCore } from '../context.js';
import type { CommandSpec } from '../commands/types.js';
import { buildReport } from './build.js';
import { reportBaseName, reportCsv, REPORTS_KEEP, writeReportFiles, writeReportPng, writeReportXlsx } from './files.js';
import { parseReportArgs, parseReportCliArgs, rangeFilters, resolveUnit, type FilterError } from './filters.js';
import { outPathProblem } from './out-guard.js';
import { formatReportText } from './text.js';
import { auditRemoval, filesAndBytes } from '../../store/audit.js';
import { ensureOwnPrivateDir, ensurePrivateDir, writePrivateFile } from '../../store/private-files.js';

/** The reports folder of each App on a `:memory:` database, by its config (the App and all it hands the config to share it). */
const memoryReportsDirs = new WeakMap<Config, string>();
/** Those folders not removed yet: an App never closed (a test that ends without it) loses its folder when the process exits. */
const openMemoryReportsDirs = new Set<string>();
const removeOpenMemoryReportsDirs = (): void => {
  for (const dir of openMemoryReportsDirs) rmSync(dir, { recursive: true, force: true });
  openMemoryReportsDirs.clear();
};
/** The folders' names: the process's id, then mkdtemp's six characters. */
const MEMORY_REPORTS_PREFIX = 'jaga-netral-reports-';
const MEMORY_REPORTS_NAME = /^jaga-netral-reports-(\d+)-[A-Za-z0-9]{6}$/;

/**
 * Removes the folders a process left when it was killed before its exit handlers ran (a test runner ends its
 * workers with SIGTERM): those named for a process that is gone. Once per process, before its first folder.
 */
function sweepDeadMemoryReportsDirs(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(MEMORY_REPORTS_NAME.exec(name)?.[1] ?? 0);
    if (!pid || pid === process.pid || isAlive(pid)) continue;
    rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, someone else's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
let swept = false;

/**
 * Where report files go by default: `reports/` next to the database. A `:memory:` database (tests, benchmarks,
 * replay) lives only in its App, and so do its files: a folder of its own in the system's temporary folder
 * (`jaga-netral-reports-<pid>-XXXXXX`), made on first use and removed when the App closes ({@link removeMemoryReportsDir})
 * or, for an App never closed, when the process exits (or by the next process, if it was killed); never in the working
 * tree, and never shared, so one App's pruning of old reports never touches another's.
 */
export function reportsDir(app: Pick<AppCore, 'config'>): string {
  const p = app.config.DATABASE_PATH;
  if (p !== ':memory:') return join(dirname(p), 'reports');
  let dir = memoryReportsDirs.get(app.config);
  if (!dir) {
    if (!swept) {
      swept = true;
      sweepDeadMemoryReportsDirs();
    }
    memoryReportsDirs.set(app.config, (dir = mkdtempSync(join(tmpdir(), `${MEMORY_REPORTS_PREFIX}${process.pid}-`))));
    if (openMemoryReportsDirs.size === 0) process.once('exit', removeOpenMemoryReportsDirs);
    openMemoryReportsDirs.add(dir);
  }
  return dir;
}

/** Removes the reports folder of an App on a `:memory:` database, with its files (App.close). */
export function removeMemoryReportsDir(config: Config): void {
  const dir = memoryReportsDirs.get(config);
  if (dir === undefined) return;
  memoryReportsDirs.delete(config);
  openMemoryReportsDirs.delete(dir);
  if (openMemoryReportsDirs.size === 0) process.off('exit', removeOpenMemoryReportsDirs);
  rmSync(dir, { recursive: true, force: true });
}

function filterErrorText(e: FilterError, lang: 'id' | 'en'): string {
  const t = reportTexts(lang);
  // What was asked, echoed as one short line (an argument of thousands of characters would fill the answer).
  const asked = cleanLabel(e.value, ECHO_MAX);
  if (e.error === 'unit') return e.ambiguous ? reportCliTexts(lang).ambiguousUnit(asked, e.candidates ?? []) : t.badUnit(asked, e.candidates ?? []);
  return `${t.badPeriod(asked)}\n${t.usage}`;
}

/** The `/report` command spec (register with `app.commands.add(reportCommand(app))`). */
export function reportCommand(app: AppCases, opts: { dir?: string } = {}): CommandSpec {
  return {
    name: 'report',
    aliases: ['laporan'],
    usage: '[hari ini | kemarin | 7 hari | minggu lalu | bulan ini | November 2024 | 27/11/2024 [s/d 30/11/2024] | semua] [unit]',
    description: { id: 'laporan kasus (teks, CSV, XLSX, grafik)', en: 'case report (text, CSV, XLSX, chart)' },
    who: 'admin',
    where: 'private',
    run: async (ctx) => {
      const tz = app.config.APP_TIMEZONE;
      const parsed = parseReportArgs(ctx.args, ctx.now, tz, app.registry.units());
      if (!parsed.ok) return { text: filterErrorText(parsed, ctx.lang) };
      const report = buildReport(app.db, app.registry, parsed.filters, tz);
      const dir = opts.dir ?? reportsDir(app);
      const files = await writeReportFiles(report, dir, ctx.lang, { inUse: app.monitor.outbox.undeliveredFiles() });
      // Older report files made room for these: on the record once they are gone (they held personal data).
      if (files.pruned.files) auditRemoval(app.db, ctx.now, `report files beyond the newest ${REPORTS_KEEP} in ${dir}`, `old report files deleted: ${filesAndBytes(files.pruned.files, files.pruned.bytes)}`);
      if (files.pruned.failed.length) app.log.warn({ failed: files.pruned.failed }, 'report: old report files that could not be deleted (kept; tried again next time)');
      const caption = reportTexts(ctx.lang).filesCaption;
      const base = files.name;
      return {
        text: formatReportText(report, ctx.lang),
        files: [
          { path: files.csv, filename: `${base}.csv`, caption },
          { path: files.xlsx, filename: `${base}.xlsx`, caption },
          { path: files.png, filename: `${base}.png`, caption },
        ],
      };
    },
  };
}

/** Where the CLI writes. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Output printed byte for byte (cli/args.ts CliIo.raw). */
  raw?: (s: string) => void;
}

const stdio: CliIo = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

/**
 * `jaga-netral report [--from DATE] [--to DATE] [--unit NAME] [--format text|csv|xlsx|png] [--separator ;|,] [--out FILE]`.
 * Text and CSV go to stdout unless `--out`; XLSX and PNG need a file (default under the reports dir; its path is printed).
 * Without dates it covers all time, as `/report` without a period does, and prints the same text.
 * Returns the exit code.
 */
export async function runReportCli(app: AppCases, argv: readonly string[], io: CliIo = stdio): Promise<number> {
  const parsed = parseReportCliArgs(argv);
  if (!parsed.ok) {
    const usage = cliTexts(app.config.LANGUAGE).usage.report.synopsis.join('\n');
    io.err(`report: ${reportCliProblemText(parsed.problem, app.config.LANGUAGE)}\n\n${usage}\n`);
    return 2;
  }
  const a = parsed.args;
  const tz = app.config.APP_TIMEZONE;
  const lang = app.config.LANGUAGE;
  let unit: string | undefined;
  if (a.unit) {
    const u = resolveUnit(a.unit, app.registry.units());
    if (!u.ok) {
      io.err(`report: ${filterErrorText(u, lang)}\n`);
      return 1;
    }
    unit = u.unit;
  }
  if (a.out) {
    const problem = await outPathProblem(a.out, Boolean(a.force), lang);
    if (problem) {
      io.err(`report: ${problem}\n`);
      return 1;
    }
  }
  const now = app.clock();
  const filters = a.from || a.to ? rangeFilters(a.from, a.to, tz, now, unit) : { period: { kind: 'all' as const }, now, unit };
  const report = buildReport(app.db, app.registry, filters, tz);
  try {
    if (a.format === 'xlsx' || a.format === 'png') {
      const path = a.out ?? join(reportsDir(app), `${reportBaseName(report)}.${a.format}`);
      if (a.out) ensurePrivateDir(dirname(path));
      else ensureOwnPrivateDir(dirname(path));
      if (a.format === 'xlsx') await writeReportXlsx(report, path, lang);
      else writeReportPng(report, path, lang);
      io.out(`${path}\n`);
      return 0;
    }
    const body = a.format === 'csv' ? reportCsv(report, lang, a.separator) : `${formatReportText(report, lang)}\n`;
    if (a.out) {
      writePrivateFile(a.out, body);
      io.out(`${a.out}\n`);
    } else {
      // A CSV's cells already show hidden characters (core/csv.ts); its BOM and CRLF are the spreadsheet's.
      (a.format === 'csv' ? (io.raw ?? io.out) : io.out)(body);
    }
    return 0;
  } catch (err) {
    io.err(`report: ${reportCliTexts(lang).cannotWrite(a.out, fsErrorText(err, lang))}\n`);
    return 1;
  }
}

