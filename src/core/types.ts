/**
 * The normalised vocabulary between adapters and core. Adapters turn telegraf
 * updates and Baileys events into `ChatEvent`s; core turns those into findings.
 * Nothing in here knows about a platform SDK.
 */
import type { Nip, PhoneE164, Platform, TgUserId, WaLid } from './ids.js';

/** Epoch milliseconds, UTC. Every time in core is one of these. */
export type EpochMs = number;

/**
 * A person as a platform shows them. Any handle may be missing; the registry
 * matches on whichever are present (Telegram id, username, phone, LID).
 */
export interface Person {
  platform: Platform;
  /** Platform user id: Telegram numeric id, or the WhatsApp JID as it arrived (phone JID or LID). */
  id?: string;
  /** Telegram username without `@`, lower-cased. */
  username?: string;
  /** Phone in E.164 when the platform revealed it. */
  phone?: PhoneE164;
  /** WhatsApp LID when known. */
  lid?: WaLid;
  /** Display name, for messages to Humas only. */
  name?: string;
  isBot?: boolean;
}

/** A group (or private chat) as seen in an event. */
export interface ChatRef {
  platform: Platform;
  /** Platform chat id: Telegram numeric id as a string, or WhatsApp group JID. */
  id: string;
  title?: string;
  description?: string;
  type?: 'private' | 'group' | 'supergroup' | 'channel';
}

/** Fields every event carries. */
interface EventBase {
  /** Unique per real-world occurrence: a replayed payload yields the same key. */
  dedupeKey: string;
  /** When it happened, per the platform. */
  at: EpochMs;
  chat: ChatRef;
  /** The forum topic it happened in (Telegram `message_thread_id` of a topic message); answers go back there. */
  threadId?: string;
}

/** Someone joined or was added (`actor` is who added them, if not themselves). */
export interface MemberAddedEvent extends EventBase {
  kind: 'member_added';
  members: Person[];
  actor?: Person;
  viaInvite?: boolean;
}
/** Someone left or was removed. */
export interface MemberLeftEvent extends EventBase {
  kind: 'member_left';
  members: Person[];
  actor?: Person;
}
/** Members found already inside (bot joined, or a membership check). */
export interface MembersPresentEvent extends EventBase {
  kind: 'members_present';
  members: Person[];
}
/** A text or caption posted in a chat, with the people it mentions. */
export interface MessageEvent extends EventBase {
  kind: 'message';
  messageId: string;
  sender: Person;
  text: string;
  mentions: Person[];
  /** A private message to the bot (commands, registration). */
  isPrivate?: boolean;
  /** A new version of an earlier message (`messageId`): findings already made on that message are not made again. */
  edited?: boolean;
  /**
   * The text is a photo's, video's or document's caption. A caption is never a command, as on Telegram, where only a
   * text message carries `bot_command` entities (telegraf's `command` listens to `message('text')` only): it gets no
   * group answer and counts as the post it is.
   */
  caption?: boolean;
}
/** A reaction placed on a message. */
export interface ReactionEvent extends EventBase {
  kind: 'reaction';
  messageId: string;
  sender: Person;
  emoji: string;
  /** Text of the reacted message, when the store knows it. */
  targetText?: string;
}
/** Title or description changed, or metadata fetched. */
export interface ChatInfoEvent extends EventBase {
  kind: 'chat_info';
}
/** The bot itself was added to or removed from a chat. */
export interface BotMembershipEvent extends EventBase {
  kind: 'bot_membership';
  joined: boolean;
  actor?: Person;
  /**
   * Whether the bot is an administrator there, when the platform says (Telegram `my_chat_member`).
   * Without admin rights Telegram sends no chat_member updates and does not guarantee getChatMember.
   */
  admin?: boolean;
}
/** A Telegram group became a supergroup with a new id. */
export interface ChatMigratedEvent extends EventBase {
  kind: 'chat_migrated';
  newChatId: string;
}

/** Everything an adapter can report. */
export type ChatEvent =
  | MemberAddedEvent
  | MemberLeftEvent
  | MembersPresentEvent
  | MessageEvent
  | ReactionEvent
  | ChatInfoEvent
  | BotMembershipEvent
  | ChatMigratedEvent;

/** One registered civil servant with every handle known so far. */
export interface AsnRecord {
  nip: Nip;
  nama: string;
  unit: string;
  phone: PhoneE164;
  telegramId?: TgUserId;
  telegramUsername?: string;
  waLid?: WaLid;
}

/** Report categories, following the SKB 2022 list. */
export type IncidentKind = 'added' | 'mentioned' | 'reacted' | 'posted' | 'present' | 'reported';
/** Incident lifecycle states. */
export type IncidentStatus = 'open' | 'left' | 'exempted' | 'expired';

/** Why a finding fired: the post excerpt and the words that matched. */
export interface Evidence {
  excerpt?: string;
  terms: string[];
}

/** A detected risk for one ASN in one chat, produced by core/detect. */
export interface Finding {
  kind: IncidentKind;
  asn: AsnRecord;
  chat: ChatRef;
  at: EpochMs;
  /** Who added or tagged the ASN, when known. */
  actor?: Person;
  evidence: Evidence;
  /**
   * Matched by Telegram username alone while the registry has no Telegram id for the ASN: anyone can take a
   * username, so the account may not be the ASN's. Nothing is sent to it; Humas is told the identity is unverified.
   */
  unverified?: { username: string; accountId?: string };
}

/** Result of the Pilkada text classifier. */
export interface Classification {
  pilkada: boolean;
  score: number;
  terms: string[];
}

/** Result of scoring a group as a campaign group from its title and description. */
export interface CampaignScore {
  campaign: boolean;
  score: number;
  reason: string;
}
