/**
 * Group tasks for the dashboard: the list of groups with their campaign
 * status, why, and case counts (paged, searchable), and the same changes as
 * `/tandai`, `/lepas` and `/pengingat`, audited under the admin's identity.
 */
import type { Platform } from '../../core/ids.js';
import { afterQuietHours } from '../../core/time.js';
import { audit } from '../../store/audit.js';
import type { ChatRow } from '../../store/chats.js';
import type { App } from '../app.js';

/** One group line: the chat and how many cases (and open ones) it has. */
export interface GroupLine extends ChatRow {
  cases: number;
  openCases: number;
}

/**
 * One page of groups, campaign groups first, filtered by a title search; with `quietUntil`, the end of the
 * quiet hours in force now (reminders are held until then), or null.
 */
export function listGroups(app: App, q: { search?: string; offset: number; limit: number }): { total: number; rows: GroupLine[]; quietUntil: number | null } {
  const now = app.clock();
  const quietEnd = afterQuietHours(now, app.config.QUIET_HOURS, app.config.APP_TIMEZONE);
  const search = q.search?.trim().toLowerCase();
  const all = app.monitor.chats.list().filter((c) => !search || (c.title ?? '').toLowerCase().includes(search) || c.chatId === q.search?.trim());
  const counts = new Map<string, { cases: number; open: number }>();
  for (const r of app.db
    .prepare(`SELECT platform, chat_id, COUNT(*) AS n, SUM(status = 'open') AS open FROM incidents GROUP BY platform, chat_id`)
    .all() as { platform: Platform; chat_id: string; n: number; open: number }[]) {
    counts.set(`${r.platform}|${r.chat_id}`, { cases: r.n, open: r.open });
  }
  return {
    total: all.length,
    quietUntil: quietEnd > now ? quietEnd : null,
    rows: all.slice(q.offset, q.offset + q.limit).map((c) => {
      const n = counts.get(`${c.platform}|${c.chatId}`);
      return { ...c, cases: n?.cases ?? 0, openCases: n?.open ?? 0 };
    }),
  };
}

/** Outcome of a group change. */
export type GroupChange = { ok: true; chat: ChatRow } | { ok: false; reason: 'no_group' };

const asPlatform = (p: string): Platform | undefined => (p === 'telegram' || p === 'whatsapp' ? p : undefined);

function record(app: App, actor: string, action: string, args: string, result: string, now: number): void {
  audit(app.db, { at: now, actor, platform: actor.slice(0, actor.indexOf(':')) || undefined, action, args: args.slice(0, 500), allowed: true, result });
}

/** Marks or unmarks a campaign group as a Humas admin would with `/tandai` / `/lepas` (admins override the automatic judgement). */
export function setCampaignBy(app: App, platform: string, chatId: string, campaign: boolean, actor: string, now: number = app.clock()): GroupChange {
  const p = asPlatform(platform);
  const chat = p && app.monitor.chats.get(p, chatId);
  const action = campaign ? 'groups mark' : 'groups unmark';
  if (!p || !chat) {
    record(app, actor, action, `${platform} ${chatId}`, 'no_group', now);
    return { ok: false, reason: 'no_group' };
  }
  const en = app.config.LANGUAGE === 'en';
  const reason = en ? `${campaign ? 'marked' : 'unmarked'} by Humas admin` : `${campaign ? 'ditandai' : 'dilepas'} oleh admin Humas`;
  const scans = app.monitor.chats.scans.requested;
  app.db.transaction(() => {
    app.monitor.chats.setCampaign(p, chatId, { campaign, reason, source: 'admin', by: actor }, now);
    record(app, actor, action, `${platform} ${chatId}`, 'ok', now);
  })();
  if (app.monitor.chats.scans.requested !== scans) app.wakeScanners();
  return { ok: true, chat: app.monitor.chats.get(p, chatId)! };
}

/** Turns a group's reminders on or off, as `/pengingat on|off` does. */
export function setRemindersBy(app: App, platform: string, chatId: string, on: boolean, actor: string, now: number = app.clock()): GroupChange {
  const p = asPlatform(platform);
  const action = on ? 'groups reminders on' : 'groups reminders off';
  return app.db.transaction((): GroupChange => {
    const ok = p !== undefined && app.monitor.chats.get(p, chatId) !== undefined && app.monitor.chats.setReminders(p, chatId, on, now);
    record(app, actor, action, `${platform} ${chatId}`, ok ? 'ok' : 'no_group', now);
    return ok ? { ok: true, chat: app.monitor.chats.get(p!, chatId)! } : { ok: false, reason: 'no_group' };
  })();
}
