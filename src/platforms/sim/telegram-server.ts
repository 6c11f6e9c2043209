// A loopback Telegram Bot API server (simulator) that telegraf talks real HTTP to.
// node:http only. Used by the demo, replay and integration tests.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { telegramPhotoSizes } from './phone-photo.js';
import { BodyError, parseParams, readBody, type SimUploadedFile } from './telegram-body.js';

/** A Telegram user as the simulator knows it. */
export interface SimUser {
  id: number;
  first_name: string;
  username?: string;
  is_bot?: boolean;
}

/** One size of a photo a user sent (Bot API PhotoSize), its bytes held by the simulator. */
export interface SimPhotoSize {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  width: number;
  height: number;
}

/** A chat the simulator knows (used for getChat and for the `chat` object of sent messages). */
export interface SimChat {
  id: number;
  type: 'private' | 'group' | 'supergroup' | 'channel';
  title?: string;
  username?: string;
  first_name?: string;
  /** A supergroup with topics (Bot API Chat.is_forum): messages there carry message_thread_id and is_topic_message. */
  is_forum?: boolean;
}

/** Statuses accepted by setChatMember, as in the Bot API ChatMember object. */
export type SimMemberStatus = 'member' | 'left' | 'kicked' | 'administrator' | 'creator' | 'restricted';

/** One successful send (sendMessage, sendDocument, sendPhoto) recorded by the simulator. */
export interface SimSentMessage {
  seq: number;
  method: string;
  chat_id: number | string;
  text?: string;
  caption?: string;
  parse_mode?: string;
  reply_markup?: unknown;
  /** Uploaded file (sendDocument/sendPhoto); `data` is kept for files up to `keepFileBytes`. A file_id/URL string gives bytes 0. */
  document?: { filename: string; bytes: number; contentType?: string; data?: Buffer };
  /** The forum topic the message went to (sendMessage/sendDocument `message_thread_id`). */
  message_thread_id?: number;
  at: number;
  message_id: number;
}

/** An update the simulator did not deliver because Telegram would not show it to this bot. */
export interface SimHiddenUpdate {
  update_id: number;
  type: string;
  /** 'privacy_mode': an ordinary group message while privacy mode is on and the bot is not admin; 'not_admin': chat_member or message_reaction in a group where the bot is not admin. */
  reason: 'privacy_mode' | 'not_admin';
}

/** Extra fields of a ChatMember answer (setChatMember). */
export interface SimMemberExtra {
  /** ChatMemberRestricted.is_member: false for a restricted user who is no longer in the chat (default true). */
  isMember?: boolean;
  /** ChatMemberRestricted.can_send_messages (default false). */
  canSendMessages?: boolean;
}

/** One API call as seen by the simulator; status 0 means the connection was dropped. */
export interface SimCall {
  method: string;
  at: number;
  status: number;
  /** Request parameters (files summarised as {filename, bytes}). */
  params: Record<string, unknown>;
}

/** A fault to inject into the next `count` calls of `method` (or of any method when omitted). */
export interface FaultPlan {
  method?: string;
  /**
   * '429' Too Many Requests with retry_after, '500' Internal Server Error (JSON), '502' Bad Gateway as
   * Telegram's nginx front answers it during an outage (an HTML page, no JSON), 'drop' socket destroyed
   * without answer, 'delay' answer late.
   */
  kind: '429' | '500' | '502' | 'drop' | 'delay';
  /** How many calls are affected (default 1). */
  count?: number;
  /** Seconds for 429's parameters.retry_after (default 1). */
  retryAfter?: number;
  /** Milliseconds for 'delay' (default 100). */
  delayMs?: number;
}

/** Options of TelegramSimServer.start. */
export interface SimServerOptions {
  token?: string;
  port?: number;
  host?: string;
  bot?: SimUser;
  /** Cap of the `sent` log (default 100000); oldest entries are dropped in batches. */
  maxSent?: number;
  /** Cap of the `calls` log (default 100000). */
  maxCalls?: number;
  /** Cap of the queued updates (default 100000); oldest are dropped. */
  maxUpdates?: number;
  /** Uploaded files up to this size keep their bytes in `sent[i].document.data` (default 1 MiB). */
  keepFileBytes?: number;
  /** Largest accepted request body (default 60 MiB). */
  maxBodyBytes?: number;
  /** Milliseconds between webhook delivery retries (default 200). */
  webhookRetryMs?: number;
  /**
   * What getMe reports as `can_read_all_group_messages`: false while BotFather's privacy mode is on,
   * which is how every new bot starts (default false, as on the real Bot API).
   */
  canReadAllGroupMessages?: boolean;
}

/** Default update types (the Bot API's behaviour for an empty allowed_updates list). */
export const DEFAULT_EXCLUDED_UPDATES: readonly string[] = ['chat_member', 'message_reaction', 'message_reaction_count'];

/** An error answer of the Bot API (`{ok:false,error_code,description,parameters}`). */
export class SimApiError extends Error {
  /** Builds an API error answered with HTTP status `code`. */
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

interface QueuedUpdate {
  id: number;
  type: string;
  update: Record<string, unknown>;
  delivered: boolean;
}

interface Poller {
  wake(): void;
  finish(result: unknown[] | SimApiError): void;
}

interface Fault {
  method: string | undefined;
  kind: FaultPlan['kind'];
  remaining: number;
  retryAfter: number;
  delayMs: number;
}

interface WebhookState {
  url: string;
  secretToken?: string;
  allowed: Set<string> | null;
  maxConnections: number;
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

interface CallCtx {
  signal: AbortSignal;
  files: Record<string, SimUploadedFile>;
}

type Handler = (p: Record<string, unknown>, ctx: CallCtx) => unknown;

const DEFAULT_TOKEN = '123456789:SIM-jaga-netral-token';

/** Fields that make a Message a service message (Bot API Message; they always reach the bot, privacy mode or not). */
const SERVICE_FIELDS = [
  'new_chat_members', 'left_chat_member', 'new_chat_title', 'new_chat_photo', 'delete_chat_photo', 'group_chat_created',
  'supergroup_chat_created', 'migrate_to_chat_id', 'migrate_from_chat_id', 'pinned_message', 'forum_topic_created',
  'forum_topic_edited', 'forum_topic_closed', 'forum_topic_reopened', 'message_auto_delete_timer_changed',
];

function updateType(u: Record<string, unknown>): string {
  for (const k of Object.keys(u)) if (k !== 'update_id') return k;
  return 'unknown';
}

function asInt(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v.trim())) return Number(v.trim());
  return undefined;
}

function asBool(v: unknown): boolean {
  return v === true || v === 'true' || v === '1' || v === 1;
}

function asJson(v: unknown, what: string): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    throw new SimApiError(400, `Bad Request: can't parse ${what} JSON object`);
  }
}

function asChatId(v: unknown): number | string | undefined {
  const n = asInt(v);
  if (n !== undefined) return n;
  if (typeof v === 'string' && v.startsWith('@') && v.length > 1) return v;
  return undefined;
}

function asStringList(v: unknown, what: string): string[] | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const j = asJson(v, what);
  if (!Array.isArray(j)) throw new SimApiError(400, `Bad Request: can't parse ${what}`);
  return j.map((x) => String(x));
}

function sleep(ms: number, timers: Set<NodeJS.Timeout>): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      timers.delete(t);
      resolve();
    }, ms);
    timers.add(t);
  });
}

/**
 * A Bot API `ChatMember` object for `user` with `status`, with the fields the real API sends for each
 * status (see ChatMemberAdministrator etc. in node_modules/@telegraf/types/manage.d.ts, Bot API 7.1).
 */
export function memberJson(user: SimUser, status: SimMemberStatus, extra: SimMemberExtra = {}): Record<string, unknown> {
  const out: Record<string, unknown> = { user: { is_bot: false, ...user }, status };
  if (status === 'kicked') out['until_date'] = 0;
  if (status === 'restricted') Object.assign(out, { is_member: extra.isMember ?? true, until_date: 0, can_send_messages: extra.canSendMessages ?? false });
  if (status === 'administrator') {
    Object.assign(out, {
      can_be_edited: false,
      is_anonymous: false,
      can_manage_chat: true,
      can_delete_messages: true,
      can_manage_video_chats: false,
      can_restrict_members: true,
      can_promote_members: false,
      can_change_info: false,
      can_invite_users: true,
      can_post_stories: false,
      can_edit_stories: false,
      can_delete_stories: false,
      can_pin_messages: true,
      can_manage_topics: false,
    });
  }
  if (status === 'creator') out['is_anonymous'] = false;
  return out;
}

/** A loopback Telegram Bot API server: `new Telegram(sim.token, { apiRoot: sim.apiRoot })` talks real HTTP to it. */
export class TelegramSimServer {
  /** Base URL for telegraf's `telegram.apiRoot` option, e.g. http://127.0.0.1:PORT. */
  readonly apiRoot: string;
  /** The only token the server accepts. */
  readonly token: string;
  /** The bot's own user (answer of getMe). */
  readonly bot: SimUser;
  /** Every successful send (sendMessage, sendDocument, sendPhoto), in order; capped at maxSent. */
  readonly sent: SimSentMessage[] = [];
  /** Every API call and the HTTP status answered (0 = dropped); capped at maxCalls. */
  readonly calls: SimCall[] = [];
  /** Called after each successful send. */
  onSent?: (m: SimSentMessage) => void;

  private readonly server: http.Server;
  private readonly opts: Required<Omit<SimServerOptions, 'token' | 'port' | 'host' | 'bot' | 'canReadAllGroupMessages'>>;
  private canReadAll: boolean;
  private readonly handlers = new Map<string, [string, Handler]>();
  private queue: QueuedUpdate[] = [];
  private nextUpdateId = 1;
  private allowed: Set<string> | null = null; // null = default
  private poller: Poller | undefined;
  private readonly started = new Set<number>();
  private readonly blocked = new Set<number>();
  private readonly users = new Map<number, SimUser>();
  private readonly chats = new Map<number, SimChat>();
  private readonly members = new Map<string, { status: SimMemberStatus; user?: SimUser; extra?: SimMemberExtra }>();
  /** Closed forum topics, as `chat:thread`. */
  private readonly closedTopics = new Set<string>();
  /** Updates Telegram would not have shown this bot (privacy mode, not admin), for tests to inspect. */
  readonly hidden: SimHiddenUpdate[] = [];
  /** Groups an update came from (the bot is in them unless its status there was set). */
  private readonly groupsSeen = new Set<number>();
  private readonly migrated = new Map<number, number>();
  private readonly messageIds = new Map<string, number>();
  private readonly byMessage = new Map<string, SimSentMessage>();
  private readonly commands = new Map<string, unknown[]>();
  private faults: Fault[] = [];
  /** Files users sent (photos, documents), by file_id: what getFile describes and /file/bot<token>/<path> serves. */
  private readonly files = new Map<string, { data: Buffer; path: string; uniqueId: string }>();
  private webhook: WebhookState | undefined;
  private webhookRunning = false;
  private webhookReq: http.ClientRequest | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly waiters = new Set<() => void>();
  private seq = 0;
  private closed = false;

  private constructor(server: http.Server, apiRoot: string, token: string, bot: SimUser, opts: SimServerOptions) {
    this.server = server;
    this.apiRoot = apiRoot;
    this.token = token;
    this.bot = bot;
    this.opts = {
      maxSent: opts.maxSent ?? 100_000,
      maxCalls: opts.maxCalls ?? 100_000,
      maxUpdates: opts.maxUpdates ?? 100_000,
      keepFileBytes: opts.keepFileBytes ?? 1024 * 1024,
      maxBodyBytes: opts.maxBodyBytes ?? 60 * 1024 * 1024,
      webhookRetryMs: opts.webhookRetryMs ?? 200,
    };
    this.canReadAll = opts.canReadAllGroupMessages ?? false;
    this.users.set(bot.id, bot);
    this.registerHandlers();
  }

  /** Starts the server on 127.0.0.1 (random port unless `port` is given) and resolves once it listens. */
  static async start(opts: SimServerOptions = {}): Promise<TelegramSimServer> {
    const token = opts.token ?? DEFAULT_TOKEN;
    const botId = asInt(token.split(':')[0]) ?? 123456789;
    const bot: SimUser = opts.bot ?? { id: botId, is_bot: true, first_name: 'Jaga Netral', username: 'JagaNetralBot' };
    const host = opts.host ?? '127.0.0.1';
    const server = http.createServer();
    // Outlive the client's keep-alive (Node's global agent drops idle sockets after 5 s), so a reused
    // socket is never closed by the server at the moment the client writes to it (ECONNRESET race).
    server.keepAliveTimeout = 30_000;
    server.headersTimeout = 35_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(opts.port ?? 0, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const port = (server.address() as AddressInfo).port;
    const sim = new TelegramSimServer(server, `http://${host}:${port}`, token, { ...bot, is_bot: true }, opts);
    server.on('request', (req, res) => {
      sim.onRequest(req, res).catch(() => {
        if (!res.headersSent) sim.answer(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
      });
    });
    return sim;
  }

  // ---------------------------------------------------------------- scenario controls

  /** Queues a Bot API Update (assigns update_id if missing), wakes the long poller or webhook; returns the update_id. */
  pushUpdate(update: object): number {
    const u = { ...(update as Record<string, unknown>) };
    let id = asInt(u['update_id']);
    if (id === undefined) {
      id = this.nextUpdateId++;
      u['update_id'] = id;
    } else if (id >= this.nextUpdateId) {
      this.nextUpdateId = id + 1;
    }
    const type = updateType(u);
    // Telegram delivers a group's messages only to a bot inside it: getChatMember for the bot answers 'member'
    // there unless its status was set (setBotStatus / setChatMember).
    const inner = u[type];
    const chat = inner && typeof inner === 'object' ? (inner as Record<string, unknown>)['chat'] : undefined;
    const chatId = chat && typeof chat === 'object' ? asInt((chat as Record<string, unknown>)['id']) : undefined;
    if (chatId !== undefined && chatId < 0 && type !== 'my_chat_member') this.groupsSeen.add(chatId);
    const hiddenBecause = this.hiddenReason(type, inner);
    if (hiddenBecause) {
      this.hidden.push({ update_id: id, type, reason: hiddenBecause });
      if (this.hidden.length > this.opts.maxUpdates) this.hidden.splice(0, this.hidden.length - this.opts.maxUpdates);
      return id;
    }
    this.queue.push({ id, type, update: u, delivered: false });
    if (this.queue.length > this.opts.maxUpdates) this.queue.splice(0, this.queue.length - this.opts.maxUpdates);
    this.poller?.wake();
    this.kickWebhook();
    return id;
  }

  /** Records that the user pressed /start, so private sends to them now succeed. */
  startedBot(userId: number): void {
    this.started.add(userId);
    this.blocked.delete(userId);
  }

  /** Records that the user blocked the bot: private sends answer 403 "Forbidden: bot was blocked by the user". */
  blockedBot(userId: number): void {
    this.blocked.add(userId);
  }

  /** Registers a user (used for getChatMember answers and private chat objects). */
  addUser(user: SimUser): void {
    this.users.set(user.id, user);
  }

  /** Registers a chat (title, type) for getChat and for the chat object of sent messages. */
  setChat(chat: SimChat): void {
    this.chats.set(chat.id, chat);
  }

  /**
   * Sets what getChatMember answers for (chat, user); unknown pairs answer status 'left'. A 'restricted'
   * user carries `is_member` (ChatMemberRestricted, @telegraf/types/manage.d.ts): true while inside,
   * false once they left; restricted without can_send_messages, the bot itself cannot post there.
   */
  setChatMember(chatId: number, userId: number, status: SimMemberStatus, user?: SimUser, extra?: SimMemberExtra): void {
    if (user) this.users.set(user.id, user);
    this.members.set(`${chatId}:${userId}`, { status, ...(user ? { user } : {}), ...(extra ? { extra } : {}) });
  }

  /** Closes (or reopens) a forum topic: a bot without can_manage_topics then gets 400 "Bad Request: TOPIC_CLOSED" there. */
  setTopicClosed(chatId: number, threadId: number, closed = true): void {
    if (closed) this.closedTopics.add(`${chatId}:${threadId}`);
    else this.closedTopics.delete(`${chatId}:${threadId}`);
  }

  /** Marks a group as migrated: sends to oldId then answer 400 with parameters.migrate_to_chat_id = newId; members are copied. */
  migrateChat(oldId: number, newId: number): void {
    this.migrated.set(oldId, newId);
    for (const [key, m] of [...this.members]) {
      const [c, u] = key.split(':');
      if (Number(c) === oldId) this.members.set(`${newId}:${u}`, m);
    }
    const old = this.chats.get(oldId);
    this.chats.set(newId, { id: newId, type: 'supergroup', title: old?.title ?? `Group ${newId}` });
  }

  /** Injects a fault into the next `count` calls of `method` (or of any method, getUpdates included). */
  inject(fault: FaultPlan): void {
    this.faults.push({
      method: fault.method?.toLowerCase(),
      kind: fault.kind,
      remaining: Math.max(1, fault.count ?? 1),
      retryAfter: fault.retryAfter ?? 1,
      delayMs: fault.delayMs ?? 100,
    });
  }

  /** BotFather's /setprivacy: `true` = privacy mode on (getMe then reports can_read_all_group_messages false). */
  setPrivacyMode(on: boolean): void {
    this.canReadAll = !on;
  }

  /**
   * The bot's own status in a group changed (added, promoted, demoted, removed): getChatMember for the bot
   * answers it from now on, and a `my_chat_member` update is queued as Telegram sends it. Returns its update_id.
   */
  setBotStatus(chat: { id: number; type?: SimChat['type']; title?: string }, from: SimUser, status: SimMemberStatus, o: { date?: number } = {}): number {
    const key = `${chat.id}:${this.bot.id}`;
    const old = this.members.get(key)?.status ?? 'left';
    this.members.set(key, { status });
    const type = chat.type ?? (chat.id <= -1_000_000_000_000 ? 'supergroup' : 'group');
    const chatJson = { id: chat.id, type, title: chat.title ?? this.chats.get(chat.id)?.title ?? `Group ${chat.id}` };
    this.chats.set(chat.id, chatJson); // getChat and later updates know the group by this title
    return this.pushUpdate({
      my_chat_member: {
        chat: chatJson,
        from: { is_bot: false, ...from },
        date: o.date ?? Math.floor(Date.now() / 1000),
        old_chat_member: memberJson(this.bot, old),
        new_chat_member: memberJson(this.bot, status),
      },
    });
  }

  /** Whether the bot is an administrator (or the creator) of a group, as set by setBotStatus / setChatMember. */
  botIsAdmin(chatId: number): boolean {
    const st = this.members.get(`${chatId}:${this.bot.id}`)?.status;
    return st === 'administrator' || st === 'creator';
  }

  /**
   * Why Telegram would not show this update to the bot, or undefined when it would. Privacy mode (on unless
   * BotFather's /setprivacy turned it off; getMe's can_read_all_group_messages) lets a bot that is not admin
   * see in groups only commands, replies to its own messages and service messages
   * (https://core.telegram.org/bots/features#privacy-mode). `chat_member` and `message_reaction(_count)` reach
   * only a bot that is administrator of the chat (Bot API, Update.chat_member / Update.message_reaction).
   */
  private hiddenReason(type: string, inner: unknown): SimHiddenUpdate['reason'] | undefined {
    if (!inner || typeof inner !== 'object') return undefined;
    const body = inner as Record<string, unknown>;
    const chat = body['chat'] as Record<string, unknown> | undefined;
    const chatId = chat && typeof chat === 'object' ? asInt(chat['id']) : undefined;
    if (chatId === undefined || chatId > 0 || chat?.['type'] === 'channel') return undefined;
    if (type === 'chat_member' || type === 'message_reaction' || type === 'message_reaction_count') {
      return this.botIsAdmin(chatId) ? undefined : 'not_admin';
    }
    if (type !== 'message' && type !== 'edited_message') return undefined;
    if (this.canReadAll || this.botIsAdmin(chatId)) return undefined;
    return this.seenInPrivacyMode(body) ? undefined : 'privacy_mode';
  }

  /** A group message a bot in privacy mode still receives: a service message, a command, or a reply to the bot. */
  private seenInPrivacyMode(m: Record<string, unknown>): boolean {
    if (SERVICE_FIELDS.some((f) => m[f] !== undefined)) return true;
    const reply = m['reply_to_message'] as Record<string, unknown> | undefined;
    const replyFrom = reply && typeof reply === 'object' ? (reply['from'] as Record<string, unknown> | undefined) : undefined;
    if (replyFrom && asInt(replyFrom['id']) === this.bot.id) return true;
    const text = typeof m['text'] === 'string' ? m['text'] : typeof m['caption'] === 'string' ? m['caption'] : '';
    // `/cmd@ThisBot` always; a bare `/cmd` reaches a bot in privacy mode too (Telegram sends it to the last bot that
    // posted in the group; the simulator has only this one bot). `/cmd@OtherBot` is someone else's.
    const cmd = /^\/[A-Za-z0-9_]{1,32}(?:@([A-Za-z0-9_]+))?(?:\s|$)/.exec(text);
    return cmd !== null && (cmd[1] === undefined || cmd[1].toLowerCase() === (this.bot.username ?? '').toLowerCase());
  }

  /** Removes every injected fault not yet consumed. */
  clearFaults(): void {
    this.faults = [];
  }

  /** Resolves once pred(sent) holds (checked now and after each send); rejects after timeoutMs (default 2000). */
  waitFor(pred: (s: SimSentMessage[]) => boolean, timeoutMs = 2000): Promise<void> {
    if (pred(this.sent)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = (): void => {
        let ok = false;
        try {
          ok = pred(this.sent);
        } catch (err) {
          done();
          reject(err as Error);
          return;
        }
        if (ok) {
          done();
          resolve();
        }
      };
      const timer = setTimeout(() => {
        done();
        const last = this.sent.slice(-5).map((m) => `${m.method}->${m.chat_id}: ${m.text ?? m.caption ?? m.document?.filename ?? ''}`);
        reject(new Error(`waitFor timed out after ${timeoutMs}ms; last sent: ${JSON.stringify(last)}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  /** Number of queued updates not yet confirmed by an offset (or delivered to a webhook). */
  pendingUpdates(): number {
    return this.queue.length;
  }

  /** True while a getUpdates long poll is being held open (useful to push updates only once a bot is polling). */
  isPolling(): boolean {
    return this.poller !== undefined;
  }

  /** Resolves once a getUpdates long poll is held open; rejects after timeoutMs (default 2000). */
  async waitForPoll(timeoutMs = 2000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!this.isPolling()) {
      if (this.closed || Date.now() > until) throw new Error(`waitForPoll: no long poll within ${timeoutMs}ms`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** The current webhook URL ('' when polling). */
  webhookUrl(): string {
    return this.webhook?.url ?? '';
  }

  /** Commands set with setMyCommands, per `scope-json|language_code` key ('default|' for the plain call). */
  myCommands(scope = 'default', languageCode = ''): unknown[] | undefined {
    return this.commands.get(`${scope}|${languageCode}`);
  }

  /** Ends pending long polls (answered with no updates), stops webhook delivery and closes every connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.poller?.finish([]);
    this.webhookReq?.destroy();
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await new Promise<void>((resolve) => {
      // Give answers just written a moment to flush, then cut every remaining connection.
      const force = setTimeout(() => this.server.closeAllConnections(), 50);
      this.server.close(() => {
        clearTimeout(force);
        resolve();
      });
      this.server.closeIdleConnections();
    });
  }

  // ---------------------------------------------------------------- HTTP plumbing

  private answer(res: http.ServerResponse, status: number, body: unknown): void {
    if (res.headersSent || res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  private logCall(method: string, status: number, params: Record<string, unknown>): void {
    this.calls.push({ method, at: Date.now(), status, params });
    if (this.calls.length > this.opts.maxCalls) this.calls.splice(0, Math.max(1, Math.floor(this.opts.maxCalls / 10)));
  }

  /**
   * A file a user sends (a photo or a document in an update): returns the ids to put in the update. The bot fetches it
   * with getFile then GET {apiRoot}/file/bot<token>/<file_path>, as telegraf's Telegram.getFileLink builds the URL
   * (node_modules/telegraf/lib/telegram.js, getFileLink).
   */
  addFile(data: Buffer, o: { ext?: string } = {}): { file_id: string; file_unique_id: string; file_size: number } {
    const n = this.files.size + 1;
    const fileId = `sim-file-${n}-${data.length}`;
    const uniqueId = `simu${n}`;
    this.files.set(fileId, { data, path: `${o.ext === 'jpg' ? 'photos' : 'documents'}/file_${n}.${o.ext ?? 'bin'}`, uniqueId });
    return { file_id: fileId, file_unique_id: uniqueId, file_size: data.length };
  }

  /**
   * A picture a user sends as a photo, as Telegram's servers turn it into one: recompressed to JPEG in a few sizes,
   * the largest at most 1280 px on the long side (src/platforms/sim/phone-photo.ts). Returns the Bot API PhotoSize
   * array, smallest first, each size a file the bot can fetch; give it to photoMessage or albumMessages.
   */
  async addPhoto(image: Buffer, o: { quality?: number } = {}): Promise<SimPhotoSize[]> {
    const sizes = await telegramPhotoSizes(image, o.quality);
    return sizes.map((s) => ({ ...this.addFile(s.data, { ext: 'jpg' }), width: s.width, height: s.height }));
  }

  /** Serves a file download; true when the request was one. */
  private serveFile(url: URL, res: http.ServerResponse): boolean {
    const m = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (!m) return false;
    const file = m[1] === this.token ? [...this.files.values()].find((f) => f.path === m[2]) : undefined;
    this.logCall('file', file ? 200 : 404, { path: m[2] });
    if (!file) {
      this.answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return true;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.data.length) });
    res.end(file.data);
    return true;
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    if (req.method === 'GET' && this.serveFile(url, res)) {
      req.resume();
      return;
    }
    const m = /^\/bot([^/]+)\/(?:test\/)?([A-Za-z_]+)\/?$/.exec(url.pathname);
    if (!m) {
      req.resume();
      this.logCall('', 404, {});
      this.answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    let token = m[1] ?? '';
    try {
      token = decodeURIComponent(token);
    } catch {
      /* keep raw */
    }
    const methodRaw = m[2] ?? '';
    if (token !== this.token) {
      req.resume();
      this.logCall(methodRaw, 401, {});
      this.answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      return;
    }
    const entry = this.handlers.get(methodRaw.toLowerCase());
    if (!entry) {
      req.resume();
      this.logCall(methodRaw, 404, {});
      this.answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const [method, handler] = entry;
    let params: Record<string, unknown>;
    let files: Record<string, SimUploadedFile>;
    try {
      const body = await readBody(req, this.opts.maxBodyBytes);
      ({ params, files } = parseParams(url.searchParams, req.headers['content-type'], body));
    } catch (err) {
      const status = err instanceof BodyError ? err.status : 400;
      const description = err instanceof Error ? err.message : 'Bad Request';
      this.logCall(method, status, {});
      this.answer(res, status, { ok: false, error_code: status, description });
      return;
    }
    const logged: Record<string, unknown> = { ...params };
    for (const [k, f] of Object.entries(files)) logged[k] = { filename: f.filename, bytes: f.bytes };

    // Fault injection, before the method logic.
    for (const f of [...this.faults]) {
      if (f.method !== undefined && f.method !== method.toLowerCase()) continue;
      f.remaining--;
      if (f.remaining <= 0) this.faults = this.faults.filter((x) => x !== f);
      if (f.kind === 'delay') {
        await sleep(f.delayMs, this.timers);
        if (this.closed) {
          res.destroy();
          return;
        }
        continue;
      }
      if (f.kind === 'drop') {
        this.logCall(method, 0, logged);
        req.socket.destroy();
        return;
      }
      if (f.kind === '429') {
        this.logCall(method, 429, logged);
        this.answer(res, 429, {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${f.retryAfter}`,
          parameters: { retry_after: f.retryAfter },
        });
        return;
      }
      if (f.kind === '502') {
        // Telegram's front end answers an outage itself, as an nginx HTML page; telegraf reads only the
        // status line of a 5xx (lib/core/network/client.js: `description: res.statusText`).
        this.logCall(method, 502, logged);
        const html = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n';
        if (!res.headersSent) res.writeHead(502, 'Bad Gateway', { 'content-type': 'text/html', 'content-length': Buffer.byteLength(html) }).end(html);
        return;
      }
      this.logCall(method, 500, logged);
      this.answer(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
      return;
    }

    const ac = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) ac.abort();
    });
    try {
      const result = await handler(params, { signal: ac.signal, files });
      this.logCall(method, 200, logged);
      this.answer(res, 200, { ok: true, result });
    } catch (err) {
      if (err instanceof SimApiError) {
        this.logCall(method, err.code, logged);
        this.answer(res, err.code, {
          ok: false,
          error_code: err.code,
          description: err.description,
          ...(err.parameters ? { parameters: err.parameters } : {}),
        });
      } else {
        this.logCall(method, 500, logged);
        this.answer(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
      }
    }
  }

  /** Runs a method without HTTP (used for webhook replies); returns the Bot API answer object. */
  private async callInternal(methodRaw: string, params: Record<string, unknown>): Promise<unknown> {
    const entry = this.handlers.get(methodRaw.toLowerCase());
    if (!entry) {
      this.logCall(methodRaw, 404, params);
      return { ok: false, error_code: 404, description: 'Not Found' };
    }
    const [method, handler] = entry;
    try {
      const result = await handler(params, { signal: new AbortController().signal, files: {} });
      this.logCall(method, 200, params);
      return { ok: true, result };
    } catch (err) {
      const code = err instanceof SimApiError ? err.code : 500;
      this.logCall(method, code, params);
      return { ok: false, error_code: code, description: err instanceof Error ? err.message : 'error' };
    }
  }

  // ---------------------------------------------------------------- helpers for methods

  private chatObject(id: number | string): Record<string, unknown> {
    if (typeof id === 'string') return { id: -1001000000000, type: 'supergroup', title: id.slice(1), username: id.slice(1) };
    const known = this.chats.get(id);
    if (known) return { ...known };
    if (id > 0) {
      const u = this.users.get(id);
      return { id, type: 'private', first_name: u?.first_name ?? `User ${id}`, ...(u?.username ? { username: u.username } : {}) };
    }
    return { id, type: id <= -1_000_000_000_000 ? 'supergroup' : 'group', title: `Group ${id}` };
  }

  private userObject(id: number): Record<string, unknown> {
    const u = this.users.get(id);
    return u ? { is_bot: false, ...u } : { id, is_bot: false, first_name: `User ${id}` };
  }

  private requireChat(p: Record<string, unknown>): number | string {
    const chatId = asChatId(p['chat_id']);
    if (chatId === undefined) {
      throw new SimApiError(400, p['chat_id'] === undefined || p['chat_id'] === '' ? 'Bad Request: chat_id is empty' : 'Bad Request: chat not found');
    }
    if (typeof chatId === 'number') {
      const to = this.migrated.get(chatId);
      if (to !== undefined) {
        throw new SimApiError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: to });
      }
    }
    return chatId;
  }

  /**
   * Refuses a send as Telegram does: private chats the user never opened or blocked (403), groups the bot left or
   * was removed from (403), a group where the bot is restricted without the right to send (400 "not enough rights
   * to send text messages to the chat"), and a closed forum topic (400 "TOPIC_CLOSED"; our bot never has
   * can_manage_topics, which would let it post there).
   */
  private checkCanSend(chatId: number | string, what = 'text messages', threadId?: number): void {
    if (typeof chatId !== 'number') return;
    if (chatId > 0) {
      if (this.users.get(chatId)?.is_bot) throw new SimApiError(403, "Forbidden: bot can't send messages to bots");
      if (this.blocked.has(chatId)) throw new SimApiError(403, 'Forbidden: bot was blocked by the user');
      if (!this.started.has(chatId)) throw new SimApiError(403, "Forbidden: bot can't initiate conversation with a user");
      return;
    }
    const me = this.members.get(`${chatId}:${this.bot.id}`);
    const kind = chatId <= -1_000_000_000_000 ? 'supergroup' : 'group';
    if (me?.status === 'kicked') throw new SimApiError(403, `Forbidden: bot was kicked from the ${kind} chat`);
    if (me?.status === 'left') throw new SimApiError(403, `Forbidden: bot is not a member of the ${kind} chat`);
    if (me?.status === 'restricted' && !me.extra?.canSendMessages) throw new SimApiError(400, `Bad Request: not enough rights to send ${what} to the chat`);
    if (threadId !== undefined && this.closedTopics.has(`${chatId}:${threadId}`)) throw new SimApiError(400, 'Bad Request: TOPIC_CLOSED');
  }

  private record(
    method: string,
    chatId: number | string,
    fields: Omit<SimSentMessage, 'seq' | 'method' | 'chat_id' | 'at' | 'message_id'>,
  ): SimSentMessage {
    const key = String(chatId);
    const messageId = (this.messageIds.get(key) ?? 0) + 1;
    this.messageIds.set(key, messageId);
    const msg: SimSentMessage = { seq: ++this.seq, method, chat_id: chatId, at: Date.now(), message_id: messageId, ...fields };
    this.sent.push(msg);
    this.byMessage.set(`${key}:${messageId}`, msg);
    if (this.sent.length > this.opts.maxSent) {
      const drop = this.sent.splice(0, Math.max(1, Math.floor(this.opts.maxSent / 10)));
      for (const d of drop) this.byMessage.delete(`${String(d.chat_id)}:${d.message_id}`);
    }
    try {
      this.onSent?.(msg);
    } catch {
      /* observer errors must not break the API */
    }
    for (const w of [...this.waiters]) w();
    return msg;
  }

  private messageResult(msg: SimSentMessage): Record<string, unknown> {
    const out: Record<string, unknown> = {
      message_id: msg.message_id,
      from: { ...this.bot },
      chat: this.chatObject(msg.chat_id),
      date: Math.floor(msg.at / 1000),
    };
    if (msg.message_thread_id !== undefined) {
      out['message_thread_id'] = msg.message_thread_id;
      if (this.chats.get(Number(msg.chat_id))?.is_forum) out['is_topic_message'] = true;
    }
    if (msg.text !== undefined) out['text'] = msg.text;
    if (msg.caption !== undefined) out['caption'] = msg.caption;
    if (msg.reply_markup !== undefined) out['reply_markup'] = msg.reply_markup;
    if (msg.document) {
      const fileId = `sim-file-${msg.seq}`;
      if (msg.method === 'sendPhoto') {
        out['photo'] = [{ file_id: fileId, file_unique_id: `u${msg.seq}`, width: 320, height: 320, file_size: msg.document.bytes }];
      } else {
        out['document'] = {
          file_id: fileId,
          file_unique_id: `u${msg.seq}`,
          file_name: msg.document.filename,
          file_size: msg.document.bytes,
          ...(msg.document.contentType ? { mime_type: msg.document.contentType } : {}),
        };
      }
    }
    return out;
  }

  private replyMarkup(p: Record<string, unknown>): unknown {
    const v = p['reply_markup'];
    if (v === undefined || v === null || v === '') return undefined;
    return asJson(v, 'reply keyboard markup');
  }

  private sendFile(method: 'sendDocument' | 'sendPhoto', field: 'document' | 'photo', p: Record<string, unknown>, ctx: CallCtx): unknown {
    const chatId = this.requireChat(p);
    let file = ctx.files[field];
    const raw = p[field];
    if (!file && typeof raw === 'string' && raw.startsWith('attach://')) file = ctx.files[raw.slice('attach://'.length)];
    let document: SimSentMessage['document'];
    if (file) {
      document = { filename: file.filename, bytes: file.bytes };
      if (file.contentType) document.contentType = file.contentType;
      if (file.bytes <= this.opts.keepFileBytes) document.data = file.data;
    } else if (typeof raw === 'string' && raw !== '') {
      document = { filename: raw, bytes: 0 };
    } else {
      throw new SimApiError(400, `Bad Request: there is no ${field} in the request`);
    }
    const caption = p['caption'] === undefined ? undefined : String(p['caption']);
    if (caption !== undefined && caption.length > 1024) throw new SimApiError(400, 'Bad Request: message caption is too long');
    const markup = this.replyMarkup(p);
    const thread = asInt(p['message_thread_id']);
    this.checkCanSend(chatId, method === 'sendPhoto' ? 'photos' : 'documents', thread);
    const msg = this.record(method, chatId, {
      document,
      ...(thread !== undefined ? { message_thread_id: thread } : {}),
      ...(caption !== undefined ? { caption } : {}),
      ...(markup !== undefined ? { reply_markup: markup } : {}),
      ...(typeof p['parse_mode'] === 'string' ? { parse_mode: p['parse_mode'] } : {}),
    });
    return this.messageResult(msg);
  }

  private isAllowed(type: string, allowed: Set<string> | null): boolean {
    return allowed === null ? !DEFAULT_EXCLUDED_UPDATES.includes(type) : allowed.has(type);
  }

  /** Takes up to `limit` deliverable updates (dropping those of a type the poller did not allow). */
  private collect(limit: number): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    const keep: QueuedUpdate[] = [];
    for (const q of this.queue) {
      if (!this.isAllowed(q.type, this.allowed)) continue; // dropped for this poller
      keep.push(q);
      if (out.length < limit) {
        q.delivered = true;
        out.push(q.update);
      }
    }
    this.queue = keep;
    return out;
  }

  private getUpdates(p: Record<string, unknown>, ctx: CallCtx): Promise<unknown[]> | unknown[] {
    if (this.webhook) {
      throw new SimApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    }
    if (p['allowed_updates'] !== undefined) {
      const list = asStringList(p['allowed_updates'], 'allowed_updates');
      this.allowed = list && list.length > 0 ? new Set(list) : null;
    }
    const offset = asInt(p['offset']);
    if (offset !== undefined && offset !== 0) {
      if (offset > 0) {
        // Confirm: drop delivered updates older than offset (undelivered ones survive, so repeated or
        // non-increasing update_ids pushed later are still served, as Telegram does).
        this.queue = this.queue.filter((q) => !(q.delivered && q.id < offset));
      } else {
        this.queue = this.queue.slice(offset);
      }
    }
    const limit = Math.min(100, Math.max(1, asInt(p['limit']) ?? 100));
    const timeoutSec = Math.min(50, Math.max(0, asInt(p['timeout']) ?? 0));
    // Only one getUpdates at a time: a new one terminates the pending one.
    this.poller?.finish(new SimApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running'));
    const now = this.collect(limit);
    if (now.length > 0 || timeoutSec === 0 || this.closed) return now;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => poller.finish([]), timeoutSec * 1000);
      this.timers.add(timer);
      const onAbort = (): void => poller.finish([]);
      const poller: Poller = {
        wake: () => {
          const got = this.collect(limit);
          if (got.length > 0) poller.finish(got);
        },
        finish: (result) => {
          if (this.poller === poller) this.poller = undefined;
          clearTimeout(timer);
          this.timers.delete(timer);
          ctx.signal.removeEventListener('abort', onAbort);
          if (result instanceof SimApiError) reject(result);
          else resolve(result);
        },
      };
      ctx.signal.addEventListener('abort', onAbort);
      this.poller = poller;
    });
  }

  // ---------------------------------------------------------------- webhook delivery

  private kickWebhook(): void {
    if (!this.webhook || this.webhookRunning || this.closed || this.queue.length === 0) return;
    this.webhookRunning = true;
    void this.webhookLoop().finally(() => {
      this.webhookRunning = false;
      if (this.webhook && this.queue.length > 0 && !this.closed) this.kickWebhook();
    });
  }

  private async webhookLoop(): Promise<void> {
    while (this.webhook && !this.closed) {
      const hook = this.webhook;
      this.queue = this.queue.filter((q) => this.isAllowed(q.type, hook.allowed));
      const next = this.queue[0];
      if (!next) return;
      let ok = false;
      let reply: unknown;
      try {
        const r = await this.postWebhook(hook, next.update);
        ok = r.status >= 200 && r.status < 300;
        if (!ok) hook.lastErrorMessage = `Wrong response from the webhook: ${r.status}`;
        if (ok && r.body.length > 0) {
          try {
            reply = JSON.parse(r.body) as unknown;
          } catch {
            reply = undefined;
          }
        }
      } catch (err) {
        hook.lastErrorMessage = err instanceof Error ? err.message : String(err);
      }
      if (ok) {
        this.queue = this.queue.filter((q) => q !== next);
        if (reply && typeof reply === 'object' && typeof (reply as Record<string, unknown>)['method'] === 'string') {
          const { method, ...params } = reply as Record<string, unknown>;
          await this.callInternal(String(method), params);
        }
      } else {
        hook.lastErrorDate = Math.floor(Date.now() / 1000);
        await sleep(this.opts.webhookRetryMs, this.timers);
      }
    }
  }

  private postWebhook(hook: WebhookState, update: Record<string, unknown>): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const body = JSON.stringify(update);
      const target = new URL(hook.url);
      const headers: Record<string, string | number> = {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        connection: 'close',
      };
      if (hook.secretToken) headers['X-Telegram-Bot-Api-Secret-Token'] = hook.secretToken;
      const mod = target.protocol === 'https:' ? https : http;
      const req = mod.request(target, { method: 'POST', headers, agent: false, timeout: 10_000, rejectUnauthorized: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      this.webhookReq = req;
      req.on('timeout', () => req.destroy(new Error('Connection timed out')));
      req.on('error', reject);
      req.on('close', () => {
        if (this.webhookReq === req) this.webhookReq = undefined;
      });
      req.end(body);
    });
  }

  // ---------------------------------------------------------------- methods

  private registerHandlers(): void {
    const on = (name: string, h: Handler): void => {
      this.handlers.set(name.toLowerCase(), [name, h]);
    };

    on('getMe', () => ({
      ...this.bot,
      is_bot: true,
      can_join_groups: true,
      can_read_all_group_messages: this.canReadAll,
      supports_inline_queries: false,
    }));

    on('getUpdates', (p, ctx) => this.getUpdates(p, ctx));

    on('sendMessage', (p) => {
      const chatId = this.requireChat(p);
      const text = p['text'] === undefined || p['text'] === null ? '' : String(p['text']);
      if (text.trim() === '') throw new SimApiError(400, 'Bad Request: message text is empty');
      if (text.length > 4096) throw new SimApiError(400, 'Bad Request: message is too long');
      const markup = this.replyMarkup(p);
      const thread = asInt(p['message_thread_id']);
      this.checkCanSend(chatId, 'text messages', thread);
      const msg = this.record('sendMessage', chatId, {
        text,
        ...(thread !== undefined ? { message_thread_id: thread } : {}),
        ...(markup !== undefined ? { reply_markup: markup } : {}),
        ...(typeof p['parse_mode'] === 'string' ? { parse_mode: p['parse_mode'] } : {}),
      });
      return this.messageResult(msg);
    });

    on('sendDocument', (p, ctx) => this.sendFile('sendDocument', 'document', p, ctx));
    on('sendPhoto', (p, ctx) => this.sendFile('sendPhoto', 'photo', p, ctx));
    on('sendChatAction', (p) => {
      // Telegram refuses a chat action where it would refuse a message (never started, blocked, not a member).
      this.checkCanSend(this.requireChat(p));
      return true;
    });

    on('getChatMember', (p) => {
      const chatId = this.requireChat(p);
      const userId = asInt(p['user_id']);
      if (userId === undefined) throw new SimApiError(400, 'Bad Request: invalid user_id specified');
      const m = this.members.get(`${String(chatId)}:${userId}`);
      const status = m?.status ?? (userId === this.bot.id && typeof chatId === 'number' && this.groupsSeen.has(chatId) ? 'member' : 'left');
      const user = m?.user ? { is_bot: false, ...m.user } : userId === this.bot.id ? { ...this.bot } : this.userObject(userId);
      return memberJson(user as unknown as SimUser, status, m?.extra);
    });

    // Bot API getFile: bots may download files up to 20 MB; the path is valid for an hour.
    on('getFile', (p) => {
      const id = typeof p['file_id'] === 'string' ? p['file_id'] : '';
      const f = this.files.get(id);
      if (!f) throw new SimApiError(400, 'Bad Request: invalid file_id');
      if (f.data.length > 20 * 1024 * 1024) throw new SimApiError(400, 'Bad Request: file is too big');
      return { file_id: id, file_unique_id: f.uniqueId, file_size: f.data.length, file_path: f.path };
    });

    on('getChat', (p) => {
      const chatId = this.requireChat(p);
      return this.chatObject(chatId);
    });

    on('leaveChat', (p) => {
      const chatId = this.requireChat(p);
      if (typeof chatId === 'number') this.setChatMember(chatId, this.bot.id, 'left');
      return true;
    });

    const scopeKey = (p: Record<string, unknown>): string => {
      const scope = p['scope'] === undefined ? undefined : asJson(p['scope'], 'scope');
      const lang = typeof p['language_code'] === 'string' ? p['language_code'] : '';
      const s = scope && typeof scope === 'object' && (scope as Record<string, unknown>)['type'] !== 'default' ? JSON.stringify(scope) : 'default';
      return `${s}|${lang}`;
    };
    on('setMyCommands', (p) => {
      const cmds = asJson(p['commands'], 'commands');
      if (!Array.isArray(cmds)) throw new SimApiError(400, "Bad Request: can't parse commands JSON object");
      for (const c of cmds as Record<string, unknown>[]) {
        if (typeof c?.['command'] !== 'string' || !/^[a-z0-9_]{1,32}$/.test(c['command'])) {
          throw new SimApiError(400, 'Bad Request: BOT_COMMAND_INVALID');
        }
        if (typeof c['description'] !== 'string' || c['description'].length === 0) {
          throw new SimApiError(400, 'Bad Request: BOT_COMMAND_DESCRIPTION_INVALID');
        }
      }
      this.commands.set(scopeKey(p), cmds);
      return true;
    });
    on('getMyCommands', (p) => this.commands.get(scopeKey(p)) ?? []);
    on('deleteMyCommands', (p) => {
      this.commands.delete(scopeKey(p));
      return true;
    });

    on('setWebhook', (p) => {
      const url = typeof p['url'] === 'string' ? p['url'] : '';
      if (url === '') {
        this.webhook = undefined;
        if (asBool(p['drop_pending_updates'])) this.queue = [];
        return true;
      }
      try {
        new URL(url);
      } catch {
        throw new SimApiError(400, 'Bad Request: bad webhook: Failed to resolve host: Name or service not known');
      }
      const allowedList = asStringList(p['allowed_updates'], 'allowed_updates');
      const prevAllowed = this.webhook?.allowed ?? this.allowed;
      const hook: WebhookState = {
        url,
        allowed: allowedList === undefined ? prevAllowed : allowedList.length > 0 ? new Set(allowedList) : null,
        maxConnections: asInt(p['max_connections']) ?? 40,
      };
      if (typeof p['secret_token'] === 'string' && p['secret_token'] !== '') hook.secretToken = p['secret_token'];
      this.webhook = hook;
      if (asBool(p['drop_pending_updates'])) this.queue = [];
      this.poller?.finish(new SimApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
      this.kickWebhook();
      return true;
    });

    on('deleteWebhook', (p) => {
      if (this.webhook) this.allowed = this.webhook.allowed;
      this.webhook = undefined;
      this.webhookReq?.destroy();
      if (asBool(p['drop_pending_updates'])) this.queue = [];
      return true;
    });

    on('getWebhookInfo', () => {
      const h = this.webhook;
      const info: Record<string, unknown> = {
        url: h?.url ?? '',
        has_custom_certificate: false,
        pending_update_count: this.queue.length,
      };
      if (h) {
        info['max_connections'] = h.maxConnections;
        if (h.allowed) info['allowed_updates'] = [...h.allowed];
        if (h.lastErrorDate !== undefined) info['last_error_date'] = h.lastErrorDate;
        if (h.lastErrorMessage !== undefined) info['last_error_message'] = h.lastErrorMessage;
      }
      return info;
    });

    on('answerCallbackQuery', (p) => {
      if (typeof p['callback_query_id'] !== 'string' && typeof p['callback_query_id'] !== 'number') {
        throw new SimApiError(400, 'Bad Request: query is too old and response timeout expired or query ID is invalid');
      }
      return true;
    });

    on('editMessageReplyMarkup', (p) => {
      if (p['inline_message_id'] !== undefined) return true;
      const chatId = this.requireChat(p);
      const messageId = asInt(p['message_id']);
      const msg = messageId === undefined ? undefined : this.byMessage.get(`${String(chatId)}:${messageId}`);
      if (!msg) throw new SimApiError(400, 'Bad Request: message to edit not found');
      const markup = this.replyMarkup(p);
      if (JSON.stringify(markup ?? null) === JSON.stringify(msg.reply_markup ?? null)) {
        throw new SimApiError(
          400,
          'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
        );
      }
      if (markup === undefined) delete msg.reply_markup;
      else msg.reply_markup = markup;
      return this.messageResult(msg);
    });

    on('deleteMessage', (p) => {
      this.requireChat(p);
      if (asInt(p['message_id']) === undefined) throw new SimApiError(400, 'Bad Request: message identifier is not specified');
      return true;
    });

    on('logOut', () => true);
    on('close', () => true);
  }
}
