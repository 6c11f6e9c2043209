/**
 * Mass self-reports: when many ASN report the same group (the same WhatsApp invite link, or the same group name
 * on one platform) within MASS_ALERT_WINDOW_SECONDS, Humas gets the first MASS_ALERT_THRESHOLD reports one by
 * one, as usual, and the rest as one summary per window, the way mass events in the groups the bot watches are
 * summarised (app/mass-alerts.ts, whose `alert_windows` burst counter this shares under its own scope). A window
 * that ends holding a single report sends that report's usual alert. The ASN's receipt is never held. What the
 * offline OCR reads from a held report's screenshots goes into the summary, not in a follow-up of its own
 * (app/ocr/followup.ts).
 *
 * `holdSelfReportAlert` runs inside the report's transaction; `releaseDueSelfReports` runs before each outbox
 * drain (the dispatcher wakes for `nextSelfReportRelease`).
 */
import { quoteStrangerOpt } from '../core/text/quote.js';
import { selfReportTexts } from '../core/messages/self-report.js';
import type { ReportPlace } from '../core/self-report.js';
import { formatDateTime } from '../core/time.js';
import type { AsnRecord } from '../core/types.js';
import type { Db } from '../store/db.js';
import { SelfReportStore, type SelfReportRow } from '../store/self-reports.js';
import type { SelfReportDeps } from './context.js';
import { enqueueHeldOcrFollowups, summaryOcrLine } from './ocr/followup.js';
import { aloneInBurst, type MassAlertConfig } from './burst-window.js';
import { MASS_LIST_MAX, writeCaseListCsv } from './mass-alerts.js';
import { humasAddresses } from './recipients.js';
import { reportsDir } from './reports/command.js';
import { enqueueSelfReportAlert } from './self-report-alert.js';

/** The scope of self-report bursts in `alert_windows` (its keys are the burst keys below). */
export const SELF_REPORT_SCOPE = 'selfreport';

/**
 * What makes two reports "about the same group": the first WhatsApp invite code, else the group's name (case and
 * spacing ignored) on the same platform. Undefined when the report names no group: it is always alerted alone.
 */
export function burstKey(place: ReportPlace, groupName: string | undefined, inviteCodes: readonly string[]): string | undefined {
  if (inviteCodes[0]) return `invite:${inviteCodes[0]}`;
  const name = groupName?.trim().toLowerCase().replace(/\s+/g, ' ');
  return name ? `group:${place}:${name}` : undefined;
}

/**
 * Called for each new report about a known group, in its transaction: true when its Humas alert is held for a
 * summary (more than MASS_ALERT_THRESHOLD reports about that group came within the window), false when it goes alone.
 */
export function holdSelfReportAlert(db: Db, config: MassAlertConfig, reportId: number, key: string, now: number): boolean {
  if (aloneInBurst(db, config, SELF_REPORT_SCOPE, key, now)) return false;
  const open = db.prepare(`SELECT release_at FROM self_report_holds WHERE burst_key = ? AND released_at IS NULL ORDER BY report_id LIMIT 1`).pluck().get(key) as number | undefined;
  db.prepare(`INSERT OR IGNORE INTO self_report_holds (report_id, burst_key, held_at, release_at) VALUES (?, ?, ?, ?)`).run(
    reportId, key, now, open ?? now + config.MASS_ALERT_WINDOW_SECONDS * 1000,
  );
  return true;
}

/** When the next held summary of self-reports is due (epoch ms), if any. */
export function nextSelfReportRelease(db: Db): number | undefined {
  return (db.prepare(`SELECT MIN(release_at) FROM self_report_holds WHERE released_at IS NULL`).pluck().get() as number | null) ?? undefined;
}

/** Queues one summary per Humas admin for every group whose held reports are due (or all: `all`); returns how many groups. */
export function releaseDueSelfReports(app: SelfReportDeps, now: number, all = false): number {
  // By the partial index on release_at (unreleased reports only): an OR in the range would read every one still held, and an ORDER BY
  // the open-burst index may take would read every open one (the '+' sorts the few due instead).
  const keys = app.db
    .prepare(`SELECT DISTINCT burst_key FROM self_report_holds WHERE released_at IS NULL AND release_at <= ? ORDER BY +burst_key`)
    .pluck()
    .all(all ? Number.MAX_SAFE_INTEGER : now) as string[];
  for (const k of keys) releaseOne(app, k, now);
  return keys.length;
}

function releaseOne(app: SelfReportDeps, key: string, now: number): void {
  const store = new SelfReportStore(app.db);
  const ids = app.db.prepare(`SELECT report_id FROM self_report_holds WHERE burst_key = ? AND released_at IS NULL ORDER BY report_id`).pluck().all(key) as number[];
  const reports = ids.map((id) => store.byId(id)).filter((r): r is SelfReportRow => r !== undefined);
  const markReleased = (): void => {
    const done = app.db.prepare(`UPDATE self_report_holds SET released_at = ? WHERE report_id = ?`);
    for (const id of ids) done.run(now, id);
  };
  // A window that ends with a single held report is no mass event: its usual alert, with its files.
  if (reports.length <= 1) {
    app.monitor.outbox.atomically(() => {
      if (reports[0]) {
        enqueueSelfReportAlert(app, reports[0], now);
        // With the machine-read follow-ups of its screenshots read while it was held (app/ocr/followup.ts).
        enqueueHeldOcrFollowups(app, reports[0], now);
      }
      markReleased();
    });
    return;
  }
  const lang = app.config.LANGUAGE;
  const asnOf = (nip: string): AsnRecord | undefined => app.registry.byNip(nip as AsnRecord['nip']);
  const lines = reports.map((r) => {
    const asn = asnOf(r.asnNip);
    // What its screenshots read by now say: the summary carries it instead of a follow-up per report (app/ocr/followup.ts).
    const ocr = summaryOcrLine(app.db, r.id, lang);
    return { receiptNo: r.receiptNo, caseId: r.incidentId ?? undefined, asnName: asn?.nama ?? r.asnNip, nip: r.asnNip, unit: asn?.unit ?? '-', ...(ocr ? { ocr } : {}), ...(r.videosNotKept ? { videosNotKept: r.videosNotKept } : {}) };
  });
  // Written before the transaction below: a crash in between leaves an unused file, never a message without its file.
  const files =
    lines.length > MASS_LIST_MAX
      ? [writeCaseListCsv(reportsDir(app), `laporan-massal-${ids[0]}`, lines.map((l) => ({ ...l, caseId: l.caseId ?? 0, phone: asnOf(l.nip)?.phone, reachable: true })), lang)]
      : [];
  const first = reports[0]!;
  const at = (ms: number): string => formatDateTime(ms, app.config.APP_TIMEZONE, lang);
  const link = key.startsWith('invite:') ? `https://chat.whatsapp.com/${key.slice('invite:'.length)}` : undefined;
  const text = selfReportTexts(lang).massReports({
    count: reports.length,
    place: first.place,
    groupName: quoteStrangerOpt(reports.find((r) => r.groupName)?.groupName),
    link,
    from: at(Math.min(...reports.map((r) => r.createdAt))),
    to: at(Math.max(...reports.map((r) => r.createdAt))),
    lines: lines.slice(0, MASS_LIST_MAX),
    more: Math.max(0, lines.length - MASS_LIST_MAX),
  });
  app.monitor.outbox.atomically(() => {
    for (const h of humasAddresses(app.config.HUMAS_ADMINS)) {
      app.monitor.outbox.enqueue(
        {
          dedupeKey: `selfreport-mass:${ids[0]}:${h.platform}:${h.recipient}`, platform: h.platform, recipient: h.recipient, recipientKind: 'user',
          kind: 'humas_mass_alert', text, payload: files.length ? { files } : undefined,
        },
        now,
      );
    }
    markReleased();
  });
}
