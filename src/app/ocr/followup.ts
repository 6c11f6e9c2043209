/**
 * The machine-read follow-up to Humas about a self-report's screenshot, and where it goes when the report's own
 * alert was held for a mass summary (app/self-report-bursts.ts, issue 24 point 5). A report alerted alone gets its
 * follow-up when the image is read. A report held for a summary gets none of its own: the summary, when it goes,
 * carries one machine-read line per report read by then; a reading that comes after the summary was sent is stored
 * (dashboard, dossier) but not pushed, since a hundred such follow-ups would undo the summary. A window that ends
 * holding a single report sends that report's usual alert and, with it, the follow-ups it would have had.
 */
import { scoreCampaignGroup } from '../../core/campaign-group.js';
import type { PilkadaClassifier } from '../../core/classifier.js';
import { ocrTexts } from '../../core/messages/ocr.js';
import { screenExcerpt } from '../../core/screen-text.js';
import type { AsnRecord } from '../../core/types.js';
import type { Db } from '../../store/db.js';
import { readingsOfReport, type OcrRow } from '../../store/ocr.js';
import { SelfReportStore, type SelfReportRow } from '../../store/self-reports.js';
import type { AppCases } from '../context.js';
import { humasAddresses } from '../recipients.js';

/** What the follow-up needs of the application: cases (database, outbox, registry) and the classifier. */
export type OcrFollowupDeps = AppCases & { readonly classifier: PilkadaClassifier };

/** What one reading says, as far as Humas is concerned. */
export type ReadingFacts = Pick<OcrRow, 'text' | 'groupName' | 'pilkada' | 'terms' | 'confidence'>;

/** Humas hears of a reading only when it says something: a group name, Pilkada terms, or some lines of text. */
export const saysSomething = (r: Pick<OcrRow, 'text' | 'groupName' | 'pilkada'>): boolean =>
  Boolean(r.groupName) || r.pilkada || r.text.replace(/\s+/g, '').length >= 20;

/** How a report's Humas alert went: alone, held for a window not over yet, or listed in a mass summary. */
export type AlertRoute = 'alone' | 'held' | 'summary';

/** The route of a report's alert, from its hold (a window released with one report in it was an alert alone). */
export function alertRoute(db: Db, reportId: number): AlertRoute {
  const h = db.prepare(`SELECT burst_key, release_at, released_at FROM self_report_holds WHERE report_id = ?`).get(reportId) as
    | { burst_key: string; release_at: number; released_at: number | null }
    | undefined;
  if (!h) return 'alone';
  if (h.released_at === null) return 'held';
  // One window = one burst key and one release time (holdSelfReportAlert gives a window's reports the first one's).
  const together = db.prepare(`SELECT COUNT(*) FROM self_report_holds WHERE burst_key = ? AND release_at = ?`).pluck().get(h.burst_key, h.release_at) as number;
  return together > 1 ? 'summary' : 'alone';
}

/** Queues the machine-read follow-up of one image to every Humas admin (once: the dedupe key is the image's). */
export function enqueueOcrFollowup(
  app: OcrFollowupDeps,
  report: SelfReportRow,
  image: { evidenceId: number; filename: string | null; sha256: string | null },
  r: ReadingFacts,
  now: number,
): void {
  const lang = app.config.LANGUAGE;
  const group = r.groupName ? scoreCampaignGroup(app.classifier, r.groupName, undefined, lang) : undefined;
  const asn = app.registry.byNip(report.asnNip as AsnRecord['nip']);
  const msg = ocrTexts(lang).humas({
    receiptNo: report.receiptNo, asnName: asn?.nama ?? report.asnNip, filename: image.filename ?? '-', sha256: image.sha256 ?? '-',
    groupName: r.groupName ?? undefined, campaignGroup: group && { campaign: group.campaign, reason: group.reason }, pilkada: r.pilkada, terms: r.terms,
    confidence: r.confidence ?? 0, excerpt: screenExcerpt(r.text),
  });
  for (const h of humasAddresses(app.config.HUMAS_ADMINS)) {
    app.monitor.outbox.enqueue(
      {
        dedupeKey: `selfreport:${report.id}:ocr:${image.evidenceId}:${h.platform}:${h.recipient}`, platform: h.platform, recipient: h.recipient,
        recipientKind: 'user', kind: 'humas_alert', text: msg, incidentId: report.incidentId ?? undefined,
      },
      now,
    );
  }
}

/** A held report released as an alert alone: the follow-ups of the images read while it was held. */
export function enqueueHeldOcrFollowups(app: OcrFollowupDeps, report: SelfReportRow, now: number): void {
  const files = new Map(new SelfReportStore(app.db).evidence(report.id).map((e) => [e.id, e]));
  for (const r of readingsOfReport(app.db, report.id)) {
    if (!saysSomething(r)) continue;
    const e = files.get(r.evidenceId);
    enqueueOcrFollowup(app, report, { evidenceId: r.evidenceId, filename: e?.filename ?? null, sha256: e?.sha256 ?? null }, r, now);
  }
}

/** A report's line in a mass summary: what its screenshots read by now say (the first group name, Pilkada or not). */
export function summaryOcrLine(db: Db, reportId: number, lang: 'id' | 'en'): string | undefined {
  const told = readingsOfReport(db, reportId).filter(saysSomething);
  if (!told.length) return undefined;
  return ocrTexts(lang).dashboardLine({ groupName: told.find((r) => r.groupName)?.groupName ?? null, pilkada: told.some((r) => r.pilkada) });
}
