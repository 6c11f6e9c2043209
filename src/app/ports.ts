/**
 * The outbound side as small capabilities. Adapters implement them for real
 * platforms; `RecordingMessenger` is the dry-run one; tests add failing ones.
 */
import type { Platform } from '../core/ids.js';
import type { OutboxMessage } from '../store/outbox.js';

/** One message to deliver. */
export interface Outgoing extends OutboxMessage {
  /** The outbox row it comes from (keys the progress of multi-part sends). */
  outboxId?: number;
  /** Parts of this message already delivered by an earlier attempt (stored on the row, so it survives a restart). */
  partsDone?: number;
  /** Called after each delivered part with the count so far, to store it. */
  onPartSent?: (n: number) => void;
  /** Called with the platform's id of each delivered part of a message sent in several, to store it (a reply to any part names the row). */
  onPartId?: (messageId: string) => void;
  /**
   * The platform's refusal of an earlier part of this message that came after that part went (a WhatsApp error ack,
   * outbox.refused_while_sending), if any: the later parts are then not sent (app/steps.ts).
   */
  refusal?: () => string | undefined;
}

/**
 * How a send ended. Failures are classified, because each has its own handling:
 * `refused` (Telegram 403: never retry, tell Humas), `rate_limited` (wait
 * retryAfterMs), `transient` (5xx / network: back off), `restricted` (WhatsApp
 * 463 / account restricted: never retry, pause first contacts), `migrated`
 * (follow newChatId), `offline` (the connection was not open, nothing was
 * written: wait for it without spending an attempt), `bug` (our fault: do not retry).
 */
export type SendResult =
  | { ok: true; messageId?: string }
  | { ok: false; failure: 'refused' | 'rate_limited' | 'transient' | 'restricted' | 'migrated' | 'offline' | 'bug'; detail: string; retryAfterMs?: number; newChatId?: string };

/** Sends one message on one platform. */
export interface Messenger {
  readonly platform: Platform;
  send(m: Outgoing): Promise<SendResult>;
}

/** Asks a platform whether a user is still in a chat; undefined when it cannot tell. */
export interface MembershipChecker {
  readonly platform: Platform;
  /** `maxAgeMs`: how old a cached roster may be (WhatsApp; 0 asks the platform again, as an ASN's "I have left" does). */
  isMember(chatId: string, userId: string, opts?: { maxAgeMs?: number }): Promise<boolean | undefined>;
  /**
   * Whether a "not a member" answer for this chat is guaranteed by the platform (Telegram: only when the
   * bot is an administrator there; WhatsApp: only when the roster just fetched is complete and every entry
   * could be compared). When false, a check never closes a case by itself. Absent: always.
   */
  certain?(chatId: string, userId?: string): boolean;
  /** Why the last "not a member" answer for this user is not guaranteed, for the Humas notice (WhatsApp: a `RosterGap`). */
  gap?(chatId: string, userId?: string): string | undefined;
}

/** A dry-run messenger that records what would have been sent. */
export class RecordingMessenger implements Messenger {
  readonly sent: Outgoing[] = [];
  constructor(readonly platform: Platform, private readonly onSend?: (m: Outgoing) => void) {}
  async send(m: Outgoing): Promise<SendResult> {
    this.sent.push(m);
    this.onSend?.(m);
    return { ok: true, messageId: String(this.sent.length) };
  }
}

/** What a lookup of a WhatsApp invite link (in a self-report, app/invite-check.ts) tells about the group behind an invite link. */
export interface InviteInfo {
  subject: string;
  size?: number;
  /** The creator's JID (phone or LID), as WhatsApp gives it. */
  creator?: string;
  description?: string;
}

/** Looks up an invite code without joining; undefined when the platform cannot say. */
export interface InviteInspector {
  inspect(code: string): Promise<InviteInfo | undefined>;
}
