/**
 * The command runner: parses, checks who and where against the table, audits
 * every admin command (allowed or refused), and never throws at the adapter.
 */
import type { Config } from '../../config.js';
import type { AsnRecord, Person } from '../../core/types.js';
import { auditResult } from '../../core/messages/audit-result.js';
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
    unknown: (n: string) => `Perintah "/${n}" tidak dikenal. Ketik /help untuk daftar perintah.`,
    failed: 'Maaf, terjadi kesalahan saat menjalankan perintah. Tidak ada data yang berubah. Silakan coba lagi.',
    help: 'Perintah yang tersedia:',
  },
  en: {
    notAdmin: 'Sorry, this command is for Humas admins only. If you are a civil servant who received an alert, please contact Humas.',
    groupRefusal: 'Bot commands are only answered in a private chat with the bot, not in groups. Please send your command there.',
    unknown: (n: string) => `Unknown command "/${n}". Send /help for the list of commands.`,
    failed: 'Sorry, something went wrong running that command. Nothing was changed. Please try again.',
    help: 'Available commands:',
  },
};

/** Splits `/cmd@BotName a "b c" d` into the command name and arguments. */
export function parseCommand(text: string): { name: string; args: string[]; rest: string } | undefined {
  const m = /^\/([A-Za-z_]{1,32})(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!m) return undefined;
  const rest = (m[2] ?? '').trim();
  const args = [...rest.matchAll(/"([^"]*)"|(\S+)/g)].map((x) => x[1] ?? x[2] ?? '');
  return { name: m[1]!.toLowerCase(), args, rest };
}

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
      return { text: t.unknown(parsed.name) };
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
    const ctx: CommandContext = { req, args: parsed.args, rest: parsed.rest, isAdmin, asn, db: this.deps.db, config: this.deps.config, now, lang };
    try {
      const reply = await spec.run(ctx);
      record(true, 'ok');
      return reply;
    } catch (err) {
      record(true, auditResult('error', { message: (err instanceof Error ? err.message : String(err)).slice(0, 400) }));
      return { text: t.failed };
    }
  }

  /** The /help text for this person: only the commands they may use. */
  helpFor(isAdmin: boolean, isAsn: boolean, lang: 'id' | 'en'): string {
    const lines = this.table
      .filter((c) => c.who === 'anyone' || isAdmin || (c.who === 'asn' && isAsn))
      .map((c) => `/${c.name}${c.usage ? ` ${c.usage}` : ''} - ${c.description[lang]}`);
    return [T[lang].help, ...lines].join('\n');
  }
}
