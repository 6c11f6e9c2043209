/**
 * WhatsApp invite links in self-reports: the group behind a link is looked up
 * without joining (subject, size, creator, description), scored like any other
 * group, kept as evidence, and Humas is told, with the `/gabung` command that
 * lets the bot join it. A narrow port, so the report does not depend on WhatsApp
 * being connected: without it (or when the lookup fails) the link stays text.
 */
import { scoreCampaignGroup } from '../core/campaign-group.js';
import { selfReportTexts } from '../core/messages/self-report.js';
import { cleanOptionalLabel } from '../core/text/label.js';
import { quoteStranger, quoteStrangerOpt } from '../core/text/quote.js';
import { SelfReportStore, type SelfReportRow } from '../store/self-reports.js';
import type { SelfReportDeps } from './context.js';
import type { InviteInfo } from './ports.js';
import { humasAddresses } from './recipients.js';

/** The port is declared in ports.ts with the other capabilities; re-exported for its users. */
export type { InviteInfo, InviteInspector } from './ports.js';

/** Checks each invite code of a report (once each), stores what was found and queues one Humas message per code (none for a report held in a burst). */
export async function checkReportedInvites(app: SelfReportDeps, report: SelfReportRow, codes: readonly string[]): Promise<number> {
  const inspector = app.inviteInspector;
  if (!inspector || !codes.length) return 0;
  const store = new SelfReportStore(app.db);
  const lang = app.config.LANGUAGE;
  let found = 0;
  for (const code of codes.slice(0, 3)) {
    let info: InviteInfo | undefined;
    try {
      info = await inspector.inspect(code);
    } catch (err) {
      app.log.warn({ err: String(err) }, 'self-report: invite link lookup failed; the link stays as text');
    }
    if (!info || !app.db.open) continue;
    found++;
    const score = scoreCampaignGroup(app.classifier, info.subject, info.description, lang);
    const now = app.clock();
    const text = selfReportTexts(lang).inviteInfo({ receiptNo: report.receiptNo, code, ...shownInfo(info), campaign: score.campaign, reason: score.reason });
    app.db.transaction(() => {
      store.addEvidence({ reportId: report.id, kind: 'invite', value: JSON.stringify({ code, ...info, campaign: score.campaign, score: score.score }), path: null, filename: null, mime: null, bytes: null, sha256: null, at: now });
      // A report held for a mass summary (app/self-report-bursts.ts): Humas already heard about this link from the first reports.
      if (app.db.prepare(`SELECT 1 FROM self_report_holds WHERE report_id = ?`).get(report.id) !== undefined) return;
      for (const h of humasAddresses(app.config.HUMAS_ADMINS)) {
        app.monitor.outbox.enqueue(
          { dedupeKey: `selfreport:${report.id}:invite:${code}:${h.platform}:${h.recipient}`, platform: h.platform, recipient: h.recipient, recipientKind: 'user', kind: 'humas_alert', text, incidentId: report.incidentId ?? undefined },
          now,
        );
      }
    })();
  }
  if (found) app.dispatcher.wake();
  return found;
}

/**
 * The group's subject and description as Humas reads them: the group owner's words, quoted as any
 * stranger's title (text/label.ts, text/quote.ts), so they cannot fake a line of the bot's message or carry a link.
 * The evidence row keeps what WhatsApp said.
 */
function shownInfo(info: InviteInfo): InviteInfo {
  const description = quoteStrangerOpt(cleanOptionalLabel(info.description, DESCRIPTION_SHOWN));
  return {
    subject: quoteStranger(cleanOptionalLabel(info.subject) ?? '?'),
    ...(info.size !== undefined ? { size: info.size } : {}),
    // A JID the server gives, not words anyone chose.
    ...(info.creator ? { creator: info.creator } : {}),
    ...(description ? { description } : {}),
  };
}

/** Characters of a group description Humas is shown. */
const DESCRIPTION_SHOWN = 300;
