/**
 * The Telegram adapter: the only module that runs telegraf. It receives
 * updates (long polling, or a webhook when TELEGRAM_WEBHOOK_URL is set), sends
 * each through the shared normalise -> monitor path, answers private chats
 * (registration, commands) through the outbox, handles the alert buttons and
 * connects the Telegram messenger and pacing to the dispatcher.
 * It translates and delivers; deciding is left to core and app.
 */
import http from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { Telegraf, TelegramError } from 'telegraf';
import type { CallbackQuery, Message, Update, UserFromGetMe } from 'telegraf/types';
import type { App } from '../../app/app.js';
import type { SendPolicy } from '../../app/dispatcher.js';
import { parseCommand } from '../../app/commands/index.js';
import { adminTextReply } from '../../app/admin-text.js';
import { notePrivacyMode } from '../../app/permissions.js';
import { telegramTexts } from '../../core/messages/telegram.js';
import { claimLeftByText, handleButton } from './callbacks.js';
import { parseLeftClaim } from '../../core/left-claim.js';
import { ingestUpdate, type Ingested } from './ingest.js';
import { TelegramScanner } from './membership-scan.js';
import { classifyTelegramError, isChatMember, TelegramMembershipChecker, TelegramMessenger } from './messenger.js';
import { TelegramSendPolicy } from './policy.js';
import { registerContact, reportButton, startReply } from './registration.js';
import { AlbumCollector } from '../../app/albums.js';
import { beginSelfReport, continueFlow, fetchBudget, floodAllowance, hasActiveFlow } from '../../app/report-flow.js';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, noEvidence, reporterAsn, type DownloadedEvidence, type FetchBudget } from '../../app/self-report.js';
import { videoPassedOver } from '../../app/self-report-pictures.js';
import { enqueueReply, replyKey, type Reply, type ReplyTarget } from './replies.js';
import { PendingPictures } from '../../store/pending-pictures.js';
import { abortableSleep } from './sleep.js';

/** Update types the bot asks for; chat_member and message_reaction are excluded unless listed. */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'chat_member', 'my_chat_member', 'message_reaction', 'callback_query'] as const;

/** Webhook settings (defaults come from TELEGRAM_WEBHOOK_*). */
export interface TelegramWebhookOptions {
  url: string;
  secret: string;
  port: number;
  host?: string;
}

/** Construction options; everything but `app` defaults from the app's config. */
export interface TelegramAdapterOptions {
  app: App;
  token?: string;
  apiRoot?: string;
  /** `false` forces long polling even when the config has a webhook URL. */
  webhook?: TelegramWebhookOptions | false;
  policy?: SendPolicy;
  /** Pause between getChatMember calls of the membership scan (default 200 ms). */
  scanIntervalMs?: number;
  /** Pause before polling is restarted after it failed (default 5 s). */
  restartDelayMs?: number;
  /** Pauses between getMe attempts while Telegram cannot be reached at start (default BOOT_RETRY). */
  bootRetry?: BootRetry;
  /** An album is answered once none of its messages came for this long (default ALBUM_QUIET_MS, app/albums.ts). */
  albumQuietMs?: number;
}

/** Pauses between getMe attempts at start: the first, doubling up to the longest. */
export interface BootRetry {
  firstMs: number;
  maxMs: number;
}

/** 1 s, 2 s, 4 s ... at most a minute between attempts: a blip costs seconds, an outage costs one call a minute. */
export const BOOT_RETRY: BootRetry = { firstMs: 1000, maxMs: 60_000 };

/** The pause before getMe attempt `attempt + 1` after `err`; a 429's retry_after wins when it is longer. */
export function bootRetryDelay(attempt: number, err: unknown, r: BootRetry = BOOT_RETRY): number {
  const backoff = Math.min(r.maxMs, r.firstMs * 2 ** Math.max(0, attempt - 1));
  const retryAfter = err instanceof TelegramError && err.code === 429 ? (err.parameters?.retry_after ?? 0) * 1000 : 0;
  return Math.max(backoff, retryAfter);
}

/** A getMe failure no retry can fix: Telegram rejected the token (401 Unauthorized, 404 for a malformed one). */
export function isTokenRejected(err: unknown): boolean {
  return err instanceof TelegramError && (err.code === 401 || err.code === 404);
}

/** Telegram refused the bot token at start: a configuration error, not an outage. */
export class TelegramTokenRejected extends Error {
  constructor(detail: string, lang: 'id' | 'en') {
    super(lang === 'en' ? `Telegram rejected TELEGRAM_BOT_TOKEN (${detail}); check the token from @BotFather` : `Telegram menolak TELEGRAM_BOT_TOKEN (${detail}); periksa token dari @BotFather`);
  }
}

/** Runs the bot on Telegram for one App. `start()` once, `stop()` once. */
export class TelegramAdapter {
  /** The telegraf instance (exposed for tests and diagnostics). */
  readonly bot: Telegraf;
  /** getChatMember-based membership checks, reusable by lifecycle code. */
  readonly membership: TelegramMembershipChecker;
  private readonly app: App;
  private readonly stopping = new AbortController();
  private readonly inflight = new Set<Promise<unknown>>();
  private me: UserFromGetMe | undefined;
  /** Private messages being answered right now (their reply not queued yet). */
  private readonly answering = new Set<string>();
  private runner: Promise<void> | undefined;
  private server: http.Server | undefined;
  /** Private albums (messages sharing a media_group_id) gathered to be answered as one message. */
  private readonly albums: AlbumCollector<AlbumItem>;
  /** The same albums in the database, message by message: a restart or a crash finishes them (`resumeAlbums`). */
  private readonly pending: PendingPictures;

  /** Builds the bot client; nothing touches the network until `start()`. */
  constructor(private readonly o: TelegramAdapterOptions) {
    this.app = o.app;
    const token = o.token ?? o.app.config.TELEGRAM_BOT_TOKEN;
    if (!token) throw new Error('TELEGRAM_BOT_TOKEN is not set');
    this.bot = new Telegraf(token, { telegram: { apiRoot: o.apiRoot ?? o.app.config.TELEGRAM_API_ROOT } });
    this.membership = new TelegramMembershipChecker(this.bot.telegram, {
      // Only an administrator's getChatMember is guaranteed (Bot API); my_chat_member told us which we are.
      guaranteed: (chatId) => this.app.monitor.chats.get('telegram', chatId)?.botAdmin === true,
      signal: this.stopping.signal,
    });
    this.albums = new AlbumCollector<AlbumItem>((items) => void this.track(this.answerAlbum(items)), { quietMs: o.albumQuietMs });
    this.pending = new PendingPictures(o.app.db, 'telegram');
    this.observePolling();
    this.bot.use(async (ctx) => {
      await this.track(this.handleUpdate(ctx.update));
    });
    this.bot.catch((err) => this.app.log.error({ err: String(err) }, 'telegram: update handler failed'));
  }

  /**
   * /status, the dashboard and the health line follow the outcome of the last getUpdates: an error
   * (409 conflict with another poller, an outage telegraf waits out itself) shows while it lasts, and the
   * next answered poll puts the status back. telegraf's Polling (telegraf/lib/core/network/polling.js,
   * `[Symbol.asyncIterator]`) calls `telegram.callApi('getUpdates', ...)`, so that is where it is seen.
   */
  private observePolling(): void {
    const telegram = this.bot.telegram;
    const callApi = telegram.callApi.bind(telegram);
    telegram.callApi = (async (method: string, payload: unknown, opts?: unknown) => {
      if (method !== 'getUpdates') return (callApi as (m: string, p: unknown, o?: unknown) => Promise<unknown>)(method, payload, opts);
      try {
        const r = await (callApi as (m: string, p: unknown, o?: unknown) => Promise<unknown>)(method, payload, opts);
        this.pollingAnswered();
        return r;
      } catch (err) {
        if ((err as { name?: string }).name !== 'AbortError' && !this.stopping.signal.aborted) {
          const c = classifyTelegramError(err);
          this.app.platformStatus.telegram = `${c.failure === 'transient' || c.failure === 'rate_limited' ? 'unreachable' : 'error'}: ${c.detail}`;
        }
        throw err;
      }
    }) as typeof telegram.callApi;
  }

  /** A getUpdates answered: polling works, whatever the status said before. */
  private pollingAnswered(): void {
    if (!this.me || this.stopping.signal.aborted) return;
    const ok = `@${this.me.username} (polling)`;
    const was = this.app.platformStatus.telegram;
    if (was === ok) return;
    this.app.platformStatus.telegram = ok;
    if (was && /^(error|unreachable)\b/.test(was)) this.app.log.info({ was }, 'telegram: polling works again');
  }

  /** The bot's user id, known after start(). */
  get botId(): string | undefined {
    return this.me ? String(this.me.id) : undefined;
  }

  /**
   * Connects: getMe, then registration link, messenger + pacing, command menu, polling or webhook.
   * When Telegram cannot be reached (network error, 5xx, 429) this resolves anyway and keeps trying
   * getMe in the background with growing pauses, so the other platforms run meanwhile. Only a token
   * Telegram rejects fails the start (TelegramTokenRejected).
   */
  async start(): Promise<void> {
    this.app.platformStatus.telegram = 'connecting';
    let me: UserFromGetMe;
    try {
      me = await this.bot.telegram.getMe();
    } catch (err) {
      if (isTokenRejected(err)) {
        this.app.platformStatus.telegram = `error: ${errorText(err)}`;
        throw new TelegramTokenRejected(errorText(err), this.app.config.LANGUAGE);
      }
      this.noteBootFailure(err, 1);
      void this.track(this.retryBoot(err));
      return;
    }
    await this.connected(me);
  }

  /** getMe again after growing pauses until it answers, the token is rejected, or stop(). */
  private async retryBoot(firstErr: unknown): Promise<void> {
    let err = firstErr;
    for (let attempt = 1; !this.stopping.signal.aborted; attempt++) {
      await abortableSleep(bootRetryDelay(attempt, err, this.o.bootRetry), this.stopping.signal);
      if (this.stopping.signal.aborted) return;
      try {
        const me = await this.bot.telegram.getMe();
        if (this.stopping.signal.aborted) return;
        this.app.log.info({ attempts: attempt + 1 }, 'telegram: connected after retrying');
        await this.connected(me);
        return;
      } catch (e) {
        err = e;
        if (isTokenRejected(e)) {
          this.app.log.error({ err: errorText(e) }, 'telegram: the bot token was rejected; Telegram stays off until it is fixed and the bot restarted');
          this.app.platformStatus.telegram = `error: ${errorText(e)}`;
          return;
        }
        if (this.me) {
          // getMe answered but setting up afterwards failed (e.g. the webhook port): not something a retry fixes.
          this.app.log.error({ err: errorText(e) }, 'telegram: setup failed after connecting');
          this.app.platformStatus.telegram = `error: ${errorText(e)}`;
          return;
        }
        this.noteBootFailure(e, attempt + 1);
      }
    }
  }

  private noteBootFailure(err: unknown, attempts: number): void {
    const wait = Math.round(bootRetryDelay(attempts, err, this.o.bootRetry) / 1000);
    this.app.log.warn({ err: errorText(err), attempts, retryInS: wait }, 'telegram: cannot reach the Bot API; retrying');
    this.app.platformStatus.telegram = `unreachable: ${errorText(err)} (${attempts}x, retry in ${wait}s)`;
  }

  /** Everything after a successful getMe. */
  private async connected(me: UserFromGetMe): Promise<void> {
    this.me = me;
    this.bot.botInfo = me;
    this.app.registrationLinks.telegram = `https://t.me/${me.username}?start=daftar`;
    this.app.attach(new TelegramMessenger(this.bot.telegram), this.o.policy ?? new TelegramSendPolicy());
    this.app.dispatcher.wake(); // messages queued while Telegram was unreachable
    // Privacy mode hides group posts from a bot that is not admin: Humas hears it once, with the fix.
    const privacy = notePrivacyMode({ db: this.app.db, outbox: this.app.monitor.outbox, config: this.app.config }, me.username, me.can_read_all_group_messages, this.app.clock());
    if (privacy.newlyOn) {
      // "told" only for a notice that was queued: with no Humas admin nobody hears it, and the log says so.
      if (privacy.queued) this.app.log.warn({ bot: me.username, notices: privacy.queued }, 'telegram: privacy mode is on (BotFather /setprivacy); notice queued for Humas');
      else this.app.log.error({ bot: me.username }, 'telegram: privacy mode is on (BotFather /setprivacy); no Humas admin to tell (HUMAS_ADMINS is empty)');
      this.app.dispatcher.wake();
    }
    await this.setCommands();
    // stop() may have come while we awaited: start nothing it could no longer stop.
    if (this.stopping.signal.aborted) return;
    // Albums a stop or a crash left unanswered, before any update comes in (one of theirs may come again).
    this.resumeAlbums();
    const hook = this.webhookOptions();
    if (hook) await this.startWebhook(hook);
    else this.runner = this.pollForever();
    this.app.platformStatus.telegram = `@${me.username} (${hook ? 'webhook' : 'polling'})`;
    // Member scans asked for in the database (also those a crash interrupted) run in the background.
    void this.track(this.learnAdminRights(me.id));
    const scanner = new TelegramScanner({ app: this.app, checker: this.membership, intervalMs: this.o.scanIntervalMs, signal: this.stopping.signal });
    const wake = () => scanner.wake();
    this.app.scanners.add(wake);
    void this.track(scanner.start().finally(() => this.app.scanners.delete(wake)));
  }

  /**
   * Groups joined before the bot recorded its rights (`my_chat_member` only comes when they change): asks
   * getChatMember about the bot itself, one group at a time at the scan pace, and records admin or not, or
   * that the bot is no longer there. Without this such groups would count as "no admin" until a change,
   * and no membership check there could close a case. Humas sees the groups without admin in /status.
   */
  private async learnAdminRights(botId: number): Promise<void> {
    const chats = this.app.monitor.chats;
    for (const chatId of chats.withUnknownAdmin('telegram')) {
      if (this.stopping.signal.aborted) return;
      let learned = false;
      let lastErr: unknown;
      for (let attempt = 0; attempt < 3 && !learned && !this.stopping.signal.aborted; attempt++) {
        try {
          const m = await this.bot.telegram.getChatMember(Number(chatId), botId);
          chats.learnBotRights('telegram', chatId, isChatMember(m), m.status === 'administrator' || m.status === 'creator', this.app.clock());
          learned = true;
        } catch (err) {
          lastErr = err;
          if (err instanceof TelegramError && err.code === 429) {
            await abortableSleep((err.parameters?.retry_after ?? 1) * 1000, this.stopping.signal);
            continue;
          }
          // 403 "bot was kicked", 400 "chat not found": the bot is not there any more.
          if (err instanceof TelegramError && (err.code === 403 || (err.code === 400 && /chat not found/i.test(err.description)))) {
            chats.learnBotRights('telegram', chatId, false, false, this.app.clock());
            learned = true;
          }
          break;
        }
      }
      if (!learned && !this.stopping.signal.aborted) {
        this.app.log.warn({ chatId, err: String(lastErr) }, 'telegram: could not learn the bot\'s rights in a group; asking again at the next start');
      }
      await abortableSleep(this.o.scanIntervalMs ?? 200, this.stopping.signal);
    }
  }

  /** Stops receiving, cancels membership scans and waits for updates in progress. */
  async stop(): Promise<void> {
    if (this.stopping.signal.aborted) return;
    this.stopping.abort();
    await this.stopPolling();
    // Albums being gathered stay in the database (store/pending-pictures.ts) and are finished after the next start, with
    // any of their messages Telegram delivers then: answering now would cut an album whose rest is still unconfirmed.
    this.albums.drop();
    if (this.server) {
      const closed = new Promise<void>((r) => this.server!.close(() => r()));
      this.server.closeIdleConnections();
      await closed;
    }
    await Promise.race([Promise.allSettled([...this.inflight]), delay(5000)]);
    this.app.platformStatus.telegram = 'stopped';
  }

  /** telegraf's stop() throws until polling has really begun (launch awaits deleteWebhook first): retry until the loop ends. */
  private async stopPolling(): Promise<void> {
    if (!this.runner) return;
    let ended = false;
    void this.runner.then(() => (ended = true));
    for (let i = 0; i < 30 && !ended; i++) {
      try {
        this.bot.stop('shutdown');
      } catch {
        /* not polling yet, or already stopped */
      }
      await Promise.race([this.runner, delay(100)]);
    }
  }

  /** Handles one update exactly as the live bot does (polling and webhook both come here). */
  async handleUpdate(update: Update): Promise<void> {
    const ingested = ingestUpdate(this.app, update, { botId: this.botId, lang: this.app.config.LANGUAGE });
    if ('message' in update) await this.onMessage(update.message, ingested);
    else if ('callback_query' in update) await this.onButton(update.callback_query);
  }

  // ------------------------------------------------------------ receiving

  /** Long polling until stop(); restarts after failures (bad token and conflicts give up). */
  private async pollForever(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      try {
        await this.bot.launch({ allowedUpdates: [...ALLOWED_UPDATES], dropPendingUpdates: false });
      } catch (err) {
        const code = (err as { code?: number }).code;
        this.app.log.error({ err: String(err) }, 'telegram: polling stopped');
        this.app.platformStatus.telegram = `error: ${err instanceof Error ? err.message : String(err)}`;
        if (code === 401) return;
      }
      if (!this.stopping.signal.aborted) await abortableSleep(this.o.restartDelayMs ?? 5000, this.stopping.signal);
    }
  }

  private webhookOptions(): TelegramWebhookOptions | undefined {
    if (this.o.webhook === false) return undefined;
    if (this.o.webhook) return this.o.webhook;
    const c = this.app.config;
    return c.TELEGRAM_WEBHOOK_URL && c.TELEGRAM_WEBHOOK_SECRET
      ? { url: c.TELEGRAM_WEBHOOK_URL, secret: c.TELEGRAM_WEBHOOK_SECRET, port: c.TELEGRAM_WEBHOOK_PORT, host: c.TELEGRAM_WEBHOOK_HOST }
      : undefined;
  }

  /** Serves the webhook on node:http (401 without the right secret header), then registers it. */
  private async startWebhook(h: TelegramWebhookOptions): Promise<void> {
    const path = new URL(h.url).pathname;
    const callback = this.bot.webhookCallback(path, { secretToken: h.secret });
    this.server = http.createServer((req, res) => {
      if (!sameSecret(req.headers['x-telegram-bot-api-secret-token'], h.secret)) {
        res.writeHead(401).end();
        return;
      }
      void callback(req, res, () => res.writeHead(404).end());
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(h.port, h.host, () => resolve());
    });
    await this.bot.telegram.setWebhook(h.url, { secret_token: h.secret, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false });
  }

  private async setCommands(): Promise<void> {
    const lang = this.app.config.LANGUAGE;
    const commands = [
      { command: 'start', description: telegramTexts(lang).startDescription },
      ...this.app.commands.table.filter((c) => /^[a-z0-9_]{1,32}$/.test(c.name)).map((c) => ({ command: c.name, description: c.description[lang].slice(0, 256) })),
    ];
    try {
      await this.bot.telegram.setMyCommands(commands, { scope: { type: 'all_private_chats' } });
    } catch (err) {
      this.app.log.warn({ err: String(err) }, 'telegram: setMyCommands failed');
    }
  }

  // ------------------------------------------------------------ private chats and commands

  private async onMessage(msg: Message, ingested: Ingested[]): Promise<void> {
    const to: ReplyTarget = { chatId: String(msg.chat.id), messageId: String(msg.message_id), isPrivate: msg.chat.type === 'private' };
    // A command in a forum topic is answered in that topic (telegraf's getThreadId: only a topic message has one).
    if (msg.is_topic_message && msg.message_thread_id !== undefined) to.threadId = String(msg.message_thread_id);
    // A repeated update is answered once. In private chats "answered" means the reply is queued, not that the
    // event was recorded: a crash between the two must not swallow a registration or an admin command.
    if (!to.isPrivate) {
      if (ingested.some((i) => i.result?.duplicate)) return;
      const reply = await this.groupReply(msg);
      if (reply) enqueueReply(this.app, to, reply);
      return;
    }
    // An album's photos and documents are gathered and answered as one message (answerAlbum), counted once by
    // the flood guard (beyond its limits the album stays recorded, as the monitor has it, but gets no answer).
    const from = msg.from;
    // Telegram albums may mix photos and videos (sendMediaGroup): a video is part of the album, named as not kept.
    const albumId = 'media_group_id' in msg && carriesFile(msg) ? msg.media_group_id : undefined;
    if (from && !from.is_bot && albumId) {
      const chatId = String(msg.chat.id);
      const messageId = String(msg.message_id);
      // Delivered again after its album was answered: nothing to do (an uncaptioned photo has no event row that
      // would say it is a duplicate, so the answered album's messages are remembered for a day).
      if (this.pending.answered(chatId, messageId)) return;
      const eventId = ingested[0]?.result?.eventId;
      const added = this.albums.add(
        albumKey(chatId, String(from.id), albumId),
        { msg, eventId },
        () => this.app.flood.admit('telegram', String(from.id), this.app.clock(), displayName(from), floodAllowance(this.app, 'telegram', String(from.id), true)),
        messageId,
      );
      // Kept until answered: telegraf confirms the update at its next getUpdates (offset), so Telegram will not send
      // it again, and a restart finishes the album from here (resumeAlbums). Its file_id stays valid for getFile. A
      // message not taken (in the album already, or past ALBUM_MAX_ITEMS: Telegram sends ten) is not kept again.
      if (added.taken && added.admitted) this.pending.addAlbumPicture({ chatId, messageId, sender: String(from.id), albumId, message: JSON.stringify(msg), ...(eventId !== undefined ? { eventId } : {}), at: this.app.clock() });
      return;
    }
    // The same update delivered twice at once (a webhook retry during a slow /report) runs once.
    const key = replyKey(to);
    if (this.app.monitor.outbox.has(key) || this.answering.has(key)) return;
    // Beyond the flood limits the message stays recorded (the monitor has it) but gets no answer.
    if (from && !from.is_bot) {
      const extra = floodAllowance(this.app, 'telegram', String(from.id), carriesFile(msg));
      if (!this.app.flood.admit('telegram', String(from.id), this.app.clock(), displayName(from), extra)) return;
    }
    this.answering.add(key);
    try {
      const reply = await this.privateReply(msg, ingested[0]?.result?.eventId);
      if (reply) enqueueReply(this.app, to, reply);
    } finally {
      this.answering.delete(key);
    }
  }

  /**
   * Answers a private album once (app/albums.ts): as the message that carries its caption would be answered, with
   * every file of the album (one self-report with one receipt, or one step of an open guided report). The reply
   * goes to the album's first message; a redelivered album finds it queued and is not answered again, and its
   * report is keyed by the album's media_group_id, so even part of an album sent again makes no second report.
   */
  private async answerAlbum(items: AlbumItem[]): Promise<void> {
    const parts = [...items].sort((a, b) => a.msg.message_id - b.msg.message_id).filter((p, i, all) => i === 0 || p.msg.message_id !== all[i - 1]!.msg.message_id);
    const first = parts[0]!.msg;
    const to: ReplyTarget = { chatId: String(first.chat.id), messageId: String(first.message_id), isPrivate: true };
    const key = replyKey(to);
    const groupId = (first as { media_group_id?: string }).media_group_id ?? String(first.message_id);
    if (this.answering.has(key)) return;
    if (this.app.monitor.outbox.has(key)) {
      this.pending.albumDone(to.chatId, groupId, { at: this.app.clock() });
      return;
    }
    // The caption comes from whichever item carries it; a /lapor caption wins when several do.
    const captioned = parts.filter((p) => captionOf(p.msg) !== undefined);
    const lead = captioned.find((p) => parseCommand(captionOf(p.msg)!)) ?? captioned[0] ?? parts[0]!;
    const others = captioned.filter((p) => p !== lead).map((p) => captionOf(p.msg)!);
    this.answering.add(key);
    try {
      const reply = await this.privateReply(lead.msg, lead.eventId, { messages: parts.map((p) => p.msg), notes: others, groupId });
      // The answer and the end of the album's wait in one transaction: a crash before it finishes the album again after
      // the restart (its report, keyed by the album, is found, not made twice); after it, nothing is left to finish.
      this.app.monitor.outbox.atomically(() => {
        this.pending.albumDone(to.chatId, groupId, { at: this.app.clock() });
        if (reply) enqueueReply(this.app, to, reply);
      });
    } catch (err) {
      this.app.log.error({ err: String(err), chatId: to.chatId }, 'telegram: could not answer an album');
    } finally {
      this.answering.delete(key);
    }
  }

  private async privateReply(msg: Message, eventId: number | undefined, album?: { messages: Message[]; notes: string[]; groupId: string }): Promise<Reply | undefined> {
    const from = msg.from;
    if (!from || from.is_bot) return undefined;
    if ('contact' in msg) return registerContact(this.app, from, msg.contact);
    // A photo's or document's caption reads like a text: "/lapor ..." under a screenshot is a one-message report.
    const text = 'text' in msg ? msg.text : captionOf(msg);
    const cmd = text !== undefined ? parseCommand(text) : undefined;
    // An album's other captions are more of what the ASN wrote.
    const more = (t: string | undefined): string | undefined => (album?.notes.length ? [t, ...album.notes].filter((x) => x?.trim()).join('\n') : t);
    if (cmd?.name === 'start' && 'text' in msg) return startReply(this.app, from);
    const userId = String(from.id);
    // Within the ASN's daily evidence room, judged before each file is fetched (FetchBudget).
    const download = (intoFlow: boolean): Promise<DownloadedEvidence> => {
      const budget = fetchBudget(this.app, 'telegram', userId, intoFlow);
      return album ? this.downloadAlbum(album.messages, budget) : this.downloadEvidence(msg, budget);
    };
    if (cmd?.name === 'lapor') {
      // Files are fetched only for a registered ASN: a stranger's upload is never downloaded.
      const got = reporterAsn(this.app, 'telegram', userId) ? await download(false) : noEvidence();
      return beginSelfReport(this.app, {
        platform: 'telegram', reporterId: userId, sourceKey: album ? `tg:${msg.chat.id}:album:${album.groupId}` : `tg:${msg.chat.id}:${msg.message_id}`, text: more(cmd.rest) ?? '', files: got.files, skipped: got.skipped,
        forwardOrigin: forwardOriginText(msg), eventId,
      });
    }
    if (!cmd && hasActiveFlow(this.app, 'telegram', userId)) {
      const asn = reporterAsn(this.app, 'telegram', userId);
      const got = asn ? await download(true) : noEvidence();
      const r = await continueFlow(this.app, 'telegram', userId, asn, { text: more(text), files: got.files, skipped: got.skipped, forwardOrigin: forwardOriginText(msg) });
      if (r) return r;
    }
    // A picture, file or video with no /lapor outside a report: said so, with the way to report it (nothing is
    // downloaded). Only videos (alone, or an album of videos): said that videos are not kept, and what to send instead.
    if (!cmd && carriesFile(msg)) {
      const all = album?.messages ?? [msg];
      return all.some((m) => 'photo' in m || 'document' in m) ? this.fileHint(userId) : this.videoHint(userId, all.map((m) => captionOf(m) ?? '').join(' '));
    }
    if (text === undefined || !('text' in msg)) return undefined;
    // An ASN writing "sudah keluar" instead of pressing the button is answered as the button would be.
    const left = !cmd ? parseLeftClaim(text) : undefined;
    if (left) {
      const r = await claimLeftByText(this.app, this.membership, { ...left, fromId: userId, pressId: `text-${msg.chat.id}-${msg.message_id}` });
      if (r !== undefined) return { text: r };
    }
    if (!cmd) {
      // A Humas admin's reply to an alert, a command typed without "/", a forwarded post get their own answer
      // (app/admin-text.ts), not the registration hint; the reply counts only when it answers the bot's own message.
      const reply = msg.reply_to_message;
      const fromBot = reply?.from?.id !== undefined && reply.from.id === this.me?.id;
      const admin = adminTextReply(this.app, {
        platform: 'telegram', fromId: userId, text, forwarded: msg.forward_origin !== undefined,
        ...(reply && fromBot ? { replyTo: { messageId: String(reply.message_id), ...('text' in reply ? { text: reply.text } : {}) } } : {}),
      });
      return admin !== undefined ? { text: admin } : this.hint(userId);
    }
    const r = await this.app.commands.run({ platform: 'telegram', chatType: 'private', chatId: String(msg.chat.id), fromId: String(from.id), fromName: displayName(from), text });
    return r && { text: r.text, files: r.files };
  }

  /**
   * Gives back to the collector the private albums a stop or a crash left unanswered (each message was written to
   * the database as it came; telegraf had confirmed them, so Telegram sends them no more). An album whose window
   * passed is answered after one quiet gap (app/albums.ts, `resume`), in which any of its messages Telegram had not
   * confirmed still join it; one already answered finds its reply queued and its report, and is not answered twice.
   */
  private resumeAlbums(): void {
    const now = this.app.clock();
    for (const a of this.pending.albums()) {
      const items: { item: AlbumItem; id: string }[] = [];
      for (const p of a.pictures) {
        try {
          const msg = JSON.parse(p.message) as Message;
          items.push({ item: { msg, ...(p.eventId !== undefined ? { eventId: p.eventId } : {}) }, id: p.messageId });
        } catch (err) {
          this.app.log.warn({ err: String(err) }, 'telegram: a kept album message could not be read again; left out');
        }
      }
      if (!items.length) {
        this.pending.albumDone(a.chatId, a.albumId);
        continue;
      }
      this.albums.resume(albumKey(a.chatId, a.pictures[0]!.sender, a.albumId), items, now - Math.min(...a.pictures.map((x) => x.at)));
    }
  }

  private async groupReply(msg: Message): Promise<Reply | undefined> {
    const text = 'text' in msg ? msg.text : undefined;
    if (!text || !msg.from || !this.addressedToUs(text)) return undefined;
    const r = await this.app.commands.run({ platform: 'telegram', chatType: 'group', chatId: String(msg.chat.id), fromId: String(msg.from.id), fromName: displayName(msg.from), text });
    return r && { text: r.text };
  }

  /** `/cmd` and `/cmd@ThisBot` are ours (read as the runner reads them: `\u00A0/Report.@ThisBot` too); `/cmd@OtherBot` is not. */
  private addressedToUs(text: string): boolean {
    const c = parseCommand(text);
    if (!c) return false;
    return c.bot === undefined || c.bot.toLowerCase() === this.me?.username.toLowerCase();
  }

  /** The answer to a picture or file sent with no /lapor and no open report: a registered ASN is shown how to report it. */
  private fileHint(fromId: string): Reply {
    const t = telegramTexts(this.app.config.LANGUAGE);
    return this.app.registry.byTelegramId(fromId) ? { text: t.fileNotReport, kind: 'tg_hint', buttons: reportButton(this.app.config.LANGUAGE) } : { text: t.privateHint, kind: 'tg_hint' };
  }

  /**
   * The answer to a video sent with no /lapor and no open report: a registered ASN is told videos are not kept. A
   * stranger's video with a caption gets what their captioned picture gets (the register hint, fileHint), one without
   * gets nothing, as on WhatsApp (app/self-report-pictures.ts videoPassedOver decides for both).
   */
  private videoHint(fromId: string, caption: string): Reply | undefined {
    if (videoPassedOver(this.app, 'telegram', fromId, caption)) return undefined;
    if (!this.app.registry.byTelegramId(fromId)) return this.fileHint(fromId);
    return { text: telegramTexts(this.app.config.LANGUAGE).videoNotReport, kind: 'tg_hint', buttons: reportButton(this.app.config.LANGUAGE) };
  }

  private hint(fromId: string): Reply {
    const t = telegramTexts(this.app.config.LANGUAGE);
    const asn = this.app.registry.byTelegramId(fromId);
    return asn ? { text: t.alreadyRegistered(asn.nama, asn.unit), kind: 'tg_hint', buttons: reportButton(this.app.config.LANGUAGE) } : { text: t.privateHint, kind: 'tg_hint' };
  }

  // ------------------------------------------------------------ buttons and scans

  /**
   * The photo (largest size) or document of a message, fetched with getFile and the file URL telegraf builds
   * (Telegram.getFileLink); over MAX_EVIDENCE_BYTES, or over what `budget` leaves of the ASN's daily evidence room, by
   * its declared file_size (PhotoSize, Document: optional in @telegraf/types message.d.ts) it is not fetched. The Bot API
   * refuses getFile over 20 MB ("Bad Request: file is too big"), which counts as too big too; any other failure
   * is logged. Either way the file is named as skipped, so the ASN is told (issue 18 point 3).
   */
  private async downloadEvidence(msg: Message, budget: FetchBudget): Promise<DownloadedEvidence> {
    // Videos are not downloaded or kept (README, Self-reports): named, so the ASN is told and Humas hears of them.
    if (isVideo(msg)) return { files: [], skipped: ['video'] };
    const photo = 'photo' in msg ? msg.photo[msg.photo.length - 1] : undefined;
    const doc = 'document' in msg ? msg.document : undefined;
    const f = photo
      ? { id: photo.file_id, size: photo.file_size, kind: 'photo' as const, filename: `foto-${msg.message_id}.jpg`, mime: 'image/jpeg' }
      : doc
        ? { id: doc.file_id, size: doc.file_size, kind: 'document' as const, filename: doc.file_name ?? `berkas-${msg.message_id}`, mime: doc.mime_type }
        : undefined;
    if (!f) return { files: [], skipped: [] };
    if ((f.size ?? 0) > MAX_EVIDENCE_BYTES) {
      this.app.log.warn({ bytes: f.size }, 'telegram: evidence file over the cap; not downloaded');
      return { files: [], skipped: ['too_big'] };
    }
    if (!budget.allows(f.size)) {
      this.app.log.info({ bytes: f.size }, 'telegram: evidence file over the daily evidence room; not downloaded');
      return { files: [], skipped: ['quota'] };
    }
    try {
      const url = await this.bot.telegram.getFileLink(f.id);
      const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const data = Buffer.from(await res.arrayBuffer());
      if (data.length > MAX_EVIDENCE_BYTES) return { files: [], skipped: ['too_big'] };
      budget.spend(data.length);
      return { files: [{ kind: f.kind, filename: f.filename, mime: f.mime, data }], skipped: [] };
    } catch (err) {
      const tooBig = /file is too big/i.test(String((err as { description?: unknown }).description ?? err));
      this.app.log.warn({ err: String(err) }, tooBig ? 'telegram: evidence file refused by getFile as too big' : 'telegram: could not download an evidence file');
      return { files: [], skipped: [tooBig ? 'too_big' : 'failed'] };
    }
  }

  /**
   * Every file of an album, in order. Telegram sends at most ten in one album; any beyond MAX_EVIDENCE_FILES
   * are not fetched and are named as skipped ("too many"), as the report would not keep them.
   */
  private async downloadAlbum(messages: Message[], budget: FetchBudget): Promise<DownloadedEvidence> {
    const out: DownloadedEvidence = { files: [], skipped: [] };
    for (const m of messages) {
      if (isVideo(m)) {
        out.skipped.push('video');
        continue;
      }
      if (out.files.length >= MAX_EVIDENCE_FILES) {
        if ('photo' in m || 'document' in m) out.skipped.push('too_many');
        continue;
      }
      const got = await this.downloadEvidence(m, budget);
      out.files.push(...got.files);
      out.skipped.push(...got.skipped);
    }
    return out;
  }

  /** Answers a pressed alert button directly (a callback must be answered within seconds, it is not a message). */
  private async onButton(q: CallbackQuery): Promise<void> {
    const data = 'data' in q ? q.data : undefined;
    if (data?.startsWith('lapor:')) {
      // A guided-report button: the next question goes out as a message (a callback answer cannot carry buttons).
      const userId = String(q.from.id);
      const r = data === 'lapor:start'
        ? await beginSelfReport(this.app, { platform: 'telegram', reporterId: userId, sourceKey: `tg:cb:${q.id}`, text: '' })
        : await continueFlow(this.app, 'telegram', userId, reporterAsn(this.app, 'telegram', userId), { button: data });
      if (r) enqueueReply(this.app, { chatId: userId, messageId: `cb-${q.id}`, isPrivate: true }, r);
      await this.bot.telegram.answerCbQuery(q.id).catch((err: unknown) => this.app.log.warn({ err: String(err) }, 'telegram: answerCallbackQuery failed'));
      return;
    }
    const text = data ? await handleButton(this.app, this.membership, { id: q.id, fromId: String(q.from.id), data }) : undefined;
    try {
      await this.bot.telegram.answerCbQuery(q.id, text, { show_alert: Boolean(text) });
    } catch (err) {
      this.app.log.warn({ err: String(err) }, 'telegram: answerCallbackQuery failed');
    }
  }


  private track<T>(p: Promise<T>): Promise<T> {
    this.inflight.add(p);
    const forget = (): void => void this.inflight.delete(p);
    p.then(forget, forget);
    return p;
  }
}

/** One message of a private album being gathered, with its event row (a report links to it). */
interface AlbumItem {
  msg: Message;
  eventId?: number;
}

/** `502: Bad Gateway`, `network: ECONNREFUSED ...`: a failure as one short line for logs and /status. */
const errorText = (err: unknown): string => classifyTelegramError(err).detail;

/** The collector's key of a private album: one per chat, sender and media_group_id (as it came, and as it is resumed). */
const albumKey = (chatId: string, sender: string, albumId: string): string => `${chatId}:${sender}:${albumId}`;

/**
 * A video or a round video note (Bot API Message.video, video_note): never downloaded or kept as evidence. An
 * animation (a GIF) is not one: Telegram sets `document` with it (@telegraf/types message.d.ts, AnimationMessage
 * extends DocumentMessage, "for backward compatibility ... the document field will also be set"), so it is the file
 * its document is. The one test of "is a video" in this adapter.
 */
const isVideo = (msg: Message): boolean => 'video' in msg || 'video_note' in msg;

/** A message that brings a file: a photo, a document (an animation's included) or a video (isVideo). */
const carriesFile = (msg: Message): boolean => 'photo' in msg || 'document' in msg || isVideo(msg);

/** A photo's or document's caption (undefined for other messages). */
const captionOf = (msg: Message): string | undefined => ('caption' in msg ? msg.caption : undefined);

const displayName = (u: { first_name: string; last_name?: string; username?: string }): string =>
  [u.first_name, u.last_name].filter(Boolean).join(' ') || (u.username ? `@${u.username}` : '');

function sameSecret(got: string | string[] | undefined, want: string): boolean {
  if (typeof got !== 'string') return false;
  const a = Buffer.from(got);
  const b = Buffer.from(want);
  return a.length === b.length && timingSafeEqual(a, b);
}

const delay = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms).unref());

/** A forward's origin when it is a channel or a group speaking as itself (Bot API 7.0 forward_origin); people are not named. */
export function forwardOriginText(msg: Message): string | undefined {
  const o = (msg as { forward_origin?: { type: string; chat?: { id: number; title?: string; username?: string }; sender_chat?: { id: number; title?: string; username?: string }; message_id?: number } }).forward_origin;
  const chat = o?.type === 'channel' ? o.chat : o?.type === 'chat' ? o.sender_chat : undefined;
  if (!chat) return undefined;
  return `${o!.type === 'channel' ? 'channel' : 'chat'} "${chat.title ?? chat.id}"${chat.username ? ` @${chat.username}` : ''} (${chat.id}${o!.message_id !== undefined ? `, post ${o!.message_id}` : ''})`;
}
