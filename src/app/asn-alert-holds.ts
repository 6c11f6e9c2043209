/**
 * One ASN in many groups at once: a timses can make a hundred groups and add (or tag) one ASN in each within
 * minutes. Every case is opened and kept (they are evidence), but the ASN's private messages are paced: the first
 * ASN_ALERTS_ALONE alerts of an hour go one by one, as usual; the alerts after them are held and sent as one summary
 * listing the groups ("Anda juga ditambahkan ke atau ditandai di N grup lain ..."), at most one summary per ASN,
 * platform and ASN_ALERT_WINDOW_MS. The full list stays reachable with `/status`, which shows an ASN their open cases.
 *
 * The hour is an ASN-scoped window of `aloneInBurst` (app/burst-window.ts, the `alert_windows` counter shared with the
 * groups' Humas mass alerts under its own scope), so the two do not meet: a group's burst paces Humas, an ASN's burst
 * paces that ASN. A summary that ends up holding a single case sends that case's usual alert. Cases closed before
 * their summary goes are left out of it.
 *
 * The holding and releasing is app/asn-holds.ts, shared with Humas' summary of one ASN and the thank-yous; this file
 * says what the held alerts become. `holdAsnAlert` runs inside the monitor's transaction; `releaseDueAsnAlerts` runs
 * before each outbox drain (the dispatcher wakes for `nextAsnAlertRelease`).
 */
import { quoteStrangerOpt } from '../core/text/quote.js';
import { alertTexts } from '../core/messages/index.js';
import { pressureTexts } from '../core/messages/pressure.js';
import { formatDateTime } from '../core/time.js';
import type { ChatStore } from '../store/chats.js';
import type { Db } from '../store/db.js';
import type { IncidentRow, IncidentStore } from '../store/incidents.js';
import type { OutboxStore } from '../store/outbox.js';
import { enqueueAsnAlert, type AlertConfig } from './alerts.js';
import { AsnHolds } from './asn-holds.js';

export { ASN_ALERT_WINDOW_MS, ASN_ALERTS_ALONE } from './asn-holds.js';

/** The scope of ASN bursts in `alert_windows` (keys: `<platform>:<nip>`). */
export const ASN_ALERT_SCOPE = 'asn';

/** Most groups named in a summary's text; the rest are counted (and listed by /status). */
export const ASN_SUMMARY_LIST_MAX = 20;

/** Outbox kind of the summary. */
export const ASN_SUMMARY_KIND = 'asn_alert_summary';

/** The held ASN alerts (table `asn_alert_holds`). */
export const asnAlertHolds = new AsnHolds('asn_alert_holds', ASN_ALERT_SCOPE, true);

/**
 * Called for a new case whose ASN the bot can reach at `recipient`, in the monitor's transaction: true when its ASN
 * alert is held for the ASN's summary, false when it goes alone.
 */
export function holdAsnAlert(db: Db, config: AlertConfig, incident: IncidentRow, recipient: string, now: number): boolean {
  return asnAlertHolds.hold(db, config, incident, now, recipient);
}

/**
 * The cases a summary tied to `firstCaseId` (its outbox incident_id) was released with: those held for the same ASN and
 * platform and released at the same moment, first case first. A summary the platform refuses leaves each of them
 * without the ASN having been told (App.onUndeliverable), as a refused alert of each would have.
 */
export function summaryCases(db: Db, firstCaseId: number): number[] {
  return asnAlertHolds.releasedWith(db, firstCaseId);
}

/** When the next held ASN summary is due (epoch ms), if any. */
export function nextAsnAlertRelease(db: Db): number | undefined {
  return asnAlertHolds.nextRelease(db);
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
  return asnAlertHolds.releaseDue(d, now, all, ({ platform, nip }, held) => {
    // The ASN may have left some groups meanwhile: only the cases still open are named.
    const cases = held.map((h) => d.incidents.get(h.id)).filter((c): c is IncidentRow => c !== undefined && c.status === 'open');
    if (!cases.length) return false;
    const recipient = held.at(-1)!.recipient;
    if (cases.length === 1) {
      const c = cases[0]!;
      enqueueAsnAlert(d, c, d.chats.get(c.platform, c.chatId)?.title ?? undefined, c.openedAt, recipient, now);
      return true;
    }
    const lang = d.config.LANGUAGE;
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
