/**
 * "I have left", where the platform cannot always show it. On WhatsApp the ASN replies
 * `SUDAH KELUAR <case>` (there are no buttons): the bot fetches the group's roster again; when it
 * proves the ASN is gone the case closes as any leave does (a `member_left` event through the
 * monitor); when it still lists the ASN the case stays open and the ASN is told; when it cannot
 * tell (a roster gap, or no roster at all) the case closes on the ASN's word, marked as such
 * (`left_by_word = 'asn'`, its own status reason), and Humas is told. Humas can also confirm a
 * leave by command (`/sudahkeluar <case>`, both platforms).
 */
import { caseReason } from '../core/messages/case-reason.js';
import { leftClaimTexts } from '../core/messages/left-claim.js';
import { quoteStrangerOpt } from '../core/text/quote.js';
import type { EpochMs } from '../core/types.js';
import { audit } from '../store/audit.js';
import type { AppCases, SelfReportDeps } from './context.js';
import { memberHandle, type CaseChange } from './lifecycle.js';
import type { MembershipChecker } from './ports.js';
import { humasAddresses } from './recipients.js';
import { reportOfCase, reporterAsn, resolveSelfReport } from './self-report.js';

/** What the ASN gets back: text (and files, for a self-report's receipt); nothing when the thank-you is on its way. */
export interface LeftClaimReply {
  text?: string;
  files?: { path: string; filename: string; caption?: string }[];
  outcome: 'not_yours' | 'which_case' | 'closed' | 'other_platform' | 'still_in' | 'left' | 'by_word' | 'report_done';
}

/** A WhatsApp ASN's `SUDAH KELUAR [case]`. `senderId`: their phone JID; `messageKey`: the message's own id (dedupe). */
export async function claimLeftOnWhatsApp(
  app: SelfReportDeps,
  checker: MembershipChecker,
  a: { caseId?: number; senderId: string; messageKey: string },
): Promise<LeftClaimReply> {
  const t = leftClaimTexts(app.config.LANGUAGE);
  const asn = reporterAsn(app, 'whatsapp', a.senderId);
  let caseId = a.caseId;
  if (caseId === undefined) {
    // Without a number: the one open WhatsApp case of this ASN, if there is exactly one.
    const open = asn ? app.monitor.incidents.listOpen().filter((c) => c.asnNip === asn.nip && c.platform === 'whatsapp').map((c) => c.id) : [];
    if (open.length !== 1) return { outcome: 'which_case', text: t.whichCase(open) };
    caseId = open[0]!;
  }
  const c = app.monitor.incidents.get(caseId);
  if (!c || !asn || c.asnNip !== asn.nip) return { outcome: 'not_yours', text: t.notYours(caseId) };
  if (c.status !== 'open') return { outcome: 'closed', text: t.closed(caseId) };
  // A case the ASN reported: "I have left" is their word that it is done, as the Telegram button does.
  const report = c.kind === 'reported' ? reportOfCase(app, c.id) : undefined;
  if (report) {
    const r = await resolveSelfReport(app, report.id, 'whatsapp', a.senderId);
    return r.ok ? { outcome: 'report_done', text: `${r.text}\n\n${r.reply.text}`, files: r.reply.files } : { outcome: 'not_yours', text: r.text };
  }
  if (c.platform !== 'whatsapp') return { outcome: 'other_platform', text: t.otherPlatform(caseId) };

  const chatTitle = quoteStrangerOpt(app.monitor.chats.get(c.platform, c.chatId)?.title) ?? c.chatId;
  const handle = memberHandle(asn, 'whatsapp');
  let member: boolean | undefined;
  // The bot was removed from the group: no roster to ask.
  if (handle && app.monitor.chats.get(c.platform, c.chatId)?.botMember !== false) {
    try {
      member = await checker.isMember(c.chatId, handle, { maxAgeMs: 0 });
    } catch (err) {
      app.log.warn({ caseId, err: err instanceof Error ? err.message : String(err) }, 'membership check for a leave claim failed');
    }
  }
  const now = app.clock();
  if (member !== undefined) app.db.prepare(`UPDATE incidents SET checked_at = ? WHERE id = ?`).run(now, c.id);
  if (member === true) return { outcome: 'still_in', text: t.stillIn({ caseId, chatTitle }) };
  if (member === false && handle && checker.certain?.(c.chatId, handle) !== false) {
    // Proof: the same path as a leave the bot sees (closes the case, thanks the ASN once).
    app.monitor.handle({
      kind: 'member_left',
      dedupeKey: `wa:selfleft:${c.id}:${a.messageKey}`,
      at: now,
      chat: { platform: 'whatsapp', id: c.chatId },
      members: [{ platform: 'whatsapp', id: handle }],
    });
    if (app.monitor.incidents.get(c.id)?.status === 'left') {
      app.dispatcher.wake();
      return { outcome: 'left' };
    }
  }
  const gap = member === false && handle ? checker.gap?.(c.chatId, handle) : undefined;
  const actor = `wa:${a.senderId}`;
  const closed = app.db.transaction(() => {
    if (!closeLeftByWord(app, c.id, 'asn', actor, now)) return false;
    audit(app.db, { at: now, actor, platform: 'whatsapp', action: 'SUDAH KELUAR', args: String(c.id), allowed: true, result: `closed on the ASN's word (${gap ?? (member === undefined ? 'no roster' : 'roster')})` });
    const text = t.humasByWord({ caseId: c.id, asnName: asn.nama, nip: asn.nip, unit: asn.unit, chatTitle, why: t.why(gap) });
    for (const h of humasAddresses(app.config.HUMAS_ADMINS)) {
      app.monitor.outbox.enqueue(
        { dedupeKey: `left-by-word:${c.id}:${h.platform}:${h.recipient}`, platform: h.platform, recipient: h.recipient, recipientKind: 'user', kind: 'humas_left_by_word', text, incidentId: c.id },
        now,
      );
    }
    return true;
  })();
  if (!closed) return { outcome: 'closed', text: t.closed(caseId) };
  app.dispatcher.wake();
  return { outcome: 'by_word', text: t.byWord({ caseId, chatTitle, humasContact: app.config.HUMAS_CONTACT }) };
}

/** Closes an open case as left on someone's word (`asn`: the ASN's own, unverified; `humas`: an admin's); false if it was not open. */
export function closeLeftByWord(app: AppCases, caseId: number, who: 'asn' | 'humas', by: string, now: EpochMs): boolean {
  return app.db.transaction(() => {
    if (app.monitor.incidents.get(caseId)?.status !== 'open') return false;
    if (!app.monitor.incidents.setStatus(caseId, 'left', now, caseReason(who === 'asn' ? 'left_by_word' : 'left_by_humas'), by)) return false;
    app.db.prepare(`UPDATE incidents SET left_by_word = ? WHERE id = ?`).run(who, caseId);
    return true;
  })();
}

/** `/sudahkeluar <case>`: a Humas admin confirms the ASN has left (any platform). */
export function confirmLeftByHumas(app: AppCases, caseId: number, by: string, now: EpochMs): CaseChange {
  return app.db.transaction((): CaseChange => {
    const c = app.monitor.incidents.get(caseId);
    if (!c) return { ok: false, reason: 'no_case' };
    if (c.status !== 'open' || !closeLeftByWord(app, caseId, 'humas', by, now)) return { ok: false, reason: 'not_open' };
    return { ok: true, incident: app.monitor.incidents.get(caseId)! };
  })();
}
