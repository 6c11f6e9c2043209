/**
 * LID <-> phone pairs. WhatsApp shows many members only as `...@lid`; the
 * phone behind a LID is known only from what the platform revealed once
 * (`participantAlt`, group metadata, `lid-mapping.update`, history sync) or
 * from asking the network for a registered phone's LID. Every pair goes into
 * `wa_lid_map`; a pair that names a registered ASN links the LID to them and
 * re-checks members that were recorded as unmatched.
 */
import { isLidUser, isPnUser, jidNormalizedUser, type LIDMapping } from '@whiskeysockets/baileys';
import type { App } from '../../app/app.js';
import { kvGet, kvSet } from '../../store/kv.js';
import { phoneToWaJid, waJidToPhone } from '../../core/phone.js';
import type { Person } from '../../core/types.js';
import { asWaLid } from '../../core/ids.js';
import type { Db } from '../../store/db.js';

/** Where a pair was learned, kept in `wa_lid_map.source` for audits. */
export type LidSource = 'participant' | 'participantAlt' | 'remoteJidAlt' | 'group_meta' | 'lid_mapping' | 'history' | 'lookup';

/** One learned pair, both sides as normalised JIDs (`...@lid`, `...@s.whatsapp.net`). */
export interface LidPair {
  lid: string;
  pn: string;
  source: LidSource;
}

/** Orders a pair whichever side came first; undefined unless one side is a LID and the other a phone JID. */
export function toLidPair(a: string | null | undefined, b: string | null | undefined, source: LidSource): LidPair | undefined {
  if (!a || !b) return undefined;
  const x = jidNormalizedUser(a);
  const y = jidNormalizedUser(b);
  if (isLidUser(x) && isPnUser(y)) return { lid: x, pn: y, source };
  if (isPnUser(x) && isLidUser(y)) return { lid: y, pn: x, source };
  return undefined;
}

/** Read side of `wa_lid_map`: the phone JID of a LID and back. */
export class WaLidMap {
  private readonly byLid;
  private readonly byPn;
  private readonly upsert;
  constructor(db: Db) {
    this.byLid = db.prepare(`SELECT pn FROM wa_lid_map WHERE lid = ?`).pluck();
    this.byPn = db.prepare(`SELECT lid FROM wa_lid_map WHERE pn = ? ORDER BY learned_at DESC LIMIT 1`).pluck();
    this.upsert = db.prepare(
      `INSERT INTO wa_lid_map (lid, pn, source, learned_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(lid) DO UPDATE SET pn = excluded.pn, source = excluded.source, learned_at = excluded.learned_at WHERE wa_lid_map.pn <> excluded.pn`,
    );
  }

  /** Phone JID behind a LID, if ever seen. */
  pnForLid(lid: string): string | undefined {
    return (this.byLid.get(jidNormalizedUser(lid)) as string | undefined) ?? undefined;
  }

  /** LID of a phone JID, if ever seen. */
  lidForPn(pn: string): string | undefined {
    return (this.byPn.get(jidNormalizedUser(pn)) as string | undefined) ?? undefined;
  }

  /** Stores a pair; true when it is new or changed. */
  store(p: LidPair, now: number): boolean {
    return this.upsert.run(p.lid, p.pn, p.source, now).changes > 0;
  }
}

/**
 * Names WhatsApp showed for a handle (`wa_names`): the push name Baileys reports as `contacts.update` `notify` for every
 * message's sender (`Socket/chats.js`, upsertMessage), and contacts from history sync. A participant notification
 * carries no name, so an adder seen only there is named from what their own messages showed.
 */
export class WaNames {
  private readonly get;
  private readonly put;
  constructor(db: Db) {
    this.get = db.prepare(`SELECT name FROM wa_names WHERE jid = ?`).pluck();
    this.put = db.prepare(
      `INSERT INTO wa_names (jid, name, seen_at) VALUES (?, ?, ?) ON CONFLICT(jid) DO UPDATE SET name = excluded.name, seen_at = excluded.seen_at`,
    );
  }

  /** The last name seen for any of these handles (in order), if any. */
  nameOf(...jids: (string | null | undefined)[]): string | undefined {
    for (const j of jids) {
      if (!j) continue;
      const n = this.get.get(jidNormalizedUser(j)) as string | undefined;
      if (n) return n;
    }
    return undefined;
  }

  /** Stores names of contacts (`notify`, else `verifiedName`, else `name`), with when they were last seen (retention forgets old ones). */
  learn(contacts: readonly { id?: string | null; lid?: string | null; phoneNumber?: string | null; notify?: string | null; verifiedName?: string | null; name?: string | null }[], now: number): number {
    let n = 0;
    for (const c of contacts) {
      const name = (c?.notify ?? c?.verifiedName ?? c?.name ?? '').replace(/\s+/g, ' ').trim().slice(0, 100);
      if (!name) continue;
      for (const j of [c.id, c.lid, c.phoneNumber]) if (j && (isLidUser(jidNormalizedUser(j)) || isPnUser(jidNormalizedUser(j)))) n += this.put.run(jidNormalizedUser(j), name, now).changes;
    }
    return n;
  }
}

/** A WhatsApp person from a JID and whatever alternative handle arrived with it, completed from the LID map. */
export function waPerson(map: Pick<WaLidMap, 'pnForLid' | 'lidForPn'>, jid: string, alt?: string | null, name?: string | null): Person {
  const id = jidNormalizedUser(jid) || jid;
  const pair = toLidPair(id, alt, 'participantAlt');
  let lid: string | undefined;
  let pn: string | undefined;
  if (isLidUser(id)) {
    lid = id;
    pn = pair?.pn ?? map.pnForLid(id);
  } else if (isPnUser(id)) {
    pn = id;
    lid = pair?.lid ?? map.lidForPn(id);
  }
  const p: Person = { platform: 'whatsapp', id };
  const phone = pn ? waJidToPhone(pn) : undefined;
  if (phone) p.phone = phone;
  if (lid) p.lid = asWaLid(lid);
  if (name) p.name = name;
  return p;
}

/**
 * Stores pairs; for every new pair that names a registered ASN, links the LID
 * to them and re-checks members recorded as unmatched under either handle.
 * Returns how many incidents the re-check opened.
 */
export function learnLidPairs(app: App, pairs: readonly LidPair[], map = new WaLidMap(app.db)): number {
  let opened = 0;
  const now = app.clock();
  for (const p of pairs) {
    const isNew = map.store(p, now);
    // An adder or tagger known so far by this LID is one person with this phone from now on (reports, Pelaku pages).
    if (isNew) app.monitor.actorIdentified(p.lid, p.pn);
    const phone = waJidToPhone(p.pn);
    const asn = phone ? app.registry.byPhone(phone) : undefined;
    if (!asn || (!isNew && asn.waLid === p.lid)) continue;
    if (asn.waLid !== p.lid) app.registry.linkWaLid(asn.nip, p.lid, now);
    const person: Person = { platform: 'whatsapp', id: p.lid, lid: asWaLid(p.lid), phone: asn.phone };
    for (const r of app.monitor.rematch('whatsapp', [p.lid, p.pn], person)) opened += r.opened.length;
  }
  if (opened) app.dispatcher.wake();
  return opened;
}

/** Pairs carried by group participants (`{ id, phoneNumber?, lid? }`). */
export function pairsFromParticipants(participants: readonly unknown[], source: LidSource): LidPair[] {
  const out: LidPair[] = [];
  for (const raw of participants) {
    if (!raw || typeof raw !== 'object') continue;
    const p = raw as { id?: string; phoneNumber?: string; lid?: string };
    const pair = toLidPair(p.id, p.phoneNumber, source) ?? toLidPair(p.id, p.lid, source);
    if (pair) out.push(pair);
  }
  return out;
}

/** The network side of the lookup, as `sock.signalRepository.lidMapping` offers it. */
export interface LidLookup {
  signalRepository: { lidMapping: { getLIDsForPNs(pns: string[]): Promise<LIDMapping[] | null> } };
}

/** Pacing of `resolveRegisteredLids`. */
export interface ResolveOptions {
  /** Phones per network request (default WA_LID_BATCH_SIZE). */
  batchSize?: number;
  /** Pause between requests, ms (default 5 s). */
  pauseMs?: number;
  /** Injectable sleep for tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Ends the pass at once (shutdown). */
  signal?: AbortSignal;
}

/** kv key prefix: phones looked up in one clock hour (`wa:lid_lookups:<hour>`), so a restart keeps the hourly limit. */
export const WA_LID_LOOKUPS_PREFIX = 'wa:lid_lookups:';
/** kv key prefix: a phone the network could not resolve, with when it was asked (not asked again for a week). */
export const WA_LID_MISS_PREFIX = 'wa:lid_miss:';
const MISS_RETRY_MS = 7 * 24 * 3_600_000;

/** What a resolve pass did. */
export interface ResolveResult {
  asked: number;
  resolved: number;
  fromCache: number;
  failedBatches: number;
  /** Phones left for the next hour (the hourly limit was reached). */
  deferred: number;
  /** Start of the next hour (epoch ms), when deferred phones may be asked. */
  nextWindowAt: number;
}

const defaultSleep = (ms: number) => new Promise<void>((res) => setTimeout(res, ms));

/**
 * Resolves every registered phone without a LID to its LID, first from pairs
 * already seen, then on the network in small, slow batches (a burst of
 * lookups is itself a ban risk). Call at start and after every import.
 */
export async function resolveRegisteredLids(app: App, sock: LidLookup, o: ResolveOptions = {}): Promise<ResolveResult> {
  const map = new WaLidMap(app.db);
  const batchSize = Math.max(1, o.batchSize ?? app.config.WA_LID_BATCH_SIZE);
  const pauseMs = o.pauseMs ?? 5000;
  const sleep = o.sleep ?? defaultSleep;
  const hour = Math.floor(app.clock() / 3_600_000);
  const result: ResolveResult = { asked: 0, resolved: 0, fromCache: 0, failedBatches: 0, deferred: 0, nextWindowAt: (hour + 1) * 3_600_000 };
  const pending: string[] = [];
  for (const asn of app.registry.all()) {
    if (asn.waLid) continue;
    const pn = phoneToWaJid(asn.phone);
    const known = map.lidForPn(pn);
    if (known) {
      learnLidPairs(app, [{ lid: known, pn, source: 'lookup' }], map);
      result.fromCache++;
    } else {
      const missed = Number(kvGet(app.db, WA_LID_MISS_PREFIX + pn) ?? 0);
      if (!missed || app.clock() - missed >= MISS_RETRY_MS) pending.push(pn);
    }
  }
  const countKey = `${WA_LID_LOOKUPS_PREFIX}${hour}`;
  const limit = app.config.WA_LID_LOOKUPS_PER_HOUR;
  for (let i = 0; i < pending.length; i += batchSize) {
    if (o.signal?.aborted) break;
    const used = Number(kvGet(app.db, countKey) ?? 0);
    const room = Math.min(batchSize, limit - used);
    if (room <= 0) {
      result.deferred = pending.length - i;
      break;
    }
    if (i > 0) await abortableSleep(sleep, pauseMs, o.signal);
    if (o.signal?.aborted) break;
    // Pairs learned passively meanwhile (participantAlt, roster phoneNumber, history sync) need no network question.
    const batch: string[] = [];
    let j = i;
    for (; j < pending.length && batch.length < room; j++) {
      const pn = pending[j]!;
      const known = map.lidForPn(pn);
      if (known) {
        learnLidPairs(app, [{ lid: known, pn, source: 'lookup' }], map);
        result.fromCache++;
      } else batch.push(pn);
    }
    i = j - batchSize; // the loop adds batchSize: the next batch starts where this one stopped
    if (!batch.length) continue;
    result.asked += batch.length;
    kvSet(app.db, countKey, String(used + batch.length), app.clock());
    try {
      const found = (await sock.signalRepository.lidMapping.getLIDsForPNs(batch)) ?? [];
      const pairs = found.map((m) => toLidPair(m.lid, m.pn, 'lookup')).filter((p): p is LidPair => Boolean(p));
      learnLidPairs(app, pairs, map);
      result.resolved += pairs.length;
      const got = new Set(pairs.map((p) => p.pn));
      for (const pn of batch) if (!got.has(pn)) kvSet(app.db, WA_LID_MISS_PREFIX + pn, String(app.clock()), app.clock());
    } catch (err) {
      // Every lookup is a USync query on the network: after a rate-limit or any error answer the pass stops
      // and the hour's budget counts as spent, so nothing is asked again before the next hour.
      result.failedBatches++;
      result.deferred = pending.length - j + batch.length;
      kvSet(app.db, countKey, String(limit), app.clock());
      app.log.warn({ err: String(err), left: result.deferred }, 'whatsapp LID lookup failed: the pass stops until the next hour');
      break;
    }
  }
  return result;
}

/** A pause that ends at once when `signal` aborts. */
function abortableSleep(sleep: (ms: number) => Promise<void>, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return sleep(ms);
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    void sleep(ms).then(done, done);
  });
}
