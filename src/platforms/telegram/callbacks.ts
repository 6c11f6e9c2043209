/**
 * The two buttons under an ASN alert. `left:<case>`: the ASN says they left;
 * the bot checks with getChatMember and closes the case only if it is true.
 * `help:<case>`: every Humas admin gets a DM. Only the ASN who owns the case
 * may press them. The returned text is shown as the callback answer.
 */
import { quoteStrangerOpt } from '../../core/text/quote.js';
import type { App } from '../../app/app.js';
import type { MembershipChecker } from '../../app/ports.js';
import { humasAddresses } from '../../app/recipients.js';
import { leftClaimTexts } from '../../core/messages/left-claim.js';
import { telegramTexts } from '../../core/messages/telegram.js';
import { reportOfCase, resolveSelfReport } from '../../app/self-report.js';

/** A pressed inline button, as the handler needs it. */
export interface ButtonPress {
  /** callback_query.id, unique per press. */
  id: string;
  fromId: string;
  data: string;
}

/** Handles one press and returns the answer text (undefined for data this bot never sent). */
export async function handleButton(app: App, checker: MembershipChecker, press: ButtonPress): Promise<string | undefined> {
  const done = /^sr-done:(\d+)$/.exec(press.data);
  if (done) return reportDone(app, Number(done[1]), press.fromId);
  const m = /^(left|help):(\d+)$/.exec(press.data);
  if (!m) return undefined;
  const t = telegramTexts(app.config.LANGUAGE);
  const incident = app.monitor.incidents.get(Number(m[2]));
  const asn = app.registry.byTelegramId(press.fromId);
  if (!incident || !asn || incident.asnNip !== asn.nip) return t.notYourCase;
  if (m[1] === 'help') {
    askHumas(app, incident.id, press.fromId);
    return t.humasTold;
  }
  if (incident.status !== 'open') return t.caseClosed;
  // A case the ASN reported: "I have left" on its follow-up is their word that it is done (no group to check).
  const report = incident.kind === 'reported' ? reportOfCase(app, incident.id) : undefined;
  if (report) return reportDone(app, report.id, press.fromId);
  if (incident.platform !== 'telegram') return t.cannotCheck;
  const inside = await checker.isMember(incident.chatId, press.fromId);
  if (inside === undefined) return t.cannotCheck;
  if (inside) return t.stillMember;
  app.monitor.handle({
    kind: 'member_left',
    dedupeKey: `tg:selfleft:${incident.id}:${press.id}`,
    at: app.clock(),
    chat: { platform: 'telegram', id: incident.chatId },
    members: [{ platform: 'telegram', id: press.fromId }],
  });
  return t.leftThanks;
}

/** The ASN says a self-report is resolved: the case closes and the updated receipt (text and PDF) is queued once. */
async function reportDone(app: App, reportId: number, fromId: string): Promise<string> {
  const r = await resolveSelfReport(app, reportId, 'telegram', fromId);
  if (!r.ok) return r.text;
  app.monitor.outbox.enqueue(
    {
      dedupeKey: `selfreport:${reportId}:resolved`, platform: 'telegram', recipient: fromId, recipientKind: 'user', kind: 'selfreport_receipt',
      text: `${r.text}\n\n${r.reply.text}`, payload: { files: r.reply.files }, incidentId: r.incidentId ?? undefined,
    },
    app.clock(),
  );
  app.dispatcher.wake();
  return r.text;
}

/** Queues one DM per Humas admin (once per case): the ASN asks for help. */
function askHumas(app: App, caseId: number, fromId: string): void {
  const incident = app.monitor.incidents.get(caseId)!;
  const asn = app.registry.byNip(incident.asnNip)!;
  const chat = app.monitor.chats.get(incident.platform, incident.chatId);
  const text = telegramTexts(app.config.LANGUAGE).helpRequest({
    caseId,
    asnName: asn.nama,
    nip: asn.nip,
    unit: asn.unit,
    chatTitle: quoteStrangerOpt(chat?.title) ?? incident.chatId,
    username: app.registry.byTelegramId(fromId)?.telegramUsername,
  });
  const now = app.clock();
  app.db.transaction(() => {
    for (const h of humasAddresses(app.config.HUMAS_ADMINS)) {
      app.monitor.outbox.enqueue(
        { dedupeKey: `help:${caseId}:${h.platform}:${h.recipient}`, platform: h.platform, recipient: h.recipient, recipientKind: 'user', kind: 'help_request', text, incidentId: caseId },
        now,
      );
    }
  })();
  app.dispatcher.wake();
}

/**
 * An ASN who writes "sudah keluar" (or "saya sudah keluar #12", "keluar 12", "left"; core/left-claim.ts) instead of
 * pressing the button: the same as pressing "Saya sudah keluar" under that case's alert. Without a number, the ASN's one
 * open Telegram case; with none or several, the ASN is asked which. Undefined when the sender is no registered ASN.
 */
export async function claimLeftByText(app: App, checker: MembershipChecker, a: { caseId?: number; fromId: string; pressId: string }): Promise<string | undefined> {
  const asn = app.registry.byTelegramId(a.fromId);
  if (!asn) return undefined;
  let caseId = a.caseId;
  if (caseId === undefined) {
    const open = app.monitor.incidents.listOpen().filter((c) => c.asnNip === asn.nip && c.platform === 'telegram').map((c) => c.id);
    if (open.length !== 1) return leftClaimTexts(app.config.LANGUAGE).whichCaseTelegram(open);
    caseId = open[0]!;
  }
  // Written, not pressed: "not yours" says to check the number, not that a button belongs to someone else.
  if (app.monitor.incidents.get(caseId)?.asnNip !== asn.nip) return leftClaimTexts(app.config.LANGUAGE).notYours(caseId);
  return handleButton(app, checker, { id: a.pressId, fromId: a.fromId, data: `left:${caseId}` });
}
