// Small builders of Bot API Update objects for TelegramSimServer.pushUpdate (demo, replay, tests).
// They return plain JSON objects shaped like the real Bot API sends them; update_id is left to the sim.
import type { SimPhotoSize, SimUser } from './telegram-server.js';

/** A chat reference for the builders; type defaults from the id (positive: private, <= -10^12: supergroup, else group). */
export interface SimChatRef {
  id: number;
  type?: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
}

/** Options shared by message builders. */
export interface SimMessageOpts {
  message_id?: number;
  date?: number;
  /** A forum topic: the message carries `message_thread_id` and `is_topic_message: true` (Bot API Message). */
  thread?: number;
  /** Sent on behalf of a chat (Message.sender_chat): the group itself for an anonymous admin, a channel for its posts. */
  senderChat?: SimChatRef;
  /** A channel post automatically forwarded to its linked discussion group (Message.is_automatic_forward). */
  automaticForward?: boolean;
  /** The message answers this one (Message.reply_to_message), e.g. one the bot sent. */
  replyTo?: { message_id: number; from: SimUser };
}

/**
 * The placeholder `from` of a message an anonymous group admin sent: Telegram's GroupAnonymousBot (id 1087968824),
 * with the group itself in `sender_chat`.
 */
export const GROUP_ANONYMOUS_BOT: SimUser = { id: 1087968824, is_bot: true, first_name: 'Group', username: 'GroupAnonymousBot' };
/** The placeholder `from` of a linked channel's post forwarded into its discussion group (user 777000, "Telegram"). */
export const TELEGRAM_SERVICE_USER: SimUser = { id: 777000, first_name: 'Telegram' };

let nextMessageId = 100_000;

function chatJson(c: SimChatRef): Record<string, unknown> {
  const type = c.type ?? (c.id > 0 ? 'private' : c.id <= -1_000_000_000_000 ? 'supergroup' : 'group');
  return type === 'private' ? { id: c.id, type } : { id: c.id, type, title: c.title ?? `Group ${c.id}` };
}

function userJson(u: SimUser): Record<string, unknown> {
  return { is_bot: false, ...u };
}

function base(chat: SimChatRef, from: SimUser, o: SimMessageOpts = {}): Record<string, unknown> {
  return {
    message_id: o.message_id ?? ++nextMessageId,
    ...(o.thread !== undefined ? { message_thread_id: o.thread, is_topic_message: true } : {}),
    date: o.date ?? Math.floor(Date.now() / 1000),
    chat: chatJson(chat),
    from: userJson(from),
    ...(o.senderChat ? { sender_chat: chatJson(o.senderChat) } : {}),
    ...(o.automaticForward ? { is_automatic_forward: true } : {}),
    ...(o.replyTo ? { reply_to_message: { message_id: o.replyTo.message_id, date: 0, chat: chatJson(chat), from: userJson(o.replyTo.from) } } : {}),
  };
}

/** Finds `@username` mentions and `/commands` in text and returns Bot API entities for them (UTF-16 offsets). */
export function autoEntities(text: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const m of text.matchAll(/(^|[^\w@])(@[A-Za-z0-9_]{5,32})|(^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?)/g)) {
    if (m[2] !== undefined) out.push({ type: 'mention', offset: (m.index ?? 0) + (m[1] ?? '').length, length: m[2].length });
    else if (m[3] !== undefined) out.push({ type: 'bot_command', offset: m.index ?? 0, length: m[3].length });
  }
  return out;
}

/** A `message` update with text; entities default to autoEntities(text). */
export function textMessage(
  chat: SimChatRef,
  from: SimUser,
  text: string,
  o: SimMessageOpts & { entities?: Record<string, unknown>[] } = {},
): Record<string, unknown> {
  const entities = o.entities ?? autoEntities(text);
  return { message: { ...base(chat, from, o), text, ...(entities.length > 0 ? { entities } : {}) } };
}

/**
 * An `edited_message` update: the post `messageId` with new text, sent by the same user. Telegram sends the
 * whole message again with the original `date` and an `edit_date` (Bot API, Message.edit_date).
 */
export function editedTextMessage(
  chat: SimChatRef,
  from: SimUser,
  messageId: number,
  text: string,
  o: SimMessageOpts & { entities?: Record<string, unknown>[]; editDate?: number } = {},
): Record<string, unknown> {
  const entities = o.entities ?? autoEntities(text);
  const b = base(chat, from, { ...o, message_id: messageId });
  const editDate = o.editDate ?? Math.max(Math.floor(Date.now() / 1000), (b['date'] as number) + 1);
  return { edited_message: { ...b, text, ...(entities.length > 0 ? { entities } : {}), edit_date: editDate } };
}

/** A private `/start` message from the user (press this, then call sim.startedBot(user.id)). */
export function startCommand(user: SimUser, o: SimMessageOpts = {}): Record<string, unknown> {
  return textMessage({ id: user.id, type: 'private' }, user, '/start', o);
}

/** A private message sharing the sender's own contact (request_contact button). */
export function contactMessage(user: SimUser, phone: string, o: SimMessageOpts = {}): Record<string, unknown> {
  return {
    message: {
      ...base({ id: user.id, type: 'private' }, user, o),
      contact: { phone_number: phone, first_name: user.first_name, user_id: user.id },
    },
  };
}

/** A `new_chat_members` service message: `from` added `members` (from = the member for a self-join). */
export function newChatMembers(chat: SimChatRef, from: SimUser, members: SimUser[], o: SimMessageOpts = {}): Record<string, unknown> {
  return { message: { ...base(chat, from, o), new_chat_members: members.map(userJson) } };
}

/** A `left_chat_member` service message (from = member when they left, else whoever removed them). */
export function leftChatMember(chat: SimChatRef, from: SimUser, member: SimUser, o: SimMessageOpts = {}): Record<string, unknown> {
  return { message: { ...base(chat, from, o), left_chat_member: userJson(member) } };
}

/** A `chat_member` update (needs allowed_updates to include chat_member and the bot to be admin). */
export function chatMemberUpdate(
  chat: SimChatRef,
  from: SimUser,
  user: SimUser,
  oldStatus: string,
  newStatus: string,
  o: { date?: number } = {},
): Record<string, unknown> {
  return {
    chat_member: {
      chat: chatJson(chat),
      from: userJson(from),
      date: o.date ?? Math.floor(Date.now() / 1000),
      old_chat_member: { status: oldStatus, user: userJson(user) },
      new_chat_member: { status: newStatus, user: userJson(user) },
    },
  };
}

/** A `callback_query` update for an inline button pressed by `from` on `message` (a message object as the sim returned it). */
export function callbackQuery(from: SimUser, data: string, message?: Record<string, unknown>, id?: string): Record<string, unknown> {
  return {
    callback_query: {
      id: id ?? `cbq-${++nextMessageId}`,
      from: userJson(from),
      chat_instance: 'sim-chat-instance',
      data,
      ...(message ? { message } : {}),
    },
  };
}

/**
 * A `message` with a photo (sizes smallest first, as the Bot API sends them) and an optional caption with its
 * `caption_entities`. `file` is either the sizes sim.addPhoto made (a JPEG recompressed as Telegram does), or one
 * file from sim.addFile, sent as is with a small thumbnail sharing it (the bot takes the largest size).
 */
export function photoMessage(
  chat: SimChatRef,
  from: SimUser,
  file: { file_id: string; file_unique_id: string; file_size: number } | SimPhotoSize[],
  caption?: string,
  o: SimMessageOpts & { mediaGroupId?: string } = {},
): Record<string, unknown> {
  const entities = caption ? autoEntities(caption) : [];
  const photo = Array.isArray(file)
    ? file
    : [
        { ...file, file_id: `${file.file_id}`, width: 90, height: 160, file_size: Math.min(file.file_size, 2000) },
        { ...file, width: 720, height: 1280 },
      ];
  return {
    message: {
      ...base(chat, from, o),
      ...(o.mediaGroupId ? { media_group_id: o.mediaGroupId } : {}),
      photo,
      ...(caption ? { caption } : {}),
      ...(entities.length ? { caption_entities: entities } : {}),
    },
  };
}

/**
 * A `message` with a video (Bot API Video: file_id, file_unique_id, width, height, duration, and the optional
 * mime_type and file_size; @telegraf/types, Video) and an optional caption, alone or as part of an album (Telegram's
 * media groups may mix photos and videos: sendMediaGroup).
 */
export function videoMessage(
  chat: SimChatRef,
  from: SimUser,
  file: { file_id: string; file_unique_id: string; file_size: number },
  caption?: string,
  o: SimMessageOpts & { mediaGroupId?: string; duration?: number } = {},
): Record<string, unknown> {
  const entities = caption ? autoEntities(caption) : [];
  return {
    message: {
      ...base(chat, from, o),
      ...(o.mediaGroupId ? { media_group_id: o.mediaGroupId } : {}),
      video: { ...file, width: 720, height: 1280, duration: o.duration ?? 12, mime_type: 'video/mp4' },
      ...(caption ? { caption } : {}),
      ...(entities.length ? { caption_entities: entities } : {}),
    },
  };
}

let nextMediaGroup = 13_000_000_000_000_000;

/**
 * An album as Telegram delivers it to a bot (Bot API Message.media_group_id, "the unique identifier of a media
 * message group this message belongs to"): one `message` update per photo, consecutive message ids, the same
 * `media_group_id`, and the caption on one item only: the first by default, as the apps put an album's caption
 * (`captionOn` moves it). telegraf hands each to the bot as its own update (telegraf/lib/core/network/polling.js
 * runs a batch's updates at once); push them with sim.pushUpdate, in one go or spread over several polls.
 */
export function albumMessages(
  chat: SimChatRef,
  from: SimUser,
  photos: (SimPhotoSize[] | { file_id: string; file_unique_id: string; file_size: number })[],
  caption?: string,
  o: { captionOn?: number; mediaGroupId?: string; firstMessageId?: number; date?: number } = {},
): Record<string, unknown>[] {
  const group = o.mediaGroupId ?? String(++nextMediaGroup);
  const first = o.firstMessageId ?? nextMessageId + 1;
  nextMessageId = Math.max(nextMessageId, first + photos.length - 1);
  return photos.map((p, i) => photoMessage(chat, from, p, i === (o.captionOn ?? 0) ? caption : undefined, { message_id: first + i, date: o.date, mediaGroupId: group }));
}

/**
 * A `message` with a document and an optional caption. Bot API Document: `file_name`, `mime_type` and
 * `file_size` are all optional (@telegraf/types, Document); `withoutSize` leaves `file_size` out, as Telegram
 * may, so the bot learns the size only from getFile (which refuses files over 20 MB).
 */
export function documentMessage(
  chat: SimChatRef,
  from: SimUser,
  file: { file_id: string; file_unique_id: string; file_size: number },
  o: SimMessageOpts & { caption?: string; fileName?: string; mimeType?: string; withoutSize?: boolean } = {},
): Record<string, unknown> {
  const entities = o.caption ? autoEntities(o.caption) : [];
  const { file_size, ...ids } = file;
  return {
    message: {
      ...base(chat, from, o),
      document: { ...ids, ...(o.withoutSize ? {} : { file_size }), ...(o.fileName ? { file_name: o.fileName } : {}), ...(o.mimeType ? { mime_type: o.mimeType } : {}) },
      ...(o.caption ? { caption: o.caption } : {}),
      ...(entities.length ? { caption_entities: entities } : {}),
    },
  };
}

/** A text message forwarded from a channel: Bot API 7.0 `forward_origin` of type `channel`. */
export function forwardedFromChannel(chat: SimChatRef, from: SimUser, text: string, channel: { id: number; title: string; username?: string }, postId: number, o: SimMessageOpts = {}): Record<string, unknown> {
  return {
    message: {
      ...base(chat, from, o),
      text,
      forward_origin: { type: 'channel', chat: { id: channel.id, type: 'channel', title: channel.title, ...(channel.username ? { username: channel.username } : {}) }, message_id: postId, date: Math.floor(Date.now() / 1000) - 60 },
    },
  };
}

/**
 * A `message` with an animation (a GIF, which Telegram turns into a silent MP4) and an optional caption. Bot API
 * Message.animation: "for backward compatibility, when this field is set, the document field will also be set"
 * (@telegraf/types message.d.ts, AnimationMessage extends DocumentMessage), so both carry the same file.
 */
export function animationMessage(
  chat: SimChatRef,
  from: SimUser,
  file: { file_id: string; file_unique_id: string; file_size: number },
  caption?: string,
  o: SimMessageOpts = {},
): Record<string, unknown> {
  const entities = caption ? autoEntities(caption) : [];
  return {
    message: {
      ...base(chat, from, o),
      animation: { ...file, width: 480, height: 270, duration: 3, file_name: 'animation.gif.mp4', mime_type: 'video/mp4' },
      document: { ...file, file_name: 'animation.gif.mp4', mime_type: 'video/mp4' },
      ...(caption ? { caption } : {}),
      ...(entities.length ? { caption_entities: entities } : {}),
    },
  };
}

/**
 * A `message` with a round video note (Bot API Message.video_note, VideoNote: file_id, file_unique_id, length,
 * duration, optional file_size; @telegraf/types message.d.ts, VideoNoteMessage extends CommonMessage: no caption).
 */
export function videoNoteMessage(chat: SimChatRef, from: SimUser, file: { file_id: string; file_unique_id: string; file_size: number }, o: SimMessageOpts = {}): Record<string, unknown> {
  return { message: { ...base(chat, from, o), video_note: { ...file, length: 240, duration: 8 } } };
}
