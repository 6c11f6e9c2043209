/**
 * The ASN registry: the `asn` table plus in-memory indexes on every handle, so
 * matching a platform event to a civil servant never touches SQLite. Every write
 * goes through this class, commits first, then updates the indexes.
 */
import type { Db } from './db.js';
import type { Nip, PhoneE164, TgUserId, WaLid } from '../core/ids.js';
import type { AsnRecord, Person } from '../core/types.js';
import { waJidToPhone } from '../core/phone.js';

/** One row of a registry import (CSV or API): the fields Humas owns. */
export type AsnInput = Omit<AsnRecord, 'waLid'>;

/** The kv key bumped on every registry write, so another process's registry knows to reload. */
export const ASN_VERSION_KEY = 'asn_version';

/**
 * Upsert by NIP. Humas-owned fields are overwritten. Telegram: a CSV id
 * replaces the stored one (and drops the username/registration that belonged to
 * the old account unless a username is given too); a CSV username replaces the
 * stored username; no telegram value keeps what registration learned. A phone
 * change drops the WhatsApp LID and registration, which belonged to the old number.
 * Positional params: nip, nama, unit, phone, tg_user_id, tg_username, now, now.
 */
export const ASN_UPSERT_SQL = `
INSERT INTO asn (nip, nama, unit, phone, tg_user_id, tg_username, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(nip) DO UPDATE SET
  nama = excluded.nama,
  unit = excluded.unit,
  phone = excluded.phone,
  wa_lid = CASE WHEN asn.phone = excluded.phone THEN asn.wa_lid ELSE NULL END,
  registered_wa_at = CASE WHEN asn.phone = excluded.phone THEN asn.registered_wa_at ELSE NULL END,
  tg_username = CASE
    WHEN excluded.tg_username IS NOT NULL THEN excluded.tg_username
    WHEN excluded.tg_user_id IS NOT NULL AND excluded.tg_user_id IS NOT asn.tg_user_id THEN NULL
    ELSE asn.tg_username END,
  registered_tg_at = CASE
    WHEN excluded.tg_user_id IS NOT NULL AND excluded.tg_user_id IS NOT asn.tg_user_id THEN NULL
    ELSE asn.registered_tg_at END,
  tg_user_id = COALESCE(excluded.tg_user_id, asn.tg_user_id),
  updated_at = excluded.updated_at`;

const COLS = 'nip, nama, unit, phone, tg_user_id, tg_username, wa_lid';

type Row = {
  nip: string;
  nama: string;
  unit: string;
  phone: string;
  tg_user_id: string | null;
  tg_username: string | null;
  wa_lid: string | null;
};

/** Canonical Telegram username: no `@`, lower case (Telegram usernames are case-insensitive). */
export function normalizeTgUsername(u: string | undefined | null): string | undefined {
  if (u == null) return undefined;
  const s = u.trim().replace(/^@/, '').toLowerCase();
  return s === '' ? undefined : s;
}

/** Canonical LID: device suffix (`:12`) stripped, `@lid` kept. */
export function normalizeWaLid(lid: string): WaLid {
  const at = lid.indexOf('@');
  const user = at >= 0 ? lid.slice(0, at) : lid;
  const colon = user.indexOf(':');
  return `${colon >= 0 ? user.slice(0, colon) : user}@lid` as WaLid;
}

function toRecord(r: Row): AsnRecord {
  const rec: AsnRecord = { nip: r.nip as Nip, nama: r.nama, unit: r.unit, phone: r.phone as PhoneE164 };
  if (r.tg_user_id != null) rec.telegramId = r.tg_user_id as TgUserId;
  if (r.tg_username != null) rec.telegramUsername = r.tg_username;
  if (r.wa_lid != null) rec.waLid = r.wa_lid as WaLid;
  return rec;
}

/** Registry of ASN over the `asn` table, answering handle lookups from memory. */
export class AsnRegistry {
  private readonly byNipMap = new Map<string, AsnRecord>();
  private readonly byPhoneMap = new Map<string, AsnRecord>();
  private readonly byTgIdMap = new Map<string, AsnRecord>();
  private readonly byTgUserMap = new Map<string, AsnRecord>();
  private readonly byLidMap = new Map<string, AsnRecord>();
  private version: string | null = null;

  private readonly upsertStmt;
  private readonly selectOne;
  private readonly selectAll;
  private readonly readVersion;
  private readonly writeVersion;

  /** Loads the whole table into memory; cheap for a Pemda (thousands of rows), ~1-2 s per million. */
  constructor(private readonly db: Db) {
    this.upsertStmt = db.prepare(`${ASN_UPSERT_SQL} RETURNING ${COLS}`);
    this.selectOne = db.prepare(`SELECT ${COLS} FROM asn WHERE nip = ?`);
    this.selectAll = db.prepare(`SELECT ${COLS} FROM asn`);
    this.readVersion = db.prepare(`SELECT value FROM kv WHERE key = '${ASN_VERSION_KEY}'`).pluck();
    this.writeVersion = db.prepare(
      `INSERT INTO kv (key, value, updated_at) VALUES ('${ASN_VERSION_KEY}', ?, ?)
       ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
    );
    this.reload();
  }

  /** Re-reads every row from the database, replacing the in-memory indexes. */
  reload(): void {
    this.byNipMap.clear();
    this.byPhoneMap.clear();
    this.byTgIdMap.clear();
    this.byTgUserMap.clear();
    this.byLidMap.clear();
    this.version = (this.readVersion.get() as string | undefined) ?? null;
    for (const r of this.selectAll.iterate() as IterableIterator<Row>) this.index(toRecord(r));
  }

  /** Reloads if another connection (e.g. the `import-asn` CLI) changed the registry; call once per event batch. Returns whether it reloaded. */
  syncIfChanged(): boolean {
    const v = (this.readVersion.get() as string | undefined) ?? null;
    if (v === this.version) return false;
    this.reload();
    return true;
  }

  /** Inserts or updates rows by NIP in one transaction (see `ASN_UPSERT_SQL`); throws, writing nothing, on a phone or Telegram id held by another NIP. */
  upsertMany(rows: readonly AsnInput[], now: number): { inserted: number; updated: number } {
    let inserted = 0;
    let updated = 0;
    const changed: Row[] = [];
    const seen = new Set<string>();
    const stale = this.write(now, () => {
      for (const r of rows) {
        if (this.byNipMap.has(r.nip) || seen.has(r.nip)) updated++;
        else inserted++;
        seen.add(r.nip);
        const row = this.upsertStmt.get(
          r.nip, r.nama, r.unit, r.phone, r.telegramId ?? null, normalizeTgUsername(r.telegramUsername) ?? null, now, now,
        ) as Row;
        changed.push(row);
      }
    });
    if (!stale) for (const row of changed) this.replace(row.nip, toRecord(row));
    return { inserted, updated };
  }

  /** Deletes one ASN (and forgets its handles); false for an unknown NIP. The caller checks first that no case refers to it (incidents keep a foreign key). */
  remove(nip: string, now: number): boolean {
    if (!this.byNipMap.has(nip)) return false;
    let deleted = false;
    const stale = this.write(now, () => {
      deleted = this.db.prepare(`DELETE FROM asn WHERE nip = ?`).run(nip).changes === 1;
    });
    if (!stale) this.replace(nip, undefined);
    return deleted;
  }

  /** Records a Telegram registration (contact shared by the user themself); a Telegram id or username held by another NIP moves here. Returns the updated record, or undefined for an unknown NIP. */
  linkTelegram(nip: Nip, tgId: TgUserId, username: string | undefined, now: number): AsnRecord | undefined {
    if (!this.byNipMap.has(nip)) return undefined;
    const user = normalizeTgUsername(username) ?? null;
    const touched = new Set<string>([nip]);
    const stale = this.write(now, () => {
      const others = this.db
        .prepare(`SELECT nip FROM asn WHERE nip <> ? AND (tg_user_id = ? OR tg_username = ?)`)
        .pluck()
        .all(nip, tgId, user) as string[];
      for (const o of others) touched.add(o);
      this.db
        .prepare(
          `UPDATE asn SET tg_user_id = CASE WHEN tg_user_id = ? THEN NULL ELSE tg_user_id END,
                          registered_tg_at = CASE WHEN tg_user_id = ? THEN NULL ELSE registered_tg_at END,
                          tg_username = CASE WHEN tg_username = ? OR tg_user_id = ? THEN NULL ELSE tg_username END,
                          updated_at = ?
           WHERE nip <> ? AND (tg_user_id = ? OR tg_username = ?)`,
        )
        .run(tgId, tgId, user, tgId, now, nip, tgId, user);
      this.db
        .prepare(`UPDATE asn SET tg_user_id = ?, tg_username = ?, registered_tg_at = ?, updated_at = ? WHERE nip = ?`)
        .run(tgId, user, now, now, nip);
    });
    if (!stale) this.refresh(touched);
    return this.byNipMap.get(nip);
  }

  /** Stores the WhatsApp LID learned for an ASN (from `participantAlt`, group metadata or a LID lookup); a LID held by another NIP moves here. */
  linkWaLid(nip: Nip, lid: WaLid | string, now: number): AsnRecord | undefined {
    if (!this.byNipMap.has(nip)) return undefined;
    const norm = normalizeWaLid(lid);
    const touched = new Set<string>([nip]);
    const stale = this.write(now, () => {
      const others = this.db.prepare(`SELECT nip FROM asn WHERE wa_lid = ? AND nip <> ?`).pluck().all(norm, nip) as string[];
      for (const o of others) touched.add(o);
      this.db.prepare(`UPDATE asn SET wa_lid = NULL, updated_at = ? WHERE wa_lid = ? AND nip <> ?`).run(now, norm, nip);
      this.db.prepare(`UPDATE asn SET wa_lid = ?, updated_at = ? WHERE nip = ?`).run(norm, now, nip);
    });
    if (!stale) this.refresh(touched);
    return this.byNipMap.get(nip);
  }

  /** Marks that the ASN has written to the bot's WhatsApp number (a warm contact, safe to DM). */
  markWaRegistered(nip: Nip, now: number): boolean {
    if (!this.byNipMap.has(nip)) return false;
    const stale = this.write(now, () => {
      this.db.prepare(`UPDATE asn SET registered_wa_at = COALESCE(registered_wa_at, ?), updated_at = ? WHERE nip = ?`).run(now, now, nip);
    });
    if (!stale) this.refresh(new Set([nip]));
    return true;
  }

  /** When the ASN registered on each platform (epoch ms), for deciding whether a DM can reach them. */
  registration(nip: Nip): { telegramAt?: number; whatsappAt?: number } | undefined {
    const r = this.db.prepare(`SELECT registered_tg_at, registered_wa_at FROM asn WHERE nip = ?`).get(nip) as
      | { registered_tg_at: number | null; registered_wa_at: number | null }
      | undefined;
    if (!r) return undefined;
    const out: { telegramAt?: number; whatsappAt?: number } = {};
    if (r.registered_tg_at != null) out.telegramAt = r.registered_tg_at;
    if (r.registered_wa_at != null) out.whatsappAt = r.registered_wa_at;
    return out;
  }

  /** Lookup by NIP. */
  byNip(nip: string): AsnRecord | undefined {
    return this.byNipMap.get(nip);
  }
  /** Lookup by E.164 phone (hot path for WhatsApp members). */
  byPhone(phone: string): AsnRecord | undefined {
    return this.byPhoneMap.get(phone);
  }
  /** Lookup by Telegram numeric user id. */
  byTelegramId(id: string | number): AsnRecord | undefined {
    return this.byTgIdMap.get(String(id));
  }
  /** Lookup by Telegram username, case-insensitive, with or without `@`. */
  byTelegramUsername(username: string): AsnRecord | undefined {
    const u = normalizeTgUsername(username);
    return u === undefined ? undefined : this.byTgUserMap.get(u);
  }
  /** Lookup by WhatsApp LID (`...@lid`, device suffix tolerated). */
  byWaLid(lid: string): AsnRecord | undefined {
    return this.byLidMap.get(lid) ?? this.byLidMap.get(normalizeWaLid(lid));
  }

  /** Matches a person from a platform event on any handle they carry: Telegram id then username; WhatsApp phone, LID, then the JID in `id`. */
  findByPerson(p: Person): AsnRecord | undefined {
    if (p.platform === 'telegram') {
      if (p.id !== undefined) {
        const r = this.byTgIdMap.get(p.id);
        if (r) return r;
      }
      const r = p.username !== undefined ? this.byTelegramUsername(p.username) : undefined;
      // Once an ASN's Telegram id is bound (contact share, or a numeric id in the registry), the id wins: another
      // account carrying that username (usernames can be given up and taken by anyone) is someone else.
      if (r?.telegramId !== undefined && p.id !== undefined && p.id !== r.telegramId) return undefined;
      return r;
    }
    if (p.phone !== undefined) {
      const r = this.byPhoneMap.get(p.phone);
      if (r) return r;
    }
    if (p.lid !== undefined) {
      const r = this.byWaLid(p.lid);
      if (r) return r;
    }
    if (p.id !== undefined) {
      if (p.id.endsWith('@lid')) return this.byWaLid(p.id);
      const phone = waJidToPhone(p.id);
      if (phone !== undefined) return this.byPhoneMap.get(phone);
    }
    return undefined;
  }

  /** Every registered ASN, sorted by NIP. */
  all(): AsnRecord[] {
    return [...this.byNipMap.values()].sort((a, b) => (a.nip < b.nip ? -1 : a.nip > b.nip ? 1 : 0));
  }
  /** Number of registered ASN. */
  count(): number {
    return this.byNipMap.size;
  }
  /** Distinct unit names, sorted, for report filters. */
  units(): string[] {
    const s = new Set<string>();
    for (const r of this.byNipMap.values()) s.add(r.unit);
    return [...s].sort((a, b) => a.localeCompare(b, 'id'));
  }

  /**
   * Runs `fn` in a transaction that also bumps the registry version. Returns
   * true when another connection had changed the registry since we last read it;
   * in that case the indexes were fully reloaded and need no incremental update.
   */
  private write(now: number, fn: () => void): boolean {
    let before: string | null = null;
    let after = '';
    this.db.transaction(() => {
      before = (this.readVersion.get() as string | undefined) ?? null;
      fn();
      after = String((Number(before ?? '0') || 0) + 1);
      this.writeVersion.run(after, now);
    })();
    const stale = before !== this.version;
    if (stale) this.reload();
    else this.version = after;
    return stale;
  }

  private refresh(nips: Iterable<string>): void {
    for (const nip of nips) {
      const row = this.selectOne.get(nip) as Row | undefined;
      this.replace(nip, row ? toRecord(row) : undefined);
    }
  }

  private replace(nip: string, rec: AsnRecord | undefined): void {
    const old = this.byNipMap.get(nip);
    if (old) this.unindex(old);
    if (rec) this.index(rec);
  }

  private index(r: AsnRecord): void {
    this.byNipMap.set(r.nip, r);
    this.byPhoneMap.set(r.phone, r);
    if (r.telegramId !== undefined) this.byTgIdMap.set(r.telegramId, r);
    if (r.telegramUsername !== undefined) this.byTgUserMap.set(r.telegramUsername.toLowerCase(), r);
    if (r.waLid !== undefined) this.byLidMap.set(r.waLid, r);
  }

  private unindex(r: AsnRecord): void {
    const del = (m: Map<string, AsnRecord>, k: string | undefined): void => {
      if (k !== undefined && m.get(k)?.nip === r.nip) m.delete(k);
    };
    this.byNipMap.delete(r.nip);
    del(this.byPhoneMap, r.phone);
    del(this.byTgIdMap, r.telegramId);
    del(this.byTgUserMap, r.telegramUsername?.toLowerCase());
    del(this.byLidMap, r.waLid);
  }
}
