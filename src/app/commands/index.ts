/**
 * The command runner: parses, checks who and where against the table, audits
 * every admin command (allowed or refused), and never throws at the adapter.
 */
import type { Config } from '../../config.js';
import type { AsnRecord, Person } from '../../core/types.js';
import { auditResult } from '../../core/messages/audit-result.js';
import { editDistance } from '../../core/text/fuzzy.js';
import { audit } from '../../store/audit.js';
import type { Db } from '../../store/db.js';
import { isHumasAdmin } from '../recipients.js';
import type { CommandContext, CommandReply, CommandRequest, CommandSpec } from './types.js';

export type { CommandReply, CommandRequest, CommandSpec, CommandContext } from './types.js';

/** Texts of the runner itself. */
const T = {
  id: {
    notAdmin: 'Maaf, perintah ini hanya dapat digunakan oleh admin Humas. Jika Anda ASN dan menerima peringatan, silakan hubungi Humas.',
    groupRefusal: 'Perintah bot hanya dilayani melalui pesan pribadi ke bot, tidak di grup. Silakan kirim perintah Anda di chat pribadi dengan bot.',
    unknown: (n: string, meant?: string) => `Perintah "/${n}" tidak dikenal.${meant ? ` Maksud Anda /${meant}?` : ''} Ketik /help untuk daftar perintah.`,
    failed: 'Maaf, terjadi kesalahan saat menjalankan perintah. Tidak ada data yang berubah. Silakan coba lagi.',
    help: 'Perintah yang tersedia:',
  },
  en: {
    notAdmin: 'Sorry, this command is for Humas admins only. If you are a civil servant who received an alert, please contact Humas.',
    groupRefusal: 'Bot commands are only answered in a private chat with the bot, not in groups. Please send your command there.',
    unknown: (n: string, meant?: string) => `Unknown command "/${n}".${meant ? ` Did you mean /${meant}?` : ''} Send /help for the list of commands.`,
    failed: 'Sorry, something went wrong running that command. Nothing was changed. Please try again.',
    help: 'Available commands:',
  },
};

/**
 * What a phone may put before a command: spaces (also no-break ones) and invisible format characters (a zero-width
 * space or a BOM pasted with it, a bidi mark); and a full-width slash (U+FF0F) from an East Asian keyboard.
 */
const COMMAND_LEAD = /^[\s\p{Cf}]+/u;
/**
 * `/name`, then digits typed without their space (`/kasus3`), sentence punctuation autocorrect or a thumb adds
 * (`/Status.`), `@BotName`, then the arguments after a space.
 */
const COMMAND = /^\/([A-Za-z_]{1,32})(\d{1,9})?[.,!?]*(?:@([A-Za-z0-9_]+)[.,!?]*)?(?:\s+([\s\S]*))?$/;

/**
 * Splits `/cmd@BotName a "b c" d` into the command name (lower case), the arguments and the bot it names (Telegram's
 * `/cmd@BotName`, for the adapter to ignore another bot's command). Read as people type on phones: capitals,
 * a trailing period, leading spaces or invisible characters, `/kasus3` for `/kasus 3`.
 */
export function parseCommand(text: string): { name: string; args: string[]; rest: string; bot?: string } | undefined {
  const m = COMMAND.exec(text.replace(COMMAND_LEAD, '').replace(/^\uFF0F/, '/').trimEnd());
  if (!m) return undefined;
  const rest = [m[2], (m[4] ?? '').trim()].filter(Boolean).join(' ');
  return { name: m[1]!.toLowerCase(), args: splitArgs(rest), rest, ...(m[3] !== undefined ? { bot: m[3] } : {}) };
}

/** Words and "quoted phrases" (straight or a phone's curly quotes). */
function splitArgs(rest: string): string[] {
  return [...rest.matchAll(/["\u201C\u201D]([^"\u201C\u201D]*)["\u201C\u201D]|(\S+)/g)].map((x) => x[1] ?? x[2] ?? '');
}

/** Sentence punctuation at the end of a command's arguments (`/report minggu ini.`): not part of them. */
const TRAILING_PUNCTUATION = /\s*[.!?\u2026]+$/u;

/** Dependencies of the command runner. */
export interface CommandDeps {
  db: Db;
  config: Config;
  clock: () => number;
  findAsn(p: Person): AsnRecord | undefined;
  /** When an answer was last queued to this group chat (a group is refused once per GROUP_REFUSAL_WINDOW_MS), or undefined. */
  lastGroupAnswer?(platform: CommandRequest['platform'], chatId: string): number | undefined;
  /** How many answers were queued to any group of the platform since `since` (GROUP_REFUSALS_PER_HOUR). */
  groupAnswersSince?(platform: CommandRequest['platform'], since: number): number;
}

/**
 * A command in a group is refused at most once per group in this time; the attempts after it are audited and not
 * answered. Otherwise anyone in a campaign group could make the bot post there once per command they send (a flood
 * of `/report` becomes a flood of bot posts the group can point at, each waiting in the outbox behind the group's pacing),
 * and the refusal already stands in the group for everyone to read.
 */
export const GROUP_REFUSAL_WINDOW_MS = 10 * 60_000;

/**
 * Refusals posted in groups per hour across all groups of a platform, where a cap is needed: a WhatsApp number that
 * posts in group after group it was added to risks a restriction or a ban, and a timses can make many groups and type
 * a command in each. Beyond the cap the attempts are audited and not answered. Telegram has no such risk.
 */
export const GROUP_REFUSALS_PER_HOUR: Partial<Record<CommandRequest['platform'], number>> = { whatsapp: 5 };

/** Runs commands from the table. */
export class CommandRunner {
  private readonly byName = new Map<string, CommandSpec>();
  constructor(private readonly deps: CommandDeps, readonly table: CommandSpec[]) {
    for (const c of table) for (const n of [c.name, ...(c.aliases ?? [])]) this.byName.set(n, c);
  }

  /** Adds commands (platform-specific ones such as /gabung). */
  add(...specs: CommandSpec[]): void {
    for (const c of specs) {
      this.table.push(c);
      for (const n of [c.name, ...(c.aliases ?? [])]) this.byName.set(n, c);
    }
  }

  /** Every command name and alias (an admin's text that starts with one is suggested back with its "/"). */
  names(): string[] {
    return [...this.byName.keys()];
  }

  /** True for text that starts like a command. */
  isCommand(text: string): boolean {
    return parseCommand(text) !== undefined;
  }

  /** Runs one command; undefined if the text is not a command. Never throws. */
  async run(req: CommandRequest): Promise<CommandReply | undefined> {
    const parsed = parseCommand(req.text);
    if (!parsed) return undefined;
    const lang = this.deps.config.LANGUAGE;
    const t = T[lang];
    const now = this.deps.clock();
    const isAdmin = isHumasAdmin(this.deps.config.HUMAS_ADMINS, req.platform, req.fromId);
    const spec = this.byName.get(parsed.name);
    const actor = `${req.platform === 'telegram' ? 'tg' : 'wa'}:${req.fromId}`;
    const record = (allowed: boolean, result: string) =>
      audit(this.deps.db, { at: now, actor, platform: req.platform, action: `/${parsed.name}`, args: parsed.rest.slice(0, 500) || undefined, allowed, result });
    if (!spec) {
      if (req.chatType === 'group') return undefined;
      record(false, 'unknown_command');
      return { text: t.unknown(parsed.name, this.meant(parsed.name, req, isAdmin)) };
    }
    // In a group everyone gets the same answer, so the reply reveals nothing about who is an admin or an ASN.
    if (req.chatType === 'group' && spec.where === 'private') {
      record(false, 'refused_group_chat');
      const last = this.deps.lastGroupAnswer?.(req.platform, req.chatId);
      if (last !== undefined && now - last < GROUP_REFUSAL_WINDOW_MS) return undefined;
      const cap = GROUP_REFUSALS_PER_HOUR[req.platform];
      if (cap !== undefined && (this.deps.groupAnswersSince?.(req.platform, now - 3_600_000) ?? 0) >= cap) return undefined;
      return { text: t.groupRefusal };
    }
    const asn = this.deps.findAsn({ platform: req.platform, id: req.fromId });
    const permitted = spec.who === 'anyone' || isAdmin || (spec.who === 'asn' && Boolean(asn));
    if (!permitted) {
      record(false, 'refused_not_admin');
      return { text: t.notAdmin };
    }
    const rest = spec.freeText ? parsed.rest : parsed.rest.replace(TRAILING_PUNCTUATION, '');
    const args = rest === parsed.rest ? parsed.args : splitArgs(rest);
    const ctx: CommandContext = { req, args, rest, isAdmin, asn, db: this.deps.db, config: this.deps.config, now, lang };
    try {
      const reply = await spec.run(ctx);
      record(true, 'ok');
      return reply;
    } catch (err) {
      record(true, auditResult('error', { message: (err instanceof Error ? err.message : String(err)).slice(0, 400) }));
      return { text: t.failed };
    }
  }

  /**
   * The command a mistyped name most likely meant (`stauts` for status, `laporn` for laporan): the one name within one
   * edit (two for names of seven letters or more), among the commands this sender may use; undefined when none or
   * several commands are that close. Only named back, never run on the guess.
   */
  private meant(name: string, req: CommandRequest, isAdmin: boolean): string | undefined {
    const isAsn = Boolean(this.deps.findAsn({ platform: req.platform, id: req.fromId }));
    let best: { d: number; spec: CommandSpec; name: string }[] = [];
    for (const [n, spec] of this.byName) {
      if (!(spec.who === 'anyone' || isAdmin || (spec.who === 'asn' && isAsn))) continue;
      if (Math.abs(n.length - name.length) > 2) continue;
      const d = editDistance(name, n);
      if (d > (Math.min(n.length, name.length) >= 7 ? 2 : 1)) continue;
      if (!best.length || d < best[0]!.d) best = [{ d, spec, name: n }];
      else if (d === best[0]!.d) best.push({ d, spec, name: n });
    }
    const specs = new Set(best.map((b) => b.spec));
    return specs.size === 1 ? best[0]!.name : undefined;
  }

  /** The /help text for this person: only the commands they may use. */
  helpFor(isAdmin: boolean, isAsn: boolean, lang: 'id' | 'en'): string {
    const lines = this.table
      .filter((c) => c.who === 'anyone' || isAdmin || (c.who === 'asn' && isAsn))
      .map((c) => `/${c.name}${c.usage ? ` ${c.usage}` : ''} - ${c.description[lang]}`);
    return [T[lang].help, ...lines].join('\n');
  }
}
