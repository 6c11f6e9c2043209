/**
 * One ASN leaving many groups: an ASN a timses put in a hundred groups who leaves them all (or whom a membership
 * check finds gone from all) would get a hundred thank-yous. As with their alerts (app/asn-alert-holds.ts), the first
 * ASN_ALERTS_ALONE thank-yous of an hour go one by one; the rest are held and sent as one message listing the groups
 * left (ASN_SUMMARY_LIST_MAX named), due MASS_ALERT_WINDOW_SECONDS after the first held one and after it at most one an
 * hour. A case reopened before then is left out; a message left with one case is that case's usual thank-you.
 *
 * `holdThanks` runs in the monitor's transaction that closes the case; `releaseDueThanks` before each outbox drain.
 */
import type { Platform } from '../core/ids.js';
import { alertTexts } from '../core/messages/index.js';
import { lifecycleTexts } from '../core/messages/lifecycle.js';
import { quoteStrangerOpt } from '../core/text/quote.js';
import type { ChatStore } from '../store/chats.js';
import type { Db } from '../store/db.js';
import type { IncidentRow, IncidentStore } from '../store/incidents.js';
import type { OutboxStore } from '../store/outbox.js';
import { prepared } from '../store/statements.js';
import { enqueueThanks, THANKS_KIND, type AlertConfig } from './alerts.js';
import { ASN_ALERT_WINDOW_MS, ASN_ALERTS_ALONE, ASN_SUMMARY_LIST_MAX } from './asn-alert-holds.js';
import { aloneInBurst } from './mass-alerts.js';

/** The scope of thank-you bursts in `alert_windows` (keys: `<platform>:<nip>`). */
export const THANKS_SCOPE = 'thanks';

/** True when this case's thank-you (to `recipient`) is held for the ASN's list of groups left; false: it goes alone. */
export function holdThanks(db: Db, config: AlertConfig, incident: IncidentRow, recipient: string, now: number): boolean {
  const window = { ...config, MASS_ALERT_THRESHOLD: ASN_ALERTS_ALONE, MASS_ALERT_WINDOW_SECONDS: ASN_ALERT_WINDOW_MS / 1000 };
  if (aloneInBurst(db, window, THANKS_SCOPE, `${incident.platform}:${incident.asnNip}`, now)) return false;
  let releaseAt = prepared(db, `SELECT release_at FROM thanks_holds WHERE platform = ? AND asn_nip = ? AND released_at IS NULL LIMIT 1`).pluck().get(incident.platform, incident.asnNip) as
    | number
    | undefined;
  if (releaseAt === undefined) {
    const last = prepared(db, `SELECT MAX(released_at) FROM thanks_holds WHERE platform = ? AND asn_nip = ?`).pluck().get(incident.platform, incident.asnNip) as number | null;
    releaseAt = Math.max(now + config.MASS_ALERT_WINDOW_SECONDS * 1000, last !== null ? last + ASN_ALERT_WINDOW_MS : 0);
  }
  prepared(db, `INSERT OR IGNORE INTO thanks_holds (incident_id, platform, asn_nip, recipient, held_at, release_at) VALUES (?, ?, ?, ?, ?, ?)`).run(
    incident.id, incident.platform, incident.asnNip, recipient, now, releaseAt,
  );
  return true;
}

/** When the next held list of thank-yous is due (epoch ms), if any. */
export function nextThanksRelease(db: Db): number | undefined {
  return (prepared(db, `SELECT MIN(release_at) FROM thanks_holds WHERE released_at IS NULL`).pluck().get() as number | null) ?? undefined;
}

/** What releasing held thank-yous needs. */
export interface ThanksReleaseDeps {
  db: Db;
  outbox: OutboxStore;
  chats: ChatStore;
  incidents: IncidentStore;
  config: AlertConfig;
}

/** Queues the held thank-yous of every ASN whose list is due (or all: `all`); returns how many messages were queued. */
export function releaseDueThanks(d: ThanksReleaseDeps, now: number, all = false): number {
  const due = prepared(d.db, `SELECT DISTINCT platform, asn_nip AS nip FROM thanks_holds WHERE released_at IS NULL AND (release_at <= ? OR ?) ORDER BY platform, asn_nip`).all(now, all ? 1 : 0) as {
    platform: Platform;
    nip: string;
  }[];
  let queued = 0;
  for (const a of due) if (releaseOne(d, a.platform, a.nip, now)) queued++;
  return queued;
}

function releaseOne(d: ThanksReleaseDeps, platform: Platform, nip: string, now: number): boolean {
  const held = prepared(d.db, `SELECT incident_id AS id, recipient FROM thanks_holds WHERE platform = ? AND asn_nip = ? AND released_at IS NULL ORDER BY incident_id`).all(platform, nip) as {
    id: number;
    recipient: string;
  }[];
  // A case reopened meanwhile is not one the ASN left.
  const cases = held.map((h) => d.incidents.get(h.id)).filter((c): c is IncidentRow => c?.status === 'left');
  const recipient = held.at(-1)!.recipient;
  return d.outbox.atomically(() => {
    prepared(d.db, `UPDATE thanks_holds SET released_at = ? WHERE platform = ? AND asn_nip = ? AND released_at IS NULL`).run(now, platform, nip);
    if (!cases.length) return false;
    if (cases.length === 1) {
      enqueueThanks(d, cases[0]!, recipient, now);
      return true;
    }
    const title = (c: IncidentRow): string => quoteStrangerOpt(d.chats.get(c.platform, c.chatId)?.title) ?? alertTexts(d.config.LANGUAGE).unknownChat;
    const text = lifecycleTexts(d.config.LANGUAGE).thanksMany({
      platform,
      cases: cases.slice(0, ASN_SUMMARY_LIST_MAX).map((c) => ({ caseId: c.id, chatTitle: title(c) })),
      more: Math.max(0, cases.length - ASN_SUMMARY_LIST_MAX),
      humasContact: d.config.HUMAS_CONTACT,
    });
    const id = d.outbox.enqueue(
      { dedupeKey: `thanks:${platform}:${nip}:${cases[0]!.id}:${cases.length}`, platform, recipient, recipientKind: 'user', kind: THANKS_KIND, incidentId: cases[0]!.id, text },
      now,
    );
    if (id !== undefined) d.outbox.tie(id, cases.map((c) => c.id));
    return true;
  });
}
