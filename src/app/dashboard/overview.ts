/**
 * What the dashboard's Ringkasan page shows, read-only: the report figures of
 * a period (counts by status and kind, per day, per unit, median time to
 * leave, undeliverable alerts), the open cases now (paged, with the last
 * membership check), and the health facts `/status` and SIGUSR2 show.
 *
 * The figures are the report's (reports/build.ts) but aggregated in SQL, so
 * the page stays fast with tens of thousands of cases; cases are put into
 * local days by 15-minute buckets (every zone's offset is a multiple of 15 min).
 */
import type { Platform } from '../../core/ids.js';
import { startOfZonedDay, zonedDay } from '../../core/time.js';
import type { IncidentKind, IncidentStatus } from '../../core/types.js';
import type { App } from '../app.js';
import { health } from '../health.js';
import { KINDS, MAX_DAYS, median, STATUSES } from '../reports/build.js';
import { addDays, type ReportFilters } from '../reports/filters.js';

/** One open case as the overview table lists it. */
export interface OpenCaseLine {
  id: number;
  nip: string;
  asnName: string;
  unit: string;
  platform: Platform;
  chatTitle: string;
  kind: IncidentKind;
  openedAt: number;
  /** When a membership check last answered for this case, if ever. */
  checkedAt: number | null;
}

/** The report figures of a period. */
export interface OverviewStats {
  total: number;
  byStatus: Record<IncidentStatus, number>;
  byKind: Record<IncidentKind, number>;
  byUnit: { unit: string; total: number; open: number }[];
  perDay: { day: string; byKind: Record<IncidentKind, number> }[];
  medianLeaveMs: number | null;
  undeliverable: number;
}

/** The overview of one period. */
export interface Overview {
  stats: OverviewStats;
  openTotal: number;
  open: OpenCaseLine[];
  registered: number;
  health: Record<string, unknown>;
}

const BUCKET_MS = 15 * 60_000;
const zeroKinds = (): Record<IncidentKind, number> => Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<IncidentKind, number>;

/** The report figures for `filters` (cases opened in the period, of the unit when given). */
export function overviewStats(app: App, filters: ReportFilters): OverviewStats {
  const tz = app.config.APP_TIMEZONE;
  const params = { from: filters.from ?? null, to: filters.to ?? null, unit: filters.unit ?? null };
  const join = filters.unit ? 'JOIN asn a ON a.nip = i.asn_nip' : '';
  const where = `WHERE (@from IS NULL OR i.opened_at >= @from) AND (@to IS NULL OR i.opened_at < @to)${filters.unit ? ' AND a.unit = @unit COLLATE NOCASE' : ''}`;
  const q = <T>(sql: string) => app.db.prepare(sql).all(params) as T[];

  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<IncidentStatus, number>;
  const byKind = zeroKinds();
  const buckets = q<{ b: number; kind: IncidentKind; status: IncidentStatus; n: number }>(
    `SELECT i.opened_at / ${BUCKET_MS} AS b, i.kind, i.status, COUNT(*) AS n FROM incidents i ${join} ${where} GROUP BY b, i.kind, i.status ORDER BY b`,
  );
  const perDayMap = new Map<string, Record<IncidentKind, number>>();
  let total = 0;
  let firstDay: string | undefined;
  let lastDay: string | undefined;
  // Buckets come in order: look the local day up once per day, not once per bucket.
  let day = '';
  let nextDayAt = -Infinity;
  for (const r of buckets) {
    total += r.n;
    byStatus[r.status] += r.n;
    byKind[r.kind] += r.n;
    if (r.b * BUCKET_MS >= nextDayAt) {
      day = zonedDay(r.b * BUCKET_MS, tz);
      nextDayAt = startOfZonedDay(addDays(day, 1), tz);
    }
    firstDay ??= day;
    lastDay = day;
    const k = perDayMap.get(day) ?? zeroKinds();
    k[r.kind] += r.n;
    perDayMap.set(day, k);
  }
  // Every day of the period, like the report's chart (at most MAX_DAYS, the latest ones).
  const end = zonedDay(filters.to !== undefined ? filters.to - 1 : filters.now, tz);
  let start = filters.from !== undefined ? zonedDay(filters.from, tz) : (firstDay ?? end);
  const last = lastDay && lastDay > end ? lastDay : end;
  if (addDays(start, MAX_DAYS - 1) < last) start = addDays(last, -(MAX_DAYS - 1));
  const perDay: OverviewStats['perDay'] = [];
  for (let d = start; d <= last; d = addDays(d, 1)) perDay.push({ day: d, byKind: perDayMap.get(d) ?? zeroKinds() });

  const byUnit = app.db
    .prepare(
      `SELECT COALESCE(a.unit, '-') AS unit, COUNT(*) AS total, SUM(i.status = 'open') AS open FROM incidents i LEFT JOIN asn a ON a.nip = i.asn_nip
       ${where} GROUP BY COALESCE(a.unit, '-') ORDER BY total DESC, unit`,
    )
    .all(params) as { unit: string; total: number; open: number }[];
  const leave = app.db
    .prepare(`SELECT i.resolved_at - i.opened_at FROM incidents i ${join} ${where} AND i.status = 'left' AND i.resolved_at IS NOT NULL`)
    .pluck()
    .all(params) as number[];
  const undeliverable = app.db
    .prepare(
      `SELECT COUNT(*) FROM outbox o JOIN incidents i ON i.id = o.incident_id ${join}
       ${where} AND o.status = 'undeliverable' AND o.kind LIKE 'asn\\_%' ESCAPE '\\'`,
    )
    .pluck()
    .get(params) as number;
  return { total, byStatus, byKind, byUnit, perDay, medianLeaveMs: median(leave), undeliverable };
}

/** Builds the overview: `filters` bound the figures; the open cases are always "now", `offset`/`limit` page them. */
export function overview(app: App, filters: ReportFilters, page: { offset: number; limit: number }, startedAt: number): Overview {
  const openTotal = app.db.prepare(`SELECT COUNT(*) FROM incidents WHERE status = 'open'`).pluck().get() as number;
  const rows = app.db
    .prepare(
      `SELECT i.id, i.asn_nip, a.nama, a.unit, i.platform, i.chat_id, c.title, i.kind, i.opened_at, i.checked_at
       FROM incidents i LEFT JOIN asn a ON a.nip = i.asn_nip LEFT JOIN chats c ON c.platform = i.platform AND c.chat_id = i.chat_id
       WHERE i.status = 'open' ORDER BY i.opened_at DESC, i.id DESC LIMIT ? OFFSET ?`,
    )
    .all(page.limit, page.offset) as {
    id: number; asn_nip: string; nama: string | null; unit: string | null; platform: Platform; chat_id: string; title: string | null;
    kind: IncidentKind; opened_at: number; checked_at: number | null;
  }[];
  return {
    stats: overviewStats(app, filters),
    openTotal,
    open: rows.map((r) => ({
      id: r.id, nip: r.asn_nip, asnName: r.nama ?? r.asn_nip, unit: r.unit ?? '-', platform: r.platform, chatTitle: r.title ?? r.chat_id,
      kind: r.kind, openedAt: r.opened_at, checkedAt: r.checked_at,
    })),
    registered: app.registry.count(),
    health: health(app, startedAt),
  };
}
