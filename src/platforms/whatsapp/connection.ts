/**
 * The Baileys socket: how it is built (SQLite auth state behind
 * `makeCacheableSignalKeyStore`, cached group metadata, never shown online),
 * how a close is judged (reconnect with backoff unless logged out), and the
 * one-off `wa-login` flow that links a number by pairing code or QR.
 */
import { waLoginTexts } from '../../core/messages/wa-login.js';
import makeWASocket, {
  Browsers,
  downloadMediaMessage,
  fetchLatestBaileysVersion,
  DisconnectReason,
  makeCacheableSignalKeyStore,
  type AuthenticationCreds,
  type CacheStore,
  type proto,
  type WAMessage,
  type WAMessageKey,
  type BaileysEventMap,
  type GroupMetadata,
  type LIDMapping,
  type NewChatMessageCapInfo,
  type ReachoutTimelockState,
  type SignalKeyStore,
  type WAVersion,
} from '@whiskeysockets/baileys';
import qrcode from 'qrcode-terminal';
import type { Logger } from '../../app/log.js';
import type { Db } from '../../store/db.js';
import { useSqliteAuthState } from './auth-state.js';

/** Baileys events as `ev.process` hands them over. */
export type WaEventBatch = Partial<BaileysEventMap>;

/** The parts of a Baileys socket Jaga Netral uses; the real `WASocket` and `FakeWASocket` both fit. */
export interface WaSocketLike {
  ev: {
    process(handler: (events: WaEventBatch) => void | Promise<void>): () => void;
    isBuffering?(): boolean;
  };
  user?: { id: string; lid?: string } | undefined;
  signalRepository: { lidMapping: { getLIDsForPNs(pns: string[]): Promise<LIDMapping[] | null> } };
  sendMessage(jid: string, content: Record<string, unknown>): Promise<unknown>;
  groupMetadata(jid: string): Promise<GroupMetadata>;
  groupAcceptInvite(code: string): Promise<string | undefined>;
  /** An invite code's group, without joining (`Socket/groups.js`: extractGroupMetadata of the answer). */
  groupGetInviteInfo(code: string): Promise<GroupMetadata>;
  /** Asks WhatsApp for the reach-out time lock; also emits it as `connection.update.reachoutTimeLock` (`Socket/socket.js`). */
  fetchAccountReachoutTimelock?(): Promise<ReachoutTimelockState>;
  /** Asks WhatsApp for the new-chat message cap (`Socket/socket.js`). */
  fetchNewChatMessageCap?(): Promise<NewChatMessageCapInfo>;
  requestPairingCode(phone: string): Promise<string>;
  end(err: Error | undefined): void;
  /** The decrypted bytes of a received photo or document (Baileys' downloadMediaMessage on the real socket). */
  downloadMedia?(m: WAMessage): Promise<Buffer>;
}

/** What a socket factory receives. */
export interface WaSocketInit {
  auth: { creds: AuthenticationCreds; keys: SignalKeyStore };
  logger: Logger;
  cachedGroupMetadata: (jid: string) => Promise<GroupMetadata | undefined>;
  /** Content of a message we sent, for retry requests (`getMessage`); none when absent. */
  getMessage?: (key: WAMessageKey) => Promise<proto.IMessage | undefined>;
  /** Retry counters, kept across reconnects. */
  msgRetryCounterCache?: CacheStore;
  /** The WhatsApp Web version to announce (WA_VERSION, or fetched after a 405); Baileys' own when absent. */
  version?: [number, number, number];
}

/** Builds a socket; injected so tests and the demo use `FakeWASocket`. */
export type WaSocketFactory = (init: WaSocketInit) => WaSocketLike;

/** The real socket: Baileys' `makeWASocket` with the settings that keep the account quiet. */
export const baileysSocketFactory: WaSocketFactory = (init) => {
  const sock = makeWASocket({
    auth: { creds: init.auth.creds, keys: makeCacheableSignalKeyStore(init.auth.keys, init.logger) },
    logger: init.logger,
    markOnlineOnConnect: false,
    syncFullHistory: false,
    browser: Browsers.ubuntu('Jaga Netral'),
    cachedGroupMetadata: init.cachedGroupMetadata,
    ...(init.getMessage ? { getMessage: init.getMessage } : {}),
    ...(init.msgRetryCounterCache ? { msgRetryCounterCache: init.msgRetryCounterCache } : {}),
    ...(init.version ? { version: init.version } : {}),
  });
  // Media of a received message: fetched from WhatsApp's media host and decrypted with the message's mediaKey
  // (lib/Utils/messages.js, downloadMediaMessage; an expired URL is asked again with updateMediaMessage).
  const downloadMedia = async (m: WAMessage): Promise<Buffer> =>
    (await downloadMediaMessage(m, 'buffer', {}, { logger: init.logger, reuploadRequest: sock.updateMediaMessage })) as Buffer;
  return Object.assign(sock, { downloadMedia }) as unknown as WaSocketLike;
};

/** Reads a group's cached metadata from `wa_group_meta`. */
export function readGroupMeta(db: Db, jid: string): GroupMetadata | undefined {
  const r = db.prepare(`SELECT value FROM wa_group_meta WHERE jid = ?`).get(jid) as { value: string } | undefined;
  return r ? (JSON.parse(r.value) as GroupMetadata) : undefined;
}

/** Stores (or merges a partial update into) a group's cached metadata. */
export function writeGroupMeta(db: Db, meta: Partial<GroupMetadata> & { id: string }, now: number): void {
  const merged = { ...(readGroupMeta(db, meta.id) ?? { participants: [] }), ...stripUndefined(meta) };
  db.prepare(`INSERT INTO wa_group_meta (jid, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(jid) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`).run(
    meta.id,
    JSON.stringify(merged),
    now,
  );
}

/**
 * Merges a partial update (`groups.update`) into a cached entry without renewing its age: a patch is not a
 * fetch, and Baileys sends a group post's key to the cached roster (`Socket/messages-send.js`, relayMessage),
 * so a renewed age would keep a stale roster in use. Nothing happens when the group is not cached.
 */
export function patchGroupMeta(db: Db, meta: Partial<GroupMetadata> & { id: string }): void {
  const cached = readGroupMeta(db, meta.id);
  if (!cached) return;
  db.prepare(`UPDATE wa_group_meta SET value = ? WHERE jid = ?`).run(JSON.stringify({ ...cached, ...stripUndefined(meta), id: cached.id }), meta.id);
}

const stripUndefined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The status code of a close (`lastDisconnect.error`, a Boom or anything with `output.statusCode`). */
export function disconnectCode(err: unknown): number | undefined {
  const e = err as { output?: { statusCode?: number }; statusCode?: number } | undefined;
  return e?.output?.statusCode ?? e?.statusCode;
}

/** Whether a close means the number was unlinked: reconnecting cannot help, a human must re-link. */
export const isLoggedOut = (err: unknown): boolean => disconnectCode(err) === DisconnectReason.loggedOut;

/**
 * A 401 that is certainly a logout: the phone removed this linked device (stream error `conflict`
 * type `device_removed`, `Socket/socket.js` CB:stream:error) or the socket logged itself out
 * ("Intentional Logout"). Other 401s (a `Connection Failure` during login) are ambiguous.
 */
export function isRealLogout(err: unknown): boolean {
  if (disconnectCode(err) !== DisconnectReason.loggedOut) return false;
  const e = err as { message?: string; data?: { tag?: string; attrs?: { type?: string } } } | undefined;
  return (e?.data?.tag === 'conflict' && e.data.attrs?.type === 'device_removed') || /Intentional Logout/i.test(e?.message ?? '');
}

/** Why WhatsApp stopped for good (until a human acts). */
export type WaStopReason = 'logged_out' | 'banned' | 'replaced' | 'outdated' | 'multidevice' | 'bad_session';

/** What to do after a close. */
export type CloseAction =
  | { kind: 'reconnect'; now: boolean }
  | { kind: 'update_version' }
  | { kind: 'stop'; reason: WaStopReason; wipe: boolean };

/**
 * Judges a close by its `DisconnectReason` (`Types/index.js`): 401 logged out (wipe credentials on a
 * real logout, or on a second 401 in a row without an open connection between; the first ambiguous
 * one only reconnects), 403 forbidden / banned and 411 multi-device mismatch stop, 440 connection
 * replaced stops rather than fighting the other session, 405 client outdated updates the WhatsApp
 * Web version, 515 restart required reconnects at once (normal after pairing), and 408 / 428 / 500 /
 * 503 or anything else reconnect with backoff.
 */
export function classifyClose(err: unknown, o: { previous401s: number }): CloseAction {
  const code = disconnectCode(err);
  switch (code) {
    case DisconnectReason.loggedOut:
      if (isRealLogout(err) || o.previous401s >= 1) return { kind: 'stop', reason: 'logged_out', wipe: true };
      return { kind: 'reconnect', now: false };
    case DisconnectReason.forbidden:
      return { kind: 'stop', reason: 'banned', wipe: false };
    case DisconnectReason.connectionReplaced:
      return { kind: 'stop', reason: 'replaced', wipe: false };
    case DisconnectReason.multideviceMismatch:
      return { kind: 'stop', reason: 'multidevice', wipe: false };
    case 405:
      return { kind: 'update_version' };
    case DisconnectReason.restartRequired:
      return { kind: 'reconnect', now: true };
    default:
      return { kind: 'reconnect', now: false };
  }
}

/** Reconnect delay: 2 s, 4 s, 8 s ... capped at 5 min, with jitter. */
export function reconnectDelayMs(attempt: number, rng: () => number = Math.random, baseMs = 2000, maxMs = 300_000): number {
  const base = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(base * (0.8 + rng() * 0.4));
}

/** Options of `waLogin`. */
export interface WaLoginOptions {
  /** Phone digits (`62812...`) for a pairing code; without it a QR is printed. */
  phone?: string;
  db: Db;
  log: Logger;
  /** Where codes and QR go (default stdout). */
  print?: (s: string) => void;
  socketFactory?: WaSocketFactory;
  /** Give up after this long (default 3 min). */
  timeoutMs?: number;
  /** WA_VERSION: the WhatsApp Web version to announce; Baileys' own when absent. */
  version?: WAVersion;
  /** Finds the current WhatsApp Web version after a 405 (default Baileys' `fetchLatestBaileysVersion`). */
  fetchVersion?: () => Promise<{ version: WAVersion; isLatest?: boolean; error?: unknown }>;
  /** Language of what is printed and of the errors (default en). */
  lang?: 'id' | 'en';
}

/** 405s (each followed by a version fetch) before wa-login gives up. */
const LOGIN_VERSION_UPDATES = 2;

/**
 * Links a WhatsApp number (`npx jaga-netral wa-login [--phone 62812...]`):
 * prints a pairing code once the socket asks for authentication (or the QR),
 * follows the restart WhatsApp requests after pairing, and resolves with the
 * linked JID once the connection opens. Credentials are held in memory until
 * then and land in SQLite only once the connection opens.
 */
export function waLogin(o: WaLoginOptions): Promise<{ jid: string }> {
  const print = o.print ?? ((s: string) => process.stdout.write(`${s}\n`));
  const factory = o.socketFactory ?? baileysSocketFactory;
  const digits = o.phone?.replace(/\D/g, '');
  const t = waLoginTexts(o.lang ?? 'en');
  if (o.phone !== undefined && !/^\d{8,15}$/.test(digits ?? '')) return Promise.reject(new Error(t.badPhone(o.phone)));
  // Nothing is written until the link completes: an interrupted pairing leaves no half-written credentials.
  const auth = useSqliteAuthState(o.db, { deferWrites: true });
  return new Promise((resolve, reject) => {
    let done = false;
    let pairingAsked = false;
    let restarts = 0;
    let outdated = 0;
    let version = o.version;
    let current: WaSocketLike | undefined;
    const finish = (err: Error | undefined, jid?: string) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        current?.end(undefined);
      } catch {
        // already closed
      }
      if (err) reject(err);
      else resolve({ jid: jid ?? '' });
    };
    const timer = setTimeout(() => finish(new Error(t.timedOut)), o.timeoutMs ?? 180_000);
    const connect = () => {
      const sock = factory({ auth: auth.state, logger: o.log, cachedGroupMetadata: async (jid) => readGroupMeta(o.db, jid), ...(version ? { version } : {}) });
      current = sock;
      sock.ev.process(async (events) => {
        if (events['creds.update']) await auth.saveCreds();
        const u = events['connection.update'];
        if (!u || done) return;
        if (u.qr && !auth.state.creds.registered) {
          if (digits) {
            if (!pairingAsked) {
              pairingAsked = true;
              try {
                const code = await sock.requestPairingCode(digits);
                print(t.pairingCode(code));
                print(t.pairingHow);
              } catch (err) {
                finish(new Error(t.pairingFailed(err instanceof Error ? err.message : String(err))));
              }
            }
          } else {
            qrcode.generate(u.qr, { small: true }, (q) => print(q));
            print(t.qrHow);
          }
        }
        if (u.connection === 'open') {
          auth.commit();
          finish(undefined, sock.user?.id);
        } else if (u.connection === 'close') {
          const err = u.lastDisconnect?.error;
          if (isLoggedOut(err)) {
            auth.clear();
            finish(new Error(t.loggedOut));
          } else if (disconnectCode(err) === 405) {
            // 405 at registration: WhatsApp no longer accepts this WhatsApp Web version (the most reported Baileys
            // failure). Like `start`: a pinned WA_VERSION is the person's to change; otherwise fetch the current one.
            if (o.version) {
              finish(new Error(t.versionPinned(o.version.join('.'))));
              return;
            }
            if (outdated++ >= LOGIN_VERSION_UPDATES) {
              finish(new Error(t.versionKeepsRefused(version?.join('.'))));
              return;
            }
            const fetched = await (o.fetchVersion ?? fetchLatestBaileysVersion)().catch((e: unknown) => ({ version: undefined, isLatest: false, error: e }));
            if (fetched.version) version = fetched.version;
            o.log.warn({ version: version?.join('.'), err: fetched.error ? String(fetched.error) : undefined }, 'wa-login: WhatsApp said the client is outdated (405): retrying with the current WhatsApp Web version');
            print(t.versionRetrying(version?.join('.')));
            if (!done) setTimeout(connect, 0).unref?.();
          } else if (restarts++ < 5) {
            // After pairing WhatsApp asks for a restart (515); other closes get a few retries.
            setTimeout(connect, disconnectCode(err) === DisconnectReason.restartRequired ? 0 : 2000).unref?.();
          } else {
            finish(new Error(t.keepsClosing(String(disconnectCode(err) ?? 'closed'))));
          }
        }
      });
    };
    connect();
  });
}
