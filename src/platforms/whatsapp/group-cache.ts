/**
 * Group metadata for Baileys' `cachedGroupMetadata` (`Socket/messages-send.js`, relayMessage):
 * when the bot sends to a group, the participants returned here decide who receives the group's
 * sender key, so a stale list leaves new members unable to read our reminders. As the Baileys
 * README advises, entries expire after 5 minutes and are patched on `group-participants.update`
 * (add / remove / promote / demote) and `groups.update` (subject etc.). Network fetches
 * (`groupMetadata`) are rate-limited: one in flight per group, a minimum spacing between any two,
 * and a failure is remembered for a while (the stale entry, if any, answers meanwhile) so a
 * broken group is never retried in a loop. Entries live in SQLite (`wa_group_meta`).
 */
import { jidNormalizedUser, type BaileysEventMap, type GroupMetadata, type GroupParticipant } from '@whiskeysockets/baileys';
import type { Db } from '../../store/db.js';
import { readGroupMeta, type WaSocketLike } from './connection.js';

/** Entries older than this are fetched again (Baileys README: "cache ... with a TTL of 5 minutes"). */
export const GROUP_META_TTL_MS = 5 * 60_000;
/** Minimum spacing between any two `groupMetadata` calls. */
export const GROUP_META_MIN_SPACING_MS = 2_000;
/** How long a failed fetch is remembered before that group is tried again. */
export const GROUP_META_FAILURE_MS = 10 * 60_000;

export interface GroupMetaCacheOptions {
  clock: () => number;
  /** Waits (default setTimeout); injected by tests. */
  sleep?: (ms: number) => Promise<void>;
  ttlMs?: number;
  minSpacingMs?: number;
  failureMs?: number;
  /**
   * Every fetched copy, as the server sent it: its participants carry `{ id, phoneNumber | lid }`
   * (`Socket/groups.js`, extractGroupMetadata), LID↔phone pairs the adapter learns, whatever asked for the fetch.
   */
  onFetched?: (meta: GroupMetadata) => void;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref?.());

/** One per adapter: survives reconnects (the socket is looked up at fetch time). */
export class GroupMetaCache {
  private readonly inFlight = new Map<string, Promise<GroupMetadata | undefined>>();
  private readonly failedAt = new Map<string, number>();
  private nextSlot = 0;
  private slots: Promise<void> = Promise.resolve();
  /** Network calls made, for tests and logs. */
  fetches = 0;

  constructor(
    private readonly db: Db,
    private readonly socket: () => WaSocketLike | undefined,
    private readonly o: GroupMetaCacheOptions,
  ) {}

  private get ttl() {
    return this.o.ttlMs ?? GROUP_META_TTL_MS;
  }

  private updatedAt(jid: string): number | undefined {
    const r = this.db.prepare(`SELECT updated_at FROM wa_group_meta WHERE jid = ?`).get(jid) as { updated_at: number } | undefined;
    return r?.updated_at;
  }

  /** What `cachedGroupMetadata` answers: a fresh entry, else a (rate-limited) fetch, else the stale entry or undefined. */
  readonly get = async (jid: string): Promise<GroupMetadata | undefined> => {
    const now = this.o.clock();
    const stale = readGroupMeta(this.db, jid);
    const at = this.updatedAt(jid);
    if (stale && at !== undefined && now - at < this.ttl) return stale;
    const failed = this.failedAt.get(jid);
    if (failed !== undefined && now - failed < (this.o.failureMs ?? GROUP_META_FAILURE_MS)) return stale;
    const running = this.inFlight.get(jid);
    if (running) return (await running) ?? stale;
    const p = this.fetch(jid).finally(() => this.inFlight.delete(jid));
    this.inFlight.set(jid, p);
    return (await p) ?? stale;
  };

  /**
   * A copy no older than `maxAgeMs` (0: fetch now) for the adapter's own needs (a group met for the
   * first time, a join, a member scan, a membership check), through the same limiter: one call in
   * flight per group, spaced from any other, and a recent failure answers undefined without a call.
   */
  readonly fresh = async (jid: string, maxAgeMs = 0): Promise<GroupMetadata | undefined> => {
    const now = this.o.clock();
    const at = this.updatedAt(jid);
    if (maxAgeMs > 0 && at !== undefined && now - at < maxAgeMs) return readGroupMeta(this.db, jid);
    const failed = this.failedAt.get(jid);
    if (failed !== undefined && now - failed < (this.o.failureMs ?? GROUP_META_FAILURE_MS)) return undefined;
    const running = this.inFlight.get(jid);
    if (running) return running;
    const p = this.fetch(jid).finally(() => this.inFlight.delete(jid));
    this.inFlight.set(jid, p);
    return p;
  };

  /** Fetches after waiting for the next free slot; undefined (and remembered) on failure. */
  private fetch(jid: string): Promise<GroupMetadata | undefined> {
    const spacing = this.o.minSpacingMs ?? GROUP_META_MIN_SPACING_MS;
    const turn = this.slots.then(async () => {
      const wait = this.nextSlot - this.o.clock();
      if (wait > 0) await (this.o.sleep ?? realSleep)(wait);
      this.nextSlot = this.o.clock() + spacing;
    });
    this.slots = turn;
    return turn.then(async () => {
      const sock = this.socket();
      if (!sock) return undefined;
      this.fetches++;
      try {
        const meta = await sock.groupMetadata(jid);
        this.failedAt.delete(jid);
        this.store(meta, this.o.clock());
        try {
          this.o.onFetched?.(meta);
        } catch {
          // learning pairs is a side benefit: the copy is still good
        }
        return readGroupMeta(this.db, jid);
      } catch {
        this.failedAt.set(jid, this.o.clock());
        return undefined;
      }
    });
  }

  /** Replaces a group's entry with full metadata (fetched, or from `groups.upsert`). */
  store(meta: GroupMetadata, now: number): void {
    this.db
      .prepare(`INSERT INTO wa_group_meta (jid, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(jid) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`)
      .run(meta.id, JSON.stringify(meta), now);
  }

  /** Rewrites an entry's value without renewing its age: a patch is not a full fetch. */
  private patch(jid: string, f: (m: GroupMetadata) => GroupMetadata): void {
    const m = readGroupMeta(this.db, jid);
    if (!m) return;
    this.db.prepare(`UPDATE wa_group_meta SET value = ? WHERE jid = ?`).run(JSON.stringify(f(m)), jid);
  }

  /** `group-participants.update`: add / remove / promote / demote in the cached list (Baileys README, "Caching Group Metadata"). */
  onParticipants(u: BaileysEventMap['group-participants.update']): void {
    if (!u?.id || !Array.isArray(u.participants)) return;
    const handles = (p: Partial<GroupParticipant>) => [p.id, p.phoneNumber, p.lid].filter((h): h is string => typeof h === 'string' && h.length > 0).map((h) => jidNormalizedUser(h));
    const changed = u.participants.map((p) => (typeof p === 'string' ? ({ id: p } as GroupParticipant) : p));
    const same = (a: Partial<GroupParticipant>, b: Partial<GroupParticipant>) => handles(a).some((h) => handles(b).includes(h));
    this.patch(u.id, (m) => {
      let list = [...(m.participants ?? [])];
      // The server's `size` counts members it may not have listed (`Socket/groups.js`, extractGroupMetadata): it
      // moves with the change, and never drops below the list, so a short roster stays visibly short.
      let size = typeof m.size === 'number' ? m.size : list.length;
      switch (u.action) {
        case 'add':
          for (const p of changed) {
            if (list.some((q) => same(q, p))) continue;
            list.push({ admin: null, ...p });
            size++;
          }
          break;
        case 'remove':
          list = list.filter((q) => !changed.some((p) => same(q, p)));
          size -= changed.length;
          break;
        case 'promote':
        case 'demote':
          list = list.map((q) => (changed.some((p) => same(q, p)) ? { ...q, admin: u.action === 'promote' ? 'admin' : null } : q));
          break;
        default:
          break;
      }
      return { ...m, participants: list, size: Math.max(size, list.length) };
    });
  }

  /** `groups.update`: merges the changed fields (subject, description, settings). */
  onGroupsUpdate(updates: BaileysEventMap['groups.update']): void {
    for (const g of updates ?? []) {
      if (!g?.id) continue;
      const fields = Object.fromEntries(Object.entries(g).filter(([, v]) => v !== undefined));
      this.patch(g.id, (m) => ({ ...m, ...fields, id: m.id }));
    }
  }
}
