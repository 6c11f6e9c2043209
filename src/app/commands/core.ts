/**
 * The platform-independent command table: help, status, groups, marking
 * campaign groups, reminders on/off, exemptions, reopening, reports.
 */
import { platformStatusText } from '../../core/messages/platform-status.js';
import type { Platform } from '../../core/ids.js';
import { ownIdText, type OwnId } from '../../core/messages/identity.js';
import { pressureTexts } from '../../core/messages/pressure.js';
import { waPhoneDigits } from '../recipients.js';
import { formatDateTime } from '../../core/time.js';
import type { ChatRow } from '../../store/chats.js';
import { lastEventAt } from '../../store/kv.js';
import type { CoreCommandDeps } from '../context.js';
import { permissionProblems, permissionStatusLines } from '../permissions.js';
import { pageText, parsePage } from './paging.js';
import type { CommandContext, CommandSpec } from './types.js';
import { cleanLabel, ECHO_MAX } from '../../core/text/label.js';
import { quoteStrangerOpt } from '../../core/text/quote.js';

const platformShort = (p: Platform) => (p === 'telegram' ? 'TG' : 'WA');

/** Resolves `<chat>` (id or part of the title) to exactly one chat, or explains why not. */
function oneChat(app: CoreCommandDeps, ctx: CommandContext): ChatRow | string {
  // A title given in quotes (`/tandai "Relawan Paslon 2"`, or the curly quotes a phone puts) is looked up without them.
  const q = ctx.rest.replace(/^["\u201C\u201D]([^"\u201C\u201D]+)["\u201C\u201D]$/, '$1').trim();
  const id = ctx.lang === 'en';
  if (!q) return id ? 'Please give a group id or part of its title. See /grup.' : 'Sebutkan id grup atau sebagian namanya. Lihat /grup.';
  const found = app.monitor.chats.find(q);
  if (found.length === 1) return found[0]!;
  // What was asked, echoed as one short line (an argument of thousands of characters would fill the answer).
  const asked = cleanLabel(q, ECHO_MAX);
  if (!found.length) return id ? `No group matches "${asked}". See /grup.` : `Tidak ada grup yang cocok dengan "${asked}". Lihat /grup.`;
  const list = found.map((c) => `- ${quoteStrangerOpt(c.title) ?? '?'} (${platformShort(c.platform)} ${c.chatId})`).join('\n');
  return (id ? `Several groups match "${asked}", please use the id:\n` : `Beberapa grup cocok dengan "${asked}", gunakan id-nya:\n`) + list;
}

/** The sender's own id as `/id` shows it: only a phone JID (never a LID) gives a WhatsApp number. */
function ownId(ctx: CommandContext): OwnId {
  if (ctx.req.platform === 'telegram') return { platform: 'telegram', id: ctx.req.fromId };
  return { platform: 'whatsapp', phoneDigits: waPhoneDigits(ctx.req.fromId) };
}

/** Builds the core command table bound to the app. */
export function coreCommands(app: CoreCommandDeps): CommandSpec[] {
  const specs: CommandSpec[] = [
    {
      name: 'help',
      aliases: ['bantuan'],
      description: { id: 'daftar perintah', en: 'list of commands' },
      who: 'anyone',
      where: 'private',
      run: (ctx) => ({ text: app.commands.helpFor(ctx.isAdmin, Boolean(ctx.asn), ctx.lang) }),
    },
    {
      name: 'id',
      description: { id: 'id Anda sendiri (untuk didaftarkan sebagai admin Humas)', en: 'your own id (to be listed as a Humas admin)' },
      who: 'anyone',
      where: 'private',
      run: (ctx) => ({ text: ownIdText(ownId(ctx), ctx.lang) }),
    },
    {
      name: 'status',
      description: { id: 'status bot (admin) atau kasus Anda sendiri (ASN)', en: 'bot status (admin) or your own cases (ASN)' },
      who: 'asn',
      where: 'private',
      run: (ctx) => ({ text: ctx.isAdmin ? adminStatus(app, ctx) : asnStatus(app, ctx) }),
    },
    {
      name: 'grup',
      aliases: ['groups'],
      usage: '[hal N]',
      description: { id: 'daftar grup dan status kampanyenya (per halaman)', en: 'groups and their campaign status (by page)' },
      who: 'admin',
      where: 'private',
      run: (ctx) => {
        const page = parsePage(ctx.args);
        if (page === 'bad' || (page === undefined && ctx.args.length)) return { text: pressureTexts(ctx.lang).pageUsage('/grup') };
        const chats = app.monitor.chats.list();
        if (!chats.length) return { text: ctx.lang === 'en' ? 'The bot is in no group yet.' : 'Bot belum berada di grup mana pun.' };
        const lines = chats.map((c) => {
          const mark = c.campaign ? '🔴' : '⚪';
          const src = c.campaignSource === 'admin' ? (ctx.lang === 'en' ? ' [marked by admin]' : ' [ditandai admin]') : '';
          const rem = c.campaign && !c.remindersEnabled ? (ctx.lang === 'en' ? ' [reminders off]' : ' [pengingat mati]') : '';
          return `${mark} ${quoteStrangerOpt(c.title) ?? '?'} (${platformShort(c.platform)} ${c.chatId})${src}${rem}${c.campaignReason ? `\n   ${c.campaignReason}` : ''}`;
        });
        // 50 groups a page: an entry can take two lines (the reason it is a campaign group).
        return { text: pageText({ header: `${ctx.lang === 'en' ? 'Groups' : 'Grup'} (${chats.length}):`, lines, page: page ?? 1, command: '/grup', lang: ctx.lang, size: 50 }) };
      },
    },
    markCommand(app, true),
    markCommand(app, false),
    {
      name: 'pengingat',
      aliases: ['reminders'],
      usage: '<on|off> <grup>',
      description: { id: 'nyalakan/matikan pengingat untuk satu grup', en: 'turn reminders on/off for one group' },
      who: 'admin',
      where: 'private',
      run: (ctx) => {
        const [mode, ...rest] = ctx.args;
        const on = mode === 'on' || mode === 'nyala';
        const off = mode === 'off' || mode === 'mati';
        if (!on && !off) return { text: ctx.lang === 'en' ? 'Usage: /pengingat on|off <group>' : 'Cara pakai: /pengingat on|off <grup>' };
        const chat = oneChat(app, { ...ctx, rest: rest.join(' ') });
        if (typeof chat === 'string') return { text: chat };
        app.monitor.chats.setReminders(chat.platform, chat.chatId, on, ctx.now);
        return { text: ctx.lang === 'en' ? `Reminders for "${quoteStrangerOpt(chat.title) ?? chat.chatId}" are now ${on ? 'on' : 'off'}.` : `Pengingat untuk "${quoteStrangerOpt(chat.title) ?? chat.chatId}" sekarang ${on ? 'menyala' : 'mati'}.` };
      },
    },
  ];
  return specs;
}

function markCommand(app: CoreCommandDeps, campaign: boolean): CommandSpec {
  return {
    name: campaign ? 'tandai' : 'lepas',
    aliases: [campaign ? 'mark' : 'unmark'],
    usage: '<grup>',
    description: campaign
      ? { id: 'tandai grup sebagai grup kampanye', en: 'mark a group as a campaign group' }
      : { id: 'hapus tanda grup kampanye', en: 'unmark a campaign group' },
    who: 'admin',
    where: 'private',
    run: (ctx) => {
      const chat = oneChat(app, ctx);
      if (typeof chat === 'string') return { text: chat };
      const by = `${ctx.req.platform === 'telegram' ? 'tg' : 'wa'}:${ctx.req.fromId}`;
      const reason = ctx.lang === 'en' ? `${campaign ? 'marked' : 'unmarked'} by Humas admin` : `${campaign ? 'ditandai' : 'dilepas'} oleh admin Humas`;
      const scans = app.monitor.chats.scans.requested;
      app.db.transaction(() => app.monitor.chats.setCampaign(chat.platform, chat.chatId, { campaign, reason, source: 'admin', by }, ctx.now))();
      if (app.monitor.chats.scans.requested !== scans) app.wakeScanners();
      const title = quoteStrangerOpt(chat.title) ?? chat.chatId;
      return {
        text: ctx.lang === 'en'
          ? `"${title}" is ${campaign ? 'now' : 'no longer'} a campaign group.`
          : `"${title}" ${campaign ? 'sekarang ditandai sebagai' : 'tidak lagi ditandai sebagai'} grup kampanye.`,
      };
    },
  };
}

function adminStatus(app: CoreCommandDeps, ctx: CommandContext): string {
  const q = app.monitor.outbox.depth();
  const last = lastEventAt(app.db);
  const open = (app.db.prepare(`SELECT COUNT(*) AS n FROM incidents WHERE status = 'open'`).get() as { n: number }).n;
  const platforms = Object.entries(app.platformStatus).map(([p, s]) => `${p}: ${platformStatusText(p, s, ctx.lang)}`);
  const en = ctx.lang === 'en';
  return [
    en ? 'Jaga Netral status' : 'Status Jaga Netral',
    ...(platforms.length ? platforms : [en ? 'no platform connected' : 'belum ada platform terhubung']),
    ...permissionStatusLines(permissionProblems(app.db, app.monitor.chats), ctx.lang).map((l) => `⚠️ ${l}`),
    ...[...app.statusNotes.values()].map((note) => note(ctx.lang, app.clock())).filter((l): l is string => Boolean(l)).map((l) => `⚠️ ${l}`),
    `${en ? 'Registered ASN' : 'ASN terdaftar'}: ${app.registry.count()}`,
    `${en ? 'Open cases' : 'Kasus terbuka'}: ${open}`,
    `${en ? 'Queue' : 'Antrean'}: ${q.pending + q.sending} ${en ? 'pending' : 'menunggu'}, ${q.sent} ${en ? 'sent' : 'terkirim'}, ${q.failed} ${en ? 'failed' : 'gagal'}, ${q.undeliverable} ${en ? 'undeliverable' : 'tidak terkirim'}`,
    `${en ? 'Last event' : 'Peristiwa terakhir'}: ${last ? formatDateTime(last, app.config.APP_TIMEZONE, ctx.lang) : '-'}`,
  ].join('\n');
}

function asnStatus(app: CoreCommandDeps, ctx: CommandContext): string {
  const en = ctx.lang === 'en';
  const cases = ctx.asn ? app.monitor.incidents.openOf(ctx.asn.nip) : [];
  if (!cases.length) return en ? 'You have no open cases. Thank you for staying neutral.' : 'Tidak ada kasus terbuka atas nama Anda. Terima kasih telah menjaga netralitas.';
  const lines = cases.map((c) => {
    const chat = app.monitor.chats.get(c.platform, c.chatId);
    return `#${c.id} ${quoteStrangerOpt(chat?.title) ?? c.chatId} (${platformShort(c.platform)}), ${formatDateTime(c.openedAt, app.config.APP_TIMEZONE, ctx.lang)}`;
  });
  return [(en ? 'Your open cases (please leave these groups):' : 'Kasus terbuka atas nama Anda (mohon keluar dari grup ini):'), ...lines].join('\n');
}
