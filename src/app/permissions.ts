/**
 * What the platform lets the bot see, and telling Humas when it is not enough:
 * Telegram's privacy mode (from getMe), groups where the bot is not an
 * administrator (from my_chat_member), and membership answers Telegram does
 * not guarantee there. The facts live in SQLite (kv and `chats.bot_admin`), so
 * /status, the health line and the dashboard read the same thing after a restart.
 */
import { quoteStrangerOpt } from '../core/text/quote.js';
import type { Platform } from '../core/ids.js';
import { permissionTexts, waRosterTexts, type UnconfirmedLeftInput } from '../core/messages/permissions.js';
import type { ChatRow } from '../store/chats.js';
import type { Db } from '../store/db.js';
import { kvGet, kvSet } from '../store/kv.js';
import type { AlertDeps } from './alerts.js';
import { aloneInBurst } from './burst-window.js';
import { humasAddresses } from './recipients.js';

/** kv key of Telegram's privacy mode as getMe last reported it: `on:<username>` or `off:<username>`. */
export const PRIVACY_KEY = 'telegram.privacy_mode';

/** One thing the bot cannot do as configured, for /status, the health line and the dashboard. */
export type PermissionProblem =
  | { platform: 'telegram'; kind: 'privacy_mode'; bot: string }
  | { platform: Platform; kind: 'not_admin'; chatId: string; title: string | null; campaign: boolean };

/** Queues one notice per Humas admin (every platform they are reachable on). */
/** Queues `text` for every Humas admin; returns how many messages were queued (0: nobody to tell). */
function notifyHumas(d: Pick<AlertDeps, 'outbox' | 'config'>, key: string, kind: string, text: string, now: number, incidentId?: number): number {
  let queued = 0;
  for (const h of humasAddresses(d.config.HUMAS_ADMINS)) {
    d.outbox.enqueue({ dedupeKey: `${key}:${h.platform}:${h.recipient}`, platform: h.platform, recipient: h.recipient, recipientKind: 'user', kind, text, incidentId }, now);
    queued++;
  }
  return queued;
}

/**
 * Records what getMe said about privacy mode; when it is on and was not on
 * before, tells Humas once, with the BotFather fix. Returns whether it is
 * newly on and how many notices were queued (0 when there is no Humas admin
 * to tell, so the caller never claims Humas was told). One transaction, so a
 * crash never sends it twice or loses it.
 */
export function notePrivacyMode(d: Pick<AlertDeps, 'outbox' | 'config'> & { db: Db }, botUsername: string, canReadAllGroupMessages: boolean, now: number): { newlyOn: boolean; queued: number } {
  return d.db.transaction(() => {
    const was = kvGet(d.db, PRIVACY_KEY);
    const on = !canReadAllGroupMessages;
    kvSet(d.db, PRIVACY_KEY, `${on ? 'on' : 'off'}:${botUsername}`, now);
    if (!on || was?.startsWith('on:')) return { newlyOn: false, queued: 0 };
    return { newlyOn: true, queued: notifyHumas(d, `privacy:telegram:${now}`, 'humas_permissions', permissionTexts(d.config.LANGUAGE).privacyMode(botUsername), now) };
  })();
}

/** The scopes of these notices in `alert_windows` (app/mass-alerts.ts), keyed by platform: the notices one by one, and the "more came" one. */
export const NEEDS_ADMIN_SCOPE = 'needsadmin';
const NEEDS_ADMIN_MORE_SCOPE = 'needsadmin-more';
/**
 * The shortest quiet time that ends a burst of these notices. A group's case alerts end a burst after
 * MASS_ALERT_WINDOW_SECONDS (a minute by default), but with that window a timses adding the bot to a new group every
 * 61 seconds would send Humas a notice a minute; so these notices count in hours.
 */
export const NEEDS_ADMIN_WINDOW_SECONDS = 3600;

/**
 * Called inside the monitor's transaction when the bot joined or its rights changed without admin rights. The first
 * MASS_ALERT_THRESHOLD such notices of a burst (each within an hour, NEEDS_ADMIN_WINDOW_SECONDS, of the one before, the
 * mass-alert burst counter) go one by one, then one saying more came and where they are all listed, then none until the burst
 * ends: a timses adding the bot to forty groups at once must not bury Humas under forty notices (each group still
 * shows in /status, the health line and the dashboard). The "more came" notice is the first of its own burst counter,
 * counted only past the limit, with a limit of one.
 */
export function enqueueNeedsAdminNotice(d: AlertDeps & { db: Db }, chat: ChatRow, eventKey: string, added: boolean, now: number): void {
  const t = permissionTexts(d.config.LANGUAGE);
  const input = { chatTitle: quoteStrangerOpt(chat.title) ?? chat.chatId, chatId: chat.chatId, campaign: chat.campaign, added };
  const windowSeconds = Math.max(d.config.MASS_ALERT_WINDOW_SECONDS, NEEDS_ADMIN_WINDOW_SECONDS);
  const burst = { ...d.config, MASS_ALERT_WINDOW_SECONDS: windowSeconds };
  if (aloneInBurst(d.db, burst, NEEDS_ADMIN_SCOPE, chat.platform, now)) {
    notifyHumas(d, `needs-admin:${eventKey}`, 'humas_permissions', t.needsAdmin(input), now);
  } else if (aloneInBurst(d.db, { ...burst, MASS_ALERT_THRESHOLD: 1 }, NEEDS_ADMIN_MORE_SCOPE, chat.platform, now)) {
    notifyHumas(d, `needs-admin-many:${eventKey}`, 'humas_permissions', t.needsAdminMany(d.config.MASS_ALERT_THRESHOLD, input, windowSeconds), now);
  }
}

/** Most cases listed by name in one "left, not guaranteed" message; the rest are counted. */
export const UNCONFIRMED_LIST_MAX = 30;

/**
 * Membership checks said "left" where the answer is not guaranteed: Humas hears it once per case, the cases of one
 * pass in one message; the cases stay open. Runs in the caller's transaction (marks the cases as noticed).
 */
export function enqueueUnconfirmedLeftNotice(d: Pick<AlertDeps, 'outbox' | 'config'> & { db: Db }, found: readonly UnconfirmedLeftInput[], now: number): void {
  // Only cases still open and not asked about yet (a pass takes a while: an ASN may have pressed "Saya sudah keluar").
  const mark = d.db.prepare(`UPDATE incidents SET unconfirmed_noticed_at = ? WHERE id = ? AND unconfirmed_noticed_at IS NULL AND status = 'open'`);
  const cases = found.filter((c) => mark.run(now, c.caseId).changes === 1);
  if (!cases.length) return;
  // The caller passes one platform's cases at a time; WhatsApp's answer has its own reasons.
  const t = cases[0]!.platform === 'whatsapp' ? waRosterTexts(d.config.LANGUAGE) : permissionTexts(d.config.LANGUAGE);
  const text = cases.length === 1 ? t.unconfirmedLeft(cases[0]!) : t.unconfirmedLeftMany(cases.slice(0, UNCONFIRMED_LIST_MAX), Math.max(0, cases.length - UNCONFIRMED_LIST_MAX));
  // One case keeps the per-case key it always had; a list is keyed by its first case and the pass.
  const key = cases.length === 1 ? `unconfirmed-left:${cases[0]!.caseId}` : `unconfirmed-left-pass:${now}:${cases[0]!.caseId}`;
  notifyHumas(d, key, 'humas_permissions', text, now, cases.length === 1 ? cases[0]!.caseId : undefined);
}

/** The permission problems known now (privacy mode, groups without admin rights). */
export function permissionProblems(db: Db, chats: { withoutAdmin(p: Platform): ChatRow[] }): PermissionProblem[] {
  const out: PermissionProblem[] = [];
  const privacy = kvGet(db, PRIVACY_KEY);
  if (privacy?.startsWith('on:')) out.push({ platform: 'telegram', kind: 'privacy_mode', bot: privacy.slice(3) });
  for (const c of chats.withoutAdmin('telegram')) out.push({ platform: 'telegram', kind: 'not_admin', chatId: c.chatId, title: c.title, campaign: c.campaign });
  return out;
}

/** /status lines for the problems (a few group titles, then a count). */
export function permissionStatusLines(problems: readonly PermissionProblem[], lang: 'id' | 'en'): string[] {
  const t = permissionTexts(lang);
  const lines: string[] = [];
  for (const p of problems) if (p.kind === 'privacy_mode') lines.push(t.statusPrivacy(p.bot));
  const noAdmin = problems.filter((p): p is Extract<PermissionProblem, { kind: 'not_admin' }> => p.kind === 'not_admin');
  if (noAdmin.length) lines.push(t.statusNoAdmin(noAdmin.length, noAdmin.slice(0, 5).map((p) => quoteStrangerOpt(p.title) ?? p.chatId)));
  return lines;
}
