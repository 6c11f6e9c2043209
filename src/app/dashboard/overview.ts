/**
 * What the dashboard's Ringkasan page shows, read-only: the report model of a
 * period (counts by status and kind, per day, per unit, median time to leave,
 * undeliverable alerts), the open cases now (paged, with the last membership
 * check), and the health facts `/status` and SIGUSR2 show.
 */
import type { Platform } from '../../core/ids.js';
import type { IncidentKind } from '../../core/types.js';
import type { App } from '../app.js';
import { health } from '../health.js';
import { buildReport, type Report } from '../reports/build.js';
import type { ReportFilters } from '../reports/filters.js';

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

/** The overview of one period. */
export interface Overview {
  report: Report;
  openTotal: number;
  open: OpenCaseLine[];
  registered: number;
  health: Record<string, unknown>;
}

/** Builds the overview: `filters` bound the report part; the open cases are always "now", `offset`/`limit` page them. */
export function overview(app: App, filters: ReportFilters, page: { offset: number; limit: number }, startedAt: number): Overview {
  const report = buildReport(app.db, app.registry, filters, app.config.APP_TIMEZONE);
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
    report,
    openTotal,
    open: rows.map((r) => ({
      id: r.id, nip: r.asn_nip, asnName: r.nama ?? r.asn_nip, unit: r.unit ?? '-', platform: r.platform, chatTitle: r.title ?? r.chat_id,
      kind: r.kind, openedAt: r.opened_at, checkedAt: r.checked_at,
    })),
    registered: app.registry.count(),
    health: health(app, startedAt),
  };
}
