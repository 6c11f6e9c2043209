/**
 * Pure translation of one Bot API `Update` into `ChatEvent`s. No I/O: the
 * adapter (live) and replay both call it and hand the result to the monitor.
 * Anything malformed becomes a rejection reason; this module never throws.
 * Dedupe keys name the real-world occurrence (chat + message, chat + user +
 * date + status), never the update_id, which Telegram can repeat.
 */
import { telegramTexts } from '../../core/messages/telegram.js';
import type { ChatEvent, ChatRef, Person } from '../../core/types.js';

/** The outcome of normalising one update. */
export type Normalized = { ok: true; events: ChatEvent[] } | { ok: false; reason: string };

/** What the normaliser must know about the bot itself. */
export interface NormalizeOptions {
  /** The bot's own user id, to tell "the bot was added" from "a member was added". */
  botId?: string;
  /** Language of the names given to posts made on behalf of a chat ("anonymous admin of ...", "channel ..."); default id. */
  lang?: 'id' | 'en';
}

type Obj = Record<string, unknown>;
/** Thrown inside this module only, turned into a rejection at the boundary. */
class Malformed extends Error {}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function need<T>(v: T | undefined, what: string): T {
  if (v === undefined) throw new Malformed(what);
  return v;
}
const obj = (o: Obj, k: string, where: string): Obj => need(isObj(o[k]) ? (o[k] as Obj) : undefined, `${where}.${k} is missing or not an object`);
const int = (o: Obj, k: string, where: string): number => need(isInt(o[k]) ? (o[k] as number) : undefined, `${where}.${k} is missing or not an integer`);
const optStr = (o: Obj, k: string): string | undefined => (typeof o[k] === 'string' ? (o[k] as string) : undefined);

const CHAT_TYPES = new Set(['private', 'group', 'supergroup', 'channel']);
/** Statuses that mean "inside the chat" (restricted counts only with is_member). */
const INSIDE = new Set(['member', 'administrator', 'creator']);

/** Bot API `Chat` -> ChatRef. */
export function chatRef(c: Obj, where = 'chat'): ChatRef {
  const id = int(c, 'id', where);
  const type = optStr(c, 'type');
  if (type === undefined || !CHAT_TYPES.has(type)) throw new Malformed(`${where}.type is missing or unknown`);
  const ref: ChatRef = { platform: 'telegram', id: String(id), type: type as ChatRef['type'] };
  const title = optStr(c, 'title');
  if (title !== undefined) ref.title = title;
  return ref;
}

/** Bot API `User` -> Person (username lower-cased, display name kept for Humas). */
export function personOf(u: Obj, where = 'user'): Person {
  const p: Person = { platform: 'telegram', id: String(int(u, 'id', where)) };
  const username = optStr(u, 'username');
  if (username) p.username = username.toLowerCase();
  const name = [optStr(u, 'first_name'), optStr(u, 'last_name')].filter(Boolean).join(' ');
  if (name) p.name = name;
  if (u['is_bot'] === true) p.isBot = true;
  return p;
}

/** Normalises one update; `{ok:false}` with a reason for anything malformed. */
export function normalizeUpdate(update: unknown, opts: NormalizeOptions = {}): Normalized {
  try {
    if (!isObj(update)) return { ok: false, reason: 'update is not an object' };
    return { ok: true, events: dispatch(update, opts) };
  } catch (err) {
    if (err instanceof Malformed) return { ok: false, reason: err.message };
    return { ok: false, reason: `unexpected: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function dispatch(u: Obj, opts: NormalizeOptions): ChatEvent[] {
  if (isObj(u['message'])) return fromMessage(u['message'] as Obj, 'message', opts);
  if (isObj(u['edited_message'])) return fromMessage(u['edited_message'] as Obj, 'edited_message', opts);
  if (isObj(u['chat_member'])) return fromChatMember(u['chat_member'] as Obj, 'chat_member', opts);
  if (isObj(u['my_chat_member'])) return fromMyChatMember(u['my_chat_member'] as Obj);
  if (isObj(u['message_reaction'])) return fromReaction(u['message_reaction'] as Obj, opts);
  const known = ['callback_query', 'channel_post', 'edited_channel_post', 'message_reaction_count', 'inline_query', 'chosen_inline_result', 'poll', 'poll_answer', 'chat_join_request', 'chat_boost', 'removed_chat_boost', 'shipping_query', 'pre_checkout_query'];
  if (known.some((k) => isObj(u[k]))) return [];
  throw new Malformed('update carries no known content');
}

/**
 * Who really sent a message. `sender_chat` wins over `from` (Bot API Message: "for backward compatibility, the
 * field from contains a fake sender user in non-channel chats, if the message was sent on behalf of a chat"):
 * an anonymous admin's `from` is GroupAnonymousBot (1087968824) with the group itself in `sender_chat`; a linked
 * channel's automatic forward comes from 777000 ("Telegram"), a post as a channel from Channel_Bot (136817688),
 * both with the channel in `sender_chat`. The chat is then the actor, named for Humas, never matched to an ASN
 * (no username is kept: a public channel's username could equal an ASN's).
 */
function senderOf(m: Obj, where: string, opts: NormalizeOptions): Person {
  if (isObj(m['sender_chat'])) {
    const c = m['sender_chat'] as Obj;
    const id = int(c, 'id', `${where}.sender_chat`);
    const t = telegramTexts(opts.lang ?? 'id');
    const chat = isObj(m['chat']) ? (m['chat'] as Obj) : undefined;
    const title = optStr(c, 'title') ?? (chat && chat['id'] === id ? optStr(chat, 'title') : undefined) ?? String(id);
    const self = chat !== undefined && chat['id'] === id;
    return { platform: 'telegram', id: String(id), name: self ? t.anonymousAdmin(title) : t.channelActor(title) };
  }
  if (isObj(m['from'])) return personOf(m['from'] as Obj, `${where}.from`);
  throw new Malformed(`${where} has neither from nor sender_chat`);
}

function fromMessage(m: Obj, where: string, opts: NormalizeOptions): ChatEvent[] {
  const chat = chatRef(obj(m, 'chat', where), `${where}.chat`);
  const messageId = int(m, 'message_id', where);
  const at = int(m, 'date', where) * 1000;
  const edited = where === 'edited_message';
  const dedupeKey = edited ? `tg:edit:${chat.id}:${messageId}:${isInt(m['edit_date']) ? m['edit_date'] : at}` : `tg:msg:${chat.id}:${messageId}`;
  const base: Base = { dedupeKey, at, chat };
  // A forum topic message (is_topic_message): what the bot says in answer goes to the same topic.
  if (m['is_topic_message'] === true && isInt(m['message_thread_id'])) base.threadId = String(m['message_thread_id']);
  if (!edited) {
    const service = serviceEvents(m, base, where, opts);
    if (service) return service;
  }
  return textEvent(m, { ...base, messageId: String(messageId) }, where, opts);
}

type Base = { dedupeKey: string; at: number; chat: ChatRef; threadId?: string };

/** Service messages: migration, members joining or leaving, title changes, group creation. */
function serviceEvents(m: Obj, base: Base, where: string, opts: NormalizeOptions): ChatEvent[] | undefined {
  if (m['migrate_to_chat_id'] !== undefined) {
    const to = int(m, 'migrate_to_chat_id', where);
    return [{ ...base, kind: 'chat_migrated', dedupeKey: `tg:migrate:${base.chat.id}:${to}`, newChatId: String(to) }];
  }
  if (m['migrate_from_chat_id'] !== undefined) {
    // The first message in the new supergroup: the same migration seen from the other side (same key).
    const from = int(m, 'migrate_from_chat_id', where);
    const chat: ChatRef = { ...base.chat, id: String(from), type: 'group' };
    return [{ ...base, chat, kind: 'chat_migrated', dedupeKey: `tg:migrate:${from}:${base.chat.id}`, newChatId: base.chat.id }];
  }
  if (m['new_chat_members'] !== undefined) return joined(m, base, where, opts);
  if (m['left_chat_member'] !== undefined) return left(m, base, where, opts);
  if (m['new_chat_title'] !== undefined) {
    const title = need(optStr(m, 'new_chat_title'), `${where}.new_chat_title is not a string`);
    return [{ ...base, kind: 'chat_info', chat: { ...base.chat, title } }];
  }
  if (m['group_chat_created'] === true || m['supergroup_chat_created'] === true) {
    const actor = isObj(m['from']) ? personOf(m['from'] as Obj, `${where}.from`) : undefined;
    return [{ ...base, kind: 'bot_membership', joined: true, actor }];
  }
  return undefined;
}

const isBotSelf = (p: Person, opts: NormalizeOptions): boolean => opts.botId !== undefined && p.id === opts.botId;
const actorIfOther = (actor: Person | undefined, member: Person): Person | undefined => (actor && actor.id !== member.id ? actor : undefined);

function joined(m: Obj, base: Base, where: string, opts: NormalizeOptions): ChatEvent[] {
  const list = m['new_chat_members'];
  if (!Array.isArray(list) || list.some((x) => !isObj(x))) throw new Malformed(`${where}.new_chat_members is not a list of users`);
  const members = (list as Obj[]).map((x, i) => personOf(x, `${where}.new_chat_members[${i}]`));
  // An anonymous admin who adds someone is the group itself (sender_chat), not GroupAnonymousBot.
  const from = isObj(m['from']) || isObj(m['sender_chat']) ? senderOf(m, where, opts) : undefined;
  const out: ChatEvent[] = [];
  if (members.some((p) => isBotSelf(p, opts))) {
    out.push({ ...base, kind: 'bot_membership', dedupeKey: `${base.dedupeKey}:bot`, joined: true, actor: actorIfOther(from, { platform: 'telegram', id: opts.botId }) });
  }
  const others = members.filter((p) => !isBotSelf(p, opts));
  if (others.length) {
    const selfJoin = others.length === 1 && from?.id === others[0]!.id;
    out.push({ ...base, kind: 'member_added', members: others, actor: selfJoin ? undefined : from, viaInvite: selfJoin || undefined });
  }
  return out;
}

function left(m: Obj, base: Base, where: string, opts: NormalizeOptions): ChatEvent[] {
  const member = personOf(obj(m, 'left_chat_member', where), `${where}.left_chat_member`);
  const from = isObj(m['from']) ? personOf(m['from'] as Obj, `${where}.from`) : undefined;
  if (isBotSelf(member, opts)) return [{ ...base, kind: 'bot_membership', joined: false, actor: actorIfOther(from, member) }];
  return [{ ...base, kind: 'member_left', members: [member], actor: actorIfOther(from, member) }];
}

/** A text or captioned post, with `mention` (@username) and `text_mention` (user object) entities. */
function textEvent(m: Obj, base: Base & { messageId: string }, where: string, opts: NormalizeOptions): ChatEvent[] {
  const isPrivate = base.chat.type === 'private';
  const text = optStr(m, 'text') ?? optStr(m, 'caption');
  if (text === undefined) {
    // Private contacts still get an event, so a repeated update is recognised as a duplicate.
    if (isPrivate && isObj(m['contact'])) return [{ ...base, kind: 'message', sender: senderOf(m, where, opts), text: '[contact]', mentions: [], isPrivate: true }];
    return [];
  }
  const entities = Array.isArray(m['entities']) ? m['entities'] : Array.isArray(m['caption_entities']) ? m['caption_entities'] : [];
  const mentions = isPrivate ? [] : mentionsIn(text, entities);
  const ev: ChatEvent = { ...base, kind: 'message', sender: senderOf(m, where, opts), text, mentions };
  if (isPrivate) ev.isPrivate = true;
  // A caption is no command (telegraf's `command` listens to text messages only: node_modules/telegraf/lib/composer.js).
  if (optStr(m, 'text') === undefined) ev.caption = true;
  // An edit is the same post again: the monitor opens a case only for an ASN the edit adds (one case per post).
  if (where === 'edited_message') ev.edited = true;
  return [ev];
}

/** The people an entity list mentions; odd entities are skipped, not fatal. */
export function mentionsIn(text: string, entities: unknown[]): Person[] {
  const out: Person[] = [];
  for (const e of entities) {
    if (!isObj(e) || !isInt(e['offset']) || !isInt(e['length'])) continue;
    if (e['type'] === 'mention') {
      const handle = text.slice(e['offset'], e['offset'] + e['length']).replace(/^@/, '').toLowerCase();
      if (/^[a-z0-9_]{3,32}$/.test(handle)) out.push({ platform: 'telegram', username: handle });
    } else if (e['type'] === 'text_mention' && isObj(e['user']) && isInt(e['user']['id'])) {
      out.push(personOf(e['user'] as Obj));
    }
  }
  return out;
}

/** A chat member's status counts as inside the chat. */
export function isInside(member: Obj): boolean {
  const status = optStr(member, 'status');
  return status !== undefined && (INSIDE.has(status) || (status === 'restricted' && member['is_member'] === true));
}

function fromChatMember(cm: Obj, where: string, opts: NormalizeOptions): ChatEvent[] {
  const chat = chatRef(obj(cm, 'chat', where), `${where}.chat`);
  const from = personOf(obj(cm, 'from', where), `${where}.from`);
  const date = int(cm, 'date', where);
  const oldM = obj(cm, 'old_chat_member', where);
  const newM = obj(cm, 'new_chat_member', where);
  const member = personOf(obj(newM, 'user', `${where}.new_chat_member`), `${where}.new_chat_member.user`);
  const status = need(optStr(newM, 'status'), `${where}.new_chat_member.status is missing`);
  const was = isInside(oldM);
  const is = isInside(newM);
  if (was === is) return [];
  const base = { dedupeKey: `tg:cm:${chat.id}:${member.id}:${date}:${status}`, at: date * 1000, chat };
  if (isBotSelf(member, opts)) return [{ ...base, kind: 'bot_membership', joined: is, actor: actorIfOther(from, member) }];
  if (!is) return [{ ...base, kind: 'member_left', members: [member], actor: actorIfOther(from, member) }];
  const self = from.id === member.id;
  return [{ ...base, kind: 'member_added', members: [member], actor: self ? undefined : from, viaInvite: self || isObj(cm['invite_link']) || undefined }];
}

function fromMyChatMember(cm: Obj): ChatEvent[] {
  const where = 'my_chat_member';
  const chat = chatRef(obj(cm, 'chat', where), `${where}.chat`);
  if (chat.type === 'private') return []; // the user blocked or unblocked the bot: the dispatcher learns it from 403s
  const from = personOf(obj(cm, 'from', where), `${where}.from`);
  const date = int(cm, 'date', where);
  const oldM = obj(cm, 'old_chat_member', where);
  const newM = obj(cm, 'new_chat_member', where);
  const status = need(optStr(newM, 'status'), `${where}.new_chat_member.status is missing`);
  const was = isInside(oldM);
  const is = isInside(newM);
  const wasAdmin = optStr(oldM, 'status') === 'administrator';
  const isAdmin = status === 'administrator';
  // Rights changed while inside (promoted, demoted) matter too: they decide what Telegram lets the bot see.
  if (was === is && (!is || wasAdmin === isAdmin)) return [];
  const ev: ChatEvent = { kind: 'bot_membership', dedupeKey: `tg:mcm:${chat.id}:${date}:${status}`, at: date * 1000, chat, joined: is, actor: from };
  if (is) ev.admin = isAdmin;
  return [ev];
}

/** Text form of a reaction type: the emoji, or a marker for custom emoji. */
function reactionLabel(r: unknown): string | undefined {
  if (!isObj(r)) return undefined;
  if (r['type'] === 'emoji' && typeof r['emoji'] === 'string') return r['emoji'];
  if (r['type'] === 'custom_emoji') return `custom:${String(r['custom_emoji_id'] ?? '')}`;
  return undefined;
}

function fromReaction(r: Obj, opts: NormalizeOptions): ChatEvent[] {
  const where = 'message_reaction';
  const chat = chatRef(obj(r, 'chat', where), `${where}.chat`);
  const messageId = int(r, 'message_id', where);
  const date = int(r, 'date', where);
  if (!Array.isArray(r['new_reaction']) || !Array.isArray(r['old_reaction'])) throw new Malformed(`${where} reaction lists are missing`);
  const before = new Set(r['old_reaction'].map(reactionLabel));
  const added = r['new_reaction'].map(reactionLabel).filter((x): x is string => x !== undefined && !before.has(x));
  if (!added.length) return []; // a reaction removed or unchanged
  const sender = isObj(r['user'])
    ? personOf(r['user'] as Obj, `${where}.user`)
    : isObj(r['actor_chat'])
      ? senderOf({ sender_chat: r['actor_chat'], chat: r['chat'] }, where, opts) // an anonymous admin or a channel reacted
      : undefined;
  if (!sender) throw new Malformed(`${where} has neither user nor actor_chat`);
  return [{ kind: 'reaction', dedupeKey: `tg:react:${chat.id}:${messageId}:${sender.id}:${date}`, at: date * 1000, chat, messageId: String(messageId), sender, emoji: added[0]! }];
}

/** The bot's user id, which is the number before the colon of its token. */
export function botIdFromToken(token: string | undefined): string | undefined {
  const m = token ? /^(\d+):/.exec(token) : null;
  return m ? m[1] : undefined;
}
