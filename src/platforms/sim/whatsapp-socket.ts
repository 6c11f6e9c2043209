/**
 * A fake Baileys socket for tests, the demo and replay. Its `ev` is Baileys'
 * own `makeEventBuffer`, and traffic goes through Baileys' own path: `deliver`
 * does what the socket's `upsertMessage` does (buffer, emit `messages.upsert`,
 * run Baileys' `processMessage`, flush), so a `GROUP_PARTICIPANT_ADD` stub
 * yields the same `group-participants.update` live traffic does. Sends are
 * recorded, with fault injection. As in rc14, a 463 is never thrown: the send
 * resolves and the refusal arrives afterwards as a `messages.update` ack
 * (`Socket/messages-recv.js`, handleBadAck); a closed socket throws Boom 428
 * "Connection Closed" (`Socket/socket.js`, sendRawMessage).
 */
import {
  ACCOUNT_RESTRICTED_TEXT,
  DisconnectReason,
  isJidGroup,
  jidNormalizedUser,
  makeEventBuffer,
  NACK_REASONS,
  proto,
  WAMessageStubType,
  type AuthenticationCreds,
  type BaileysEventMap,
  type GroupMetadata,
  type GroupParticipant,
  type LIDMapping,
  type NewChatMessageCapInfo,
  type ReachoutTimelockState,
  type WAMessage,
} from '@whiskeysockets/baileys';
import processMessage from '@whiskeysockets/baileys/lib/Utils/process-message.js';
import { downloadEncryptedContent, encryptedStream, getMediaKeys, toBuffer } from '@whiskeysockets/baileys/lib/Utils/messages-media.js';
import { extractMessageContent } from '@whiskeysockets/baileys/lib/Utils/messages.js';
import http from 'node:http';
import { readFileSync, rmSync } from 'node:fs';
import pino from 'pino';
import type { WaSocketFactory, WaSocketInit, WaSocketLike } from '../whatsapp/connection.js';

/**
 * Kinds of send failure the fake can inject. `463` and `ack:<code>` resolve the send and
 * refuse it afterwards by ack; the others throw from `sendMessage` as Baileys does.
 */
export type FakeSendFault = '463' | `ack:${string}` | 'network' | 'timeout' | 'rate' | 'bug';

/** One message the fake socket wrote (a refused one too: the server refuses by a later ack). */
export interface FakeSent {
  jid: string;
  content: Record<string, unknown>;
  at: number;
  /** The message id (`key.id`). */
  id: string;
  /** The error code of the ack that refused it, if one did. */
  refused?: string;
  /** For a group send: the participant ids the group key went to (from `cachedGroupMetadata`, else `groupMetadata`). */
  recipients?: string[];
}

/** Construction options. */
export interface FakeWASocketOptions {
  /** The bot's phone JID (default `6281100000000@s.whatsapp.net`). */
  id?: string;
  /** The bot's LID (default `100000000000001@lid`). */
  lid?: string;
  /** Clock for message timestamps (default Date.now). */
  now?: () => number;
}

const errorWith = (message: string, statusCode: number): Error =>
  Object.assign(new Error(message), { isBoom: true, output: { statusCode, payload: { statusCode, message } }, data: statusCode });

/** An `<error code text>` answer to a query: `assertNodeErrorFree` throws `new Boom(text, { data: code })` (status 500, the code in `data`). */
const serverError = (text: string, code: number): Error =>
  Object.assign(new Error(text), { isBoom: true, output: { statusCode: 500, payload: { statusCode: 500, message: text } }, data: code });

/** The fake socket. */
export class FakeWASocket implements WaSocketLike {
  readonly ev = makeEventBuffer(pino({ level: 'silent' }));
  user: { id: string; lid?: string };
  readonly sent: FakeSent[] = [];
  readonly groups = new Map<string, GroupMetadata>();
  readonly invites = new Map<string, string>();
  /** What the network knows: phone JID -> LID, answered by `getLIDsForPNs`. */
  readonly lidDirectory = new Map<string, string>();
  readonly lidLookups: string[][] = [];
  /** How many of the next LID lookups the server refuses (rate-overlimit). */
  lidLookupFailures = 0;
  readonly pairingRequests: string[] = [];
  ended = false;
  private readonly faults: FakeSendFault[] = [];
  private readonly now: () => number;
  private seq = 0;
  readonly signalRepository: WaSocketLike['signalRepository'];
  private readonly creds: AuthenticationCreds;
  /** What the socket was built with (set by `fakeSocketFactory`): group sends consult its `cachedGroupMetadata`. */
  init: WaSocketInit | undefined;
  /** `groupMetadata` calls made, by group. */
  readonly metadataCalls: string[] = [];

  constructor(o: FakeWASocketOptions = {}) {
    this.user = { id: o.id ?? '6281100000000@s.whatsapp.net', lid: o.lid ?? '100000000000001@lid' };
    this.now = o.now ?? Date.now;
    this.creds = { me: { id: this.user.id, lid: this.user.lid } } as unknown as AuthenticationCreds;
    this.signalRepository = {
      lidMapping: {
        getLIDsForPNs: async (pns: string[]): Promise<LIDMapping[] | null> => {
          this.lidLookups.push([...pns]);
          // The USync query behind it (`Signal/lid-mapping.js` -> pnToLIDFunc) throws the server's error answer
          // (`WABinary/generic-utils.js`, assertNodeErrorFree), e.g. 429 rate-overlimit.
          if (this.lidLookupFailures > 0) {
            this.lidLookupFailures--;
            throw errorWith('rate-overlimit', 429);
          }
          const out = pns.flatMap((pn) => {
            const lid = this.lidDirectory.get(pn);
            return lid ? [{ pn, lid }] : [];
          });
          return out.length ? out : null;
        },
      },
    };
  }

  /**
   * A restricted account: WhatsApp refuses new 1:1 chats (a 463 ack each) while chats with people
   * who wrote to the number, or listed in `established`, keep working (see handleBadAck's comment).
   */
  restricted = false;
  /** Private chats that already exist: everyone who delivered a private message, plus any added by a test. */
  readonly established = new Set<string>();

  /** Encrypted media served on loopback, by directPath (what WhatsApp's media host holds). */
  private readonly media = new Map<string, Buffer>();
  /** Every media download asked of the media host, by directPath, in order (what the bot fetched, served or not). */
  readonly mediaFetches: string[] = [];
  private mediaServer: Promise<string> | undefined;

  /**
   * A photo or document a user sends: encrypted with Baileys' own encryptedStream (lib/Utils/messages-media.js) and
   * served on a loopback port as WhatsApp's media host serves it. Returns the fields of the imageMessage /
   * documentMessage (or videoMessage: an album may hold videos) that carries it.
   */
  async addMedia(data: Buffer, type: 'image' | 'document' | 'video', mimetype: string): Promise<{ url: string; directPath: string; mediaKey: Uint8Array; fileEncSha256: Uint8Array; fileSha256: Uint8Array; fileLength: number; mimetype: string }> {
    const enc = await encryptedStream(data, type, { logger: pino({ level: 'silent' }) as never });
    const bytes = readFileSync(enc.encFilePath);
    rmSync(enc.encFilePath, { force: true });
    if (enc.originalFilePath) rmSync(enc.originalFilePath, { force: true });
    const directPath = `/v/t62.7118-24/${this.media.size + 1}_${enc.fileEncSha256.toString('hex').slice(0, 16)}.enc`;
    this.media.set(directPath, bytes);
    const root = await this.serveMedia();
    return { url: `${root}${directPath}`, directPath, mediaKey: enc.mediaKey, fileEncSha256: enc.fileEncSha256, fileSha256: enc.fileSha256, fileLength: data.length, mimetype };
  }

  /**
   * The media host no longer holds this file (WhatsApp media expire): a download then gets 404, and Baileys'
   * getHttpStream throws (lib/Utils/messages-media.js).
   */
  expireMedia(directPath: string): void {
    this.media.delete(directPath);
  }

  private serveMedia(): Promise<string> {
    this.mediaServer ??= new Promise((resolve) => {
      const server = http.createServer((req, res) => {
        const path = new URL(req.url ?? '/', 'http://media.invalid').pathname;
        this.mediaFetches.push(path);
        const body = this.media.get(path);
        if (!body) res.writeHead(404).end();
        else res.writeHead(200, { 'content-length': String(body.length) }).end(body);
      });
      server.unref();
      server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`));
    });
    return this.mediaServer;
  }

  /**
   * What Baileys' downloadMediaMessage does, from the loopback host: the message's mediaKey gives the AES keys
   * (getMediaKeys), and downloadEncryptedContent fetches, checks and decrypts (lib/Utils/messages-media.js).
   */
  async downloadMedia(m: WAMessage): Promise<Buffer> {
    const content = extractMessageContent(m.message);
    const media = content?.imageMessage ?? content?.documentMessage;
    if (!media?.mediaKey || !media.url) throw new Error('"message" is not a media message');
    const keys = await getMediaKeys(media.mediaKey, content?.imageMessage ? 'image' : 'document');
    return toBuffer(await downloadEncryptedContent(media.url, keys));
  }

  /** Makes the next `n` sends fail with `fault`. */
  failNext(n: number, fault: FakeSendFault): void {
    for (let i = 0; i < n; i++) this.faults.push(fault);
  }

  /** Records a send, or throws the next injected fault the way Baileys would. */
  async sendMessage(jid: string, content: Record<string, unknown>): Promise<WAMessage> {
    // Socket/socket.js sendRawMessage: a closed websocket throws before anything is written.
    if (this.ended) throw errorWith('Connection Closed', DisconnectReason.connectionClosed);
    const fault = this.faults.shift();
    if (fault === 'network') throw errorWith('Connection Closed', 428);
    if (fault === 'timeout') throw errorWith('Timed Out', 408);
    if (fault === 'rate') throw errorWith('rate-overlimit', 429);
    if (fault === 'bug') throw new TypeError('Cannot read properties of undefined');
    // Socket/messages-send.js relayMessage: a group send asks cachedGroupMetadata first and calls
    // groupMetadata only when that gives no participant list; those participants get the sender key.
    // (A group the fake was never told about is sent to without recipients, so simple tests need no setup.)
    let recipients: string[] | undefined;
    if (isJidGroup(jid)) {
      let meta = this.init?.cachedGroupMetadata ? await this.init.cachedGroupMetadata(jid) : undefined;
      if ((!meta || !Array.isArray(meta.participants)) && this.groups.has(jid)) meta = await this.groupMetadata(jid);
      recipients = meta?.participants.map((p) => p.id);
    }
    const id = `3EB0FAKE${String(++this.seq).padStart(8, '0')}`;
    const newChatRefused = this.restricted && !isJidGroup(jid) && !this.established.has(jid);
    const refused = fault === '463' || newChatRefused ? '463' : fault?.startsWith('ack:') ? fault.slice(4) : undefined;
    this.sent.push({ jid, content, at: this.now(), id, ...(refused ? { refused } : {}), ...(recipients ? { recipients } : {}) });
    if (refused) this.queueAck(jid, id, refused);
    // What generateWAMessage builds (lib/Utils/messages.js): a document send is a documentMessage, with its own key id.
    const message = content['document'] !== undefined
      ? { documentMessage: { fileName: String(content['fileName'] ?? ''), mimetype: String(content['mimetype'] ?? ''), ...(content['caption'] !== undefined ? { caption: String(content['caption']) } : {}) } }
      : { extendedTextMessage: { text: String(content['text'] ?? '') } };
    return proto.WebMessageInfo.fromObject({ key: { remoteJid: jid, fromMe: true, id }, message }) as WAMessage;
  }

  private pendingAcks: Promise<void>[] = [];

  /**
   * The server's error ack, after the send resolved: what handleBadAck (`Socket/messages-recv.js`)
   * emits, including its quirk that a 463 always carries ACCOUNT_RESTRICTED_TEXT as a second
   * parameter (NACK_REASONS.SenderReachoutTimelocked is 463 too). Never thrown.
   */
  private queueAck(jid: string, id: string, error: string): void {
    const isReachoutTimelocked = error === String(NACK_REASONS.SenderReachoutTimelocked);
    this.pendingAcks.push(
      new Promise<void>((resolve) =>
        setImmediate(() => {
          this.ev.emit('messages.update', [
            {
              key: { remoteJid: jid, fromMe: true, id },
              update: { status: proto.WebMessageInfo.Status.ERROR, messageStubParameters: isReachoutTimelocked ? [error, ACCOUNT_RESTRICTED_TEXT] : [error] },
            },
          ]);
          resolve();
        }),
      ),
    );
  }

  /** Resolves once every error ack queued so far has been emitted. */
  async acksDelivered(): Promise<void> {
    while (this.pendingAcks.length) await Promise.all(this.pendingAcks.splice(0));
  }

  /**
   * Members the server counts in a group's `size` but leaves out of its participant list (a short roster,
   * as Baileys users report for large groups): `groupMetadata` answers `size` = listed + unlisted.
   */
  readonly unlisted = new Map<string, number>();

  /**
   * Metadata of a known group, shaped as `extractGroupMetadata` (`Socket/groups.js`) returns it: `size` is the
   * server's count (the listed entries plus `unlisted`), entries are as configured (`{ id: '...@lid' }` alone is a
   * LID-only entry, as when the server sends no `phone_number`).
   */
  async groupMetadata(jid: string): Promise<GroupMetadata> {
    this.metadataCalls.push(jid);
    const g = this.groups.get(jid);
    if (!g) throw errorWith('item-not-found', 404);
    return { ...structuredClone(g), size: g.participants.length + (this.unlisted.get(jid) ?? 0) };
  }

  /** Invite codes an admin reset: asking about them or accepting them is answered 410 `gone`. */
  readonly revokedInvites = new Set<string>();
  /** Join requests the bot made to groups with admin approval (`membership_approval_mode`), by group. */
  readonly joinRequests: string[] = [];

  /**
   * What the server says about an invite code, as `groupGetInviteInfo` (`Socket/groups.js`) returns it:
   * `extractGroupMetadata` of the group (subject, size, description, `joinApprovalMode`, `isCommunity`,
   * `isCommunityAnnounce`, `linkedParent`, the roster) without joining. A code the server does not know is
   * refused with 406 `not-acceptable`, a reset one with 410 `gone`; as any `<error>` answer they reach the
   * caller through `query`'s assertNodeErrorFree (`WABinary/generic-utils.js`): a Boom whose `data` is the code.
   */
  async groupGetInviteInfo(code: string): Promise<GroupMetadata> {
    const gid = this.inviteTarget(code);
    return this.groupMetadata(gid);
  }

  private inviteTarget(code: string): string {
    if (this.ended) throw errorWith('Connection Closed', DisconnectReason.connectionClosed);
    if (this.revokedInvites.has(code)) throw serverError('gone', 410);
    const gid = this.invites.get(code);
    if (!gid || !this.groups.has(gid)) throw serverError('not-acceptable', 406);
    return gid;
  }

  /**
   * Joins a group by invite code (`groupAcceptInvite`, `Socket/groups.js`): the bot becomes a member and the join
   * notification arrives like live traffic; the answer is the `<group jid>`'s jid. A group with admin approval
   * answers with a membership-approval request instead, so no JID comes back (undefined) and nobody joins.
   */
  async groupAcceptInvite(code: string): Promise<string | undefined> {
    const gid = this.inviteTarget(code);
    const g = this.groups.get(gid)!;
    if (g.joinApprovalMode) {
      this.joinRequests.push(gid);
      return undefined;
    }
    if (!g.participants.some((p) => p.id === this.user.lid || p.id === this.user.id)) {
      g.participants.push({ id: this.user.lid ?? this.user.id, phoneNumber: this.user.id, admin: null });
    }
    void this.deliver(participantStub({ group: gid, id: `INV${++this.seq}`, author: this.user.lid ?? this.user.id, action: 'invite', participants: [{ id: this.user.lid ?? this.user.id, phoneNumber: this.user.id }], at: this.now() }));
    return gid;
  }

  /** What the server says about the reach-out time lock (`fetchAccountReachoutTimelock`); default: none. */
  reachoutLock: ReachoutTimelockState = { isActive: false, enforcementType: 'DEFAULT' as ReachoutTimelockState['enforcementType'] };
  /** What the server says about the new-chat message cap (`fetchNewChatMessageCap`); default: nothing used. */
  newChatCap: NewChatMessageCapInfo = { total_quota: 0, used_quota: 0, capping_status: 'NONE' as NewChatMessageCapInfo['capping_status'] };
  /** Calls of the two questions above, in order. */
  readonly restrictionQueries: ('reachout' | 'cap')[] = [];

  /**
   * `fetchAccountReachoutTimelock` (`Socket/socket.js`): the WMex answer as a ReachoutTimelockState (an end of '0'
   * becomes none), emitted as `connection.update.reachoutTimeLock` and returned.
   */
  async fetchAccountReachoutTimelock(): Promise<ReachoutTimelockState> {
    this.restrictionQueries.push('reachout');
    if (this.ended) throw errorWith('Connection Closed', DisconnectReason.connectionClosed);
    const result = { ...this.reachoutLock };
    this.ev.emit('connection.update', { reachoutTimeLock: result });
    return result;
  }

  /** `fetchNewChatMessageCap` (`Socket/socket.js`): the server's NewChatMessageCapInfo. */
  async fetchNewChatMessageCap(): Promise<NewChatMessageCapInfo> {
    this.restrictionQueries.push('cap');
    if (this.ended) throw errorWith('Connection Closed', DisconnectReason.connectionClosed);
    return { ...this.newChatCap };
  }

  /** The server lifts the lock: what handleReachoutTimelockNotification (`Socket/messages-recv.js`) emits for `is_active: false`. */
  liftReachoutLock(): void {
    this.reachoutLock = { isActive: false, enforcementType: 'DEFAULT' as ReachoutTimelockState['enforcementType'] };
    this.restricted = false;
    this.ev.emit('connection.update', { reachoutTimeLock: { ...this.reachoutLock } });
  }

  /** A group admin approves the bot's join request: the bot is added, and the add notification arrives like live traffic. */
  async approveJoinRequest(gid: string, admin: string): Promise<void> {
    const g = this.groups.get(gid);
    if (!g || !this.joinRequests.includes(gid)) throw new Error(`no join request for ${gid}`);
    this.joinRequests.splice(this.joinRequests.indexOf(gid), 1);
    g.participants.push({ id: this.user.lid ?? this.user.id, phoneNumber: this.user.id, admin: null });
    await this.deliver(participantStub({ group: gid, id: `APR${++this.seq}`, author: admin, action: 'add', participants: [{ id: this.user.lid ?? this.user.id, phoneNumber: this.user.id }], at: this.now() }));
  }

  /** Records the phone and answers with a fixed code. */
  async requestPairingCode(phone: string): Promise<string> {
    this.pairingRequests.push(phone);
    return 'JAGA1234';
  }

  /** Closes the connection (`err` carries the status code, e.g. 401 for logged out). */
  end(err: Error | undefined): void {
    if (this.ended) return;
    this.ended = true;
    this.ev.emit('connection.update', { connection: 'close', lastDisconnect: { error: err, date: new Date(this.now()) } });
  }

  /** Announces the connection as open (what Baileys emits after login). */
  open(): void {
    this.ev.emit('connection.update', { connection: 'open' });
  }

  /** Adds a group the bot can see. */
  addGroup(meta: GroupMetadata): void {
    this.groups.set(meta.id, meta);
  }

  /** Emits any Baileys event as is. */
  emit<K extends keyof BaileysEventMap>(name: K, data: BaileysEventMap[K]): void {
    this.ev.emit(name, data);
  }

  /** The offline backlog is being delivered: bufferable events are held until `endBacklog`. */
  private backlog = false;

  /**
   * Starts the offline backlog, as a logged-in socket does on connect (`Socket/socket.js`: `ev.buffer()`
   * in the first tick; `Socket/chats.js` keeps buffering up to 20 s awaiting history on a first connect).
   * Until `endBacklog`, `deliver` behaves like the offline node processor (`Utils/offline-node-processor.js`):
   * `upsertMessage(msg, 'append')` with no flush, so Baileys' own `makeEventBuffer` consolidates everything
   * (`Utils/event-buffer.js`: a reaction to a buffered message is folded into its `reactions`, no
   * `messages.reaction` is emitted), while `group-participants.update`, which is not bufferable, goes out at once.
   */
  beginBacklog(): void {
    this.backlog = true;
    this.ev.buffer();
  }

  /** Ends the offline backlog (`CB:ib,,offline`): one flush of everything held, then `receivedPendingNotifications`. */
  endBacklog(): void {
    this.backlog = false;
    this.ev.flush();
    this.ev.emit('connection.update', { receivedPendingNotifications: true });
  }

  /** Whether the offline backlog is being delivered. */
  get inBacklog(): boolean {
    return this.backlog;
  }

  /**
   * Delivers a message the way the socket's `upsertMessage` does: inside a
   * buffer, `messages.upsert` then Baileys' `processMessage` (which turns
   * stubs into `group-participants.update`, reactions into `messages.reaction`),
   * then a flush (`Socket/messages-recv.js`, processNodeWithBuffer), except during the offline backlog.
   * The type defaults as live Baileys sets it: group notifications (stubs) always `append`
   * (handleNotification), offline messages `append`, live ones `notify`.
   */
  async deliver(msg: WAMessage, type: 'notify' | 'append' = msg.messageStubType || this.backlog ? 'append' : 'notify'): Promise<void> {
    const k = msg.key as { remoteJid?: string | null; remoteJidAlt?: string; fromMe?: boolean | null } | undefined;
    if (k?.remoteJid && !k.fromMe && !isJidGroup(k.remoteJid)) for (const j of [k.remoteJid, k.remoteJidAlt]) if (j) this.established.add(j);
    const upsert = this.ev.createBufferedFunction(async (m: WAMessage, t: 'notify' | 'append') => {
      this.ev.emit('messages.upsert', { messages: [m], type: t });
      // Socket/chats.js upsertMessage: a message with a push name tells the sender's name as contacts.update { id, notify }
      // (the id is key.participant, else remoteJid, normalised; never for our own messages).
      if (m.pushName && !m.key?.fromMe) {
        const from = m.key?.participant || m.key?.remoteJid;
        if (from) this.ev.emit('contacts.update', [{ id: jidNormalizedUser(from), notify: m.pushName, verifiedName: m.verifiedBizName ?? undefined }]);
      }
      await processMessage(m, {
        shouldProcessHistoryMsg: false,
        ev: this.ev,
        creds: this.creds,
        keyStore: { get: async () => ({}), set: async () => {}, isInTransaction: () => false, transaction: async (exec: () => Promise<unknown>) => exec() } as never,
        signalRepository: this.signalRepository as never,
        logger: pino({ level: 'silent' }),
        options: {},
        getMessage: async () => undefined,
      });
    });
    await upsert(msg, type);
    if (!this.backlog) this.ev.flush();
  }
}

/** A socket factory that hands out the given fake sockets in turn (the last one again when they run out); `inits` records what each was built with. */
export function fakeSocketFactory(...socks: FakeWASocket[]): WaSocketFactory & { inits: WaSocketInit[] } {
  let i = 0;
  const inits: WaSocketInit[] = [];
  return Object.assign(
    (init: WaSocketInit) => {
      inits.push(init);
      const s = socks[Math.min(i++, socks.length - 1)]!;
      s.ended = false;
      s.init = init;
      return s;
    },
    { inits },
  );
}

/**
 * A close reason shaped like the Boom errors `Socket/socket.js` ends the connection with
 * (`output.statusCode`, `data`): e.g. `disconnectError(401, 'Stream Errored (conflict)',
 * { tag: 'conflict', attrs: { type: 'device_removed' } })` for a logout from the phone.
 */
export const disconnectError = (statusCode: number, message: string, data?: unknown): Error =>
  Object.assign(new Error(message), { isBoom: true, output: { statusCode, payload: { statusCode, message } }, data });

// ------------------------------------------------------------------ traffic builders

/** Common fields of a group message. */
export interface FakeMessageInput {
  group: string;
  id: string;
  /** Sender JID as it arrives (often `...@lid`). */
  from: string;
  /** The other handle of the sender (`participantAlt`). */
  fromAlt?: string;
  pushName?: string;
  /** Epoch ms. */
  at: number;
}

const withKeyExtras = (raw: Record<string, unknown>, extras: Record<string, unknown>): WAMessage => {
  const m = proto.WebMessageInfo.fromObject(raw) as WAMessage;
  // participantAlt / remoteJidAlt are not protobuf fields: Baileys sets them on the key object itself.
  m.key = { ...m.key, ...Object.fromEntries(Object.entries(extras).filter(([, v]) => v !== undefined)) };
  return m;
};

const groupKey = (i: FakeMessageInput) => ({ remoteJid: i.group, fromMe: false, id: i.id, participant: i.from });

/** A group text, with mentions when given. */
export function textMessage(i: FakeMessageInput & { text: string; mentions?: string[] }): WAMessage {
  const message = i.mentions?.length
    ? { extendedTextMessage: { text: i.text, contextInfo: { mentionedJid: i.mentions } } }
    : { conversation: i.text };
  return withKeyExtras({ key: groupKey(i), message, messageTimestamp: Math.floor(i.at / 1000), pushName: i.pushName }, { participantAlt: i.fromAlt });
}

/** An image in a disappearing-messages chat, its caption mentioning people. */
export function ephemeralImageMessage(i: FakeMessageInput & { caption: string; mentions?: string[] }): WAMessage {
  const message = {
    ephemeralMessage: {
      message: { imageMessage: { mimetype: 'image/jpeg', caption: i.caption, contextInfo: { mentionedJid: i.mentions ?? [], expiration: 604800 } } },
    },
  };
  return withKeyExtras({ key: groupKey(i), message, messageTimestamp: Math.floor(i.at / 1000), pushName: i.pushName }, { participantAlt: i.fromAlt });
}

/** A view-once video whose caption mentions people. */
export function viewOnceMessage(i: FakeMessageInput & { caption: string; mentions?: string[] }): WAMessage {
  const message = { viewOnceMessageV2: { message: { videoMessage: { mimetype: 'video/mp4', viewOnce: true, caption: i.caption, contextInfo: { mentionedJid: i.mentions ?? [] } } } } };
  return withKeyExtras({ key: groupKey(i), message, messageTimestamp: Math.floor(i.at / 1000), pushName: i.pushName }, { participantAlt: i.fromAlt });
}

/**
 * An edit of an earlier group post, as it arrives: an `editedMessage` wrapper around a
 * `protocolMessage` of type MESSAGE_EDIT (what `generateWAMessageContent` builds for `{ edit }`,
 * `Utils/messages.js`). Delivered, Baileys' `processMessage` also emits it as `messages.update`
 * with `update.message.editedMessage.message` (`Utils/process-message.js`).
 */
export function editMessage(i: FakeMessageInput & { targetId: string; text: string; mentions?: string[] }): WAMessage {
  const edited = i.mentions?.length ? { extendedTextMessage: { text: i.text, contextInfo: { mentionedJid: i.mentions } } } : { extendedTextMessage: { text: i.text } };
  const message = {
    editedMessage: {
      message: {
        protocolMessage: {
          key: { remoteJid: i.group, fromMe: false, id: i.targetId, participant: i.from },
          type: proto.Message.ProtocolMessage.Type.MESSAGE_EDIT,
          editedMessage: edited,
          timestampMs: i.at,
        },
      },
    },
  };
  return withKeyExtras({ key: groupKey(i), message, messageTimestamp: Math.floor(i.at / 1000), pushName: i.pushName }, { participantAlt: i.fromAlt });
}

/** A poll, as `generateWAMessageContent` builds `{ poll }` (`Utils/messages.js`): `pollCreationMessageV3` for a single-answer poll. */
export function pollMessage(i: FakeMessageInput & { question: string; options: string[]; mentions?: string[] }): WAMessage {
  const poll = { name: i.question, options: i.options.map((optionName) => ({ optionName })), selectableOptionsCount: 1, ...(i.mentions?.length ? { contextInfo: { mentionedJid: i.mentions } } : {}) };
  return withKeyExtras({ key: groupKey(i), message: { messageContextInfo: { messageSecret: Buffer.alloc(32, 7) }, pollCreationMessageV3: poll }, messageTimestamp: Math.floor(i.at / 1000), pushName: i.pushName }, { participantAlt: i.fromAlt });
}

/** An event invitation (`eventMessage`): name, description and place. */
export function eventMessage(i: FakeMessageInput & { name: string; description?: string; place?: string; startAt: number }): WAMessage {
  const event = { name: i.name, description: i.description, location: i.place ? { name: i.place } : undefined, startTime: Math.floor(i.startAt / 1000), isCanceled: false };
  return withKeyExtras({ key: groupKey(i), message: { messageContextInfo: { messageSecret: Buffer.alloc(32, 9) }, eventMessage: event }, messageTimestamp: Math.floor(i.at / 1000), pushName: i.pushName }, { participantAlt: i.fromAlt });
}

/** A reaction message (Baileys' `processMessage` turns it into `messages.reaction`). */
export function reactionMessage(i: FakeMessageInput & { targetId: string; targetFrom: string; emoji: string }): WAMessage {
  const message = { reactionMessage: { key: { remoteJid: i.group, fromMe: false, id: i.targetId, participant: i.targetFrom }, text: i.emoji, senderTimestampMs: i.at } };
  return withKeyExtras({ key: groupKey(i), message, messageTimestamp: Math.floor(i.at / 1000) }, { participantAlt: i.fromAlt });
}

/** A private message to the bot. */
export function privateMessage(i: { from: string; fromAlt?: string; id: string; text: string; at: number; pushName?: string }): WAMessage {
  return withKeyExtras(
    { key: { remoteJid: i.from, fromMe: false, id: i.id }, message: { conversation: i.text }, messageTimestamp: Math.floor(i.at / 1000), pushName: i.pushName },
    { remoteJidAlt: i.fromAlt },
  );
}

/** A message the bot itself sent (must be ignored). */
export function ownMessage(i: { group: string; id: string; text: string; at: number }): WAMessage {
  return proto.WebMessageInfo.fromObject({ key: { remoteJid: i.group, fromMe: true, id: i.id }, message: { conversation: i.text }, messageTimestamp: Math.floor(i.at / 1000) }) as WAMessage;
}

const STUB: Record<'add' | 'invite' | 'remove' | 'leave', number> = {
  add: WAMessageStubType.GROUP_PARTICIPANT_ADD,
  invite: WAMessageStubType.GROUP_PARTICIPANT_INVITE,
  remove: WAMessageStubType.GROUP_PARTICIPANT_REMOVE,
  leave: WAMessageStubType.GROUP_PARTICIPANT_LEAVE,
};

/**
 * A group notification stub as `messages-recv` builds it: participants JSON-encoded in `messageStubParameters`
 * (`handleGroupNotification`). `authorAlt` is the stanza's `participant_pn`: `handleNotification`
 * (node_modules/@whiskeysockets/baileys/lib/Socket/messages-recv.js) puts it on the key as `participantAlt`, then
 * passes the message through `proto.WebMessageInfo.fromObject`, whose MessageKey has no such field: it is dropped,
 * and so is `addressingMode`. What reaches the app is the key without them, as here.
 */
export function participantStub(i: {
  group: string;
  id: string;
  author: string;
  authorAlt?: string;
  action: 'add' | 'invite' | 'remove' | 'leave';
  participants: Partial<GroupParticipant>[];
  at: number;
}): WAMessage {
  return proto.WebMessageInfo.fromObject({
    key: { remoteJid: i.group, fromMe: false, participant: i.author, participantAlt: i.authorAlt, addressingMode: 'lid', id: i.id },
    participant: i.author,
    messageStubType: STUB[i.action],
    messageStubParameters: i.participants.map((p) => JSON.stringify(p)),
    messageTimestamp: Math.floor(i.at / 1000),
  }) as WAMessage;
}

/** Group metadata as `groupMetadata()` returns it (`size` as extractGroupMetadata sets it when the server sends none: the list's length). */
export function groupMeta(i: {
  id: string;
  subject: string;
  desc?: string;
  participants: Partial<GroupParticipant>[];
  owner?: string;
  /** A community's announcement group (`default_sub_group`). */
  isCommunityAnnounce?: boolean;
  /** A community parent (`parent`). */
  isCommunity?: boolean;
  /** The community this group belongs to (`linked_parent`). */
  linkedParent?: string;
  /** New members need an admin's approval (`membership_approval_mode`). */
  joinApprovalMode?: boolean;
}): GroupMetadata {
  return {
    id: i.id,
    subject: i.subject,
    desc: i.desc,
    owner: i.owner,
    addressingMode: 'lid' as GroupMetadata['addressingMode'],
    size: i.participants.length,
    isCommunity: i.isCommunity ?? false,
    isCommunityAnnounce: i.isCommunityAnnounce ?? false,
    joinApprovalMode: i.joinApprovalMode ?? false,
    ...(i.linkedParent ? { linkedParent: i.linkedParent } : {}),
    participants: i.participants.map((p) => ({ admin: null, ...p, id: p.id! })),
  } as GroupMetadata;
}

/** A private photo (or screenshot) with a caption, its media from `FakeWASocket.addMedia`. */
export function privateImageMessage(i: { from: string; fromAlt?: string; id: string; caption?: string; at: number; media: Awaited<ReturnType<FakeWASocket['addMedia']>> }): WAMessage {
  return withKeyExtras(
    {
      key: { remoteJid: i.from, fromMe: false, id: i.id },
      message: { imageMessage: { ...i.media, ...(i.caption ? { caption: i.caption } : {}) } },
      messageTimestamp: Math.floor(i.at / 1000),
    },
    { remoteJidAlt: i.fromAlt },
  );
}

/**
 * A video sent to the bot in a private chat: proto.Message.videoMessage (WAProto/index.d.ts, Message.IVideoMessage:
 * url, mediaKey, mimetype, fileLength, caption), or `ptvMessage` (the same IVideoMessage) for a round video, which
 * Baileys' generateWAMessageContent builds for `{ video, ptv: true }` (lib/Utils/messages.js).
 */
export function privateVideoMessage(i: { from: string; fromAlt?: string; id: string; caption?: string; at: number; media: Awaited<ReturnType<FakeWASocket['addMedia']>>; ptv?: boolean }): WAMessage {
  return withKeyExtras(
    {
      key: { remoteJid: i.from, fromMe: false, id: i.id },
      message: { [i.ptv ? 'ptvMessage' : 'videoMessage']: { ...i.media, ...(i.caption ? { caption: i.caption } : {}) } },
      messageTimestamp: Math.floor(i.at / 1000),
    },
    { remoteJidAlt: i.fromAlt },
  );
}

/**
 * An album a phone sends to the bot in a private chat: first the header, an `albumMessage` with
 * `expectedImageCount` (what Baileys' generateWAMessageContent builds for `{ album }`, lib/Utils/messages.js), then
 * one message per picture, each naming the header's key in `messageContextInfo.messageAssociation`
 * (`associationType: MEDIA_ALBUM`, `parentMessageKey`, WAProto MessageAssociation). The key is as the sender's phone
 * wrote it (`fromMe: true`, to the bot). `shape: 'app'` (default) wraps each picture in `associatedChildMessage`
 * with its `messageIndex`, as WhatsApp's apps send album children; `shape: 'baileys'` is what Baileys' own sender
 * builds for `{ image, albumParentKey }` (the association on the message itself, no index). A caption may be on any
 * picture (`captions[k]`). Deliver them one by one with `FakeWASocket.deliver`: each is its own `messages.upsert`,
 * as each arrives as its own stanza (`Socket/messages-recv.js`, handleMessage -> upsertMessage).
 */
export function privateAlbumMessages(i: {
  from: string;
  fromAlt?: string;
  /** The header's message id; the pictures get `<id>-1`, `<id>-2`, ... */
  id: string;
  at: number;
  media: Awaited<ReturnType<FakeWASocket['addMedia']>>[];
  captions?: (string | undefined)[];
  shape?: 'app' | 'baileys';
  /** The bot's JID, the header key's remoteJid as the sender wrote it. */
  to?: string;
  /** The header's expected count, when it should differ from the pictures given (a picture that never came). */
  expected?: number;
}): { header: WAMessage; pictures: WAMessage[] } {
  const ts = Math.floor(i.at / 1000);
  const key = (id: string) => ({ remoteJid: i.from, fromMe: false, id });
  // A video of the album is a videoMessage, counted in expectedVideoCount (generateWAMessageContent counts both kinds).
  const isVideo = (m: { mimetype: string }): boolean => m.mimetype.startsWith('video/');
  const videos = i.media.filter(isVideo).length;
  const header = withKeyExtras(
    { key: key(i.id), message: { albumMessage: { expectedImageCount: (i.expected ?? i.media.length) - videos, expectedVideoCount: videos } }, messageTimestamp: ts },
    { remoteJidAlt: i.fromAlt },
  );
  const parentMessageKey = { remoteJid: i.to ?? '6281100000000@s.whatsapp.net', fromMe: true, id: i.id };
  const pictures = i.media.map((media, k) => {
    const caption = i.captions?.[k];
    const content = { [isVideo(media) ? 'videoMessage' : 'imageMessage']: { ...media, ...(caption ? { caption } : {}) } };
    const association = { associationType: proto.MessageAssociation.AssociationType.MEDIA_ALBUM, parentMessageKey, ...(i.shape === 'baileys' ? {} : { messageIndex: k }) };
    const message =
      i.shape === 'baileys'
        ? { ...content, messageContextInfo: { messageAssociation: association } }
        : { associatedChildMessage: { message: { ...content, messageContextInfo: { messageAssociation: association } } } };
    return withKeyExtras({ key: key(`${i.id}-${k + 1}`), message, messageTimestamp: ts }, { remoteJidAlt: i.fromAlt });
  });
  return { header, pictures };
}
