/**
 * Report filters: a period in APP_TIMEZONE and an optional unit (OPD), parsed
 * from `/report [hari ini | kemarin | 7h | 30h | semua | YYYY-MM-DD[..YYYY-MM-DD]] [unit]` and
 * from the CLI's `--from --to --unit`.
 */
import { parseCsvSeparator, type CsvSeparator } from '../../core/csv.js';
import type { ReportCliProblem } from '../../core/messages/report-cli.js';
import { startOfZonedDay, zonedDay } from '../../core/time.js';
import type { EpochMs } from '../../core/types.js';

/** The period as asked for, kept for labels. */
export type PeriodSpec =
  | { kind: 'all' }
  | { kind: 'today' }
  | { kind: 'days'; days: number }
  | { kind: 'range'; fromDay?: string; toDay?: string };

/** What a report covers: cases opened in `[from, to)`, of one unit when given. */
export interface ReportFilters {
  /** Inclusive lower bound on opened_at; none = from the beginning. */
  from?: EpochMs;
  /** Exclusive upper bound on opened_at; none = up to `now`. */
  to?: EpochMs;
  /** Unit (OPD) name, matched case-insensitively. */
  unit?: string;
  period: PeriodSpec;
  /** When the report was asked for. */
  now: EpochMs;
}

/** A parse failure: which part, and the offending text. */
export type FilterError = { ok: false; error: 'period' | 'unit' | 'args'; value: string; candidates?: string[]; ambiguous?: boolean };
/** A parse result. */
export type FilterParse = { ok: true; filters: ReportFilters } | FilterError;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written `YYYY-MM-DD`. */
export function isDay(s: string): boolean {
  const m = DAY.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** `YYYY-MM-DD` plus `n` days (calendar arithmetic, no zone involved). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Filters for an inclusive day range in a zone; either end may be open. */
export function rangeFilters(fromDay: string | undefined, toDay: string | undefined, tz: string, now: EpochMs, unit?: string): ReportFilters {
  return {
    from: fromDay ? startOfZonedDay(fromDay, tz) : undefined,
    to: toDay ? startOfZonedDay(addDays(toDay, 1), tz) : undefined,
    unit,
    period: { kind: 'range', fromDay, toDay },
    now,
  };
}

/** Resolves a typed unit against the known units: exact (any case), else the one unit containing it. */
export function resolveUnit(typed: string, units: readonly string[] | undefined): { ok: true; unit: string } | FilterError {
  const q = typed.trim().toLowerCase();
  if (!units) return { ok: true, unit: typed.trim() };
  const exact = units.find((u) => u.toLowerCase() === q);
  if (exact) return { ok: true, unit: exact };
  const partial = units.filter((u) => u.toLowerCase().includes(q));
  if (partial.length === 1) return { ok: true, unit: partial[0]! };
  return { ok: false, error: 'unit', value: typed.trim(), candidates: partial.length ? partial : [...units], ambiguous: partial.length > 1 };
}

/**
 * Parses the arguments of `/report`: an optional period first (`hari ini`/`today`,
 * `kemarin`/`yesterday`, `7h`/`7d`, `YYYY-MM-DD`, `YYYY-MM-DD..YYYY-MM-DD`, `semua`/`all`),
 * then an optional unit name (the rest). No period = all time. A first word that is no
 * period and no part of a unit name is refused as a period, with the list of period words.
 */
export function parseReportArgs(args: readonly string[], now: EpochMs, tz: string, units?: readonly string[]): FilterParse {
  let rest = [...args];
  let filters: ReportFilters = { period: { kind: 'all' }, now };
  const first = (rest[0] ?? '').toLowerCase();
  const second = (rest[1] ?? '').toLowerCase();
  const today = zonedDay(now, tz);
  if (first === 'hari' && second === 'ini') {
    filters = { from: startOfZonedDay(today, tz), period: { kind: 'today' }, now };
    rest = rest.slice(2);
  } else if (first === 'today' || first === 'hariini') {
    filters = { from: startOfZonedDay(today, tz), period: { kind: 'today' }, now };
    rest = rest.slice(1);
  } else if (first === 'kemarin' || first === 'yesterday') {
    const yesterday = addDays(today, -1);
    filters = rangeFilters(yesterday, yesterday, tz, now);
    rest = rest.slice(1);
  } else if (first === 'semua' || first === 'all') {
    rest = rest.slice(1);
  } else if (/^\d+[hd]$/.test(first)) {
    const days = Number(first.slice(0, -1));
    if (days < 1 || days > 3660) return { ok: false, error: 'period', value: rest[0]! };
    filters = { from: startOfZonedDay(addDays(today, -(days - 1)), tz), period: { kind: 'days', days }, now };
    rest = rest.slice(1);
  } else if (/^\d/.test(first)) {
    const m = /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/.exec(first);
    const a = m?.[1];
    const b = m?.[2] ?? a;
    if (!a || !b || !isDay(a) || !isDay(b) || a > b) return { ok: false, error: 'period', value: rest[0]! };
    filters = rangeFilters(a, b, tz, now);
    rest = rest.slice(1);
  }
  const unitText = rest.join(' ').trim();
  if (unitText) {
    const u = resolveUnit(unitText, units);
    if (!u.ok) {
      // No period was recognised and the first word is part of no unit name: it was meant as a period.
      const periodGiven = rest.length !== args.length;
      const inSomeUnit = (units ?? []).some((n) => n.toLowerCase().includes(first));
      if (!periodGiven && !inSomeUnit) return { ok: false, error: 'period', value: args[0]! };
      return u;
    }
    filters.unit = u.unit;
  }
  return { ok: true, filters };
}

/** What `jaga-netral report` was asked for. */
export interface ReportCliArgs {
  from?: string;
  to?: string;
  unit?: string;
  format: 'text' | 'csv' | 'xlsx' | 'png';
  out?: string;
  /** `--force`: `--out` may replace a file that is not a previous report. */
  force?: boolean;
  /** `--separator ;|,` for the CSV (default: `;` with LANGUAGE=id, `,` with en). */
  separator?: CsvSeparator;
}

/** Parses `report [--from DATE] [--to DATE] [--unit NAME] [--format text|csv|xlsx|png] [--separator ;|,] [--out FILE]` (also `--x=value`). */
export function parseReportCliArgs(argv: readonly string[]): { ok: true; args: ReportCliArgs } | { ok: false; problem: ReportCliProblem } {
  const args: ReportCliArgs = { format: 'text' };
  const known = new Set(['from', 'to', 'unit', 'format', 'out', 'separator']);
  const fail = (problem: ReportCliProblem) => ({ ok: false as const, problem });
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === 'report' && i === 0) continue;
    if (a === '--force') {
      args.force = true;
      continue;
    }
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(a);
    if (!m || !known.has(m[1]!)) return fail({ code: 'unknown_argument', arg: a });
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') return fail({ code: 'needs_value', option: m[1]! });
    switch (m[1]) {
      case 'from':
      case 'to':
        if (!isDay(value)) return fail({ code: 'bad_date', option: m[1], value });
        args[m[1]] = value;
        break;
      case 'unit':
        args.unit = value;
        break;
      case 'format':
        if (value !== 'text' && value !== 'csv' && value !== 'xlsx' && value !== 'png') return fail({ code: 'bad_format', value });
        args.format = value;
        break;
      case 'out':
        args.out = value;
        break;
      case 'separator': {
        const sep = parseCsvSeparator(value);
        if (!sep) return fail({ code: 'bad_separator', value });
        args.separator = sep;
        break;
      }
    }
  }
  if (args.from && args.to && args.from > args.to) return fail({ code: 'from_after_to', from: args.from, to: args.to });
  // An --out named for another format (--format xlsx --out r.csv) would leave a file that opens as garbage.
  const ext = args.out ? /\.(txt|csv|xlsx|png)$/i.exec(args.out)?.[1]?.toLowerCase() : undefined;
  const wanted = args.format === 'text' ? 'txt' : args.format;
  if (args.out && ext && ext !== wanted) return fail({ code: 'out_extension', out: args.out, format: args.format, suggested: args.out.slice(0, -ext.length) + wanted });
  return { ok: true, args };
}
