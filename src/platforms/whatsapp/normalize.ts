/**
 * Baileys events -> `ChatEvent`s. Pure apart from the lookups passed in the
 * context (LID map, stored message texts, the group metadata cache): no
 * sending, no writes, never throws. Unusable payloads come back as
 * rejections with a reason, and every LID <-> phone pair seen on the way is
 * returned so the adapter can learn it.
 */
import {
  getContentType,
  isJidBroadcast,
  isJidGroup,
  isJidStatusBroadcast,
  isLidUser,
  jidNormalizedUser,
  normalizeMessageContent,
  toNumber,
  WAMessageStubType,
  type BaileysEventMap,
  type GroupMetadata,
  type GroupParticipant,
  proto,
  type WAMessage,
} from '@whiskeysockets/baileys';
import { hash } from 'node:crypto';
import type { ChatEvent, ChatRef, MessageEvent, Person } from '../../core/types.js';
import { pairsFromParticipants, toLidPair, waPerson, type LidPair, type WaLidMap } from './identities.js';

/** What normalising needs to know beyond the payload. */
export interface NormalizeContext {
  /** Fallback time (epoch ms) for payloads without one. */
  now: number;
  /** The bot's own JIDs (phone JID and LID), normalised. */
  selfIds: ReadonlySet<string>;
  /** LID map lookups. */
  map: Pick<WaLidMap, 'pnForLid' | 'lidForPn'>;
  /** Cached group title/description, so events carry the chat's name. */
  groupInfo?(jid: string): { title?: string; description?: string } | undefined;
  /** The last name WhatsApp showed for any of these handles (`wa_names`), for people an event carries no name for. */
  nameOf?(...jids: (string | null | undefined)[]): string | undefined;
  /** Text of an earlier message, for reactions. */
  messageText?(chatId: string, messageId: string): string | undefined;
}

/** A participant-change stub seen in `messages.upsert`: its key and time, to give the matching `group-participants.update` a stable dedupe key. */
export interface ParticipantStub {
  signature: string;
  id: string;
  at: number;
}

/** A private (one-to-one) text to the bot, for commands and registration. */
export interface PrivateMessage {
  event: MessageEvent;
  /** The chat JID to answer in (as it arrived). */
  chatJid: string;
  /** The sender's phone JID when known (from the JID itself, `remoteJidAlt` or the LID map). */
  pnJid?: string;
  /** The sender's LID when known. */
  lid?: string;
  /** The message as it arrived, when it carries a photo or a document (evidence of a self-report is downloaded from it). */
  media?: WAMessage;
  /** One picture of an album: the id of the album's header (`messageAssociation.parentMessageKey.id`) and its place in it. */
  album?: { parentId: string; index?: number };
  /** The message as it arrived, for any picture, file, video or album part: kept until answered (store/pending-pictures.ts). */
  raw?: WAMessage;
  /** It carries a video, which is not kept as evidence (the ASN is told: app/self-report.ts, SkippedEvidence). */
  video?: boolean;
  /** contextInfo.isForwarded: forwarded from elsewhere (a Humas admin asking "what is this?"). */
  forwarded?: boolean;
  /** contextInfo.stanzaId: the id of the message this one replies to (a Humas admin answering an alert). */
  quotedId?: string;
}

/** The contextInfo of a message's content (text, caption), where WhatsApp marks forwards and replies. */
function contextOf(content: proto.IMessage): proto.IContextInfo | undefined {
  const type = getContentType(content);
  const inner = type ? (content[type] as { contextInfo?: proto.IContextInfo | null } | null | undefined) : undefined;
  return inner && typeof inner === 'object' ? inner.contextInfo ?? undefined : undefined;
}

/** An album's header in a private chat (`albumMessage`): how many pictures and videos follow. */
export interface AlbumHeader {
  chatJid: string;
  id: string;
  expected: number;
}

/** Everything one Baileys event yields. */
export interface Normalized {
  events: ChatEvent[];
  privates: PrivateMessage[];
  rejects: { raw: unknown; reason: string }[];
  pairs: LidPair[];
  /** Full metadata to cache in `wa_group_meta`. */
  groupMeta: GroupMetadata[];
  /** Partial updates to merge into the cache. */
  groupPatches: Partial<GroupMetadata>[];
  stubs: ParticipantStub[];
  /** Groups the bot itself joined (fetch members) or left. */
  botJoined: { groupJid: string; at: number; actor?: Person }[];
  /** Album headers in private chats. */
  albums: AlbumHeader[];
}

const empty = (): Normalized => ({ events: [], privates: [], rejects: [], pairs: [], groupMeta: [], groupPatches: [], stubs: [], botJoined: [], albums: [] });

const MEDIA_ALBUM = proto.MessageAssociation.AssociationType.MEDIA_ALBUM;

/**
 * The album a picture belongs to. A phone sends an album as an `albumMessage` header and then each picture
 * naming that header: WhatsApp's apps wrap each picture in `associatedChildMessage` (a FutureProofMessage that
 * Baileys' normalizeMessageContent unwraps) with `messageContextInfo.messageAssociation` inside; Baileys' own
 * sender puts the association on the message itself (lib/Utils/messages.js, generateWAMessageContent,
 * `albumParentKey`). Either is read: `{ associationType: MEDIA_ALBUM, parentMessageKey, messageIndex }`.
 */
export function albumOf(message: proto.IMessage | null | undefined, content: proto.IMessage | undefined): { parentId: string; index?: number } | undefined {
  for (const c of [content, message]) {
    const a = c?.messageContextInfo?.messageAssociation;
    if (a && a.associationType === MEDIA_ALBUM && a.parentMessageKey?.id) {
      return { parentId: a.parentMessageKey.id, ...(typeof a.messageIndex === 'number' ? { index: a.messageIndex } : {}) };
    }
  }
  return undefined;
}

const digest = (s: string): string => hash('sha256', s, 'hex').slice(0, 16); // one-shot: a third of createHash's cost on short text

/** Baileys participant shapes: `{ id, phoneNumber?, lid? }` (7.x) or a bare JID (older). */
type RawParticipant = GroupParticipant | string;

const participantId = (p: RawParticipant): string | undefined => (typeof p === 'string' ? p : p?.id) || undefined;

/** Order-independent fingerprint of a participant change, shared by the stub message and the event Baileys derives from it. */
export function participantSignature(group: string, action: string, participants: readonly RawParticipant[]): string {
  const ids = participants.map(participantId).filter((x): x is string => Boolean(x)).map((j) => jidNormalizedUser(j)).sort();
  return `${jidNormalizedUser(group)}|${action}|${ids.join(',')}`;
}

const STUB_ACTION: Partial<Record<number, 'add' | 'remove'>> = {
  [WAMessageStubType.GROUP_PARTICIPANT_ADD]: 'add',
  [WAMessageStubType.GROUP_PARTICIPANT_INVITE]: 'add',
  [WAMessageStubType.GROUP_PARTICIPANT_ADD_REQUEST_JOIN]: 'add',
  [WAMessageStubType.GROUP_PARTICIPANT_REMOVE]: 'remove',
  [WAMessageStubType.GROUP_PARTICIPANT_LEAVE]: 'remove',
};

const groupChat = (ctx: NormalizeContext, jid: string): ChatRef => {
  const info = ctx.groupInfo?.(jid);
  const chat: ChatRef = { platform: 'whatsapp', id: jid, type: 'group' };
  if (info?.title) chat.title = info.title;
  if (info?.description) chat.description = info.description;
  return chat;
};

const personFromParticipant = (ctx: NormalizeContext, p: RawParticipant): Person | undefined => {
  const id = participantId(p);
  if (!id) return undefined;
  if (typeof p === 'string') return waPerson(ctx.map, id);
  return waPerson(ctx.map, id, p.phoneNumber ?? p.lid, p.notify ?? p.name);
};

const isSelf = (ctx: NormalizeContext, p: Person): boolean =>
  Boolean((p.id && ctx.selfIds.has(p.id)) || (p.lid && ctx.selfIds.has(p.lid)) || (p.phone && ctx.selfIds.has(`${p.phone.slice(1)}@s.whatsapp.net`)));

/** Members added or removed. `ref` is the stub key and time when known; otherwise a provisional key from the content and `ctx.now`. */
export function normalizeParticipantsUpdate(
  data: BaileysEventMap['group-participants.update'],
  ctx: NormalizeContext,
  ref?: { id: string; at: number },
): Normalized {
  const out = empty();
  try {
    const group = data?.id ? jidNormalizedUser(data.id) : '';
    if (!group || !isJidGroup(group)) {
      out.rejects.push({ raw: data, reason: 'group-participants.update without a group id' });
      return out;
    }
    const participants = Array.isArray(data.participants) ? (data.participants as RawParticipant[]) : [];
    out.pairs.push(...pairsFromParticipants(participants.filter((p) => typeof p === 'object'), 'participant'));
    // Live, `authorPn` is always empty: processMessage reads it from the stub's key.participantAlt, which
    // proto.WebMessageInfo.fromObject dropped in handleNotification (Socket/messages-recv.js). The author's phone
    // comes from the roster or lid-mapping.update instead; recorded payloads (replay) may still carry it.
    const authorPair = toLidPair(data.author, data.authorPn, 'participantAlt');
    if (authorPair) out.pairs.push(authorPair);
    if (data.action !== 'add' && data.action !== 'remove') return out;
    if (!participants.length) {
      out.rejects.push({ raw: data, reason: `group-participants.update ${data.action} without participants` });
      return out;
    }
    const at = ref?.at ?? ctx.now;
    const keyRef = ref?.id ?? `p${digest(`${participantSignature(group, data.action, participants)}|${data.author ?? ''}`)}:${Math.floor(ctx.now / 1000)}`;
    const chat = groupChat(ctx, group);
    const actor = data.author ? named(ctx, waPerson(ctx.map, data.author, data.authorPn)) : undefined;
    const people = participants.map((p) => personFromParticipant(ctx, p)).filter((p): p is Person => Boolean(p));
    const self = people.filter((p) => isSelf(ctx, p));
    const others = people.filter((p) => !isSelf(ctx, p));
    const actorIsSelf = actor ? isSelf(ctx, actor) : false;
    if (self.length) {
      out.events.push({ kind: 'bot_membership', dedupeKey: `wa:gp:${group}:${keyRef}:bot`, at, chat, joined: data.action === 'add', actor: actorIsSelf ? undefined : actor });
      if (data.action === 'add') out.botJoined.push({ groupJid: group, at, actor: actorIsSelf ? undefined : actor });
    }
    if (others.length) {
      const dedupeKey = `wa:gp:${group}:${keyRef}:${data.action}`;
      if (data.action === 'add') {
        // Joining by invite link arrives as an add whose author is the participant itself.
        const selfJoin = Boolean(actor && others.length === 1 && samePerson(actor, others[0]!));
        out.events.push({ kind: 'member_added', dedupeKey, at, chat, members: others, actor: selfJoin ? undefined : actor, viaInvite: selfJoin || undefined });
      } else {
        out.events.push({ kind: 'member_left', dedupeKey, at, chat, members: others, actor });
      }
    }
  } catch (err) {
    out.rejects.push({ raw: data, reason: `group-participants.update: ${String(err)}` });
  }
  return out;
}

/** A participant notification names nobody: the adder gets the name their own messages showed, when there was one. */
const named = (ctx: NormalizeContext, p: Person): Person => {
  if (p.name || !ctx.nameOf) return p;
  const name = ctx.nameOf(p.id, p.lid, p.phone ? `${p.phone.slice(1)}@s.whatsapp.net` : undefined);
  return name ? { ...p, name } : p;
};

const samePerson = (a: Person, b: Person): boolean => Boolean((a.id && a.id === b.id) || (a.lid && a.lid === b.lid) || (a.phone && a.phone === b.phone));

/**
 * Text of a message or caption, after unwrapping ephemeral / view-once / edited wrappers. A poll's question and
 * options (`pollCreationMessage`, V2 / V3 / V5) and an event's name, description and place (`eventMessage`) are
 * campaign text too: "Pilih paslon mana? 01 / 02" or "Deklarasi relawan paslon 2, Sabtu di posko".
 */
export function messageTextOf(content: proto.IMessage | undefined): string | undefined {
  if (!content) return undefined;
  const poll = content.pollCreationMessage ?? content.pollCreationMessageV2 ?? content.pollCreationMessageV3 ?? content.pollCreationMessageV5;
  const event = content.eventMessage;
  const joined = (parts: (string | null | undefined)[]) => parts.filter((x): x is string => typeof x === 'string' && x.trim().length > 0).join('\n') || undefined;
  return (
    content.conversation ??
    content.extendedTextMessage?.text ??
    content.imageMessage?.caption ??
    content.videoMessage?.caption ??
    content.documentMessage?.caption ??
    (poll ? joined([poll.name, ...(poll.options ?? []).map((o) => o?.optionName)]) : undefined) ??
    (event ? joined([event.name, event.description, event.location?.name, event.location?.address]) : undefined) ??
    undefined
  ) || undefined;
}

/**
 * Whether messageTextOf's text is a photo's, video's or document's caption (no `conversation` or extended text before
 * it): such text is no command, as on Telegram (core/types.ts MessageEvent.caption).
 */
export function textIsCaption(content: proto.IMessage | undefined): boolean {
  if (!content || content.conversation || content.extendedTextMessage?.text) return false;
  return Boolean(content.imageMessage?.caption || content.videoMessage?.caption || content.documentMessage?.caption);
}

/** JIDs mentioned by the unwrapped content (`contextInfo.mentionedJid` of whichever message type it is). */
export function mentionedJids(content: proto.IMessage | undefined): string[] {
  if (!content) return [];
  const type = getContentType(content);
  const inner = type ? (content[type] as { contextInfo?: proto.IContextInfo | null } | null | undefined) : undefined;
  const list = inner && typeof inner === 'object' ? inner.contextInfo?.mentionedJid : undefined;
  return Array.isArray(list) ? list.filter((j): j is string => typeof j === 'string' && j.length > 0) : [];
}

const msgTime = (m: WAMessage, ctx: NormalizeContext): number => {
  const t = m.messageTimestamp ? Number(toNumber(m.messageTimestamp as number)) : 0;
  return t > 0 ? t * 1000 : ctx.now;
};

/** Messages: group texts and captions (with mentions), private texts, and participant stubs for correlation. */
export function normalizeMessagesUpsert(data: BaileysEventMap['messages.upsert'], ctx: NormalizeContext): Normalized {
  const out = empty();
  if (!data || (data.type !== 'notify' && data.type !== 'append')) return out;
  for (const m of data.messages ?? []) {
    try {
      normalizeOne(m, ctx, out);
    } catch (err) {
      out.rejects.push({ raw: m, reason: `messages.upsert: ${String(err)}` });
    }
  }
  return out;
}

function normalizeOne(m: WAMessage, ctx: NormalizeContext, out: Normalized): void {
  const key = m?.key;
  if (!key?.remoteJid || !key.id) {
    out.rejects.push({ raw: m, reason: 'message without key' });
    return;
  }
  // Reactions folded into the message while Baileys buffered events: no `messages.reaction` follows for them.
  // The post itself comes first in `events`, so it is recorded before its reactions are judged.
  // A post that cannot be read still lets its reactions through (each has its own sender and key).
  if (!key.fromMe) {
    try {
      normalizeContent(m, key as typeof key & { remoteJid: string; id: string }, ctx, out);
    } catch (err) {
      out.rejects.push({ raw: m, reason: `messages.upsert: ${String(err)}` });
    }
  }
  const folded = Array.isArray(m.reactions) ? m.reactions : [];
  if (!folded.length) return;
  const text = messageTextOf(normalizeMessageContent(m.message)) ?? ctx.messageText?.(jidNormalizedUser(key.remoteJid), key.id);
  for (const r of folded) reactionEvent(key, r, ctx, out, () => text, { key, reaction: r });
}

function normalizeContent(m: WAMessage, key: WAMessage['key'] & { remoteJid: string; id: string }, ctx: NormalizeContext, out: Normalized): void {
  const remote = jidNormalizedUser(key.remoteJid);
  if (isJidStatusBroadcast(remote) || isJidBroadcast(remote) || remote.endsWith('@newsletter')) return;
  const isGroup = Boolean(isJidGroup(remote));
  const participantRaw = isGroup ? key.participant ?? m.participant : key.remoteJid;
  const alt = isGroup ? key.participantAlt : key.remoteJidAlt;
  const pair = toLidPair(participantRaw, alt, isGroup ? 'participantAlt' : 'remoteJidAlt');
  if (pair) out.pairs.push(pair);
  const at = msgTime(m, ctx);

  if (m.messageStubType) {
    const action = STUB_ACTION[m.messageStubType];
    if (isGroup && action) {
      const params: RawParticipant[] = [];
      for (const s of (m.messageStubParameters ?? []) as string[]) {
        const p = parseStubParam(s);
        if (p) params.push(p);
      }
      out.pairs.push(...pairsFromParticipants(params.filter((p: RawParticipant) => typeof p === 'object'), 'participant'));
      out.stubs.push({ signature: participantSignature(remote, action, params), id: key.id, at });
    }
    // Participant changes reach us as `group-participants.update`; other stubs carry nothing to detect.
    return;
  }
  const content = normalizeMessageContent(m.message);
  const pm = content?.protocolMessage;
  if (pm?.type === EDIT && isGroup && pm.key?.id && pm.editedMessage) {
    // The edit as it arrives (`Utils/process-message.js` turns it into the `messages.update` below; both give one event).
    const ts = pm.timestampMs ? Number(toNumber(pm.timestampMs as number)) : 0;
    editEvent({ remote, id: pm.key.id, participantRaw, alt, pushName: m.pushName, at: ts > 0 ? ts : at }, pm.editedMessage, ctx, out);
    return;
  }
  if (!content || content.protocolMessage || content.reactionMessage) return;
  if (!isGroup && content.albumMessage) {
    // A private album's header: it carries no picture, only how many follow (they are gathered as one message).
    const n = (content.albumMessage.expectedImageCount ?? 0) + (content.albumMessage.expectedVideoCount ?? 0);
    if (!isSelf(ctx, waPerson(ctx.map, participantRaw ?? remote, alt, m.pushName))) out.albums.push({ chatJid: remote, id: key.id, expected: n });
    return;
  }
  const text = messageTextOf(content);
  const mentionJids = mentionedJids(content);
  const album = isGroup ? undefined : albumOf(m.message, content);
  // A video (videoMessage, or a round video: ptvMessage, WAProto/index.d.ts Message; Baileys' generateWAMessageContent
  // sends `{ video, ptv: true }` as one, lib/Utils/messages.js) is never kept, but a registered ASN is told so.
  const isVideo = Boolean(content.videoMessage || content.ptvMessage);
  // A photo, document or video without a caption matters only in a private chat (evidence of a self-report, or the
  // answer that videos are not kept), as does any picture of an album there (a video too: it counts towards the
  // album's size, though it is not kept).
  const privateMedia = !isGroup && Boolean(content.imageMessage || content.documentMessage || isVideo || album);
  if (!text && !mentionJids.length && !privateMedia) return;
  if (!participantRaw) {
    out.rejects.push({ raw: m, reason: 'group message without participant' });
    return;
  }
  const sender = waPerson(ctx.map, participantRaw, alt, m.pushName);
  if (isSelf(ctx, sender)) return;
  const participant = sender.id ?? '';
  const event: MessageEvent = {
    kind: 'message',
    dedupeKey: `wa:msg:${remote}:${key.id}:${participant}`,
    at,
    chat: isGroup ? groupChat(ctx, remote) : { platform: 'whatsapp', id: remote, type: 'private' },
    messageId: key.id,
    sender,
    text: text ?? '',
    mentions: mentionJids.map((j) => waPerson(ctx.map, j)),
    ...(textIsCaption(content) ? { caption: true } : {}),
  };
  if (isGroup) {
    out.events.push(event);
    return;
  }
  event.isPrivate = true;
  const pnJid = sender.phone ? `${sender.phone.slice(1)}@s.whatsapp.net` : !isLidUser(remote) ? remote : pair?.pn ?? ctx.map.pnForLid(remote);
  const media = content.imageMessage || content.documentMessage ? m : undefined;
  const video = isVideo;
  const context = contextOf(content);
  out.privates.push({
    event, chatJid: remote, pnJid, lid: sender.lid, ...(media ? { media } : {}), ...(album ? { album } : {}), ...(media || album || video ? { raw: m } : {}), ...(video ? { video } : {}),
    ...(context?.isForwarded ? { forwarded: true } : {}), ...(context?.stanzaId ? { quotedId: context.stanzaId } : {}),
  });
}

const EDIT = proto.Message.ProtocolMessage.Type.MESSAGE_EDIT;

/** One edit of a group post: detection runs on the new text and mentions, under a key shared by both shapes of the same edit. */
function editEvent(
  e: { remote: string; id: string; participantRaw: string | null | undefined; alt: string | null | undefined; pushName?: string | null; at: number },
  edited: proto.IMessage,
  ctx: NormalizeContext,
  out: Normalized,
): void {
  const content = normalizeMessageContent(edited);
  const text = messageTextOf(content) ?? '';
  const mentionJids = mentionedJids(content);
  if (!e.participantRaw) {
    out.rejects.push({ raw: { key: e, edited }, reason: 'edited group message without participant' });
    return;
  }
  const sender = waPerson(ctx.map, e.participantRaw, e.alt ?? undefined, e.pushName ?? undefined);
  if (isSelf(ctx, sender)) return;
  out.events.push({
    kind: 'message',
    dedupeKey: `wa:edit:${e.remote}:${e.id}:${sender.id ?? ''}:${digest(`${text}\u0000${[...mentionJids].sort().join(',')}`)}`,
    at: e.at,
    chat: groupChat(ctx, e.remote),
    messageId: e.id,
    sender,
    text,
    mentions: mentionJids.map((j) => waPerson(ctx.map, j)),
    edited: true,
    ...(textIsCaption(content) ? { caption: true } : {}),
  });
}

/**
 * `messages.update`: edits of group posts (`update.message.editedMessage.message`, emitted by
 * `Utils/process-message.js` for MESSAGE_EDIT). Delivery acks are the adapter's business, not events.
 */
export function normalizeMessagesUpdate(data: BaileysEventMap['messages.update'], ctx: NormalizeContext): Normalized {
  const out = empty();
  for (const u of Array.isArray(data) ? data : []) {
    try {
      const edited = u?.update?.message?.editedMessage?.message;
      const key = u?.key;
      if (!edited || !key?.remoteJid || !key.id || key.fromMe) continue;
      const remote = jidNormalizedUser(key.remoteJid);
      if (!isJidGroup(remote)) continue; // an edited private message is not a new command
      const pair = toLidPair(key.participant, key.participantAlt, 'participantAlt');
      if (pair) out.pairs.push(pair);
      const ts = u.update.messageTimestamp ? Number(toNumber(u.update.messageTimestamp as number)) * 1000 : 0;
      editEvent({ remote, id: key.id, participantRaw: key.participant, alt: key.participantAlt, at: ts > 0 ? ts : ctx.now }, edited, ctx, out);
    } catch (err) {
      out.rejects.push({ raw: u, reason: `messages.update: ${String(err)}` });
    }
  }
  return out;
}

const parseStubParam = (s: string): RawParticipant | undefined => {
  try {
    const v = JSON.parse(s) as unknown;
    if (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string') return v as GroupParticipant;
  } catch {
    // older stubs carry bare JIDs
  }
  return typeof s === 'string' && s.includes('@') ? s : undefined;
};

/** Reactions: who reacted with what to which message (removed reactions are ignored). */
export function normalizeReactions(data: BaileysEventMap['messages.reaction'], ctx: NormalizeContext): Normalized {
  const out = empty();
  for (const r of data ?? []) {
    try {
      reactionEvent(r.key, r.reaction, ctx, out, () => (r.key?.remoteJid && r.key.id ? ctx.messageText?.(jidNormalizedUser(r.key.remoteJid), r.key.id) : undefined), r);
    } catch (err) {
      out.rejects.push({ raw: r, reason: `messages.reaction: ${String(err)}` });
    }
  }
  return out;
}

/**
 * One reaction to a group message, from either place Baileys puts it: a `messages.reaction` event, or
 * folded into the target's `reactions` while events are buffered (`Utils/event-buffer.js`, append
 * 'messages.reaction' -> `updateMessageWithReaction`). Both give the same dedupe key, so one reaction
 * seen both ways is one event.
 */
function reactionEvent(
  target: proto.IMessageKey | null | undefined,
  reaction: proto.IReaction | null | undefined,
  ctx: NormalizeContext,
  out: Normalized,
  targetTextOf: () => string | undefined,
  raw: unknown,
): void {
  const own = reaction?.key;
  const emoji = reaction?.text;
  if (!target?.remoteJid || !target.id || !emoji) return;
  if (own?.fromMe) return;
  const chatId = jidNormalizedUser(target.remoteJid);
  if (!isJidGroup(chatId)) return;
  const from = own?.participant ?? own?.remoteJid;
  if (!from) {
    out.rejects.push({ raw, reason: 'reaction without sender' });
    return;
  }
  const alt = (own as { participantAlt?: string } | undefined)?.participantAlt;
  const pair = toLidPair(from, alt, 'participantAlt');
  if (pair) out.pairs.push(pair);
  const sender = waPerson(ctx.map, from, alt);
  if (isSelf(ctx, sender)) return;
  const ts = reaction?.senderTimestampMs ? Number(toNumber(reaction.senderTimestampMs as number)) : 0;
  const targetText = targetTextOf();
  out.events.push({
    kind: 'reaction',
    dedupeKey: `wa:react:${chatId}:${target.id}:${sender.id}:${emoji}`,
    at: ts > 0 ? ts : ctx.now,
    chat: groupChat(ctx, chatId),
    messageId: target.id,
    sender,
    emoji,
    ...(targetText ? { targetText } : {}),
  });
}

/** Full group metadata (`groups.upsert`, `groupMetadata()`): chat info, the cache, and LID pairs from participants. */
export function normalizeGroupsUpsert(data: BaileysEventMap['groups.upsert'], ctx: NormalizeContext): Normalized {
  const out = empty();
  for (const g of (data ?? []) as GroupMetadata[]) {
    if (!g?.id || !isJidGroup(g.id)) {
      out.rejects.push({ raw: g, reason: 'group metadata without a group id' });
      continue;
    }
    const id = jidNormalizedUser(g.id);
    out.groupMeta.push({ ...g, id });
    out.pairs.push(...pairsFromParticipants(g.participants ?? [], 'group_meta'));
    const info = chatInfo(id, g.subject, g.desc, ctx);
    if (info) out.events.push(info);
  }
  return out;
}

/** Subject / description changes (`groups.update`). */
export function normalizeGroupsUpdate(data: BaileysEventMap['groups.update'], ctx: NormalizeContext): Normalized {
  const out = empty();
  for (const g of data ?? []) {
    if (!g?.id || !isJidGroup(g.id)) continue;
    const id = jidNormalizedUser(g.id);
    out.groupPatches.push({ ...g, id });
    if (g.participants) out.pairs.push(...pairsFromParticipants(g.participants, 'group_meta'));
    if (g.subject === undefined && g.desc === undefined) continue;
    const info = chatInfo(id, g.subject, g.desc, ctx);
    if (info) out.events.push(info);
  }
  return out;
}

function chatInfo(id: string, subject: string | undefined, desc: string | undefined, ctx: NormalizeContext): ChatEvent | undefined {
  if (subject === undefined && desc === undefined) return undefined;
  const chat: ChatRef = { platform: 'whatsapp', id, type: 'group' };
  if (subject) chat.title = subject;
  if (desc) chat.description = desc;
  return { kind: 'chat_info', dedupeKey: `wa:info:${id}:${digest(`${subject ?? ''}\u0000${desc ?? ''}`)}`, at: ctx.now, chat };
}

/** Members already inside a group the bot just joined, one event per member (`wa:present:<group>:<member>:<join time>`). */
export function membersPresent(meta: GroupMetadata, joinedAt: number, ctx: NormalizeContext): ChatEvent[] {
  const id = jidNormalizedUser(meta.id);
  const chat: ChatRef = { platform: 'whatsapp', id, type: 'group', title: meta.subject || undefined, description: meta.desc || undefined };
  const out: ChatEvent[] = [];
  for (const p of meta.participants ?? []) {
    const person = personFromParticipant(ctx, p);
    if (!person || isSelf(ctx, person)) continue;
    out.push({ kind: 'members_present', dedupeKey: `wa:present:${id}:${person.id}:${joinedAt}`, at: joinedAt, chat, members: [person] });
  }
  return out;
}

/** LID pairs from history sync: contacts carrying both handles, and explicit mappings. */
export function pairsFromHistory(data: BaileysEventMap['messaging-history.set']): LidPair[] {
  const out: LidPair[] = [];
  for (const c of data?.contacts ?? []) {
    const p = toLidPair(c.id, c.phoneNumber, 'history') ?? toLidPair(c.id, c.lid, 'history') ?? toLidPair(c.lid, c.phoneNumber, 'history');
    if (p) out.push(p);
  }
  for (const m of data?.lidPnMappings ?? []) {
    const p = toLidPair(m.lid, m.pn, 'history');
    if (p) out.push(p);
  }
  return out;
}
