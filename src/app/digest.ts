/**
 * The Humas digest: what happened since the last one (new cases, cases still
 * open, cases closed because the ASN left, messages that could not be
 * delivered), queued in the outbox for each Humas admin under
 * `digest:<day>:<admin>`, so a second run on the same day sends nothing.
 */
import { quoteStrangerOpt } from '../core/text/quote.js';
import { caseReasonText, isSeenLeave } from '../core/messages/case-reason.js';
import { lifecycleTexts, type CaseLine } from '../core/messages/lifecycle.js';
import { reportTexts } from '../core/messages/report.js';
import { formatDateTime, zonedDay } from '../core/time.js';
import type { EpochMs } from '../core/types.js';
import { toIncident, type IncidentRow } from '../store/incidents.js';
import { kvGet, kvSet } from '../store/kv.js';
import { THANKS_KIND } from './alerts.js';
import type { App } from './app.js';
import { adminKey } from './lifecycle.js';
import { humasAddresses } from './recipients.js';

/** kv key holding the time of the last digest. */
export const DIGEST_KEY = 'digest:last';

/** Longest list shown per digest section. */
export const DIGEST_MAX_LINES = 10;

/** The digest's content, before it becomes text. */
export interface DigestData {
  since: EpochMs;
  until: EpochMs;
  newCases: IncidentRow[];
  openCases: IncidentRow[];
  leftCases: IncidentRow[];
  undeliverable: { id: number; incidentId: number | null; kind: string; lastError: string | null; recipientKind: string }[];
}

/** Collects what happened in `(since, until]`; open cases are those open at `until`. */
export function collectDigest(app: App, since: EpochMs, until: EpochMs): DigestData {
  const rows = (sql: string, ...p: unknown[]): IncidentRow[] => (app.db.prepare(sql).all(...p) as Parameters<typeof toIncident>[0][]).map(toIncident);
  return {
    since,
    until,
    newCases: rows(`SELECT * FROM incidents WHERE opened_at > ? AND opened_at <= ? ORDER BY opened_at, id`, since, until),
    openCases: rows(`SELECT * FROM incidents WHERE status = 'open' ORDER BY opened_at, id`),
    leftCases: rows(`SELECT * FROM incidents WHERE status = 'left' AND resolved_at > ? AND resolved_at <= ? ORDER BY resolved_at, id`, since, until),
    undeliverable: (app.db
      .prepare(
        `SELECT id, incident_id AS incidentId, kind, last_error AS lastError, recipient_kind AS recipientKind FROM outbox
         WHERE status = 'undeliverable' AND finished_at > ? AND finished_at <= ? ORDER BY id`,
      )
      .all(since, until) as DigestData['undeliverable']),
  };
}

/** The digest text in the configured language. */
export function formatDigest(app: App, d: DigestData): string {
  const lang = app.config.LANGUAGE;
  const tz = app.config.APP_TIMEZONE;
  const line = (c: IncidentRow, at: EpochMs): CaseLine => {
    const asn = app.registry.byNip(c.asnNip);
    return {
      caseId: c.id,
      asnName: asn?.nama ?? c.asnNip,
      unit: asn?.unit ?? '-',
      chatTitle: quoteStrangerOpt(app.monitor.chats.get(c.platform, c.chatId)?.title) ?? c.chatId,
      platform: c.platform,
      at: formatDateTime(at, tz, lang),
    };
  };
  const rt = reportTexts(lang);
  // Its own thank-you, or one message thanking the ASN for several groups left (tied to each case: app/thanks-holds.ts).
  const thankedStmt = app.db
    .prepare(
      `SELECT 1 FROM outbox WHERE incident_id = @id AND kind = @kind AND status = 'sent'
       UNION ALL SELECT 1 FROM outbox_cases t JOIN outbox o ON o.id = t.outbox_id WHERE t.incident_id = @id AND o.kind = @kind AND o.status = 'sent' LIMIT 1`,
    )
    .pluck();
  const thanked = (caseId: number): boolean => thankedStmt.get({ id: caseId, kind: THANKS_KIND }) !== undefined;
  return lifecycleTexts(lang).digest({
    from: formatDateTime(d.since, tz, lang),
    to: formatDateTime(d.until, tz, lang),
    newCases: d.newCases.map((c) => line(c, c.openedAt)),
    openCases: d.openCases.map((c) => line(c, c.openedAt)),
    leftCases: d.leftCases.map((c) => ({
      ...line(c, c.resolvedAt ?? c.openedAt),
      took: rt.duration((c.resolvedAt ?? c.openedAt) - c.openedAt),
      thanked: thanked(c.id),
      // A leave on somebody's word says so (the ASN's, unverified; Humas'; the ASN's own report resolved).
      ...(isSeenLeave(c.statusReason) ? {} : { reason: caseReasonText(c.statusReason, lang) }),
    })),
    undeliverable: d.undeliverable.map((u) => {
      const c = u.incidentId !== null ? app.monitor.incidents.get(u.incidentId) : undefined;
      return { caseId: u.incidentId, asnName: c ? app.registry.byNip(c.asnNip)?.nama : undefined, kind: u.kind, reason: u.lastError ?? '-' };
    }),
    maxLines: DIGEST_MAX_LINES,
  });
}

/** What a digest run did. */
export interface DigestResult {
  queued: number;
  data: DigestData;
}

/**
 * Queues the digest for every Humas admin. The mark in kv moves only when a
 * digest was actually queued, so a deduplicated second run on the same day
 * does not swallow the events since the first one. The first digest ever
 * covers the last 24 hours.
 */
export function runDigest(app: App, now: EpochMs): DigestResult {
  const result = app.db.transaction((): DigestResult => {
    const last = Number(kvGet(app.db, DIGEST_KEY) ?? NaN);
    const since = Number.isFinite(last) ? last : now - 86_400_000;
    const data = collectDigest(app, since, now);
    const text = formatDigest(app, data);
    const day = zonedDay(now, app.config.APP_TIMEZONE);
    let queued = 0;
    for (const h of humasAddresses(app.config.HUMAS_ADMINS)) {
      const id = app.monitor.outbox.enqueue(
        { dedupeKey: `digest:${day}:${adminKey(h)}`, platform: h.platform, recipient: h.recipient, recipientKind: 'user', kind: 'humas_digest', text },
        now,
      );
      if (id !== undefined) queued++;
    }
    if (queued) kvSet(app.db, DIGEST_KEY, String(now), now);
    return { queued, data };
  })();
  if (result.queued) app.dispatcher.wake();
  return result;
}
