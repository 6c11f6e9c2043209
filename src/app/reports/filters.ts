/**
 * Report filters: a period in APP_TIMEZONE and an optional unit (OPD), parsed
 * from `/report [hari ini | kemarin | 7h | 7 hari | minggu lalu | bulan ini | November 2024 | 27/11/2024 s/d 30/11/2024 | semua] [unit]` and
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

/** Month names and their usual short forms, Indonesian and English, to the month's number. */
const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['januari', 'january', 'jan'], ['februari', 'february', 'feb', 'pebruari'], ['maret', 'march', 'mar'], ['april', 'apr'],
    ['mei', 'may'], ['juni', 'june', 'jun'], ['juli', 'july', 'jul'], ['agustus', 'august', 'agu', 'agt', 'ags', 'aug'],
    ['september', 'sep', 'sept'], ['oktober', 'october', 'okt', 'oct'], ['november', 'nov', 'nop', 'nopember'], ['desember', 'december', 'des', 'dec'],
  ].flatMap((names, i) => names.map((n) => [n, i + 1] as const)),
);

/** Words that join the two ends of a range as offices write it: `1/11/2024 s/d 30/11/2024`, `... sampai ...`. */
const RANGE_WORDS = new Set(['..', '-', '–', '—', 's/d', 'sd', 's.d.', 's.d', 'sampai', 'hingga', 'to', 'until']);

const pad = (n: number): string => String(n).padStart(2, '0');

/** A day as offices type it: `YYYY-MM-DD`, or day first, `27/11/2024`, `27-11-2024`, `27.11.2024` (Indonesian order); or undefined. */
export function parseDayWord(s: string): string | undefined {
  if (isDay(s)) return s;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return undefined;
  const day = `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`;
  return isDay(day) ? day : undefined;
}

/** The first and last day of a month. */
function monthDays(year: number, month: number): [string, string] {
  const first = `${year}-${pad(month)}-01`;
  return [first, addDays(`${month === 12 ? year + 1 : year}-${pad(month === 12 ? 1 : month + 1)}-01`, -1)];
}

/**
 * The everyday period words at the start of `words` (lower case), with how many words they took: `7 hari [terakhir]`,
 * `minggu|pekan ini|lalu` (Monday to Sunday), `bulan ini|lalu`, a month by name with or without its year (without: the
 * latest one not after this month), `tahun ini|lalu`, a day written `1 November 2024` or day first (`27/11/2024`), and a range of two
 * days joined by `..`, `-`, `s/d`, `sampai` and the like. Undefined when they are none of these; `bad` when they
 * start like one and are wrong (a day that does not exist, a range backwards).
 */
function periodWords(words: readonly string[], today: string): { from?: string; to?: string; days?: number; used: number } | 'bad' | undefined {
  const [w0 = '', w1 = '', w2 = ''] = words;
  const [ty, tm] = today.split('-').map(Number) as [number, number];
  if (/^\d+$/.test(w0) && /^(hari|days?)$/.test(w1)) {
    const days = Number(w0);
    if (days < 1 || days > 3660) return 'bad';
    return { days, used: /^(terakhir|terakhir\.|last)$/.test(w2) ? 3 : 2 };
  }
  if (w0 === 'last' && /^\d+$/.test(w1) && /^days?$/.test(w2)) return periodWords([w1, w2], today) === 'bad' ? 'bad' : { days: Number(w1), used: 3 };
  const thisOrLast = (w: string) => (w === 'ini' ? 0 : w === 'lalu' || w === 'kemarin' ? 1 : undefined);
  const enWhich = (w: string) => (w === 'this' ? 0 : w === 'last' ? 1 : undefined);
  const week = w0 === 'minggu' || w0 === 'pekan' ? thisOrLast(w1) : /^weeks?$/.test(w1) ? enWhich(w0) : undefined;
  if (week !== undefined) {
    const dow = new Date(`${today}T00:00:00Z`).getUTCDay();
    const monday = addDays(today, -((dow + 6) % 7) - 7 * week);
    return { from: monday, to: week ? addDays(monday, 6) : today, used: 2 };
  }
  const month = w0 === 'bulan' ? thisOrLast(w1) : w1 === 'month' ? enWhich(w0) : undefined;
  if (month !== undefined) {
    const [y, m] = month ? (tm === 1 ? [ty - 1, 12] : [ty, tm - 1]) : [ty, tm];
    const [from, to] = monthDays(y, m);
    return { from, to: month ? to : today, used: 2 };
  }
  const year = w0 === 'tahun' ? thisOrLast(w1) : w1 === 'year' ? enWhich(w0) : undefined;
  if (year !== undefined) return { from: `${ty - year}-01-01`, to: year ? `${ty - 1}-12-31` : today, used: 2 };
  const named = MONTHS.get(w0.replace(/\.$/, ''));
  if (named !== undefined) {
    const year = /^\d{4}$/.test(w1) ? Number(w1) : named > tm ? ty - 1 : ty;
    const [from, to] = monthDays(year, named);
    return { from, to, used: /^\d{4}$/.test(w1) ? 2 : 1 };
  }
  // One day, or two joined by a range word.
  const one = (at: number): { day: string; used: number } | 'bad' | undefined => {
    const a = words[at] ?? '';
    if (/^\d{1,2}$/.test(a) && MONTHS.has((words[at + 1] ?? '').replace(/\.$/, ''))) {
      const m = MONTHS.get(words[at + 1]!.replace(/\.$/, ''))!;
      const hasYear = /^\d{4}$/.test(words[at + 2] ?? '');
      const day = `${hasYear ? words[at + 2] : m > tm || (m === tm && Number(a) > Number(today.slice(8))) ? ty - 1 : ty}-${pad(m)}-${pad(Number(a))}`;
      return isDay(day) ? { day, used: hasYear ? 3 : 2 } : 'bad';
    }
    if (!/^\d/.test(a)) return undefined;
    const d = parseDayWord(a);
    return d ? { day: d, used: 1 } : 'bad';
  };
  const glued = /^(.+?)(?:\.\.|–|—)(.+)$/.exec(w0) ?? /^(\d{1,2}[/.]\d{1,2}[/.]\d{4})-(\d{1,2}[/.]\d{1,2}[/.]\d{4})$/.exec(w0);
  if (glued) {
    const a = parseDayWord(glued[1]!);
    const b = parseDayWord(glued[2]!);
    return a && b && a <= b ? { from: a, to: b, used: 1 } : 'bad';
  }
  const a = one(0);
  if (a === undefined || a === 'bad') return a;
  if (!RANGE_WORDS.has(words[a.used] ?? '')) return { from: a.day, to: a.day, used: a.used };
  const b = one(a.used + 1);
  if (b === undefined || b === 'bad' || b.day < a.day) return 'bad';
  return { from: a.day, to: b.day, used: a.used + 1 + b.used };
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
  } else {
    const p = periodWords(rest.map((w) => w.toLowerCase()), today);
    if (p === 'bad') return { ok: false, error: 'period', value: rest[0]! };
    if (p) {
      filters = p.days !== undefined
        ? { from: startOfZonedDay(addDays(today, -(p.days - 1)), tz), period: { kind: 'days', days: p.days }, now }
        : rangeFilters(p.from, p.to, tz, now);
      rest = rest.slice(p.used);
    }
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

/** Parses `report [--from DAY] [--to DAY] [--unit NAME] [--format text|csv|xlsx|png] [--separator ;|,] [--out FILE]` (also `--x=value`). */
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
      case 'to': {
        // A day as /report reads one: `2024-11-27` or day first, `27/11/2024`, `27-11-2024`, `27.11.2024`.
        const day = parseDayWord(value);
        if (!day) return fail({ code: 'bad_date', option: m[1], value });
        args[m[1]] = day;
        break;
      }
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
