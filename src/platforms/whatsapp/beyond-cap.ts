/**
 * WhatsApp first contacts beyond the daily cap: an ASN who never wrote to the
 * number gets their alert only when the day's WA_FIRST_CONTACT_DAILY_CAP
 * allows, possibly days later. Humas is told at once who is waiting, with
 * their phones, so they can call them. Each waiting alert is listed once;
 * the check runs at most every few minutes.
 */
import type { App } from '../../app/app.js';
import { ASN_SUMMARY_KIND } from '../../app/asn-alert-holds.js';
import { MASS_LIST_MAX, writeCaseListCsv } from '../../app/mass-alerts.js';
import { humasAddresses } from '../../app/recipients.js';
import { reportsDir } from '../../app/reports/command.js';
import { pressureTexts, type BeyondCapLine } from '../../core/messages/pressure.js';
import { kvGet, kvSet } from '../../store/kv.js';
import { prepared } from '../../store/statements.js';
import type { WhatsAppSendPolicy } from './sender.js';

/** kv key: the highest outbox id already listed to Humas as held by the cap. */
export const WA_BEYOND_CAP_KEY = 'wa:beyond_cap:listed';
/** Least time between two checks. */
const CHECK_EVERY_MS = 5 * 60_000;

/**
 * Builds the policy hook: lists to Humas the ASN alerts that cannot go today because of the daily cap, an ASN's summary
 * of many groups (app/asn-alert-holds.ts) among them: one line per ASN, naming every case waiting for them.
 */
export function beyondCapNotifier(app: App): (policy: WhatsAppSendPolicy, now: number) => void {
  let lastCheck = -Infinity;
  return (policy, now) => {
    if (now - lastCheck < CHECK_EVERY_MS) return;
    lastCheck = now;
    try {
      notifyBeyondCap(app, policy, now);
    } catch (err) {
      app.log.warn({ err: String(err) }, 'whatsapp: could not list the first contacts held by the daily cap');
    }
  };
}

/**
 * Queues the list (once per waiting alert) and returns how many ASN lines it has (one per ASN, with all their new cases;
 * an ASN on an earlier list who still waits is marked so, with the cases listed before).
 */
export function notifyBeyondCap(app: App, policy: WhatsAppSendPolicy, now: number): number {
  const cap = app.config.WA_FIRST_CONTACT_DAILY_CAP;
  const today = new Set(policy.firstContactsToday(now));
  const rows = app.db
    .prepare(
      `SELECT id, recipient, incident_id AS incidentId FROM outbox WHERE platform = 'whatsapp' AND status = 'pending' AND kind IN ('asn_alert', '${ASN_SUMMARY_KIND}') AND incident_id IS NOT NULL
        ORDER BY priority, next_attempt_at, id`,
    )
    .all() as { id: number; recipient: string; incidentId: number }[];
  const cold = rows.filter((r) => policy.isFirstContact({ recipient: r.recipient, recipientKind: 'user' }) && !today.has(r.recipient));
  // The cap counts people, not messages: the rest of today's cap reaches the oldest few cold recipients, each with all
  // their alerts; every alert of the others waits.
  const reached = new Set<string>();
  for (const r of cold) if (reached.size < Math.max(0, cap - today.size)) reached.add(r.recipient);
  const waiting = cold.filter((r) => !reached.has(r.recipient));
  const listed = Number(kvGet(app.db, WA_BEYOND_CAP_KEY) ?? 0);
  const fresh = waiting.filter((r) => r.id > listed);
  if (!fresh.length) return 0;
  // An ASN on an earlier list who still waits is no new person to call: their line says which cases are new and which
  // were listed before, so Humas mentions the new ones in the call already planned (or made) instead of reading a name
  // twice as two people. Their earlier waiting rows are read in the same query.
  const freshTo = new Set(fresh.map((r) => r.recipient));
  const earlierRows = new Set(waiting.filter((r) => r.id <= listed && freshTo.has(r.recipient)).map((r) => r.id));
  // An ASN's summary is filed under its first case and tied to every case it stands for: each is named. One query
  // for all the waiting rows' cases, not the tied ones and then each case read per row.
  const read = prepared(
    app.db,
    `SELECT o.id AS outboxId, i.id AS caseId, i.asn_nip AS nip
       FROM outbox o LEFT JOIN outbox_cases t ON t.outbox_id = o.id JOIN incidents i ON i.id = COALESCE(t.incident_id, o.incident_id)
      WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY o.id, i.id`,
  ).all(JSON.stringify([...earlierRows, ...fresh.map((r) => r.id)])) as { outboxId: number; caseId: number; nip: string }[];
  const casesOf = new Map<number, { caseId: number; nip: string }[]>();
  for (const c of read) {
    const list = casesOf.get(c.outboxId);
    if (list) list.push(c);
    else casesOf.set(c.outboxId, [c]);
  }
  const earlierOf = new Map<string, Set<number>>();
  for (const id of earlierRows) {
    for (const c of casesOf.get(id) ?? []) earlierOf.set(c.nip, (earlierOf.get(c.nip) ?? new Set<number>()).add(c.caseId));
  }
  // One line per ASN (a person to call), their new cases on it in order, the ASN in the order their first new case waits.
  const byNip = new Map<string, BeyondCapLine>();
  for (const r of fresh) {
    for (const c of casesOf.get(r.id) ?? []) {
      const line = byNip.get(c.nip);
      if (line) {
        if (!line.caseIds.includes(c.caseId)) line.caseIds.push(c.caseId);
        continue;
      }
      const asn = app.registry.byNip(c.nip);
      if (asn) byNip.set(c.nip, { caseIds: [c.caseId], asnName: asn.nama, nip: asn.nip, unit: asn.unit, phone: asn.phone });
    }
  }
  const all = [...byNip.values()].map((l): BeyondCapLine => {
    const earlier = [...(earlierOf.get(l.nip) ?? [])].filter((id) => !l.caseIds.includes(id)).sort((a, b) => a - b);
    return { ...l, caseIds: l.caseIds.sort((a, b) => a - b), ...(earlier.length ? { earlier } : {}) };
  });
  const added = all.filter((l) => l.earlier);
  const lines = [...all.filter((l) => !l.earlier), ...added];
  const lang = app.config.LANGUAGE;
  // The CSV, for a spreadsheet: a row per case of this list (its case number column), read off the lines, so it
  // agrees with them: an ASN's cases together in the lines' order, and each case once, however many of the waiting
  // messages name it.
  const csvRows = lines.flatMap((l) => l.caseIds.map((caseId) => ({ caseId, asnName: l.asnName, nip: l.nip, unit: l.unit, phone: l.phone, reachable: false })));
  const files = lines.length > MASS_LIST_MAX ? [writeCaseListCsv(reportsDir(app), 'wa-menunggu', csvRows, lang)] : [];
  const text = pressureTexts(lang).beyondCap({
    count: lines.length - added.length, added: added.length, cap, lines: lines.slice(0, MASS_LIST_MAX), more: Math.max(0, lines.length - MASS_LIST_MAX),
  });
  const top = Math.max(...fresh.map((r) => r.id));
  app.db.transaction(() => {
    if (lines.length) {
      for (const h of humasAddresses(app.config.HUMAS_ADMINS)) {
        app.monitor.outbox.enqueue(
          { dedupeKey: `wa:beyond_cap:${top}:${h.platform}:${h.recipient}`, platform: h.platform, recipient: h.recipient, recipientKind: 'user', kind: 'wa_beyond_cap', text, payload: files.length ? { files } : undefined },
          now,
        );
      }
    }
    kvSet(app.db, WA_BEYOND_CAP_KEY, String(top), now);
  })();
  app.dispatcher.wake();
  return lines.length;
}
