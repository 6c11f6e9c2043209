/**
 * What Humas and the receipt say about one self-report: the receipt's facts and the Humas alert queued with
 * the report's files. Its own module so that the mass-report bursts (self-report-bursts.ts), which self-report.ts
 * calls, can queue a held report's alert without importing self-report.ts back (no import circle).
 */
import type { ReceiptFacts } from '../core/messages/self-report.js';
import { selfReportTexts } from '../core/messages/self-report.js';
import { formatDateTime } from '../core/time.js';
import type { AsnRecord } from '../core/types.js';
import { SelfReportStore, type SelfReportRow } from '../store/self-reports.js';
import type { SelfReportDeps } from './context.js';
import { receiptCode } from './receipt.js';
import { humasAddresses } from './recipients.js';

/** Queues a report's alert for every Humas admin, with its evidence files attached (in the caller's transaction). */
export function enqueueSelfReportAlert(app: SelfReportDeps, report: SelfReportRow, now: number): void {
  const text = selfReportTexts(app.config.LANGUAGE).humasAlert(receiptFacts(app, report));
  const attach = new SelfReportStore(app.db)
    .evidence(report.id)
    .filter((e) => e.path !== null && (e.kind === 'photo' || e.kind === 'document'))
    .map((e) => ({ path: e.path!, filename: e.filename ?? e.kind, caption: report.receiptNo }));
  for (const h of humasAddresses(app.config.HUMAS_ADMINS)) {
    app.monitor.outbox.enqueue(
      {
        dedupeKey: `selfreport:${report.id}:humas:${h.platform}:${h.recipient}`, platform: h.platform, recipient: h.recipient, recipientKind: 'user',
        kind: 'humas_alert', text, incidentId: report.incidentId ?? undefined, payload: attach.length ? { files: attach } : undefined,
      },
      now,
    );
  }
}

/** Everything a receipt says about a report. */
export function receiptFacts(app: SelfReportDeps, r: SelfReportRow): ReceiptFacts {
  const store = new SelfReportStore(app.db);
  const asn = app.registry.byNip(r.asnNip as AsnRecord['nip']);
  const ev = store.evidence(r.id);
  const tz = app.config.APP_TIMEZONE;
  const lang = app.config.LANGUAGE;
  const actor = [r.actorName, r.actorPhone].filter((x, i, a): x is string => Boolean(x) && a.indexOf(x) === i).join(', ');
  return {
    receiptNo: r.receiptNo,
    code: receiptCode(app.db, r.signed, app.clock()),
    at: formatDateTime(r.createdAt, tz, lang),
    asnName: asn?.nama ?? r.asnNip,
    nip: r.asnNip,
    unit: asn?.unit ?? '-',
    category: r.category,
    place: r.place,
    description: r.description,
    groupName: r.groupName ?? undefined,
    links: ev.filter((e) => e.kind === 'link').map((e) => e.value ?? ''),
    actor: actor || undefined,
    evidence: ev.filter((e) => e.sha256).map((e) => ({ name: e.filename ?? e.kind, sha256: e.sha256!, bytes: e.bytes ?? 0 })),
    caseId: r.incidentId ?? undefined,
    resolvedAt: r.resolvedAt !== null ? formatDateTime(r.resolvedAt, tz, lang) : undefined,
    ...(r.videosNotKept ? { videosNotKept: r.videosNotKept } : {}),
  };
}
