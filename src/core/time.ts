/**
 * Showing times to people: stored times are UTC epoch ms; people read them in
 * the configured zone, with the Indonesian zone names they know (WIB/WITA/WIT).
 */
import type { EpochMs } from './types.js';

const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string, lang: 'id' | 'en', withTime: boolean): Intl.DateTimeFormat {
  const key = `${tz}|${lang}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
      timeZone: tz,
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

/** Zone label shown after a time: WIB/WITA/WIT for Indonesia, the IANA name otherwise. */
export function zoneLabel(tz: string): string {
  return ZONE_NAMES[tz] ?? tz;
}

/** `25 Nov 2026 08.30 WIB` (id) or `25 Nov 2026, 08:30 WIB` (en). */
export function formatDateTime(at: EpochMs, tz: string, lang: 'id' | 'en' = 'id'): string {
  return `${formatter(tz, lang, true).format(at)} ${zoneLabel(tz)}`;
}

/** `25 Nov 2026`. */
export function formatDate(at: EpochMs, tz: string, lang: 'id' | 'en' = 'id'): string {
  return formatter(tz, lang, false).format(at);
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** Wall-clock parts of an instant in a zone. */
export function zonedParts(at: EpochMs, tz: string): { year: number; month: number; day: number; hour: number; minute: number } {
  // One formatter per zone: building one costs far more than using it (reports call this per case).
  let f = partsFormatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    partsFormatters.set(tz, f);
  }
  const parts = f.formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

/** `YYYY-MM-DD` of an instant in a zone (for grouping by day). */
export function zonedDay(at: EpochMs, tz: string): string {
  const p = zonedParts(at, tz);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant of local midnight starting `YYYY-MM-DD` in a zone. */
export function startOfZonedDay(day: string, tz: string): EpochMs {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d);
  const p = zonedParts(guess, tz);
  const offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - guess;
  return guess - offset;
}

/** Quiet hours as local `HH:MM` bounds; may wrap midnight (21:00-06:00). */
export interface QuietHours {
  from: string;
  to: string;
}

const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The earliest instant at or after `at` that is outside quiet hours. */
export function afterQuietHours(at: EpochMs, quiet: QuietHours | undefined, tz: string): EpochMs {
  if (!quiet) return at;
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  const p = zonedParts(at, tz);
  const now = p.hour * 60 + p.minute;
  const inQuiet = from <= to ? now >= from && now < to : now >= from || now < to;
  if (!inQuiet) return at;
  const wait = (to - now + 24 * 60) % (24 * 60);
  return at + wait * 60_000 - (at % 60_000);
}
