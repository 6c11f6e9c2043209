/**
 * One ASN in many groups at once: a timses can make a hundred groups and add (or tag) one ASN in each within
 * minutes. Every case is opened and kept (they are evidence), but the ASN's private messages are paced: the first
 * ASN_ALERTS_ALONE alerts of an hour go one by one, as usual; the alerts after them are held and sent as one summary
 * listing the groups ("Anda juga ditambahkan ke atau ditandai di N grup lain ..."), at most one summary per ASN,
 * platform and ASN_ALERT_WINDOW_MS. The full list stays reachable with `/status`, which shows an ASN their open cases.
 *
 * The hour is an ASN-scoped window of `aloneInBurst` (app/mass-alerts.ts, the `alert_windows` counter shared with the
 * groups' Humas mass alerts under its own scope), so the two do not meet: a group's burst paces Humas, an ASN's burst
 * paces that ASN. A summary that ends up holding a single case sends that case's usual alert. Cases closed before
 * their summary goes are left out of it.
 *
 * `holdAsnAlert` runs inside the monitor's transaction; `releaseDueAsnAlerts` runs before each outbox drain (the
 * dispatcher wakes for `nextAsnAlertRelease`).
 */
import { quoteStrangerOpt } from '../core/text/quote.js';
import { alertTexts } from '../core/messages/index.js';
import { pressureTexts } from '../core/messages/pressure.js';
import { formatDateTime } from '../core/time.js';
import type { ChatStore } from '../store/chats.js';
import type { Db } from '../store/db.js';
import type { IncidentRow, IncidentStore } from '../store/incidents.js';
import type { OutboxStore } from '../store/outbox.js';
import { prepared } from '../store/statements.js';
import { enqueueAsnAlert, type AlertConfig } from './alerts.js';
import { aloneInBurst } from './mass-alerts.js';

/** The scope of ASN bursts in `alert_windows` (keys: `<platform>:<nip>`). */
export const ASN_ALERT_SCOPE = 'asn';

/** Alerts one ASN gets one by one in a burst before the rest are held for a summary. */
export const ASN_ALERTS_ALONE = 3;

/** The ASN's window: a burst lasts while cases keep coming within it, and summaries are at least this far apart. */
export const ASN_ALERT_WINDOW_MS = 3_600_000;

/** Most groups named in a summary's text; the rest are counted (and listed by /status). */
export const ASN_SUMMARY_LIST_MAX = 20;

/** Outbox kind of the summary. */
export const ASN_SUMMARY_KIND = 'asn_alert_summary';

/**
 * Called for a new case whose ASN the bot can reach at `recipient`, in the monitor's transaction: true when its ASN
 * alert is held for the ASN's summary, false when it goes alone. A held case waits for the summary being gathered
 * (released MASS_ALERT_WINDOW_SECONDS after the first held case), or, when one went out within the hour, for the
 * next one an hour after it.
 */
export function holdAsnAlert(db: Db, config: AlertConfig, incident: IncidentRow, recipient: string, now: number): boolean {
  const window = { ...config, MASS_ALERT_THRESHOLD: ASN_ALERTS_ALONE, MASS_ALERT_WINDOW_SECONDS: ASN_ALERT_WINDOW_MS / 1000 };
  if (aloneInBurst(db, window, ASN_ALERT_SCOPE, `${incident.platform}:${incident.asnNip}`, now)) return false;
  const gathering = prepared(db, `SELECT release_at FROM asn_alert_holds WHERE platform = ? AND asn_nip = ? AND released_at IS NULL LIMIT 1`)
    .pluck()
    .get(incident.platform, incident.asnNip) as number | undefined;
  let releaseAt = gathering;
  if (releaseAt === undefined) {
    const last = prepared(db, `SELECT MAX(released_at) FROM asn_alert_holds WHERE platform = ? AND asn_nip = ?`).pluck().get(incident.platform, incident.asnNip) as number | null;
    releaseAt = Math.max(now + config.MASS_ALERT_WINDOW_SECONDS * 1000, last !== null ? last + ASN_ALERT_WINDOW_MS : 0);
  }
  prepared(db, `INSERT OR IGNORE INTO asn_alert_holds (incident_id, platform, asn_nip, recipient, held_at, release_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
    incident.id, incident.platform, incident.asnNip, recipient, now, releaseAt,
  );
  return true;
}

/**
 * The cases a summary tied to `firstCaseId` (its outbox incident_id) was released with: those held for the same ASN and
 * platform and released at the same moment, first case first. A summary the platform refuses leaves each of them
 * without the ASN having been told (App.onUndeliverable), as a refused alert of each would have.
 */
export function summaryCases(db: Db, firstCaseId: number): number[] {
  return prepared(
    db,
    `SELECT h.incident_id FROM asn_alert_holds f JOIN asn_alert_holds h ON h.platform = f.platform AND h.asn_nip = f.asn_nip AND h.released_at = f.released_at
       WHERE f.incident_id = ? ORDER BY h.incident_id = ? DESC, h.incident_id`,
  )
    .pluck()
    .all(firstCaseId, firstCaseId) as number[];
}

/** When the next held ASN summary is due (epoch ms), if any. */
export function nextAsnAlertRelease(db: Db): number | undefined {
  return (prepared(db, `SELECT MIN(release_at) FROM asn_alert_holds WHERE released_at IS NULL`).pluck().get() as number | null) ?? undefined;
}

/** What releasing ASN summaries needs. */
export interface AsnAlertReleaseDeps {
  db: Db;
  outbox: OutboxStore;
  chats: ChatStore;
  incidents: IncidentStore;
  config: AlertConfig;
}

/** Queues the summary of every ASN whose held alerts are due (or all held: `all`); returns how many ASN summaries or single alerts were queued. */
export function releaseDueAsnAlerts(d: AsnAlertReleaseDeps, now: number, all = false): number {
  const due = prepared(d.db, `SELECT DISTINCT platform, asn_nip AS nip FROM asn_alert_holds WHERE released_at IS NULL AND (release_at <= ? OR ?) ORDER BY platform, asn_nip`)
    .all(now, all ? 1 : 0) as { platform: IncidentRow['platform']; nip: string }[];
  let queued = 0;
  for (const a of due) if (releaseOne(d, a.platform, a.nip, now)) queued++;
  return queued;
}

function releaseOne(d: AsnAlertReleaseDeps, platform: IncidentRow['platform'], nip: string, now: number): boolean {
  const lang = d.config.LANGUAGE;
  const held = prepared(d.db, `SELECT incident_id AS id, recipient FROM asn_alert_holds WHERE platform = ? AND asn_nip = ? AND released_at IS NULL ORDER BY incident_id`)
    .all(platform, nip) as { id: number; recipient: string }[];
  // The ASN may have left some groups meanwhile: only the cases still open are named.
  const cases = held.map((h) => d.incidents.get(h.id)).filter((c): c is IncidentRow => c !== undefined && c.status === 'open');
  const recipient = held.at(-1)!.recipient;
  return d.outbox.atomically(() => {
    // Nothing left to say: the holds go without a mark of release, since that mark starts the hour before the next
    // summary (holdAsnAlert), and a summary never sent must not keep the ASN's next group from them for an hour.
    if (!cases.length) {
      prepared(d.db, `DELETE FROM asn_alert_holds WHERE platform = ? AND asn_nip = ? AND released_at IS NULL`).run(platform, nip);
      return false;
    }
    prepared(d.db, `UPDATE asn_alert_holds SET released_at = ? WHERE platform = ? AND asn_nip = ? AND released_at IS NULL`).run(now, platform, nip);
    if (cases.length === 1) {
      const c = cases[0]!;
      enqueueAsnAlert(d, c, d.chats.get(c.platform, c.chatId)?.title ?? undefined, c.openedAt, recipient, now);
      return true;
    }
    const at = (ms: number): string => formatDateTime(ms, d.config.APP_TIMEZONE, lang);
    const t = alertTexts(lang);
    const text = pressureTexts(lang).asnSummary({
      platform,
      count: cases.length,
      from: at(Math.min(...cases.map((c) => c.openedAt))),
      to: at(Math.max(...cases.map((c) => c.openedAt))),
      lines: cases.slice(0, ASN_SUMMARY_LIST_MAX).map((c) => ({ caseId: c.id, chatTitle: quoteStrangerOpt(d.chats.get(c.platform, c.chatId)?.title) ?? t.unknownChat, kind: t.kindLabel(c.kind) })),
      more: Math.max(0, cases.length - ASN_SUMMARY_LIST_MAX),
      humasContact: d.config.HUMAS_CONTACT,
    });
    // Tied to its first case: a summary the platform refuses reaches Humas as that case's undeliverable alert (App.onUndeliverable).
    const id = d.outbox.enqueue(
      { dedupeKey: `asn-summary:${platform}:${nip}:${cases[0]!.id}`, platform, recipient, recipientKind: 'user', kind: ASN_SUMMARY_KIND, text, incidentId: cases[0]!.id },
      now,
    );
    // And tied to each case it names, so each case's history (cases show, the dossier) shows it.
    if (id !== undefined) d.outbox.tie(id, cases.map((c) => c.id));
    return true;
  });
}
