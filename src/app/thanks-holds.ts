/**
 * One ASN leaving many groups: an ASN a timses put in a hundred groups who leaves them all (or whom a membership
 * check finds gone from all) would get a hundred thank-yous. As with their alerts (app/asn-alert-holds.ts), the first
 * ASN_ALERTS_ALONE thank-yous of an hour go one by one; the rest are held and sent as one message listing the groups
 * left (ASN_SUMMARY_LIST_MAX named), due MASS_ALERT_WINDOW_SECONDS after the first held one and after it at most one an
 * hour. A case reopened before then is left out; a message left with one case is that case's usual thank-you.
 *
 * The holding and releasing is app/asn-holds.ts (a list left with no case to name is dropped, not marked sent: the
 * ASN's next thank-you does not wait an hour for it). `holdThanks` runs in the monitor's transaction that closes the
 * case; `releaseDueThanks` before each outbox drain.
 */
import { alertTexts } from '../core/messages/index.js';
import { lifecycleTexts } from '../core/messages/lifecycle.js';
import { quoteStrangerOpt } from '../core/text/quote.js';
import type { ChatStore } from '../store/chats.js';
import type { Db } from '../store/db.js';
import type { IncidentRow, IncidentStore } from '../store/incidents.js';
import type { OutboxStore } from '../store/outbox.js';
import { enqueueThanks, THANKS_KIND, type AlertConfig } from './alerts.js';
import { ASN_SUMMARY_LIST_MAX } from './asn-alert-holds.js';
import { AsnHolds } from './asn-holds.js';

/** The scope of thank-you bursts in `alert_windows` (keys: `<platform>:<nip>`). */
export const THANKS_SCOPE = 'thanks';

/** The held thank-yous (table `thanks_holds`). */
const thanksHolds = new AsnHolds('thanks_holds', THANKS_SCOPE, true);

/** True when this case's thank-you (to `recipient`) is held for the ASN's list of groups left; false: it goes alone. */
export function holdThanks(db: Db, config: AlertConfig, incident: IncidentRow, recipient: string, now: number): boolean {
  return thanksHolds.hold(db, config, incident, now, recipient);
}

/** When the next held list of thank-yous is due (epoch ms), if any. */
export function nextThanksRelease(db: Db): number | undefined {
  return thanksHolds.nextRelease(db);
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
  return thanksHolds.releaseDue(d, now, all, ({ platform, nip }, held) => {
    // A case reopened meanwhile is not one the ASN left.
    const cases = held.map((h) => d.incidents.get(h.id)).filter((c): c is IncidentRow => c?.status === 'left');
    if (!cases.length) return false;
    const recipient = held.at(-1)!.recipient;
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
