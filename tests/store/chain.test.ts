/** Issue 19 point 1: the hash chain over events and audit rows (core/chain.ts, store/chain.ts). */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import { audit } from '../../src/store/audit.js';
import { chainHeads, chainMigration, verifyChain } from '../../src/store/chain.js';
import { openDb } from '../../src/store/db.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { applyRetention } from '../../src/store/retention.js';
import { ASN, CAMPAIGN_TG } from '../support/app.js';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

/** The README's recipe, written out independently of src/core/chain.ts, as a third party would. */
function recompute(db: Database.Database, table: 'events' | 'audit'): string[] {
  const cols = table === 'events'
    ? ['id', 'platform', 'dedupe_key', 'kind', 'chat_id', 'message_id', 'payload_hash', 'status', 'reason', 'occurred_at', 'received_at']
    : ['id', 'at', 'actor', 'platform', 'action', 'detail_hash', 'allowed'];
  let prev = '0'.repeat(64);
  const out: string[] = [];
  for (const r of db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Record<string, unknown>[]) {
    const o: Record<string, unknown> = {};
    for (const c of cols) if (r[c] !== null) o[c] = r[c];
    prev = sha(`${prev}\n${table}\n${JSON.stringify(o)}`);
    out.push(prev);
  }
  return out;
}

function fileApp(path: string, t: { now: number }): App {
  const config = loadConfig({ envFile: false, env: {}, overrides: { DATABASE_PATH: path, HUMAS_ADMINS: 'tg:9001', PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: 'off' } });
  const app = new App({ config, clock: () => t.now });
  app.registry.upsertMany(Object.values(ASN), t.now);
  return app;
}

const added = (tgId: string, at: number) => ({
  kind: 'member_added' as const, dedupeKey: `add-${tgId}-${at}`, at, chat: CAMPAIGN_TG,
  members: [{ platform: 'telegram' as const, id: tgId }], actor: { platform: 'telegram' as const, id: '7777', name: 'Andi' },
});

describe('hash chain', () => {
  it('chains every event and audit row as it is written, survives retention (events and audit) and a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-chain-'));
    const path = join(dir, 'jn.db');
    const t = { now: Date.UTC(2024, 9, 1, 3, 0, 0) };
    let app = fileApp(path, t);
    app.monitor.handle(added(ASN.budi.telegramId, t.now));
    app.monitor.reject('telegram', { update_id: 1, odd: true }, 'no handler');
    audit(app.db, { at: t.now, actor: 'tg:9001', platform: 'telegram', action: '/kasus', args: '#1', allowed: true, result: 'ok' });
    audit(app.db, { at: t.now, actor: 'web:203.0.113.5', action: 'login', allowed: false, result: 'refused x3' });
    // A replayed update adds no row and leaves the chain as it was.
    const before = chainHeads(app.db);
    expect(app.monitor.handle(added(ASN.budi.telegramId, t.now)).duplicate).toBe(true);
    expect(chainHeads(app.db)).toEqual(before);
    expect(before.events.rows).toBe(2);
    expect(before.events.hash).toMatch(/^[0-9a-f]{64}$/);
    await app.close();

    // Restart: the chain continues from the stored head.
    t.now += 40 * 86_400_000;
    app = fileApp(path, t);
    app.monitor.handle(added(ASN.sari.telegramId, t.now));
    audit(app.db, { at: t.now, actor: 'cli:humas', platform: 'cli', action: 'backup', allowed: true, result: 'ok' });
    expect(verifyChain(app.db, 'events')).toMatchObject({ rows: 3, blanked: 0, head: { id: 3 } });

    // Retention blanks the old payloads (store/retention.ts); audit retention blanks old non-admin detail.
    expect(applyRetention(app.db, 30, t.now).events).toBe(2);
    app.db.prepare(`UPDATE audit SET args = NULL, result = NULL WHERE actor LIKE 'web:%'`).run();
    const events = verifyChain(app.db, 'events');
    const log = verifyChain(app.db, 'audit');
    expect(events).toMatchObject({ rows: 3, blanked: 2, head: { id: 3 } });
    expect(log).toMatchObject({ rows: 3, blanked: 1, head: { id: 3 } });
    // Anyone can recompute the row hashes from the columns alone (the README's recipe).
    const raw = new Database(path, { readonly: true });
    expect(recompute(raw, 'events')).toEqual(raw.prepare(`SELECT row_hash FROM events ORDER BY id`).pluck().all());
    expect(recompute(raw, 'audit')).toEqual(raw.prepare(`SELECT row_hash FROM audit ORDER BY id`).pluck().all());
    expect(events.head!.hash).toBe(recompute(raw, 'events').at(-1));
    raw.close();

    // Any change to a column, a payload that is not blank, or a deleted row is found, naming the first bad row.
    app.db.prepare(`UPDATE events SET payload = '{"changed":1}' WHERE id = 3`).run();
    expect(verifyChain(app.db, 'events').bad).toEqual({ id: 3, fault: 'detail' });
    app.db.prepare(`UPDATE audit SET actor = 'tg:1' WHERE id = 2`).run();
    expect(verifyChain(app.db, 'audit').bad).toEqual({ id: 2, fault: 'row_hash' });
    app.db.prepare(`DELETE FROM audit WHERE id = 1`).run();
    expect(verifyChain(app.db, 'audit').bad).toEqual({ id: 2, fault: 'row_hash' });
    await app.close();
  });

  it('the migration chains the rows of an older database once, in id order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-chain-'));
    const path = join(dir, 'old.db');
    const step = MIGRATIONS.indexOf(chainMigration);
    expect(step).toBeGreaterThan(0);
    // The database as the version before the chain left it.
    const old = new Database(path);
    for (const m of MIGRATIONS.slice(0, step)) {
      if (typeof m === 'string') old.exec(m);
      else m(old);
    }
    old.pragma(`user_version = ${step}`);
    const ev = old.prepare(`INSERT INTO events (platform, dedupe_key, kind, chat_id, payload, received_at) VALUES ('telegram', ?, 'message', '-1', ?, ?)`);
    old.transaction(() => {
      for (let i = 0; i < 2500; i++) ev.run(`k${i}`, JSON.stringify({ text: `pesan ${i}` }), 1_700_000_000_000 + i);
    })();
    old.prepare(`INSERT INTO audit (at, actor, action, allowed) VALUES (1, 'tg:9001', '/laporan', 1)`).run();
    old.close();

    const db = openDb(path);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(verifyChain(db, 'events')).toMatchObject({ rows: 2500, head: { id: 2500 } });
    expect(verifyChain(db, 'audit')).toMatchObject({ rows: 1, head: { id: 1 } });
    expect(db.prepare(`SELECT COUNT(*) FROM events WHERE row_hash IS NULL OR payload_hash IS NULL`).pluck().get()).toBe(0);
    expect(db.prepare(`SELECT payload_hash FROM events WHERE id = 7`).pluck().get()).toBe(sha(JSON.stringify({ text: 'pesan 6' })));
    // New rows continue the migrated chain.
    audit(db, { at: 2, actor: 'cli:humas', action: 'backup', allowed: true, result: 'ok' });
    expect(verifyChain(db, 'audit')).toMatchObject({ rows: 2, head: { id: 2 } });
    db.close();
  });
});
