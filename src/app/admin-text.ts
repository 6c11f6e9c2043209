/**
 * A Humas admin's private message that is no command (Telegram, WhatsApp): what the admin most likely meant. A reply to one of
 * the bot's case messages names that case's commands, and a reply to a message of several cases (a summary, a grouped
 * escalation) lists them with their groups (a closed one marked "selesai") and says how to name one; a command typed without its "/" is suggested with it; anything
 * else, a forwarded post most often ("what is this?"), is said to open no case, with what the classifier makes of it.
 * It reads only; nothing changes. Before this an admin got the registration hint meant for strangers ("send /start"), or on WhatsApp silence.
 */
import { adminTextTexts } from '../core/messages/admin-text.js';
import { alertTexts } from '../core/messages/index.js';
import { quoteStrangerOpt } from '../core/text/quote.js';
import type { Platform } from '../core/ids.js';
import type { IncidentStatus } from '../core/types.js';
import { prepared } from '../store/statements.js';
import type { SelfReportDeps } from './context.js';
import { isHumasAdmin } from './recipients.js';

/** The message as the adapter saw it. */
export interface AdminText {
  platform: Platform;
  /** The sender: Telegram user id, or WhatsApp phone JID. */
  fromId: string;
  text: string;
  /** Set when it was forwarded from somewhere. */
  forwarded: boolean;
  /** The bot's own message it replies to: its platform message id, and its text. */
  replyTo?: { messageId: string; text?: string };
}

/**
 * The answer to a Humas admin's private message that is no command; undefined when the sender is no Humas admin, or
 * is also a registered ASN (who gets the ASN's answer, with the report button).
 */
export function adminTextReply(app: SelfReportDeps & { commands: { names(): string[] } }, m: AdminText): string | undefined {
  if (!isHumasAdmin(app.config.HUMAS_ADMINS, m.platform, m.fromId) || app.registry.findByPerson({ platform: m.platform, id: m.fromId })) return undefined;
  const t = adminTextTexts(app.config.LANGUAGE);
  const replied = m.replyTo ? repliedCases(app, m.platform, m.fromId, m.replyTo) : { cases: [], total: 0 };
  if (replied.total === 1) return t.answer({ kind: 'case', caseId: replied.cases[0]!.id });
  if (replied.total > 1) {
    const cases = replied.cases.map((c) => {
      const chatTitle = quoteStrangerOpt(c.chatTitle ?? undefined) ?? alertTexts(app.config.LANGUAGE).unknownChat;
      const unverified = quoteStrangerOpt(c.unverified ?? undefined);
      // A closed case is marked: Humas does not chase an ASN who already left (or a case exempted meanwhile).
      return {
        caseId: c.id, chatTitle, asnName: app.registry.byNip(c.asnNip)?.nama ?? c.asnNip, ...(c.status !== 'open' ? { closed: true } : {}),
        ...(unverified !== undefined ? { unverified } : {}),
      };
    });
    return t.answer({ kind: 'cases', cases, more: replied.total - cases.length });
  }
  const words = m.text.trim().split(/\s+/);
  const first = (words[0] ?? '').toLowerCase().replace(/^[.!]/, '').replace(/[.,!?]+$/, '');
  if (!m.forwarded && first && app.commands.names().includes(first) && m.text.length <= 200) {
    return t.answer({ kind: 'slash', suggestion: `/${[first, ...words.slice(1)].join(' ')}` });
  }
  const r = app.classifier.classify(m.text);
  return t.answer({ kind: 'text', forwarded: m.forwarded, pilkada: r.pilkada, terms: r.terms });
}

/** Most cases a reply's answer lists by number; the rest are counted. */
export const REPLIED_CASES_MAX = 20;

/** One case of a replied message as its answer lists it: its group's title and its username-only mark come with it. */
interface RepliedCase {
  id: number;
  asnNip: string;
  status: IncidentStatus;
  chatTitle: string | null;
  /** The Telegram username the case matched by alone (IncidentStore.unverifiedOf), else null. */
  unverified: string | null;
}

/**
 * The cases a bot message was about: those the outbox row it was sent as is tied to (a message of several cases),
 * else that row's case, else the "#N" its text names (a long text's earlier part). The first REPLIED_CASES_MAX, by
 * number, are read with their group and mark in one query (not a case, a chats row and an incident_unverified row
 * each); `total` counts them all.
 */
function repliedCases(app: SelfReportDeps, platform: Platform, fromId: string, replyTo: { messageId: string; text?: string }): { cases: RepliedCase[]; total: number } {
  // A Telegram message id is one only inside its chat (the admin's private chat, the row's recipient); a WhatsApp key
  // id is one everywhere, and the row's recipient may be the phone-number JID of an admin who writes from a LID.
  const row = app.monitor.outbox.byPlatformMessageId(platform, replyTo.messageId, platform === 'telegram' ? fromId : undefined);
  const tied = row ? app.monitor.outbox.casesOf(row.id) : [];
  const id = row?.incidentId ?? Number(/#(\d{1,9})\b/.exec(replyTo.text ?? '')?.[1] ?? NaN);
  const ids = tied.length ? tied : Number.isInteger(id) ? [id] : [];
  if (!ids.length) return { cases: [], total: 0 };
  const rows = prepared(
    app.db,
    `SELECT i.id, i.asn_nip AS asnNip, i.status, c.title AS chatTitle, u.username AS unverified, COUNT(*) OVER () AS total
       FROM incidents i LEFT JOIN chats c ON c.platform = i.platform AND c.chat_id = i.chat_id LEFT JOIN incident_unverified u ON u.incident_id = i.id
      WHERE i.id IN (SELECT value FROM json_each(?)) ORDER BY i.id LIMIT ?`,
  ).all(JSON.stringify(ids), REPLIED_CASES_MAX) as (RepliedCase & { total: number })[];
  return { cases: rows.map(({ total: _, ...c }) => c), total: rows[0]?.total ?? 0 };
}
