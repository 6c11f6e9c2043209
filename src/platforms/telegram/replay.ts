/**
 * Replay of recorded Bot API updates (`npx jaga-netral replay`): the same
 * normalise -> monitor path the live adapter uses, plus registration by shared
 * contact. Commands and buttons need a live bot and are not replayed.
 */
import type { Update } from 'telegraf/types';
import type { App } from '../../app/app.js';
import { ingestUpdate } from './ingest.js';
import { botIdFromToken } from './normalize.js';
import { registerContact, startReply } from './registration.js';
import { enqueueReply } from './replies.js';

/** Feeds one recorded update through the pipeline; never throws (bad payloads are recorded as rejected). */
export function replayTelegramUpdate(app: App, update: unknown, botId = botIdFromToken(app.config.TELEGRAM_BOT_TOKEN)): void {
  try {
    const ingested = ingestUpdate(app, update, { botId, lang: app.config.LANGUAGE });
    if (ingested.some((i) => i.result?.duplicate)) return;
    replayPrivate(app, update as Update);
  } catch (err) {
    app.log.error({ err: String(err) }, 'telegram replay: update failed');
  }
}

/** Registration steps (`/start`, shared contact) in a private chat. */
function replayPrivate(app: App, update: Update): void {
  if (!('message' in update)) return;
  const msg = update.message;
  if (msg.chat.type !== 'private' || !msg.from) return;
  const to = { chatId: String(msg.chat.id), messageId: String(msg.message_id), isPrivate: true };
  if ('contact' in msg) enqueueReply(app, to, registerContact(app, msg.from, msg.contact));
  else if ('text' in msg && /^\/start(?:@\w+)?(?:\s|$)/.test(msg.text)) enqueueReply(app, to, startReply(app, msg.from));
}
