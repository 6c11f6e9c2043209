/**
 * Answers to people go through the outbox like every other message, so they
 * are rate limited, crash-safe and sent once even if an update repeats.
 */
import type { App } from '../../app/app.js';
import type { OutboxPayload } from '../../store/outbox.js';

/** An answer to one incoming message. */
export interface Reply {
  text: string;
  /** Outbox kind; `command_reply` unless said otherwise. */
  kind?: string;
  files?: OutboxPayload['files'];
  /** Show the request_contact keyboard with this button text. */
  requestContact?: string;
  /** Inline buttons under the text (a receipt's "done"). */
  buttons?: OutboxPayload['buttons'];
}

/** Where the answer goes: the chat and message being answered. */
export interface ReplyTarget {
  chatId: string;
  messageId: string;
  isPrivate: boolean;
  /** The forum topic of the message answered, when it was a topic message. */
  threadId?: string;
}

/** The outbox dedupe key of the answer to one message. */
export const replyKey = (to: Pick<ReplyTarget, 'chatId' | 'messageId'>): string => `reply:tg:${to.chatId}:${to.messageId}`;

/** Queues the answer under `reply:tg:<chat>:<message>` and wakes the dispatcher; true when newly queued. */
export function enqueueReply(app: App, to: ReplyTarget, reply: Reply): boolean {
  const payload: OutboxPayload = { replyTo: to.messageId };
  if (to.threadId !== undefined) payload.threadId = to.threadId;
  if (reply.files?.length) payload.files = reply.files;
  if (reply.requestContact) payload.requestContact = reply.requestContact;
  if (reply.buttons?.length) payload.buttons = reply.buttons;
  const id = app.monitor.outbox.enqueue(
    {
      dedupeKey: replyKey(to),
      platform: 'telegram',
      recipient: to.chatId,
      recipientKind: to.isPrivate ? 'user' : 'group',
      kind: reply.kind ?? 'command_reply',
      text: reply.text,
      payload,
    },
    app.clock(),
  );
  app.dispatcher.wake();
  return id !== undefined;
}
