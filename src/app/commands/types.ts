/** Commands as data: one table drives /help, permission checks and the audit log. */
import type { Config } from '../../config.js';
import type { Platform } from '../../core/ids.js';
import type { AsnRecord } from '../../core/types.js';
import type { Db } from '../../store/db.js';

/** A command as it arrived from a platform. */
export interface CommandRequest {
  platform: Platform;
  chatType: 'private' | 'group';
  chatId: string;
  /** Sender id: Telegram user id, or WhatsApp JID. */
  fromId: string;
  fromName?: string;
  /** The whole message text, e.g. `/report 7h Dinas Pendidikan`. */
  text: string;
}

/** The answer: text, and files to attach. */
export interface CommandReply {
  text: string;
  files?: { path: string; filename: string; caption?: string }[];
}

/** Who may run a command. `asn` = a registered ASN (or an admin). */
export type Audience = 'admin' | 'asn' | 'anyone';

/** What a handler gets. */
export interface CommandContext {
  req: CommandRequest;
  args: string[];
  /** Everything after the command word, trimmed. */
  rest: string;
  isAdmin: boolean;
  asn?: AsnRecord;
  db: Db;
  config: Config;
  now: number;
  lang: 'id' | 'en';
}

/** One entry of the command table. */
export interface CommandSpec {
  name: string;
  aliases?: string[];
  /** Shown by /help: `[arguments]` then a description, per language. */
  usage?: string;
  description: { id: string; en: string };
  who: Audience;
  /** Admin commands are private-chat only; `any` allows groups too. */
  where: 'private' | 'any';
  /** The arguments are the sender's own words, kept as written (`/lapor ...`); otherwise a sentence's final `.`, `!` or `?` is dropped from them. */
  freeText?: boolean;
  run(ctx: CommandContext): CommandReply | Promise<CommandReply>;
}
