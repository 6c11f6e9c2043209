/**
 * Issue 19 point 1: the hash chain over events and audit rows (core/chain.ts, store/chain.ts); issue 20: rows
 * written since the compact format (format 2: 32-byte BLOB digests, a JSON array as canonical form) after the
 * rows of format 1 (hex TEXT, a JSON object), both checked by verifyChain, by the README's recipe written out in
 * JavaScript, and by the README's own shell function (sqlite3 + sha256sum) run as it is printed there.
 */
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
import { insertEvent } from '../../src/store/events.js';
import { caseEvidence } from '../../src/store/evidence.js';
import { jn, SPAWN_TIMEOUT } from '../cli/support.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { applyRetention } from '../../src/store/retention.js';
import { ASN, CAMPAIGN_TG } from '../support/app.js';
import { handCheck, recompute } from '../support/chain-recipe.js';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

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
    expect(recompute(raw, 'events')).toEqual(raw.prepare(`SELECT lower(hex(row_digest)) FROM events ORDER BY id`).pluck().all());
    expect(recompute(raw, 'audit')).toEqual(raw.prepare(`SELECT lower(hex(row_digest)) FROM audit ORDER BY id`).pluck().all());
    // New rows are all compact: 32-byte BLOB digests, no hex TEXT.
    expect(raw.prepare(`SELECT COUNT(*) FROM events WHERE row_hash IS NULL AND payload_hash IS NULL AND length(row_digest) = 32 AND typeof(payload_digest) = 'blob'`).pluck().get()).toBe(3);
    // And by hand, with the README's shell function.
    for (const table of ['events', 'audit'] as const) {
      const checked = handCheck(path, table);
      expect(checked.map(([a]) => a)).toEqual(recompute(raw, table));
      for (const [recomputed, kept] of checked) expect(recomputed).toBe(kept);
    }
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
  it('a database with rows of both formats: old rows keep format 1, new rows are compact and link to the old head; verify, heads and the hand check walk both', SPAWN_TIMEOUT, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-chain-'));
    const path = join(dir, 'mixed.db');
    const chainStep = MIGRATIONS.indexOf(chainMigration);
    const digestStep = MIGRATIONS.findIndex((m) => typeof m === 'string' && m.includes('ADD COLUMN row_digest'));
    expect(digestStep).toBeGreaterThan(chainStep);
    // A database as the version before the chain left it, with rows of every odd shape the hand check must carry.
    const old = new Database(path);
    for (const m of MIGRATIONS.slice(0, chainStep)) {
      if (typeof m === 'string') old.exec(m);
      else m(old);
    }
    old.pragma(`user_version = ${chainStep}`);
    const ev = old.prepare(`INSERT INTO events (platform, dedupe_key, kind, chat_id, message_id, payload, received_at) VALUES ('telegram', ?, 'message', ?, ?, ?, ?)`);
    const texts = ['pesan biasa', 'baris\nbaru "kutip" \\ \t', 'émoji 😀 ✓', ''];
    old.transaction(() => {
      for (let i = 0; i < 12; i++) ev.run(`old${i}`, i % 3 ? `-100${i}` : null, i % 2 ? String(i) : null, JSON.stringify({ text: texts[i % 4] }), 1_700_000_000_000 + i);
    })();
    old.prepare(`INSERT INTO audit (at, actor, action, args, allowed, result) VALUES (1, 'tg:9001', '/laporan', ?, 1, ?)`).run('a "b"\nc', null);
    old.close();

    // First the version with format 1 only (a backup made before the compact format): it verifies as it is, read only.
    const v1 = new Database(path);
    for (const m of MIGRATIONS.slice(chainStep, digestStep)) {
      if (typeof m === 'string') v1.exec(m);
      else m(v1);
    }
    v1.pragma(`user_version = ${digestStep}`);
    v1.close();
    const backup = new Database(path, { readonly: true });
    const oldHeads = chainHeads(backup);
    expect(verifyChain(backup, 'events')).toMatchObject({ rows: 12, head: { id: 12, hash: oldHeads.events.hash } });
    expect(oldHeads.events.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(recompute(backup, 'events').at(-1)).toBe(oldHeads.events.hash);
    backup.close();
    const oldVerify = await jn(['audit', 'verify', path], { LANGUAGE: 'en' });
    expect(oldVerify.err).toBe('');
    expect(oldVerify.code).toBe(0);

    // Then this version: the compact columns are added, old rows untouched, new rows compact.
    const t = { now: Date.UTC(2024, 9, 1, 3, 0, 0) };
    const app = fileApp(path, t);
    expect(app.db.prepare(`SELECT COUNT(*) FROM events WHERE row_hash IS NOT NULL AND row_digest IS NULL`).pluck().get()).toBe(12);
    app.monitor.handle(added(ASN.budi.telegramId, t.now));
    insertEvent(app.db, { platform: 'whatsapp', dedupeKey: 'new-odd', kind: 'message', chatId: null, messageId: 'x"\n', payload: '{"text":"baru \\"x\\" \\n 😀"}', status: 'rejected', reason: 'kutip "x"', occurredAt: null, receivedAt: t.now });
    audit(app.db, { at: t.now, actor: 'cli:humas', platform: 'cli', action: 'backup', allowed: true, result: 'ok' });
    audit(app.db, { at: t.now, actor: 'web:203.0.113.5', action: 'login', args: 'a\tb', allowed: false });
    const oldRows5 = app.db.prepare(`SELECT row_hash AS r, payload_hash AS p FROM events WHERE id = 5`).get() as { r: string; p: string };
    expect(oldRows5.r).toMatch(/^[0-9a-f]{64}$/);
    const rows = app.db.prepare(`SELECT id, row_hash IS NOT NULL AS f1, length(row_digest) AS f2 FROM events ORDER BY id`).raw().all() as [number, number, number | null][];
    expect(rows.map(([, f1, f2]) => (f1 ? 1 : f2 === 32 ? 2 : 0))).toEqual([...Array(12).fill(1), 2, 2]);
    // Retention blanks one payload of each format; both rows still check by their stored detail hash.
    app.db.prepare(`UPDATE events SET payload = '{}' WHERE id IN (3, 13)`).run();
    const events = verifyChain(app.db, 'events');
    const log = verifyChain(app.db, 'audit');
    expect(events).toMatchObject({ rows: 14, blanked: 2, head: { id: 14 } });
    expect(log).toMatchObject({ rows: 3, blanked: 0, head: { id: 3 } });
    const heads = chainHeads(app.db);
    expect(heads.events).toEqual({ rows: 14, id: 14, hash: events.head!.hash });
    expect(heads.audit).toEqual({ rows: 3, id: 3, hash: log.head!.hash });
    expect(heads.events.hash).toMatch(/^[0-9a-f]{64}$/);

    // The README's recipe, in JavaScript and as its shell function, gives every stored hash of both formats.
    const raw = new Database(path, { readonly: true });
    const kept = (table: string) => raw.prepare(`SELECT coalesce(row_hash, lower(hex(row_digest))) FROM ${table} ORDER BY id`).pluck().all();
    expect(recompute(raw, 'events')).toEqual(kept('events'));
    expect(recompute(raw, 'audit')).toEqual(kept('audit'));
    expect(recompute(raw, 'events').slice(0, 12).at(-1)).toBe(oldHeads.events.hash); // the old head the first compact row links to
    raw.close();
    for (const table of ['events', 'audit'] as const) {
      const checked = handCheck(path, table);
      expect(checked).toHaveLength(table === 'events' ? 14 : 3);
      for (const [recomputed, stored] of checked) expect(recomputed).toBe(stored);
    }
    const verified = await jn(['audit', 'verify', path], { LANGUAGE: 'en' });
    expect(verified.code).toBe(0);
    expect(verified.out).toContain(heads.events.hash!);
    // The dossier's reader shows each cited event's hashes as lower-case hex, whichever format the row has.
    const cited = () => caseEvidence(app.db, 1, t.now)!.findings[0]!.event!;
    const hexes = (id: number) => app.db.prepare(`SELECT coalesce(row_hash, lower(hex(row_digest))) AS r, coalesce(payload_hash, lower(hex(payload_digest))) AS p FROM events WHERE id = ?`).get(id) as { r: string; p: string };
    expect(cited()).toMatchObject({ id: 13, rowHash: hexes(13).r, payloadHash: hexes(13).p });
    expect(cited().rowHash).toMatch(/^[0-9a-f]{64}$/);
    app.db.prepare(`UPDATE incident_findings SET event_id = 5 WHERE incident_id = 1`).run(); // as if the case were older than the compact format
    expect(cited()).toMatchObject({ id: 5, rowHash: oldRows5.r, payloadHash: oldRows5.p });

    // A change in a row of either format is found, naming that row.
    app.db.prepare(`UPDATE events SET kind = 'edited' WHERE id = 14`).run();
    expect(verifyChain(app.db, 'events').bad).toEqual({ id: 14, fault: 'row_hash' });
    app.db.prepare(`UPDATE events SET payload = '{"changed":1}' WHERE id = 13`).run();
    expect(verifyChain(app.db, 'events').bad).toEqual({ id: 13, fault: 'detail' });
    app.db.prepare(`UPDATE events SET chat_id = 'x' WHERE id = 5`).run();
    expect(verifyChain(app.db, 'events').bad).toEqual({ id: 5, fault: 'row_hash' });
    app.db.prepare(`UPDATE audit SET row_digest = NULL WHERE id = 3`).run();
    expect(verifyChain(app.db, 'audit').bad).toEqual({ id: 3, fault: 'unchained' });
    await app.close();
  });
});
