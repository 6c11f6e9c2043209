/**
 * Baileys auth state in SQLite instead of `useMultiFileAuthState`: creds in
 * `wa_creds`, signal keys in `wa_keys`, values serialised with `BufferJSON`
 * so Buffers survive, and every `keys.set` written in one transaction so a
 * crash never leaves half a key update behind.
 */
import {
  BufferJSON,
  initAuthCreds,
  proto,
  type AuthenticationCreds,
  type SignalDataSet,
  type SignalDataTypeMap,
  type SignalKeyStore,
} from '@whiskeysockets/baileys';
import type { Db } from '../../store/db.js';

/** The auth state Baileys wants plus the function to persist creds on `creds.update`. */
export interface SqliteAuthState {
  state: { creds: AuthenticationCreds; keys: SignalKeyStore };
  saveCreds: () => Promise<void>;
  /** Removes every stored credential and key (after a logout, before re-linking). */
  clear: () => void;
  /** With `deferWrites`: writes the creds and every key held in memory so far, and stores directly from then on. */
  commit: () => void;
}

/** Options of `useSqliteAuthState`. */
export interface SqliteAuthStateOptions {
  /**
   * Keep creds and keys in memory until `commit()` (`wa-login`: only a completed link is stored, so an
   * interrupted pairing leaves no half-written credentials behind).
   */
  deferWrites?: boolean;
}

const CREDS_ID = 'creds';

/** Serialises a value the way Baileys' own file store does. */
export const encodeAuthValue = (v: unknown): string => JSON.stringify(v, BufferJSON.replacer);
/** Revives a stored value, Buffers included. */
export const decodeAuthValue = <T = unknown>(s: string): T => JSON.parse(s, BufferJSON.reviver) as T;

/** Whether the database holds a linked WhatsApp session (creds with `me`). */
export function hasWhatsAppSession(db: Db): boolean {
  const row = db.prepare(`SELECT value FROM wa_creds WHERE id = ?`).get(CREDS_ID) as { value: string } | undefined;
  if (!row) return false;
  return Boolean(decodeAuthValue<Partial<AuthenticationCreds>>(row.value).me?.id);
}

/** Auth state over the `wa_creds` / `wa_keys` tables; wrap `keys` with `makeCacheableSignalKeyStore` before use. */
export function useSqliteAuthState(db: Db, o: SqliteAuthStateOptions = {}): SqliteAuthState {
  let deferred = o.deferWrites === true;
  /** Key writes held back while deferred: type -> id -> value (null = deleted). */
  const pending = new Map<keyof SignalDataTypeMap, Map<string, unknown>>();
  const readCreds = db.prepare(`SELECT value FROM wa_creds WHERE id = ?`);
  const writeCreds = db.prepare(`INSERT INTO wa_creds (id, value) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET value = excluded.value`);
  const readKey = db.prepare(`SELECT value FROM wa_keys WHERE type = ? AND id = ?`);
  const writeKey = db.prepare(`INSERT INTO wa_keys (type, id, value) VALUES (?, ?, ?) ON CONFLICT(type, id) DO UPDATE SET value = excluded.value`);
  const deleteKey = db.prepare(`DELETE FROM wa_keys WHERE type = ? AND id = ?`);

  const stored = readCreds.get(CREDS_ID) as { value: string } | undefined;
  const creds: AuthenticationCreds = stored ? decodeAuthValue<AuthenticationCreds>(stored.value) : initAuthCreds();

  const setMany = db.transaction((data: SignalDataSet) => {
    for (const type of Object.keys(data) as (keyof SignalDataTypeMap)[]) {
      const entries = data[type] ?? {};
      for (const id of Object.keys(entries)) {
        const value = entries[id];
        if (value === null || value === undefined) deleteKey.run(type, id);
        else writeKey.run(type, id, encodeAuthValue(value));
      }
    }
  });

  const keys: SignalKeyStore = {
    get: async (type, ids) => {
      const out: { [id: string]: SignalDataTypeMap[typeof type] } = {};
      for (const id of ids) {
        const held = pending.get(type);
        let value: unknown;
        if (held?.has(id)) {
          value = held.get(id);
          if (value === null || value === undefined) continue;
        } else {
          const row = readKey.get(type, id) as { value: string } | undefined;
          if (!row) continue;
          value = decodeAuthValue(row.value);
        }
        if (type === 'app-state-sync-key' && value) value = proto.Message.AppStateSyncKeyData.fromObject(value as Record<string, unknown>);
        out[id] = value as SignalDataTypeMap[typeof type];
      }
      return out;
    },
    set: async (data) => {
      if (!deferred) {
        setMany(data);
        return;
      }
      for (const type of Object.keys(data) as (keyof SignalDataTypeMap)[]) {
        const held = pending.get(type) ?? new Map<string, unknown>();
        pending.set(type, held);
        for (const [id, value] of Object.entries(data[type] ?? {})) held.set(id, value ?? null);
      }
    },
    clear: async () => {
      db.prepare(`DELETE FROM wa_keys`).run();
    },
  };

  return {
    state: { creds, keys },
    saveCreds: async () => {
      if (!deferred) writeCreds.run(CREDS_ID, encodeAuthValue(creds));
    },
    commit: () => {
      if (!deferred) return;
      db.transaction(() => {
        writeCreds.run(CREDS_ID, encodeAuthValue(creds));
        const data = Object.fromEntries([...pending].map(([type, held]) => [type, Object.fromEntries(held)])) as SignalDataSet;
        setMany(data);
      })();
      pending.clear();
      deferred = false;
    },
    clear: () => {
      pending.clear();
      db.transaction(() => {
        db.prepare(`DELETE FROM wa_creds`).run();
        db.prepare(`DELETE FROM wa_keys`).run();
      })();
    },
  };
}
