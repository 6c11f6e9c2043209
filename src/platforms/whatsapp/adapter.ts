/**
 * The WhatsApp adapter: connects a Baileys socket (or the fake one), feeds
 * every event through `normalize` into the monitor, learns LID pairs, answers
 * private messages (commands, `DAFTAR <NIP>` registration), joins groups for
 * Humas (`/gabung`) and reconnects until WhatsApp logs the number out. It
 * translates and delivers; it never decides.
 */
import { quoteStrangerOpt } from '../../core/text/quote.js';
import { DisconnectReason, fetchLatestBaileysVersion, jidNormalizedUser, normalizeMessageContent, proto, type BaileysEventMap, type GroupMetadata, type WAMessage, type WAVersion } from '@whiskeysockets/baileys';
import type { App } from '../../app/app.js';
import type { CommandSpec } from '../../app/commands/index.js';
import { humasAddresses } from '../../app/recipients.js';
import { AlbumCollector, WA_ALBUM_MAX_WAIT_MS, WA_ALBUM_QUIET_MS } from '../../app/albums.js';
import { adminTextReply } from '../../app/admin-text.js';
import { answerAlbum, heldPicturesJoin, HELD_PICTURES_MS, pictureHint, videoHint, videoPassedOver } from '../../app/self-report-pictures.js';
import { beginSelfReport, continueFlow, fetchBudget, floodAllowance, hasActiveFlow, numberedChoices } from '../../app/report-flow.js';
import { claimLeftOnWhatsApp } from '../../app/left-claim.js';
import { parseLeftClaim } from '../../core/left-claim.js';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES, noEvidence, reporterAsn, resolveSelfReportByNumber, type DownloadedEvidence, type FetchBudget } from '../../app/self-report.js';
import { whatsappTexts } from '../../core/messages/whatsapp.js';
import { parseNip } from '../../core/nip.js';
import { waJidToPhone } from '../../core/phone.js';
import type { ChatEvent, MessageEvent } from '../../core/types.js';
import { cleanOptionalLabel } from '../../core/text/label.js';
import { formatDateTime } from '../../core/time.js';
import { audit } from '../../store/audit.js';
import { PendingPictures, type PendingPicture } from '../../store/pending-pictures.js';
import { decodeAuthValue, hasWhatsAppSession, useSqliteAuthState, type SqliteAuthState } from './auth-state.js';
import {
  baileysSocketFactory,
  classifyClose,
  disconnectCode,
  patchGroupMeta,
  readGroupMeta,
  reconnectDelayMs,
  writeGroupMeta,
  type WaEventBatch,
  type WaSocketFactory,
  type WaSocketLike,
  type WaStopReason,
} from './connection.js';
import { learnLidPairs, pairsFromParticipants, resolveRegisteredLids, toLidPair, WaLidMap, WaNames, type LidPair } from './identities.js';
import {
  membersPresent,
  normalizeGroupsUpdate,
  normalizeGroupsUpsert,
  normalizeMessagesUpdate,
  normalizeMessagesUpsert,
  normalizeParticipantsUpdate,
  normalizeReactions,
  pairsFromHistory,
  type NormalizeContext,
  type Normalized,
  type PrivateMessage,
} from './normalize.js';
import { WhatsAppMembershipChecker } from './membership.js';
import { GroupMetaCache } from './group-cache.js';
import { MemoryCacheStore, rememberSent, sentMessageGetter } from './retry-store.js';
import { beyondCapNotifier } from './beyond-cap.js';
import { restrictedNotifier, WhatsAppMessenger, WhatsAppSendPolicy } from './sender.js';

/** How to build the adapter; everything but `app` has a default. */
export interface WhatsAppAdapterOptions {
  app: App;
  /** Socket factory (default: Baileys). Tests and the demo pass `FakeWASocket`. */
  socketFactory?: WaSocketFactory;
  /** Randomness for send gaps and reconnect jitter. */
  rng?: () => number;
  /** Sleep between LID lookup batches (tests pass a no-op). */
  sleep?: (ms: number) => Promise<void>;
  /** Pause between LID lookup batches, ms (default 5 s). */
  lidPauseMs?: number;
  /** Resolve registered phones to LIDs whenever the connection opens (default true). */
  resolveLidsOnOpen?: boolean;
  /** The bot's own JIDs when no socket says so (replay). */
  self?: { id: string; lid?: string };
  /** How long a participant update waits for its stub message before a provisional key is used, ms (default 3 s). */
  stubWaitMs?: number;
  /** First reconnect delay, ms (default 2 s, doubling up to 5 min). */
  reconnectBaseMs?: number;
  /**
   * Start only with a linked session in the database (default true): without one Baileys would
   * begin a QR pairing, which is `wa-login`'s job. The simulators (demo, tests) need none.
   */
  requireSession?: boolean;
  /** Finds the current WhatsApp Web version after a 405 (default Baileys' `fetchLatestBaileysVersion`). */
  fetchVersion?: () => Promise<{ version: WAVersion; isLatest?: boolean; error?: unknown }>;
  /** A private album without its header is answered once none of its pictures came for this long (default WA_ALBUM_QUIET_MS, app/albums.ts). */
  albumQuietMs?: number;
  /** A private album is answered at the latest this long after its first picture (default WA_ALBUM_MAX_WAIT_MS). */
  albumMaxWaitMs?: number;
  /**
   * How long a later part of a message sent in several (a long text's next part, a summary's CSV) waits for an error
   * ack of the parts before it, ms (default 1.5 s; the gap between two messages is 20 s or more anyway), with `sleep`.
   */
  partAckWaitMs?: number;
}

/** Default of WhatsAppAdapterOptions.partAckWaitMs: an error ack comes within a round trip of the send. */
const PART_ACK_WAIT_MS = 1500;
const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());

/** What /status and the health line say when WhatsApp stopped and a person must act. */
const STOPPED_STATUS: Record<WaStopReason, string> = {
  logged_out: 'stopped: logged out; re-link with `npx jaga-netral wa-login`',
  banned: 'stopped: number banned or forbidden (403); check the phone, or link another number with `npx jaga-netral wa-login`',
  replaced: 'stopped: another session took over (440); stop the other instance, then restart',
  outdated: 'stopped: WhatsApp Web version refused (405); clear or update WA_VERSION, then restart',
  multidevice: 'stopped: multi-device mismatch (411); re-link with `npx jaga-netral wa-login`',
  bad_session: 'stopped: bad session (500) after repeated reconnects; re-link with `npx jaga-netral wa-login`',
};

/** Consecutive 500 (bad session) closes without an open connection between them before WhatsApp stops and Humas is told. */
export const MAX_BAD_SESSION_CLOSES = 5;

/** /status and health when WhatsApp is enabled without a linked session. */
export const NOT_LINKED_STATUS = 'not linked: run `npx jaga-netral wa-login` first';

/** Longest wait for a participant update's stub while Baileys still buffers (its buffer auto-flushes after 30 s). */
const STUB_WAIT_MAX_MS = 45_000;

/** Consecutive 405s (each followed by a version fetch) before WhatsApp gives up. */
const MAX_VERSION_UPDATES = 3;

/** Senders whose pictures are held for a LAPOR at once, at most (a flood of pictures must not fill memory). */
const HELD_SENDERS_MAX = 1_000;

/** The outbox dedupe key of the answer to a private album (the first answer; pictures that come later get their own). */
const waAlbumReplyKey = (chatJid: string, parentId: string): string => `wa:reply:${chatJid}:album:${parentId}`;

/**
 * A received message as text that `reviveWhatsAppEvent` reads back: proto.WebMessageInfo JSON (bytes such as the
 * mediaKey in base64), with the key as Baileys gave it (`remoteJidAlt` is no protobuf field).
 */
const storeMessage = (m: WAMessage): string => JSON.stringify({ ...proto.WebMessageInfo.fromObject(m as unknown as Record<string, unknown>).toJSON(), key: m.key });

/** The outbox dedupe key of the answer to one private message. */
const waReplyKey = (p: PrivateMessage): string => `wa:reply:${p.chatJid}:${p.event.messageId}`;

/** Adapters by app, so the `/gabung` command reaches the live one. */
const current = new WeakMap<App, WhatsAppAdapter>();

/** The WhatsApp side of the bot. */
export class WhatsAppAdapter {
  readonly app: App;
  readonly lidMap: WaLidMap;
  /** Names WhatsApp showed for handles (push names), to name an adder a participant notification leaves unnamed. */
  readonly names: WaNames;
  readonly policy: WhatsAppSendPolicy;
  readonly messenger: WhatsAppMessenger;
  /** Group membership checks for the lifecycle (is the ASN still in the group?). */
  readonly membership: WhatsAppMembershipChecker;
  private sock: WaSocketLike | undefined;
  private unbind: (() => void) | undefined;
  private auth: SqliteAuthState | undefined;
  private chain: Promise<void> = Promise.resolve();
  private stopped = false;
  /** The connection is open: only then does anything get sent. */
  private open = false;
  private attempts = 0;
  /** 401 closes since the last open connection (the first is ambiguous). */
  private closes401 = 0;
  /** 405 closes since the last open connection. */
  private closes405 = 0;
  /** 500 (bad session) closes since the last open connection. */
  private closes500 = 0;
  /** WhatsApp Web version to announce: WA_VERSION, or the one fetched after a 405. */
  private version: WAVersion | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private lidTimer: NodeJS.Timeout | undefined;
  /** Aborted by `stop()`: background work (LID lookups) ends at once. */
  private abort = new AbortController();
  private selfIds = new Set<string>();
  private lidResolve: Promise<unknown> | undefined;
  private readonly recentStubs = new Map<string, { id: string; at: number }>();
  private readonly parked = new Map<string, { data: BaileysEventMap['group-participants.update']; timer: NodeJS.Timeout }>();
  private readonly joinedAt = new Map<string, number>();
  /** Group metadata for Baileys' `cachedGroupMetadata`: one for the adapter's lifetime, across reconnects. */
  readonly groupCache: GroupMetaCache;
  /** Baileys' retry counters: one store for the adapter's lifetime, so counts survive reconnects. */
  readonly msgRetryCounterCache: MemoryCacheStore;
  /** Private albums (pictures naming one `albumMessage` header) gathered to be answered as one message. */
  private readonly albums: AlbumCollector<PrivateMessage>;
  /** The same albums, and pictures held for a LAPOR, in the database: a restart finishes them (`resumePending`). */
  private readonly pending: PendingPictures;
  /** Whether this adapter gave the albums kept before its start back to the collector (once, at the first open connection). */
  private resumed = false;

  constructor(private readonly o: WhatsAppAdapterOptions) {
    // A completed album is answered behind the events being handled (so `idle()` covers it).
    this.albums = new AlbumCollector<PrivateMessage>(
      (items) => {
        this.chain = this.chain.then(() => this.onAlbum(items)).catch((err) => this.app.log.error({ err: String(err) }, 'whatsapp: could not answer an album'));
      },
      { quietMs: o.albumQuietMs ?? WA_ALBUM_QUIET_MS, maxWaitMs: o.albumMaxWaitMs ?? WA_ALBUM_MAX_WAIT_MS },
    );
    // Invite links in self-reports are looked up through this socket (Baileys' groupGetInviteInfo), without joining.
    o.app.inviteInspector = {
      inspect: async (code) => {
        const sock = this.open ? this.sock : undefined;
        if (!sock?.groupGetInviteInfo) return undefined;
        const g = await sock.groupGetInviteInfo(code);
        return { subject: g.subject, size: g.size, creator: g.ownerPn ?? g.owner, description: g.desc };
      },
    };
    this.app = o.app;
    this.pending = new PendingPictures(o.app.db, 'whatsapp');
    this.lidMap = new WaLidMap(o.app.db);
    this.names = new WaNames(o.app.db);
    // Sends wait for an open connection (without spending attempts) rather than fail against a closed one.
    this.policy = new WhatsAppSendPolicy({
      db: o.app.db, config: o.app.config, rng: o.rng, onRestricted: restrictedNotifier(o.app), isConnected: () => this.open, onFirstContactDue: beyondCapNotifier(o.app),
    });
    this.messenger = new WhatsAppMessenger(
      () => (this.open ? this.sock : undefined),
      (sent) => rememberSent(o.app.db, sent, o.app.clock()),
      // An ack that came in the window is handled on the event chain (onAcks): waited for, but never longer than the window again.
      async () => {
        const ms = o.partAckWaitMs ?? PART_ACK_WAIT_MS;
        const sleep = o.sleep ?? realSleep;
        await sleep(ms);
        await Promise.race([this.chain, sleep(ms)]);
      },
    );
    this.msgRetryCounterCache = new MemoryCacheStore(o.app.clock);
    this.version = o.app.config.WA_VERSION;
    this.groupCache = new GroupMetaCache(o.app.db, () => (this.open ? this.sock : undefined), {
      clock: o.app.clock,
      ...(o.sleep ? { sleep: o.sleep } : {}),
      // A fetch for any reason (a reminder's send, a membership check) may name an adder's phone learned only now.
      onFetched: (meta) => this.learn(pairsFromParticipants(meta.participants ?? [], 'group_meta')),
    });
    this.membership = new WhatsAppMembershipChecker(this.groupCache.fresh, this.lidMap);
    if (o.self) this.setSelf(o.self);
    else this.selfFromCreds();
    current.set(o.app, this);
    registerCommands(o.app);
    // /status: when WhatsApp lets first contacts go again (a reach-out lock, the new-chat cap, a pause after a 463).
    o.app.statusNotes.set('whatsapp.firstContacts', (lang, now) => {
      const until = this.policy.firstContactsBlockedUntil(now);
      if (!until) return undefined;
      return whatsappTexts(lang).firstContactsStatus({ until: until === Infinity ? undefined : formatDateTime(until, this.app.config.APP_TIMEZONE, lang) });
    });
  }

  /** Queues `runScans` behind the events being handled (so `idle()` covers it). */
  private readonly wakeScans = (): void => {
    this.chain = this.chain.then(() => this.runScans()).catch((err) => this.app.log.error({ err: String(err) }, 'whatsapp member scan failed'));
  };

  /** The connected socket, if any. */
  get socket(): WaSocketLike | undefined {
    return this.sock;
  }

  /** Attaches the messenger and policy to the dispatcher and connects. */
  start(): void {
    this.stopped = false;
    if (this.abort.signal.aborted) this.abort = new AbortController();
    this.app.scanners.add(this.wakeScans);
    this.app.attach(this.messenger, this.policy);
    if (this.o.requireSession !== false && !hasWhatsAppSession(this.app.db)) {
      this.stopped = true;
      this.markDown(NOT_LINKED_STATUS);
      this.app.log.error('WhatsApp is enabled but not linked: run `npx jaga-netral wa-login --phone 62812...` first, then restart (Telegram keeps running)');
      return;
    }
    this.app.platformStatus.whatsapp = 'connecting';
    this.connect();
  }

  /** Disconnects for good (no reconnect) and waits for queued handling. */
  async stop(): Promise<void> {
    this.stopped = true;
    // Albums being gathered stay in the database (store/pending-pictures.ts) and are finished after the next start,
    // with the pictures WhatsApp delivers meanwhile: answering them now would cut an album the phone is still sending.
    this.albums.drop();
    await this.chain;
    this.abort.abort();
    this.app.scanners.delete(this.wakeScans);
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.lidTimer) clearTimeout(this.lidTimer);
    for (const p of this.parked.values()) clearTimeout(p.timer);
    this.parked.clear();
    const s = this.sock;
    this.detach();
    try {
      s?.end(undefined);
    } catch {
      // already closed
    }
    await this.idle();
  }

  /** Answers every album being gathered with the pictures that came (replay's end; a stop does the same). */
  async finishAlbums(): Promise<void> {
    this.albums.flush();
    await this.idle();
  }

  /** Resolves when every event received so far has been handled (and the LID pass, if running, finished). */
  async idle(): Promise<void> {
    await this.chain;
    await this.lidResolve;
    await this.chain;
  }

  /** Wires handlers onto a socket's event stream (used by `start`; tests may bind a socket directly). */
  bind(sock: WaSocketLike): void {
    this.detach();
    this.sock = sock;
    if (sock.user) this.setSelf(sock.user);
    this.unbind = sock.ev.process((events) => {
      // New keys must be on disk before anything else happens: saved now, not behind a slow event queue.
      if (events['creds.update']) this.saveCredsNow();
      // Group changes patch the cached metadata on arrival, so the next group send already sees them.
      this.patchGroupCache(events);
      // Checked on arrival: a participant update emitted inside a buffered upsert means its stub message follows.
      const buffered = Boolean(sock.ev.isBuffering?.());
      return this.enqueue(events, buffered);
    });
  }

  private patchGroupCache(events: WaEventBatch): void {
    try {
      if (events['group-participants.update']) this.groupCache.onParticipants(events['group-participants.update']);
      if (events['groups.update']) this.groupCache.onGroupsUpdate(events['groups.update']);
    } catch (err) {
      this.app.log.warn({ err: String(err) }, 'whatsapp: patching the group metadata cache failed');
    }
  }

  private saveCredsNow(): void {
    this.auth?.saveCreds().catch((err: unknown) => this.app.log.error({ err: String(err) }, 'whatsapp: saving credentials failed'));
  }

  /** Feeds one Baileys event through the same handlers as live traffic (replay). */
  handleEvent<K extends keyof BaileysEventMap>(name: K, data: BaileysEventMap[K]): Promise<void> {
    return this.enqueue({ [name]: data } as WaEventBatch, false);
  }

  /** Resolves registered phones to LIDs now (call after an import). */
  resolveLids(): Promise<unknown> {
    const sock = this.sock;
    if (!sock || this.stopped) return Promise.resolve();
    this.lidResolve = (this.lidResolve ?? Promise.resolve())
      .then(() => resolveRegisteredLids(this.app, sock, { sleep: this.o.sleep, pauseMs: this.o.lidPauseMs, signal: this.abort.signal }))
      .then((r) => {
        // Out of this hour's budget: the rest resumes next hour (a restart resumes too: the count is in SQLite).
        if (r.deferred && !this.stopped) {
          if (this.lidTimer) clearTimeout(this.lidTimer);
          this.lidTimer = setTimeout(() => void this.resolveLids(), Math.max(1000, r.nextWindowAt - this.app.clock()));
          this.lidTimer.unref?.();
        }
      })
      .catch((err) => this.app.log.warn({ err: String(err) }, 'whatsapp LID resolve failed'));
    return this.lidResolve;
  }

  /** Joins a group by invite link or code for a Humas admin; returns the reply text. */
  async joinByInvite(linkOrCode: string, lang: 'id' | 'en'): Promise<string> {
    const t = whatsappTexts(lang);
    const code = /chat\.whatsapp\.com\/(?:invite\/)?([A-Za-z0-9_-]{8,})/.exec(linkOrCode)?.[1] ?? (/^[A-Za-z0-9_-]{8,}$/.test(linkOrCode.trim()) ? linkOrCode.trim() : undefined);
    if (!code) return t.joinUsage;
    const sock = this.sock;
    if (!sock) return t.joinFailed({ reason: lang === 'en' ? 'WhatsApp is not connected' : 'WhatsApp belum tersambung' });
    // The link first (`groupGetInviteInfo`): what group it is, whether joining needs an admin's approval, whether it
    // is a community. `groupAcceptInvite` answers no JID when the server turns the join into an approval request.
    let info: GroupMetadata;
    try {
      info = await sock.groupGetInviteInfo(code);
    } catch (err) {
      return t.joinFailed({ reason: t.inviteRefused(inviteErrorCode(err), err instanceof Error ? err.message : String(err)) });
    }
    const title = quoteStrangerOpt(cleanOptionalLabel(info.subject)) ?? info.id;
    const size = typeof info.size === 'number' ? info.size : info.participants?.length ?? 0;
    if (info.isCommunity) return t.joinFailed({ reason: t.inviteIsCommunity({ title }) });
    try {
      const gid = await sock.groupAcceptInvite(code);
      if (!gid) {
        if (info.joinApprovalMode) return t.joinPending({ title, members: size });
        return t.joinFailed({ reason: lang === 'en' ? 'WhatsApp returned no group' : 'WhatsApp tidak mengembalikan grup' });
      }
      // Not queued on the event chain: this may run inside it (a /gabung sent on WhatsApp).
      const meta = await this.onBotJoined(jidNormalizedUser(gid), this.app.clock());
      const joined = t.joined({ title: quoteStrangerOpt(cleanOptionalLabel(meta?.subject)) ?? title, members: typeof meta?.size === 'number' ? meta.size : meta?.participants?.length ?? size });
      return info.isCommunityAnnounce ? `${joined}\n${t.joinedAnnouncement}` : joined;
    } catch (err) {
      return t.joinFailed({ reason: t.inviteRefused(inviteErrorCode(err), err instanceof Error ? err.message : String(err)) });
    }
  }

  // ---------------------------------------------------------------- connection

  private connect(): void {
    if (this.stopped) return;
    const factory = this.o.socketFactory ?? baileysSocketFactory;
    this.auth = useSqliteAuthState(this.app.db);
    const sock = factory({
      auth: this.auth.state,
      logger: this.app.log.child({ module: 'baileys' }, { level: 'warn' }),
      cachedGroupMetadata: this.groupCache.get,
      getMessage: sentMessageGetter(this.app.db),
      msgRetryCounterCache: this.msgRetryCounterCache,
      ...(this.version ? { version: this.version } : {}),
    });
    this.bind(sock);
  }

  private detach(): void {
    this.unbind?.();
    this.unbind = undefined;
    this.sock = undefined;
    this.open = false;
  }

  private async onConnectionUpdate(u: BaileysEventMap['connection.update'], sock: WaSocketLike | undefined): Promise<void> {
    const now = this.app.clock();
    if (u.reachoutTimeLock) {
      this.applyReachoutLock(u.reachoutTimeLock, now);
      this.app.dispatcher.wake();
    }
    if (u.qr && this.auth && !this.auth.state.creds.registered) {
      // Baileys asks for a QR only when no device is linked: `start` never pairs, `wa-login` does.
      this.markDown(NOT_LINKED_STATUS);
      this.app.log.error('WhatsApp is enabled but not linked: run `npx jaga-netral wa-login --phone 62812...` first (Telegram keeps running)');
      this.stopped = true;
      this.detach();
      sock?.end(undefined);
      return;
    }
    if (u.connection === 'open') {
      this.open = true;
      this.attempts = 0;
      this.closes401 = 0;
      this.closes405 = 0;
      this.closes500 = 0;
      delete this.app.platformDown.whatsapp;
      this.app.platformStatus.whatsapp = 'connected';
      if (sock?.user) this.setSelf(sock.user);
      // Albums and held pictures a stop or a crash left unanswered: their pictures can be fetched again now.
      if (!this.resumed) {
        this.resumed = true;
        this.resumePending();
      }
      if (this.o.resolveLidsOnOpen !== false) void this.resolveLids();
      this.wakeScans(); // scans asked for while disconnected, or interrupted by a restart
      this.app.dispatcher.wake(); // messages queued while the connection was down
      return;
    }
    if (u.connection !== 'close') return;
    const err = u.lastDisconnect?.error;
    const code = disconnectCode(err);
    if (sock === this.sock) this.detach();
    if (this.stopped) return;
    const action = classifyClose(err, { previous401s: this.closes401 });
    if (code === 401) this.closes401++;
    // A bad session (500) rarely heals by reconnecting: a few tries, then a person re-links.
    if (code === DisconnectReason.badSession && ++this.closes500 > MAX_BAD_SESSION_CLOSES) {
      this.stopFor('bad_session', code, false, now);
      return;
    }
    if (action.kind === 'stop') {
      this.stopFor(action.reason, code, action.wipe, now);
      return;
    }
    let delay = action.kind === 'reconnect' && action.now ? 0 : reconnectDelayMs(this.attempts++, this.o.rng, this.o.reconnectBaseMs);
    if (action.kind === 'update_version') {
      if (this.app.config.WA_VERSION || ++this.closes405 > MAX_VERSION_UPDATES) {
        this.stopFor('outdated', code, false, now);
        return;
      }
      const fetched = await (this.o.fetchVersion ?? fetchLatestBaileysVersion)().catch((e: unknown) => ({ version: undefined, isLatest: false, error: e }));
      if (fetched.version) this.version = fetched.version;
      this.app.log.warn({ version: this.version?.join('.'), isLatest: fetched.isLatest, err: fetched.error ? String(fetched.error) : undefined }, 'WhatsApp said the client is outdated (405): reconnecting with the current WhatsApp Web version');
      delay = 0;
    }
    this.app.platformStatus.whatsapp = `reconnecting (${code ?? 'closed'})`;
    this.app.log.warn({ code, delay }, 'WhatsApp connection closed; reconnecting');
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
    this.reconnectTimer.unref?.();
  }

  /** WhatsApp stopped until a person acts: logged, in /status and the health line, and told to Humas on Telegram. */
  private stopFor(reason: WaStopReason, code: number | undefined, wipe: boolean, now: number): void {
    this.stopped = true;
    if (wipe) this.auth?.clear();
    this.markDown(STOPPED_STATUS[reason]);
    this.app.log.error({ code, reason, credentialsWiped: wipe }, `WhatsApp ${STOPPED_STATUS[reason]} (Telegram keeps running)`);
    const t = whatsappTexts(this.app.config.LANGUAGE);
    this.tellHumasOnTelegram(`wa:stopped:${reason}`, reason === 'logged_out' ? t.loggedOut : t.stopped({ reason, code }), now);
  }

  private markDown(status: string): void {
    this.app.platformStatus.whatsapp = status;
    this.app.platformDown.whatsapp = status;
  }

  private tellHumasOnTelegram(key: string, text: string, now: number): void {
    for (const a of humasAddresses(this.app.config.HUMAS_ADMINS).filter((h) => h.platform === 'telegram')) {
      this.app.monitor.outbox.enqueue({ dedupeKey: `${key}:${now}:${a.recipient}`, platform: 'telegram', recipient: a.recipient, recipientKind: 'user', kind: 'wa_status', text }, now);
    }
    this.app.dispatcher.wake();
  }

  // ---------------------------------------------------------------- events

  private enqueue(events: WaEventBatch, buffered: boolean): Promise<void> {
    const sock = this.sock;
    const run = this.chain.then(() => this.processBatch(events, buffered, sock));
    this.chain = run.catch((err) => {
      this.app.log.error({ err: String(err) }, 'whatsapp event handling failed');
      this.app.monitor.reject('whatsapp', Object.keys(events), `handler failed: ${String(err)}`);
    });
    return this.chain;
  }

  private ctx(): NormalizeContext {
    return {
      now: this.app.clock(),
      selfIds: this.selfIds,
      map: this.lidMap,
      nameOf: (...jids) => this.names.nameOf(...jids),
      groupInfo: (jid) => {
        const m = readGroupMeta(this.app.db, jid);
        return m ? { title: m.subject, description: m.desc } : undefined;
      },
      messageText: (chatId, messageId) => this.app.monitor.messageText('whatsapp', chatId, messageId),
    };
  }

  private async processBatch(events: WaEventBatch, buffered: boolean, sock: WaSocketLike | undefined): Promise<void> {
    if (events['connection.update']) await this.onConnectionUpdate(events['connection.update'], sock);
    if (this.app.registry.syncIfChanged() && this.sock) void this.resolveLids();
    const ctx = this.ctx();
    // Each event of the batch on its own: a payload that breaks its handler is recorded as rejected, the rest still run.
    const step = async <K extends keyof WaEventBatch>(name: K, run: (data: NonNullable<WaEventBatch[K]>) => unknown): Promise<void> => {
      const data = events[name];
      if (data === undefined) return;
      try {
        await run(data as NonNullable<WaEventBatch[K]>);
      } catch (err) {
        this.app.log.warn({ event: name, err: String(err) }, 'whatsapp: event rejected');
        this.app.monitor.reject('whatsapp', { event: name, data }, `${String(name)} handler failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    };
    await step('lid-mapping.update', (m) => {
      const pair = toLidPair(m.lid, m.pn, 'lid_mapping');
      if (pair) this.learn([pair]);
    });
    await step('messaging-history.set', (h) => {
      this.learn(pairsFromHistory(h));
      this.names.learn(h.contacts ?? [], this.app.clock());
    });
    // Push names (`Socket/chats.js` upsertMessage emits contacts.update { id, notify } for every message's sender).
    await step('contacts.upsert', (c) => this.names.learn(c, this.app.clock()));
    await step('contacts.update', (c) => this.names.learn(c, this.app.clock()));
    await step('message-capping.update', (c) => {
      this.policy.setNewChatCap(c, this.app.clock());
      this.app.dispatcher.wake();
    });
    await step('groups.upsert', (g) => this.apply(normalizeGroupsUpsert(g, ctx)));
    await step('groups.update', (g) => this.apply(normalizeGroupsUpdate(g, ctx)));
    await step('messages.upsert', async (u) => {
      const n = normalizeMessagesUpsert(u, ctx);
      await this.apply(n);
      for (const s of n.stubs) await this.onStub(s.signature, { id: s.id, at: s.at });
    });
    await step('messages.update', async (u) => {
      this.onAcks(u);
      await this.apply(normalizeMessagesUpdate(u, ctx));
    });
    await step('group-participants.update', (p) => this.onParticipants(p, buffered));
    await step('messages.reaction', (r) => this.apply(normalizeReactions(r, ctx)));
  }

  /**
   * Error acks of our own messages. `sendMessage` resolved when the stanza was written; the server's
   * refusal comes later as `messages.update` with status ERROR and the code in `messageStubParameters`
   * (`Socket/messages-recv.js`, handleBadAck): `['463']`, or `['463', 'Your account has been restricted']`
   * for the reach-out time lock. The row becomes undeliverable (it never arrived); a 463 also pauses
   * first contacts and tells Humas, whether or not the outbox knows the message id.
   */
  private onAcks(updates: BaileysEventMap['messages.update']): void {
    for (const u of Array.isArray(updates) ? updates : []) {
      const status = u?.update?.status as unknown;
      if (!u?.key?.fromMe || (status !== proto.WebMessageInfo.Status.ERROR && status !== 'ERROR')) continue;
      const params = (u.update.messageStubParameters ?? []).map(String);
      const code = params[0] ?? 'unknown';
      const now = this.app.clock();
      const restricted = code === '463';
      const detail = restricted ? `463 ${params[1] ?? 'new chats refused (account restricted)'}` : `error ack ${code}`;
      const outbox = this.app.monitor.outbox;
      const row = u.key.id ? outbox.byPlatformMessageId('whatsapp', u.key.id) : undefined;
      this.app.db.transaction(() => {
        if (row && outbox.refusedAfterSend(row.id, detail, now)) this.app.onUndeliverable(row, detail, now);
        if (restricted) this.policy.restrictedAck(row, detail, now);
      })();
      this.app.log.warn({ code, msgId: u.key.id, outboxId: row?.id }, 'whatsapp refused a sent message');
      if (restricted) this.askRestriction(now);
      this.app.dispatcher.wake();
    }
  }

  /** When the restriction was last asked about (one question per minute, however many acks arrive). */
  private restrictionAskedAt = -Infinity;

  /**
   * After a 463, asks WhatsApp what it is: rc14's handleBadAck (`Socket/messages-recv.js`) routes every 463 to
   * the privacy-token path, so its own `fetchAccountReachoutTimelock` branch never runs. The answer sets when
   * first contacts may resume (the lock's end), and the new-chat cap (`fetchNewChatMessageCap`) where the
   * socket has it. Queued behind the event chain; a failed question leaves the pause to a person (/wa_lanjut).
   */
  private askRestriction(now: number): void {
    const sock = this.sock;
    if (!sock || now - this.restrictionAskedAt < 60_000) return;
    this.restrictionAskedAt = now;
    this.chain = this.chain.then(async () => {
      try {
        const lock = await sock.fetchAccountReachoutTimelock?.();
        if (lock) this.applyReachoutLock(lock, this.app.clock());
      } catch (err) {
        this.app.log.warn({ err: String(err) }, 'whatsapp: asking for the reach-out time lock failed');
      }
      try {
        const cap = await sock.fetchNewChatMessageCap?.();
        if (cap) this.policy.setNewChatCap(cap, this.app.clock());
      } catch (err) {
        this.app.log.warn({ err: String(err) }, 'whatsapp: asking for the new-chat message cap failed');
      }
      this.app.dispatcher.wake();
    });
  }

  /** `reachoutTimeLock` as Baileys reports it (`Types/State.d.ts`, ReachoutTimelockState): active until its end (WA Web: now + 60 s when none is given), or lifted. */
  private applyReachoutLock(lock: NonNullable<BaileysEventMap['connection.update']['reachoutTimeLock']>, now: number): void {
    this.policy.setReachoutLock(lock.isActive ? (lock.timeEnforcementEnds ? new Date(lock.timeEnforcementEnds).getTime() : now + 60_000) : undefined, now);
  }

  /** A participant change: use its stub message's key when seen; inside a buffered upsert, wait for the stub briefly. */
  private async onParticipants(data: BaileysEventMap['group-participants.update'], buffered: boolean): Promise<void> {
    const sig = data?.id ? participantSig(data) : undefined;
    const ref = sig ? this.recentStubs.get(sig) : undefined;
    if (ref || !sig || !buffered || this.parked.has(sig)) {
      await this.apply(normalizeParticipantsUpdate(data, this.ctx(), ref));
      return;
    }
    this.park(sig, data, 0);
  }

  /**
   * Waits for a participant update's stub message. While Baileys still buffers (the offline backlog, or up to
   * 20 s awaiting history: `Socket/socket.js`, `Socket/chats.js`), the stub sits in the buffer until the flush,
   * so the wait goes on (up to STUB_WAIT_MAX_MS, past Baileys' own 30 s auto-flush) and the event keeps the
   * stub's `messageTimestamp`, not the reconnect time. Only then is a provisional key and `now` used.
   */
  private park(sig: string, data: BaileysEventMap['group-participants.update'], waited: number): void {
    const step = this.o.stubWaitMs ?? 3000;
    const timer = setTimeout(() => {
      const p = this.parked.get(sig);
      if (!p) return;
      if (this.sock?.ev.isBuffering?.() && waited + step < STUB_WAIT_MAX_MS) {
        this.park(sig, p.data, waited + step);
        return;
      }
      this.parked.delete(sig);
      this.chain = this.chain
        .then(() => this.apply(normalizeParticipantsUpdate(p.data, this.ctx())))
        .catch((err) => this.app.monitor.reject('whatsapp', { event: 'group-participants.update', data: p.data }, `handler failed: ${String(err)}`));
    }, step);
    timer.unref?.();
    this.parked.set(sig, { data, timer });
  }

  private async onStub(signature: string, ref: { id: string; at: number }): Promise<void> {
    this.recentStubs.set(signature, ref);
    if (this.recentStubs.size > 500) this.recentStubs.delete(this.recentStubs.keys().next().value as string);
    const p = this.parked.get(signature);
    if (!p) return;
    clearTimeout(p.timer);
    this.parked.delete(signature);
    await this.apply(normalizeParticipantsUpdate(p.data, this.ctx(), ref));
  }

  private learn(pairs: LidPair[]): void {
    if (pairs.length) learnLidPairs(this.app, pairs, this.lidMap);
  }

  private async apply(n: Normalized): Promise<void> {
    const now = this.app.clock();
    this.learn(n.pairs);
    for (const g of n.groupMeta) writeGroupMeta(this.app.db, g, now);
    for (const g of n.groupPatches) if (g.id) patchGroupMeta(this.app.db, g as GroupMetadata);
    for (const ev of n.events) {
      if (ev.chat.type === 'group') await this.ensureGroupKnown(ev.chat.id);
      const r = this.handle(ev);
      // A command typed in a group: answered once, as Telegram answers one (an edit or a redelivery is no new command).
      // A caption is no command, as on Telegram (telegraf's `command` takes text messages only): it is the post it is.
      if (r && !r.duplicate && ev.kind === 'message' && ev.chat.type === 'group' && !ev.edited && !ev.caption && this.app.commands.isCommand(ev.text)) await this.onGroupCommand(ev);
    }
    for (const a of n.albums) {
      // Kept in the database only when the collector took it (it remembers MAX_EXPECTED at once: headers are not flood-counted).
      if (this.albums.expect(`${a.chatJid}:${a.id}`, a.expected)) this.pending.addHeader(a.chatJid, a.id, a.expected, now);
    }
    for (const p of n.privates) {
      const r = this.handle(p.event);
      if (p.album) {
        if (r) this.onAlbumPicture(p, r.duplicate);
        continue;
      }
      // Answered once: a repeat whose reply was never queued (a crash in between) is handled again.
      if (r && (!r.duplicate || !this.app.monitor.outbox.has(waReplyKey(p)))) await this.onPrivate(p);
    }
    for (const j of n.botJoined) await this.onBotJoined(j.groupJid, j.at);
    for (const r of n.rejects) this.app.monitor.reject('whatsapp', r.raw, r.reason);
  }

  private handle(ev: ChatEvent) {
    try {
      return this.app.monitor.handle(ev);
    } catch (err) {
      this.app.monitor.reject('whatsapp', ev, `monitor failed: ${String(err)}`);
      return undefined;
    }
  }

  /** A group we know nothing about: fetch its metadata first so its title (and campaign status) is known. */
  private async ensureGroupKnown(jid: string): Promise<void> {
    if (readGroupMeta(this.app.db, jid) || this.app.monitor.chats.get('whatsapp', jid) || !this.sock) return;
    const meta = await this.groupCache.fresh(jid);
    if (!meta) {
      this.app.log.warn({ jid }, 'could not fetch WhatsApp group metadata');
      return;
    }
    const n = normalizeGroupsUpsert([meta], this.ctx());
    this.learn(n.pairs);
    for (const g of n.groupMeta) writeGroupMeta(this.app.db, g, this.app.clock());
    for (const ev of n.events) this.handle(ev);
  }

  /** The bot joined a group: cache its metadata, learn pairs, and report the members already inside. */
  private async onBotJoined(gid: string, at: number): Promise<GroupMetadata | undefined> {
    const prev = this.joinedAt.get(gid);
    const joinAt = prev !== undefined && Math.abs(at - prev) < 120_000 ? prev : at;
    this.joinedAt.set(gid, joinAt);
    let meta = this.sock ? await this.groupCache.fresh(gid) : readGroupMeta(this.app.db, gid);
    if (!meta && this.sock) {
      this.app.monitor.reject('whatsapp', { gid }, 'groupMetadata failed after join');
      meta = readGroupMeta(this.app.db, gid);
    }
    if (!meta) return undefined;
    const ctx = this.ctx();
    const n = normalizeGroupsUpsert([meta], ctx);
    this.learn(n.pairs);
    for (const g of n.groupMeta) writeGroupMeta(this.app.db, g, this.app.clock());
    for (const ev of n.events) this.handle(ev);
    // In a campaign group this asks for a member scan (same transaction), which `runScans` answers from the metadata just cached.
    this.handle({ kind: 'bot_membership', dedupeKey: `wa:botjoin:${gid}:${joinAt}`, at: joinAt, chat: { platform: 'whatsapp', id: gid, type: 'group', title: meta.subject }, joined: true });
    await this.runScans();
    return meta;
  }

  /**
   * Answers pending WhatsApp member scans (the bot joined a campaign group, or a
   * group became one): everyone in the group's metadata is reported as present.
   */
  async runScans(): Promise<void> {
    for (const scan of this.app.monitor.chats.scans.pending('whatsapp')) {
      let meta = readGroupMeta(this.app.db, scan.chatId);
      if (this.sock) {
        const fetched = await this.groupCache.fresh(scan.chatId);
        if (fetched) meta = fetched;
        else this.app.log.warn({ jid: scan.chatId }, 'whatsapp: group metadata for a member scan failed; using the cache');
      }
      if (!meta) continue; // could not look (no connection, nothing cached): stays pending for the next connection
      for (const ev of membersPresent(meta, scan.token, this.ctx())) this.handle(ev);
      this.app.monitor.chats.scans.finish(scan);
    }
  }

  /**
   * A command in a group gets what it gets on Telegram (app/commands/index.ts decides): the one "use a private chat"
   * refusal, at most once per group per GROUP_REFUSAL_WINDOW_MS (the runner asks the outbox when the group was last
   * answered), and an audit row for every attempt. The sender is named by phone JID when WhatsApp gave one
   * (`participantAlt`, or a pair learned before), as an admin is recognised by the whole phone JID.
   */
  private async onGroupCommand(ev: MessageEvent): Promise<void> {
    const fromId = ev.sender.phone ? `${ev.sender.phone.slice(1)}@s.whatsapp.net` : ev.sender.id ?? ev.sender.lid ?? '';
    const r = await this.app.commands.run({ platform: 'whatsapp', chatType: 'group', chatId: ev.chat.id, fromId, fromName: ev.sender.name, text: ev.text });
    if (!r) return;
    this.app.monitor.outbox.enqueue(
      { dedupeKey: `wa:reply:${ev.chat.id}:${ev.messageId}`, platform: 'whatsapp', recipient: ev.chat.id, recipientKind: 'group', kind: 'command_reply', text: r.text, payload: { replyTo: ev.messageId } },
      this.app.clock(),
    );
    this.app.dispatcher.wake();
  }

  // ---------------------------------------------------------------- private chats

  private async onPrivate(p: PrivateMessage): Promise<void> {
    // A stranger's video with no caption: nothing, as before videos reached here (no answer, not even the first-contact mark).
    if (p.video && !p.media && videoPassedOver(this.app, 'whatsapp', p.pnJid ?? p.chatJid, p.event.text)) return;
    const now = this.app.clock();
    const isNewContact = this.touchContact([p.chatJid, p.pnJid, p.lid], now);
    // Beyond the flood limits the message stays recorded (the monitor has it) but gets no answer: 300 DAFTAR
    // messages must not become 300 replies queued on WhatsApp's one global gap.
    const extra = floodAllowance(this.app, 'whatsapp', p.pnJid ?? p.chatJid, p.media !== undefined || Boolean(p.video));
    if (!this.app.flood.admit('whatsapp', p.pnJid ?? p.chatJid, now, p.event.sender.name, extra)) return;
    const text = p.event.text.trim();
    const t = whatsappTexts(this.app.config.LANGUAGE);
    const daftar = /^daftar\b\s*([\s\S]*)$/i.exec(text);
    if (daftar) {
      this.reply(p, this.register(p, daftar[1] ?? '', now), now);
      return;
    }
    const sender = p.pnJid ?? p.chatJid;
    const lapor = /^(?:\/)?lapor\b\s*([\s\S]*)$/i.exec(text);
    if (lapor) {
      // Media is downloaded only for a registered ASN: a stranger's upload is never fetched.
      const asn = reporterAsn(this.app, 'whatsapp', sender);
      // Pictures sent just before with no LAPOR belong to this report: with `LAPOR <what happened>` they are reported
      // with it, and `LAPOR` alone starts the guided flow with them as evidence (app/self-report-pictures.ts). They
      // come first in the report, so they are the first to be fetched within the ASN's daily evidence room.
      const budget = fetchBudget(this.app, 'whatsapp', sender, false);
      const held = asn ? this.pending.held(sender) : undefined;
      const carried = held && heldPicturesJoin(this.app, held.at) ? await this.downloadAlbum(this.revivePictures(held.pictures), budget) : noEvidence();
      const got = asn ? await this.downloadEvidence(p, budget) : noEvidence();
      const r = await beginSelfReport(this.app, { platform: 'whatsapp', reporterId: sender, sourceKey: `wa:${p.chatJid}:${p.event.messageId}`, text: lapor[1] ?? '', files: got.files, skipped: got.skipped }, carried);
      // The answer and the end of the wait together: held pictures are reported once.
      this.app.monitor.outbox.atomically(() => {
        if (held) this.pending.release(sender);
        this.reply(p, this.flowText(r), this.app.clock(), r.files, r.kind);
      });
      return;
    }
    const selesai = /^selesai\s+(JN-\d{4}-\d{6,9})\s*$/i.exec(text);
    if (selesai) {
      const r = await resolveSelfReportByNumber(this.app, selesai[1]!, 'whatsapp', sender);
      // The receipt again, with the time it was done: a receipt, as Telegram's button answer is (platforms/telegram/callbacks.ts).
      this.reply(p, r.ok ? `${r.text}\n\n${r.reply.text}` : r.text, this.app.clock(), r.ok ? r.reply.files : undefined, r.ok ? 'selfreport_receipt' : 'command_reply');
      return;
    }
    // `SUDAH KELUAR <case>`: the ASN says they left; the roster is fetched again (app/left-claim.ts decides).
    const left = parseLeftClaim(text);
    if (left) {
      const r = await claimLeftOnWhatsApp(this.app, this.membership, { caseId: left.caseId, senderId: sender, messageKey: `${p.chatJid}:${p.event.messageId}` });
      // A proven leave is answered by the thank-you the monitor queued.
      if (r.text) this.reply(p, r.text, this.app.clock(), r.files);
      return;
    }
    if (hasActiveFlow(this.app, 'whatsapp', sender)) {
      const asn = reporterAsn(this.app, 'whatsapp', sender);
      const got = asn ? await this.downloadEvidence(p, fetchBudget(this.app, 'whatsapp', sender, true)) : noEvidence();
      const r = await continueFlow(this.app, 'whatsapp', sender, asn, { text, files: got.files, skipped: got.skipped });
      if (r) {
        this.reply(p, this.flowText(r), this.app.clock(), r.files, r.kind);
        return;
      }
    }
    if (this.app.commands.isCommand(text)) {
      const fromId = p.pnJid ?? p.chatJid;
      const r = await this.app.commands.run({ platform: 'whatsapp', chatType: 'private', chatId: p.chatJid, fromId, fromName: p.event.sender.name, text });
      if (r) this.reply(p, r.text, this.app.clock(), r.files);
      return;
    }
    // A picture or file with no LAPOR outside a report (app/self-report-pictures.ts decides; nothing is downloaded).
    if (p.media) {
      const r = pictureHint(this.app, 'whatsapp', sender, isNewContact);
      if (r.hold) this.hold(sender, [p]);
      if (r.reply) this.reply(p, r.reply.text, now, undefined, r.reply.kind);
      return;
    }
    // A video with no LAPOR outside a report: a registered ASN is told videos are not kept, and what to send instead
    // (app/self-report-pictures.ts decides; nothing is downloaded or held).
    if (p.video) {
      const r = videoHint(this.app, 'whatsapp', sender, isNewContact);
      if (r.reply) this.reply(p, r.reply.text, now, undefined, r.reply.kind);
      return;
    }
    // A Humas admin's reply to an alert, a command typed without "/", a forwarded post (app/admin-text.ts decides;
    // undefined for anyone else). A reply counts only when it answers a message the outbox sent.
    const admin = text ? adminTextReply(this.app, { platform: 'whatsapp', fromId: sender, text, forwarded: p.forwarded === true, ...(p.quotedId ? { replyTo: { messageId: p.quotedId } } : {}) }) : undefined;
    if (admin !== undefined) {
      this.reply(p, admin, now);
      return;
    }
    if (isNewContact) this.reply(p, t.privateHint({ org: this.app.config.ORG_NAME }), now);
  }

  /**
   * One picture of a private album: gathered with the album's others (app/albums.ts), keyed by the chat and the
   * album's header id, and counted once by the flood guard. A redelivered picture of an album already answered
   * is not gathered again.
   */
  private onAlbumPicture(p: PrivateMessage, duplicate: boolean): void {
    const parentId = p.album!.parentId;
    if (duplicate && this.app.monitor.outbox.has(waAlbumReplyKey(p.chatJid, parentId))) return;
    const sender = p.pnJid ?? p.chatJid;
    // Before the album takes the picture: an album answered at once (its header's count reached) reads firstContacts.
    const firstContact = this.touchContact([p.chatJid, p.pnJid, p.lid], this.app.clock());
    if (firstContact) this.firstContacts.add(sender);
    const added = this.albums.add(
      `${p.chatJid}:${parentId}`,
      p,
      () => this.app.flood.admit('whatsapp', sender, this.app.clock(), p.event.sender.name, floodAllowance(this.app, 'whatsapp', sender, true)),
      p.event.messageId,
    );
    // Beyond the flood limits the album stays recorded (the monitor has it) but gets no answer.
    if (!added.admitted) {
      this.firstContacts.delete(sender);
      return;
    }
    // Past ALBUM_MAX_ITEMS an album takes no more: the picture stays in the event log, nothing is kept or answered.
    if (!added.taken) return;
    // Kept until answered, so a restart finishes the album (resumePending).
    if (p.raw) this.pending.addAlbumPicture({ chatId: p.chatJid, messageId: p.event.messageId, sender, albumId: parentId, message: storeMessage(p.raw), at: this.app.clock() });
  }

  /** Senders whose first message ever was a picture of an album still being gathered. */
  private readonly firstContacts = new Set<string>();

  /**
   * Answers a private album once (app/self-report-pictures.ts decides what it is): one self-report with every
   * picture, one step of an open guided report, or a hint. The reply goes to the album's first picture, under a key
   * of the album, so a redelivered album is not answered again; pictures that come after the answer are answered
   * on their own (they were not added to the report, and the ASN is told).
   */
  private async onAlbum(items: PrivateMessage[]): Promise<void> {
    const seen = new Set<string>();
    const parts = items.filter((p) => !seen.has(p.event.messageId) && Boolean(seen.add(p.event.messageId)));
    // The phone numbers its pictures (messageIndex); without numbers they stay in arrival order.
    if (parts.every((p) => p.album?.index !== undefined)) parts.sort((a, b) => a.album!.index! - b.album!.index!);
    const first = parts[0]!;
    const parentId = first.album!.parentId;
    const sender = first.pnJid ?? first.chatJid;
    const mainKey = waAlbumReplyKey(first.chatJid, parentId);
    const late = this.app.monitor.outbox.has(mainKey);
    const key = late ? `${mainKey}:${first.event.messageId}` : mainKey;
    if (late && this.app.monitor.outbox.has(key)) return;
    const firstContact = this.firstContacts.delete(sender);
    // One fetch budget for the album and the pictures held before it (fetched first); made when the first is fetched,
    // knowing then whether they go into an open guided report (app/self-report-pictures.ts decides).
    let budget: FetchBudget | undefined;
    const budgetFor = (intoFlow: boolean): FetchBudget => (budget ??= fetchBudget(this.app, 'whatsapp', sender, intoFlow));
    const r = await answerAlbum(this.app, {
      platform: 'whatsapp',
      reporterId: sender,
      sourceKey: `wa:${first.chatJid}:album:${parentId}`,
      captions: parts.map((p) => p.event.text.trim()).filter((c) => c.length > 0),
      count: parts.length,
      videosOnly: parts.every((p) => p.video && !p.media),
      late,
      firstContact,
      download: (intoFlow) => this.downloadAlbum(parts, budgetFor(intoFlow)),
      carried: async () => {
        const held = this.pending.held(sender);
        return held && heldPicturesJoin(this.app, held.at) ? this.downloadAlbum(this.revivePictures(held.pictures), budgetFor(false)) : noEvidence();
      },
    });
    // The kind the use case gave (a receipt is `selfreport_receipt` on both platforms; the picture hint `wa_hint`).
    const a = r.reply;
    // The answer and the end of the album's wait in one transaction: a crash before it finishes the album again after
    // the restart (its report, keyed by the album, is found, not made twice); after it, nothing is left to finish.
    this.app.monitor.outbox.atomically(() => {
      this.pending.albumDone(first.chatJid, parentId);
      if (r.tookCarried) this.pending.release(sender);
      if (r.hold) this.hold(sender, parts);
      if (a) this.replyWith(key, first, this.flowText(a), this.app.clock(), a.files, a.kind);
    });
  }

  /**
   * Gives back to the collector the albums a stop or a crash left unanswered (their pictures were written to the
   * database as they came), and drops held pictures whose 10 minutes passed. Runs at the first open connection,
   * so the pictures can be fetched; an album whose window passed is answered after one quiet gap (app/albums.ts,
   * `resume`), and one already answered finds its report and its answer's key and is not answered twice.
   */
  private resumePending(): void {
    const now = this.app.clock();
    this.pending.dropHeldUntil(now - HELD_PICTURES_MS);
    const maxWait = this.o.albumMaxWaitMs ?? WA_ALBUM_MAX_WAIT_MS;
    for (const h of this.pending.headersWithoutPictures(now - maxWait)) this.albums.expect(`${h.chatId}:${h.albumId}`, h.expected);
    for (const a of this.pending.albums()) {
      const items = this.revivePictures(a.pictures).map((p) => ({ item: p, id: p.event.messageId }));
      const key = `${a.chatId}:${a.albumId}`;
      if (!items.length) {
        this.pending.albumDone(a.chatId, a.albumId);
        continue;
      }
      if (a.expected !== undefined) this.albums.expect(key, a.expected);
      this.albums.resume(key, items, now - Math.min(...a.pictures.map((x) => x.at)));
    }
  }

  /** Stored pictures as the adapter reads them: each message normalised again, as when it arrived (unreadable ones left out). */
  private revivePictures(pictures: readonly PendingPicture[]): PrivateMessage[] {
    const out: PrivateMessage[] = [];
    for (const x of pictures) {
      try {
        const m = reviveWhatsAppEvent('messages.upsert', { type: 'notify', messages: [JSON.parse(x.message) as unknown] } as never).messages[0]!;
        const p = normalizeMessagesUpsert({ type: 'notify', messages: [m] }, this.ctx()).privates[0];
        if (p) out.push(p);
      } catch (err) {
        this.app.log.warn({ err: String(err) }, 'whatsapp: a kept picture could not be read again; left out');
      }
    }
    return out;
  }

  /**
   * Pictures a registered ASN sent with no LAPOR, held (not downloaded) for a `LAPOR <what happened>` typed after
   * them, in the database (store/pending-pictures.ts), so a restart keeps them for the rest of their 10 minutes.
   * At most MAX_EVIDENCE_FILES + 10 pictures each (the report keeps ten and names the rest), and senders past
   * HELD_SENDERS_MAX are not held.
   */
  private hold(sender: string, items: PrivateMessage[]): void {
    const now = this.app.clock();
    this.pending.dropHeldUntil(now - HELD_PICTURES_MS);
    const pictures = items
      .filter((p) => (p.media || p.video) && p.raw)
      .map((p) => ({ chatId: p.chatJid, messageId: p.event.messageId, albumId: p.album?.parentId ?? null, message: storeMessage(p.raw!) }));
    this.pending.hold(sender, pictures, now, MAX_EVIDENCE_FILES + 10, HELD_SENDERS_MAX);
  }

  /** Every picture of an album, in order; any beyond MAX_EVIDENCE_FILES is not fetched and is named as skipped. */
  private async downloadAlbum(parts: PrivateMessage[], budget: FetchBudget): Promise<DownloadedEvidence> {
    const out: DownloadedEvidence = { files: [], skipped: [] };
    for (const p of parts) {
      // A video of the album is not kept (README, Self-reports): named, so the ASN knows what the report holds.
      if (p.video) {
        out.skipped.push('video');
        continue;
      }
      if (!p.media) continue;
      if (out.files.length >= MAX_EVIDENCE_FILES) {
        out.skipped.push('too_many');
        continue;
      }
      const got = await this.downloadEvidence(p, budget);
      out.files.push(...got.files);
      out.skipped.push(...got.skipped);
    }
    return out;
  }

  /** A flow prompt or receipt for WhatsApp, which shows no buttons: choices numbered, "done" as a word to reply. */
  private flowText(r: { text: string; buttons?: { text: string; data: string }[][] }): string {
    const lang = this.app.config.LANGUAGE;
    const done = r.buttons?.flat().some((b) => b.data.startsWith('sr-done:'));
    if (!done) return numberedChoices(r, lang);
    const no = /JN-\d{4}-\d{6,9}/.exec(r.text)?.[0] ?? '';
    return `${r.text}\n\n${lang === 'en' ? `When it is done, reply: SELESAI ${no}` : `Bila sudah selesai, balas: SELESAI ${no}`}`;
  }

  /**
   * The photo or document of a private message, through the socket (Baileys' downloadMediaMessage), capped at
   * 10 MB, and at what `budget` leaves of the ASN's daily evidence room, by its declared fileLength (a Long or a number:
   * proto.Message.IImageMessage / IDocumentMessage, WAProto/index.d.ts) before fetching. A file not kept is named as
   * skipped, so the ASN is told.
   */
  private async downloadEvidence(p: PrivateMessage, budget: FetchBudget): Promise<DownloadedEvidence> {
    if (p.video) return { files: [], skipped: ['video'] };
    const m = p.media;
    if (!m) return noEvidence();
    const sock = this.open ? this.sock : undefined;
    if (!sock?.downloadMedia) return { files: [], skipped: ['failed'] };
    const content = normalizeMessageContent(m.message);
    const img = content?.imageMessage;
    const doc = content?.documentMessage;
    const declared = img?.fileLength ?? doc?.fileLength;
    const size = declared === undefined || declared === null ? undefined : Number(declared);
    if ((size ?? 0) > MAX_EVIDENCE_BYTES) {
      this.app.log.warn({ bytes: size }, 'whatsapp: evidence file over the cap; not downloaded');
      return { files: [], skipped: ['too_big'] };
    }
    if (!budget.allows(size)) {
      this.app.log.info({ bytes: size }, 'whatsapp: evidence file over the daily evidence room; not downloaded');
      return { files: [], skipped: ['quota'] };
    }
    try {
      const data = await sock.downloadMedia(m);
      if (data.length > MAX_EVIDENCE_BYTES) return { files: [], skipped: ['too_big'] };
      budget.spend(data.length);
      return {
        files: [img
          ? { kind: 'photo', filename: `foto-${p.event.messageId}.jpg`, mime: img.mimetype ?? 'image/jpeg', data }
          : { kind: 'document', filename: doc?.fileName ?? `berkas-${p.event.messageId}`, mime: doc?.mimetype ?? undefined, data }],
        skipped: [],
      };
    } catch (err) {
      this.app.log.warn({ err: String(err) }, 'whatsapp: could not download an evidence file');
      return { files: [], skipped: ['failed'] };
    }
  }

  /** Marks every handle of a private sender as a warm contact; true when they had never written before. */
  private touchContact(jids: (string | undefined)[], now: number): boolean {
    let isNew = false;
    const ins = this.app.db.prepare(
      `INSERT INTO wa_contacts (jid, first_inbound_at, last_inbound_at) VALUES (?, ?, ?) ON CONFLICT(jid) DO UPDATE SET last_inbound_at = excluded.last_inbound_at`,
    );
    const exists = this.app.db.prepare(`SELECT 1 FROM wa_contacts WHERE jid = ?`).pluck();
    for (const j of new Set(jids.filter((x): x is string => Boolean(x)))) {
      if (exists.get(j) === undefined) isNew = true;
      ins.run(j, now, now);
    }
    return isNew;
  }

  /** `DAFTAR <NIP>`: registers the sender only when their number is the one on file; refuses politely otherwise, revealing nothing. */
  private register(p: PrivateMessage, rest: string, now: number): string {
    const t = whatsappTexts(this.app.config.LANGUAGE);
    const parsed = parseNip(rest, now);
    if (!parsed.ok) return t.registerUsage;
    const asn = this.app.registry.byNip(parsed.nip);
    const phone = p.pnJid ? waJidToPhone(p.pnJid) : undefined;
    const ok = Boolean(asn && phone && asn.phone === phone);
    audit(this.app.db, { at: now, actor: `wa:${p.pnJid ?? p.chatJid}`, platform: 'whatsapp', action: 'DAFTAR', allowed: ok, result: ok ? 'registered' : asn ? 'refused_number_differs' : 'refused_unknown_nip' });
    if (!ok || !asn) return t.registerRefused({ humasContact: this.app.config.HUMAS_CONTACT });
    this.app.registry.markWaRegistered(asn.nip, now);
    if (p.lid && p.pnJid) this.learn([{ lid: p.lid, pn: p.pnJid, source: 'remoteJidAlt' }]);
    return t.registered({ nama: asn.nama, org: this.app.config.ORG_NAME });
  }

  private reply(p: PrivateMessage, text: string, now: number, files?: { path: string; filename: string; caption?: string }[], kind = 'command_reply'): void {
    this.replyWith(waReplyKey(p), p, text, now, files, kind);
  }

  private replyWith(dedupeKey: string, p: PrivateMessage, text: string, now: number, files?: { path: string; filename: string; caption?: string }[], kind = 'command_reply'): void {
    this.app.monitor.outbox.enqueue(
      {
        dedupeKey,
        platform: 'whatsapp',
        recipient: p.pnJid ?? p.chatJid,
        recipientKind: 'user',
        kind,
        text,
        payload: files?.length ? { files, replyTo: p.event.messageId } : { replyTo: p.event.messageId },
      },
      now,
    );
    this.app.dispatcher.wake();
  }

  private setSelf(u: { id: string; lid?: string }): void {
    const ids = new Set<string>();
    if (u.id) ids.add(jidNormalizedUser(u.id));
    if (u.lid) ids.add(jidNormalizedUser(u.lid));
    this.selfIds = ids;
  }

  private selfFromCreds(): void {
    const r = this.app.db.prepare(`SELECT value FROM wa_creds WHERE id = 'creds'`).get() as { value: string } | undefined;
    const me = r ? decodeAuthValue<{ me?: { id: string; lid?: string } }>(r.value).me : undefined;
    if (me?.id) this.setSelf(me);
  }
}

/** The server's error code of a refused group query: `assertNodeErrorFree` puts it in the Boom's `data`. */
const inviteErrorCode = (err: unknown): number | undefined => {
  const d = (err as { data?: unknown } | undefined)?.data;
  return typeof d === 'number' ? d : disconnectCode(err);
};

const participantSig = (d: BaileysEventMap['group-participants.update']): string => {
  const ids = (d.participants ?? [])
    .map((p) => (typeof p === 'string' ? p : p?.id))
    .filter((x): x is string => Boolean(x))
    .map((j) => jidNormalizedUser(j))
    .sort();
  return `${jidNormalizedUser(d.id)}|${d.action}|${ids.join(',')}`;
};

/** Adds `/gabung` once per app; it always reaches the app's current adapter. */
function registerCommands(app: App): void {
  if (app.commands.table.some((c) => c.name === 'gabung')) return; // one set per App (replay builds adapters lazily)
  const t = whatsappTexts('id');
  const spec: CommandSpec = {
    name: 'gabung',
    aliases: ['join'],
    usage: '<https://chat.whatsapp.com/...>',
    description: { id: t.joinDescription, en: whatsappTexts('en').joinDescription },
    who: 'admin',
    where: 'private',
    run: async (ctx) => {
      const a = current.get(app);
      if (!a) return { text: whatsappTexts(ctx.lang).joinFailed({ reason: ctx.lang === 'en' ? 'WhatsApp is not enabled' : 'WhatsApp tidak aktif' }) };
      return { text: await a.joinByInvite(ctx.rest, ctx.lang) };
    },
  };
  const resume: CommandSpec = {
    name: 'wa_lanjut',
    description: { id: t.resumeDescription, en: whatsappTexts('en').resumeDescription },
    who: 'admin',
    where: 'private',
    run: (ctx) => {
      const a = current.get(app);
      const texts = whatsappTexts(ctx.lang);
      if (!a) return { text: texts.joinFailed({ reason: ctx.lang === 'en' ? 'WhatsApp is not enabled' : 'WhatsApp tidak aktif' }) };
      const was = a.policy.paused;
      a.policy.resumeFirstContacts();
      app.dispatcher.wake();
      return { text: was ? texts.resumed : texts.notPaused };
    },
  };
  app.commands.add(spec, resume);
}

/** Turns recorded JSON back into what Baileys emits: messages revived with `proto.WebMessageInfo.fromObject`, key extras (`participantAlt`, ...) kept. */
export function reviveWhatsAppEvent<K extends keyof BaileysEventMap>(name: K, data: unknown): BaileysEventMap[K] {
  const revive = (m: unknown): WAMessage => {
    const raw = (m ?? {}) as { key?: Record<string, unknown>; reactions?: { key?: Record<string, unknown> }[] };
    const msg = proto.WebMessageInfo.fromObject(raw as Record<string, unknown>) as WAMessage;
    if (raw.key) msg.key = { ...msg.key, ...raw.key };
    // Reactions folded in while Baileys buffered keep their sender's key as Baileys built it (`participantAlt` too).
    if (Array.isArray(raw.reactions) && Array.isArray(msg.reactions)) {
      msg.reactions = msg.reactions.map((r, i) => {
        const k = raw.reactions?.[i]?.key;
        return k ? Object.assign(r, { key: { ...r.key, ...k } }) : r;
      });
    }
    return msg;
  };
  if (name === 'messages.upsert') {
    const d = data as { messages?: unknown[]; type?: string };
    return { ...d, messages: (d.messages ?? []).map(revive) } as BaileysEventMap[K];
  }
  if (name === 'messaging-history.set') {
    const d = data as { messages?: unknown[] };
    return { chats: [], contacts: [], ...d, messages: (d.messages ?? []).map(revive) } as unknown as BaileysEventMap[K];
  }
  return data as BaileysEventMap[K];
}

const replayAdapters = new WeakMap<App, WhatsAppAdapter>();

/**
 * Feeds one recorded Baileys event (`npx jaga-netral replay`) through the same
 * handlers as live traffic, with no socket: group metadata comes from earlier
 * `groups.upsert` lines. The caller attaches a recording messenger.
 */
export async function replayWhatsAppEvent(app: App, eventName: string, data: unknown): Promise<void> {
  let a = replayAdapters.get(app);
  if (!a) {
    a = new WhatsAppAdapter({ app, resolveLidsOnOpen: false });
    replayAdapters.set(app, a);
  }
  let revived;
  try {
    revived = reviveWhatsAppEvent(eventName as keyof BaileysEventMap, data);
  } catch (err) {
    app.monitor.reject('whatsapp', { event: eventName, data }, `cannot read ${eventName}: ${err instanceof Error ? err.message : String(err)}`);
    return;
  }
  await a.handleEvent(eventName as keyof BaileysEventMap, revived);
}

/** The recording has ended: albums still being gathered are answered with what came (as a stop does). */
export async function finishWhatsAppReplay(app: App): Promise<void> {
  await replayAdapters.get(app)?.finishAlbums();
}
