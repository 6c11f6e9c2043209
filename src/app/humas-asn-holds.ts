/**
 * One ASN in many groups at once, Humas' side. A group's burst (many ASN in one group) is paced by the group-burst
 * mass alert (app/mass-alerts.ts); one ASN added to or tagged in a hundred groups is a hundred groups' first case
 * each, which that pacing lets through one by one. So Humas gets the same ASN-scoped pacing as the ASN
 * (app/asn-alert-holds.ts): the first ASN_ALERTS_ALONE case alerts of one ASN in an hour go one by one, the rest are
 * held and sent as one summary naming the ASN, the count, the groups (up to ASN_SUMMARY_LIST_MAX) and the case
 * numbers, due MASS_ALERT_WINDOW_SECONDS after the first held case, and after it at most one an hour. Every case
 * stays open; `/kasus` and `/report` list them all.
 *
 * A case held by its group's burst is not held here (it is in that group's summary): each case reaches Humas once.
 * A case matched by Telegram username alone is held like any other; its line is marked "belum terverifikasi" and a
 * note under the list says what that means (a summary ending with it alone sends the one-case alert, full warning).
 * The windows (`alert_windows`, scope HUMAS_ASN_SCOPE) are the ASN's own in length and count, so for an ASN the bot
 * can reach, Humas' summary and the ASN's summary hold the same cases and go in the same drain.
 *
 * The holding and releasing is app/asn-holds.ts; this file says what the held cases become. `holdHumasAsnAlert` runs
 * inside the monitor's transaction; `releaseDueHumasAsnAlerts` before each outbox drain.
 */
import { actorText } from '../core/actor.js';
import type { Platform } from '../core/ids.js';
import { alertTexts } from '../core/messages/index.js';
import { pressureTexts } from '../core/messages/pressure.js';
import { quoteStranger, quoteStrangerOpt } from '../core/text/quote.js';
import { formatDateTime } from '../core/time.js';
import type { AsnRecord } from '../core/types.js';
import type { ChatStore } from '../store/chats.js';
import type { Db } from '../store/db.js';
import type { IncidentRow, IncidentStore } from '../store/incidents.js';
import type { OutboxStore } from '../store/outbox.js';
import { prepared } from '../store/statements.js';
import { oneCaseAlertFacts, type AlertConfig } from './alerts.js';
import { asnAlertHolds, ASN_SUMMARY_KIND, ASN_SUMMARY_LIST_MAX } from './asn-alert-holds.js';
import { AsnHolds } from './asn-holds.js';
import { asnAddress, humasAddresses } from './recipients.js';

/** The scope of Humas' ASN bursts in `alert_windows` (keys: `<platform>:<nip>`). */
export const HUMAS_ASN_SCOPE = 'humas-asn';

/** Outbox kind of Humas' summary of one ASN's groups. */
export const HUMAS_ASN_SUMMARY_KIND = 'humas_asn_summary';

/** The held Humas alerts (table `humas_asn_holds`). */
const humasAsnHolds = new AsnHolds('humas_asn_holds', HUMAS_ASN_SCOPE, false);

/**
 * Called for a new case whose Humas alert its group's burst did not hold, in the monitor's transaction: true when the
 * alert is held for Humas' summary of this ASN, false when it goes alone.
 */
export function holdHumasAsnAlert(db: Db, config: AlertConfig, incident: IncidentRow, now: number): boolean {
  return humasAsnHolds.hold(db, config, incident, now);
}

/** When the next held Humas summary of an ASN is due (epoch ms), if any. */
export function nextHumasAsnRelease(db: Db): number | undefined {
  return humasAsnHolds.nextRelease(db);
}

/** What releasing Humas' summaries needs. */
export interface HumasAsnReleaseDeps {
  db: Db;
  outbox: OutboxStore;
  chats: ChatStore;
  incidents: IncidentStore;
  config: AlertConfig;
  asnByNip(nip: string): AsnRecord | undefined;
  registrationLink?: (platform: Platform) => string | undefined;
}

/** Queues Humas' summary of every ASN whose held cases are due (or all held: `all`); returns how many summaries or single alerts were queued. */
export function releaseDueHumasAsnAlerts(d: HumasAsnReleaseDeps, now: number, all = false): number {
  return humasAsnHolds.releaseDue(d, now, all, ({ platform, nip }, held) => {
    // Every case, closed ones too: Humas hears of each case once, even of one the ASN left within the minute.
    const cases = held.map((h) => d.incidents.get(h.id)).filter((c): c is IncidentRow => c !== undefined);
    if (!cases.length) return false;
    const asn = d.asnByNip(nip);
    // How each case was matched, read once: a match by username alone is marked on its line.
    const unverified = cases.map((c) => d.incidents.unverifiedOf(c.id));
    // Matched by username alone: nothing went to that account (app/alerts.ts), so Humas gets the phone to call.
    const allUnverified = unverified.every((u) => u !== undefined);
    const reachable = asn !== undefined && !allUnverified && asnAddress(asn, platform) !== undefined;
    const single = cases.length === 1 ? cases[0]! : undefined;
    const text = single
      ? alertTexts(d.config.LANGUAGE).humasAlert(
          oneCaseAlertFacts(d.config, {
            incident: single, asn, chat: d.chats.get(single.platform, single.chatId), at: single.openedAt, excerpt: single.excerpt, terms: single.terms, reachable,
            registrationLink: reachable ? undefined : d.registrationLink?.(platform), asnAlertHeld: asnAlertHolds.waiting(d.db, single.id),
            asnLeftBefore: asnGot(d.db, single.id) === 'nothing',
            identityUnverified: unverified[0],
          }),
        )
      : summaryText(d, platform, nip, asn, cases, unverified.map((u) => u?.username), reachable);
    for (const h of humasAddresses(d.config.HUMAS_ADMINS)) {
      const id = d.outbox.enqueue(
        single
          ? { dedupeKey: `incident:${single.id}:humas:${h.platform}:${h.recipient}`, platform: h.platform, recipient: h.recipient, recipientKind: 'user', kind: 'humas_alert', incidentId: single.id, text }
          : {
              dedupeKey: `humas-asn:${platform}:${nip}:${cases[0]!.id}:${h.platform}:${h.recipient}`, platform: h.platform, recipient: h.recipient, recipientKind: 'user',
              kind: HUMAS_ASN_SUMMARY_KIND, incidentId: cases[0]!.id, text,
            },
        now,
      );
      if (id !== undefined && !single) d.outbox.tie(id, cases.map((c) => c.id));
    }
    return true;
  });
}

/**
 * What the ASN got for a case, read from what was queued: its own alert (alone, or a summary left holding it alone),
 * a line of the ASN's summary (queued, or waiting still), or nothing: the ASN left that group before its alert was
 * due (the ASN's summary names open cases only, and one left with none deletes its holds).
 */
function asnGot(db: Db, caseId: number): 'waiting' | 'summary' | 'own' | 'nothing' {
  if (asnAlertHolds.waiting(db, caseId)) return 'waiting';
  if (prepared(db, IN_ASN_SUMMARY).get(caseId, ASN_SUMMARY_KIND) !== undefined) return 'summary';
  return prepared(db, OWN_ALERT).get(caseId) !== undefined ? 'own' : 'nothing';
}

/** A case's own ASN alert was queued (by the outbox's case index). */
const OWN_ALERT = `SELECT 1 FROM outbox WHERE incident_id = ? AND kind = 'asn_alert' LIMIT 1`;
/** A case is named in an ASN summary that was queued (by the ties' case index). */
const IN_ASN_SUMMARY = `SELECT 1 FROM outbox_cases t JOIN outbox o ON o.id = t.outbox_id WHERE t.incident_id = ? AND o.kind = ? LIMIT 1`;

function summaryText(
  d: HumasAsnReleaseDeps, platform: Platform, nip: string, asn: AsnRecord | undefined, cases: IncidentRow[], unverified: (string | undefined)[], reachable: boolean,
): string {
  const lang = d.config.LANGUAGE;
  const t = alertTexts(lang);
  const at = (ms: number): string => formatDateTime(ms, d.config.APP_TIMEZONE, lang);
  const got = cases.map((c) => asnGot(d.db, c.id));
  const waiting = got.filter((g) => g === 'waiting').length;
  const inSummary = waiting + got.filter((g) => g === 'summary').length;
  const alone = got.filter((g) => g === 'own').length;
  return pressureTexts(lang).humasAsnSummary({
    platform,
    asnName: asn?.nama ?? nip,
    nip,
    unit: asn?.unit ?? '-',
    count: cases.length,
    from: at(Math.min(...cases.map((c) => c.openedAt))),
    to: at(Math.max(...cases.map((c) => c.openedAt))),
    actors: [...new Set(cases.map((c) => actorText({ id: c.addedById, name: c.addedByName, lid: c.addedByLid })).filter((a): a is string => Boolean(a)))].slice(0, 5).map(quoteStranger),
    lines: cases.slice(0, ASN_SUMMARY_LIST_MAX).map((c, i) => ({
      caseId: c.id,
      chatTitle: quoteStrangerOpt(d.chats.get(c.platform, c.chatId)?.title) ?? t.unknownChat,
      kind: t.kindLabel(c.kind),
      ...(c.status !== 'open' ? { closed: true } : {}),
      ...(unverified[i] !== undefined ? { unverified: unverified[i] } : {}),
    })),
    more: Math.max(0, cases.length - ASN_SUMMARY_LIST_MAX),
    unverified: unverified.filter((u) => u !== undefined).length,
    asn: reachable ? { alone, inSummary, summaryWaiting: waiting > 0, leftBefore: Math.max(0, cases.length - alone - inSummary) } : undefined,
    phone: reachable ? undefined : asn?.phone,
    registrationLink: reachable ? undefined : d.registrationLink?.(platform),
  });
}
