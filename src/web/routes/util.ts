/** Reading query strings and form bodies safely: strings only, bounded length, known values. */
import { addDays, isDay } from '../../app/reports/filters.js';
import { startOfZonedDay } from '../../core/time.js';

/** Rows per table page. */
export const PAGE_SIZE = 50;

/** A string parameter (trimmed, at most `max` characters), or undefined. */
export function param(src: unknown, name: string, max = 200): string | undefined {
  const v = (src as Record<string, unknown> | undefined)?.[name];
  if (typeof v !== 'string') return undefined;
  const s = v.trim().slice(0, max);
  return s === '' ? undefined : s;
}

/** One of `allowed`, or undefined. */
export function oneOf<T extends string>(src: unknown, name: string, allowed: readonly T[]): T | undefined {
  const v = param(src, name, 40);
  return v !== undefined && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** The page number `hal` (1-based) as an offset. */
export function offsetOf(src: unknown, pageSize = PAGE_SIZE): number {
  const n = Number(param(src, 'hal', 9) ?? '1');
  return Number.isInteger(n) && n > 1 ? Math.min(n - 1, 1_000_000) * pageSize : 0;
}

/** A `YYYY-MM-DD` parameter as a day, or undefined (invalid days are dropped). */
export function dayParam(src: unknown, name: string): string | undefined {
  const v = param(src, name, 10);
  return v && isDay(v) ? v : undefined;
}

/** `[from, to)` in epoch ms for inclusive local days. */
export function dayRange(from: string | undefined, to: string | undefined, tz: string): { from?: number; to?: number } {
  return { from: from ? startOfZonedDay(from, tz) : undefined, to: to ? startOfZonedDay(addDays(to, 1), tz) : undefined };
}
