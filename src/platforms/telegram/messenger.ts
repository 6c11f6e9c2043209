/**
 * The Telegram side of the outbound ports: delivering outbox rows with
 * telegraf's `Telegram` client and asking about group membership. Every
 * failure is classified into a `SendResult`; nothing here retries or decides.
 */
import { Telegram, TelegramError } from 'telegraf';
import type { ChatMember, InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'telegraf/types';
import type { MembershipChecker, Messenger, Outgoing, SendResult } from '../../app/ports.js';
import { StepSender, type SendStep } from '../../app/steps.js';
import { splitMessage } from '../../core/text/split.js';
import type { OutboxPayload } from '../../store/outbox.js';
import { abortableSleep } from './sleep.js';

/** Outbox kinds whose message also removes the reply keyboard (the request_contact button). */
export const REMOVE_KEYBOARD_KINDS: ReadonlySet<string> = new Set(['tg_registered']);

/** Network error codes that mean "try again later". */
const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_SOCKET']);

/** Maps anything a telegraf call threw to a classified failure. */
export function classifyTelegramError(err: unknown): SendResult & { ok: false } {
  if (err instanceof TelegramError) return classifyApiError(err);
  const e = err as { name?: string; code?: string; errno?: string; type?: string; message?: string } | undefined;
  const detail = e?.message ?? String(err);
  if (e?.name === 'FetchError' || e?.name === 'AbortError' || e?.type === 'system' || NETWORK_CODES.has(e?.code ?? e?.errno ?? '')) {
    return { ok: false, failure: 'transient', detail: `network: ${detail}` };
  }
  return { ok: false, failure: 'bug', detail };
}

function classifyApiError(err: TelegramError): SendResult & { ok: false } {
  const detail = `${err.code}: ${err.description}`;
  const params = err.parameters;
  if (err.code === 403) return { ok: false, failure: 'refused', detail };
  // The recipient does not exist for this bot (a wrong id in the registry, a deleted account): nobody will ever
  // receive it, so it is undeliverable and Humas is told, like a 403.
  if (err.code === 400 && /chat not found|user not found|PEER_ID_INVALID|user is deactivated/i.test(err.description)) return { ok: false, failure: 'refused', detail };
  // A group that will not take the post: the forum topic is closed, or the bot may not write there (restricted, or
  // only admins may post). No retry changes that; the row is undeliverable and Humas is told which group.
  if (err.code === 400 && /TOPIC_CLOSED|TOPIC_DELETED|message thread not found|not enough rights|CHAT_WRITE_FORBIDDEN|CHAT_RESTRICTED/i.test(err.description)) {
    return { ok: false, failure: 'refused', detail };
  }
  if (err.code === 429) return { ok: false, failure: 'rate_limited', detail, retryAfterMs: (params?.retry_after ?? 1) * 1000 };
  if (params?.migrate_to_chat_id !== undefined) return { ok: false, failure: 'migrated', detail, newChatId: String(params.migrate_to_chat_id) };
  if (err.code >= 500) return { ok: false, failure: 'transient', detail };
  if (err.code === 400 || err.code === 401 || err.code === 404) return { ok: false, failure: 'bug', detail };
  return { ok: false, failure: 'transient', detail };
}

/** `"123"` / `"-100123"` -> number, `@channel` stays a string. */
export const toChatId = (recipient: string): number | string => (/^-?\d+$/.test(recipient) ? Number(recipient) : recipient);

/** The reply markup for a payload: inline buttons, the request_contact keyboard, or a keyboard removal. */
export function replyMarkupFor(payload: OutboxPayload, kind: string): InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | undefined {
  if (payload.buttons?.length) {
    return { inline_keyboard: payload.buttons.map((row) => row.map((b) => ({ text: b.text, callback_data: b.data }))) };
  }
  if (payload.requestContact) {
    return { keyboard: [[{ text: payload.requestContact, request_contact: true }]], resize_keyboard: true, one_time_keyboard: true };
  }
  return REMOVE_KEYBOARD_KINDS.has(kind) ? { remove_keyboard: true } : undefined;
}

/** Sends outbox rows through the Bot API. */
export class TelegramMessenger implements Messenger {
  readonly platform = 'telegram' as const;
  /** Resumes a text+files message after its last delivered part when retried. */
  private readonly parts = new StepSender();

  /** Wraps a telegraf client (e.g. `bot.telegram`). */
  constructor(private readonly telegram: Telegram) {}

  /** Sends the text in parts under the length limit (markup on the last), then each file; a failure at any step is classified. */
  send(m: Outgoing): Promise<SendResult> {
    return this.parts.run(m, this.steps(m), classifyTelegramError);
  }

  private steps(m: Outgoing): SendStep[] {
    const chatId = toChatId(m.recipient);
    const markup = replyMarkupFor(m.payload, m.kind);
    // In a forum supergroup the answer goes to the topic it answers, as telegraf's ctx.reply does
    // (node_modules/telegraf/lib/context.js, getThreadId): without it, it would land in the General topic.
    const thread = m.payload.threadId !== undefined && /^\d+$/.test(m.payload.threadId) ? { message_thread_id: Number(m.payload.threadId) } : {};
    const steps: SendStep[] = [];
    // Over 4,096 characters the Bot API answers 400 "message is too long" (never worth a retry): send it in parts,
    // in order, the buttons under the last one.
    const parts = splitMessage(m.text);
    parts.forEach((text, i) => {
      steps.push(async () => {
        const last = i === parts.length - 1;
        const r = await this.telegram.sendMessage(chatId, text, { ...thread, reply_markup: last ? markup : undefined, link_preview_options: { is_disabled: true } });
        return String(r.message_id);
      });
    });
    for (const f of m.payload.files ?? []) {
      steps.push(async () => {
        const r = await this.telegram.sendDocument(chatId, { source: f.path, filename: f.filename }, { ...thread, caption: f.caption });
        return String(r.message_id);
      });
    }
    return steps;
  }
}

/** A getChatMember answer means inside the chat: member, administrator, creator, or restricted but still a member. */
export function isChatMember(m: ChatMember): boolean {
  return m.status === 'restricted' ? m.is_member : m.status === 'member' || m.status === 'administrator' || m.status === 'creator';
}

/** Options of the getChatMember checker. */
export interface MembershipCheckerOptions {
  /** Whether a "not a member" answer is guaranteed in a chat (the bot is an administrator there). Default: always. */
  guaranteed?: (chatId: string) => boolean;
  /** Longest wait for a 429's retry_after before answering "cannot tell" (default 10 s). */
  maxWaitMs?: number;
  /** Aborts waits (the adapter stopping). */
  signal?: AbortSignal;
  now?: () => number;
}

/** Tries of one check: the first call, and up to two more after a 429's retry_after. */
const CHECK_TRIES = 3;

/**
 * Answers "is this user still in that chat?" with getChatMember. A 429 holds
 * every check of this bot until its `retry_after` has passed (Telegram's
 * limits are per bot), so checks in a row never hammer a rate-limited API.
 */
export class TelegramMembershipChecker implements MembershipChecker {
  readonly platform = 'telegram' as const;
  private retryAt = 0;
  private readonly now: () => number;

  /** Wraps a telegraf client. */
  constructor(
    private readonly telegram: Telegram,
    private readonly o: MembershipCheckerOptions = {},
  ) {
    this.now = o.now ?? Date.now;
  }

  /** True for member/administrator/creator/restricted-but-member, false for left/kicked, undefined when Telegram would not say. */
  async isMember(chatId: string, userId: string): Promise<boolean | undefined> {
    for (let attempt = 0; attempt < CHECK_TRIES; attempt++) {
      const wait = this.retryAt - this.now();
      if (wait > 0) {
        if (wait > (this.o.maxWaitMs ?? 10_000)) return undefined;
        await abortableSleep(wait, this.o.signal);
        if (this.o.signal?.aborted) return undefined;
      }
      try {
        return isChatMember(await this.telegram.getChatMember(toChatId(chatId), Number(userId)));
      } catch (err) {
        if (!(err instanceof TelegramError) || err.code !== 429) return undefined;
        this.retryAt = Math.max(this.retryAt, this.now() + (err.parameters?.retry_after ?? 1) * 1000);
      }
    }
    return undefined;
  }

  /** getChatMember is "only guaranteed to work for other users if the bot is an administrator in the chat" (Bot API). */
  certain(chatId: string): boolean {
    return this.o.guaranteed?.(chatId) ?? true;
  }
}
