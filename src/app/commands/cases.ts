/**
 * Case commands for Humas admins: `/kasus` (list open cases or show one),
 * `/kecualikan <case> <reason>` (exempt), `/sudahkeluar <case>` (the ASN has left, where the bot
 * cannot see it itself) and `/buka <case>` (reopen). The
 * runner checks permissions and audits every call.
 */
import { lifecycleTexts } from '../../core/messages/lifecycle.js';
import { caseReasonText } from '../../core/messages/case-reason.js';
import { pressureTexts, unverifiedMarkText } from '../../core/messages/pressure.js';
import { formatDateTime } from '../../core/time.js';
import { actorText } from '../../core/actor.js';
import type { AppCases } from '../context.js';
import { leftClaimTexts } from '../../core/messages/left-claim.js';
import { confirmLeftByHumas } from '../left-claim.js';
import { caseFacts, exemptCase, reopenCase } from '../lifecycle.js';
import { readCaseRef } from '../../core/case-ref.js';
import { pagedText, parsePage } from './paging.js';
import type { CommandContext, CommandSpec } from './types.js';
import { quoteStrangerOpt } from '../../core/text/quote.js';

const actorOf = (ctx: CommandContext): string => `${ctx.req.platform === 'telegram' ? 'tg' : 'wa'}:${ctx.req.fromId}`;

/** `#12`, `12`, `no 12`, `kasus 12` ... -> 12 (core/case-ref.ts); anything else -> undefined. */
export function parseCaseId(s: string | undefined): number | undefined {
  const r = readCaseRef(s ?? '');
  return r?.ok && !r.rest ? r.id : undefined;
}

/**
 * The case a command names at the start of its arguments, and the rest of the line; or the polite answer when what
 * stands there is no number (`/kasus no abc`), or undefined when nothing was given.
 */
export function caseArg(ctx: CommandContext, command: string): { id: number; rest: string } | { reply: string } | undefined {
  const r = readCaseRef(ctx.rest);
  if (!r) return undefined;
  return r.ok ? { id: r.id, rest: r.rest } : { reply: lifecycleTexts(ctx.lang).cmd.notCaseNumber(r.given, command) };
}

/** The Telegram username a case matched by alone (IncidentStore.unverifiedOf), quoted as a stranger's text; undefined for any other case. */
const unverifiedUsername = (app: AppCases, id: number): string | undefined => quoteStrangerOpt(app.monitor.incidents.unverifiedOf(id)?.username);

/** The case command table bound to the app (register with `app.commands.add(...caseCommands(app))`). */
export function caseCommands(app: AppCases): CommandSpec[] {
  const tz = app.config.APP_TIMEZONE;
  return [
    {
      name: 'kasus',
      aliases: ['cases'],
      usage: '[nomor kasus | hal N]',
      description: { id: 'daftar kasus terbuka (per halaman), atau rincian satu kasus', en: 'open cases (by page), or one case in detail' },
      who: 'admin',
      where: 'private',
      run: (ctx) => {
        const t = lifecycleTexts(ctx.lang).cmd;
        const page = parsePage(ctx.args);
        if (page === 'bad') return { text: pressureTexts(ctx.lang).pageUsage('/kasus') };
        const ref = page === undefined ? caseArg(ctx, '/kasus') : undefined;
        if (ref && 'reply' in ref) return { text: ref.reply };
        if (ref) {
          const c = app.monitor.incidents.get(ref.id);
          if (!c) return { text: t.noCase(String(ref.id)) };
          return {
            text: t.caseDetail({
              ...caseFacts(app, c, ctx.lang),
              status: c.status,
              resolvedAt: c.resolvedAt !== null ? formatDateTime(c.resolvedAt, tz, ctx.lang) : undefined,
              addedBy: actorText({ id: c.addedById, name: c.addedByName, lid: c.addedByLid }),
              excerpt: c.excerpt ?? undefined,
              statusReason: caseReasonText(c.statusReason, ctx.lang) || undefined,
              statusBy: c.statusBy ?? undefined,
              followups: c.followups,
              escalatedAt: c.escalatedAt !== null ? formatDateTime(c.escalatedAt, tz, ctx.lang) : undefined,
              unverified: unverifiedUsername(app, c.id),
            }),
          };
        }
        const total = app.monitor.incidents.countOpen();
        if (!total) return { text: t.noOpenCases };
        // Only the page asked for is read and written out (a Pemda in a busy week has thousands open).
        const read = (offset: number, limit: number) =>
          app.monitor.incidents.listOpenMarked({ limit, offset }).map((c) => {
            const asn = app.registry.byNip(c.asnNip);
            const title = quoteStrangerOpt(app.monitor.chats.get(c.platform, c.chatId)?.title) ?? c.chatId;
            const unverified = quoteStrangerOpt(c.unverified);
            const mark = unverified !== undefined ? `, ${unverifiedMarkText(ctx.lang, unverified)}` : '';
            return `#${c.id} ${asn?.nama ?? c.asnNip} (${asn?.unit ?? '-'}), "${title}" ${c.platform === 'telegram' ? 'TG' : 'WA'}, ${formatDateTime(c.openedAt, tz, ctx.lang)}${mark}`;
          });
        return { text: pagedText({ header: t.openCasesHeader(total), total, read, page: page ?? 1, command: '/kasus', lang: ctx.lang }) };
      },
    },
    {
      name: 'kecualikan',
      aliases: ['exempt'],
      usage: '<nomor kasus> <alasan>',
      description: { id: 'kecualikan kasus dengan alasan (mis. hadir sebagai keluarga calon)', en: 'exempt a case, with a reason (e.g. family of a candidate)' },
      who: 'admin',
      where: 'private',
      run: (ctx) => {
        const t = lifecycleTexts(ctx.lang).cmd;
        const ref = caseArg(ctx, '/kecualikan');
        if (ref && 'reply' in ref) return { text: ref.reply };
        const reason = ref?.rest ?? '';
        if (!ref || !reason) return { text: t.exemptUsage };
        const id = ref.id;
        const r = exemptCase(app, id, reason.slice(0, 500), actorOf(ctx), ctx.now);
        if (r.ok) return { text: t.exempted(id, reason) };
        if (r.reason === 'no_case') return { text: t.noCase(String(id)) };
        return { text: t.notOpen(id, app.monitor.incidents.get(id)!.status) };
      },
    },
    {
      name: 'sudahkeluar',
      aliases: ['confirmleft'],
      usage: '<nomor kasus>',
      description: { id: leftClaimTexts('id').cmdDescription, en: leftClaimTexts('en').cmdDescription },
      who: 'admin',
      where: 'private',
      run: (ctx) => {
        const t = lifecycleTexts(ctx.lang).cmd;
        const ref = caseArg(ctx, '/sudahkeluar');
        if (ref && 'reply' in ref) return { text: ref.reply };
        if (!ref || ref.rest) return { text: leftClaimTexts(ctx.lang).cmdUsage };
        const id = ref.id;
        const r = confirmLeftByHumas(app, id, actorOf(ctx), ctx.now);
        if (r.ok) return { text: leftClaimTexts(ctx.lang).cmdDone(id) };
        if (r.reason === 'no_case') return { text: t.noCase(String(id)) };
        return { text: t.notOpen(id, app.monitor.incidents.get(id)!.status) };
      },
    },
    {
      name: 'buka',
      aliases: ['reopen'],
      usage: '<nomor kasus>',
      description: { id: 'buka kembali kasus yang sudah selesai', en: 'reopen a closed case' },
      who: 'admin',
      where: 'private',
      run: (ctx) => {
        const t = lifecycleTexts(ctx.lang).cmd;
        const ref = caseArg(ctx, '/buka');
        if (ref && 'reply' in ref) return { text: ref.reply };
        // Words after the case are ignored, as they always were (`/buka 12 salah kecualikan`).
        if (!ref) return { text: t.reopenUsage };
        const id = ref.id;
        const r = reopenCase(app, id, actorOf(ctx), ctx.now);
        if (r.ok) return { text: t.reopened(id) };
        if (r.reason === 'no_case') return { text: t.noCase(String(id)) };
        if (r.reason === 'already_open') return { text: t.alreadyOpen(id) };
        return { text: t.otherOpen(id, r.otherId ?? 0) };
      },
    },
  ];
}
