/**
 * Issue 20 (monitor performance): each chained insert is one statement, its hashes computed from the values
 * as inserted off a head kept in memory per handle (store/chain.ts insertChained). The chain must check
 * exactly as before whatever moved the head under that handle: another process's commits (the CLI writing
 * audit rows while the bot runs), a transaction of ours rolled back, a process killed mid-transaction, rows
 * written around the store functions, a restart. Each case ends with verifyChain (what `audit verify` runs)
 * and the README's recipe recomputed independently.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { App } from '../../src/app/app.js';
import { loadConfig } from '../../src/config.js';
import { audit } from '../../src/store/audit.js';
import { chainBatch, verifyChain } from '../../src/store/chain.js';
import { openDb, type Db } from '../../src/store/db.js';
import { insertEvent, type EventInsert } from '../../src/store/events.js';
import { ASN, CAMPAIGN_TG } from '../support/app.js';
import { jn, repoFile, ROOT, SPAWN_TIMEOUT } from '../cli/support.js';
import { recompute } from '../support/chain-recipe.js';

/** The README's recipe (both formats), apart from src/core/chain.ts: every stored row hash recomputed from the columns, ids consecutive. */
function recomputeMatches(path: string): void {
  const raw = new Database(path, { readonly: true });
  for (const table of ['events', 'audit'] as const) {
    const kept = raw.prepare(`SELECT id, coalesce(row_hash, lower(hex(row_digest))) AS h FROM ${table} ORDER BY id`).all() as { id: number; h: string }[];
    expect(kept.map((r) => r.id)).toEqual(kept.map((_, i) => i + 1));
    expect(recompute(raw, table)).toEqual(kept.map((r) => r.h));
  }
  raw.close();
}

function expectWhole(db: Db, events: number, audits: number): void {
  expect(verifyChain(db, 'events')).toMatchObject({ rows: events, head: events ? { id: events } : undefined });
  expect(verifyChain(db, 'audit')).toMatchObject({ rows: audits, head: audits ? { id: audits } : undefined });
  expect(verifyChain(db, 'events').bad).toBeUndefined();
  expect(verifyChain(db, 'audit').bad).toBeUndefined();
}

const ev = (key: string, payload = `{"k":"${key}"}`): EventInsert => ({
  platform: 'telegram', dedupeKey: key, kind: 'message', chatId: '-1001', messageId: null, payload,
  status: 'processed', reason: null, occurredAt: 1_700_000_000_000, receivedAt: 1_700_000_000_001,
});
const note = (db: Db, action: string) => audit(db, { at: 1_700_000_000_000, actor: 'tg:9001', platform: 'telegram', action, args: action, allowed: true, result: 'ok' });

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'jn-chainhead-')), 'jn.db');

describe('chain head kept in memory (issue 20)', () => {
  it('writes each chained row with one INSERT and no UPDATE', () => {
    const db = openDb(':memory:');
    db.exec(`CREATE TEMP TABLE writes (op TEXT);
      CREATE TEMP TRIGGER ev_upd AFTER UPDATE ON main.events BEGIN INSERT INTO writes VALUES ('update'); END;
      CREATE TEMP TRIGGER au_upd AFTER UPDATE ON main.audit BEGIN INSERT INTO writes VALUES ('update'); END;
      CREATE TEMP TRIGGER ev_ins AFTER INSERT ON main.events BEGIN INSERT INTO writes VALUES ('insert'); END;`);
    for (let i = 0; i < 50; i++) insertEvent(db, ev(`e${i}`));
    for (let i = 0; i < 5; i++) note(db, `a${i}`);
    expect(db.prepare(`SELECT op, COUNT(*) AS n FROM writes GROUP BY op`).all()).toEqual([{ op: 'insert', n: 50 }]);
    // A replay is still a no-op, and the next row still links to the head.
    expect(insertEvent(db, ev('e3'))).toBeUndefined();
    expect(insertEvent(db, ev('e50'))).toBe(51);
    expectWhole(db, 51, 5);
    db.close();
  });

  it('hashes the values as SQLite stores them: odd text, NUL, lone surrogates, emoji, nulls, big numbers', () => {
    const path = tempDb();
    const db = openDb(path);
    const odd = ['', 'a\u0000b', 'x\ud800y', '\udc00', '😀 "kutip" \\ \n\t', 'é'.normalize('NFD'), '{}', 'a'.repeat(70_000)];
    odd.forEach((s, i) => {
      insertEvent(db, { ...ev(`odd${i}${s.slice(0, 3)}`, s), chatId: i % 2 ? null : s.slice(0, 50), messageId: s.slice(0, 20) || null, reason: s.slice(0, 30), occurredAt: i % 3 ? null : Number.MAX_SAFE_INTEGER - i, receivedAt: -i });
      audit(db, { at: i, actor: `tg:${s.slice(0, 10)}`, platform: i % 2 ? undefined : s.slice(0, 5), action: s.slice(0, 8) || 'x', args: s.slice(0, 40) || undefined, allowed: i % 2 === 0, result: i % 3 ? undefined : s.slice(0, 60) });
    });
    expectWhole(db, odd.length, odd.length);
    // Retention blanks a payload later; the stored detail hash still carries the row.
    db.prepare(`UPDATE events SET payload = '{}' WHERE id = 3`).run();
    expect(verifyChain(db, 'events')).toMatchObject({ rows: odd.length, blanked: 1 });
    db.close();
    recomputeMatches(path);
  });

  it('continues the chain after a rolled-back transaction or savepoint of its own', () => {
    const db = openDb(':memory:');
    insertEvent(db, ev('a'));
    note(db, 'a');
    expect(() =>
      db.transaction(() => {
        insertEvent(db, ev('b'));
        insertEvent(db, ev('c'));
        note(db, 'b');
        throw new Error('handler failed');
      })(),
    ).toThrow('handler failed');
    // An inner savepoint rolled back while the outer transaction commits.
    db.transaction(() => {
      insertEvent(db, ev('d'));
      try {
        db.transaction(() => {
          insertEvent(db, ev('e'));
          note(db, 'e');
          throw new Error('inner');
        })();
      } catch {
        /* the savepoint is gone, the outer work stays */
      }
      insertEvent(db, ev('f'));
      note(db, 'f');
    })();
    insertEvent(db, ev('b'));
    note(db, 'g');
    expect(db.prepare(`SELECT dedupe_key FROM events ORDER BY id`).pluck().all()).toEqual(['a', 'd', 'f', 'b']);
    expectWhole(db, 4, 3);
    db.close();
  });

  it('the monitor\'s group commit rolled back by a bad event and redone one by one keeps the chain whole', () => {
    const config = loadConfig({ envFile: false, env: {}, overrides: { DATABASE_PATH: ':memory:', HUMAS_ADMINS: 'tg:9001', PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: 'off' } });
    const t = { now: Date.UTC(2024, 9, 1, 3, 0, 0) };
    const app = new App({ config, clock: () => t.now });
    app.registry.upsertMany(Object.values(ASN), t.now);
    const msg = (k: string) => ({ kind: 'message' as const, dedupeKey: k, at: t.now, chat: CAMPAIGN_TG, messageId: k, sender: { platform: 'telegram' as const, id: '7777', name: 'Andi' }, text: 'Selamat pagi', mentions: [] });
    app.monitor.handleBatch([msg('m1'), msg('m2')]);
    // The third event has no chat: the batch fails after two chained inserts, rolls back, and is redone event by event.
    const results = app.monitor.handleBatch([msg('m3'), msg('m4'), { kind: 'message', dedupeKey: 'bad' } as never, msg('m5')]);
    expect(results.map((r) => r.duplicate)).toEqual([false, false, false, false]);
    const kinds = app.db.prepare(`SELECT dedupe_key, status FROM events ORDER BY id`).raw().all() as [string, string][];
    expect(kinds.slice(0, 4)).toEqual([['m1', 'processed'], ['m2', 'processed'], ['m3', 'processed'], ['m4', 'processed']]);
    expect(kinds[4]![1]).toBe('rejected');
    expect(kinds[5]).toEqual(['m5', 'processed']);
    expectWhole(app.db, 6, 0);
    app.db.close();
  });

  it('two handles on one file (two processes) writing in turn keep one chain', () => {
    const path = tempDb();
    const a = openDb(path);
    const b = openDb(path);
    for (let i = 0; i < 30; i++) {
      const w = i % 3 === 0 ? b : a;
      insertEvent(w, ev(`k${i}`));
      note(i % 2 ? a : b, `n${i}`);
      // The same dedupe key from the other handle is still a replay, whichever head it kept.
      expect(insertEvent(w === a ? b : a, ev(`k${i}`))).toBeUndefined();
    }
    expectWhole(a, 30, 30);
    a.close();
    b.close();
    recomputeMatches(path);
  });

  it('chains first the rows another program wrote without hashes, then its own', () => {
    const path = tempDb();
    const db = openDb(path);
    insertEvent(db, ev('mine1'));
    note(db, 'mine1');
    const other = new Database(path);
    other.prepare(`INSERT INTO events (platform, dedupe_key, kind, payload, received_at) VALUES ('telegram', 'theirs', 'message', '{}', 5)`).run();
    other.prepare(`INSERT INTO audit (at, actor, action, allowed) VALUES (5, 'cli:old', 'backup', 1)`).run();
    other.close();
    insertEvent(db, ev('mine2'));
    note(db, 'mine2');
    expectWhole(db, 3, 3);
    db.close();
    recomputeMatches(path);
  });

  it('a process killed mid-transaction leaves nothing half-chained; the running handle continues', SPAWN_TIMEOUT, () => {
    const path = tempDb();
    const db = openDb(path);
    insertEvent(db, ev('before'));
    note(db, 'before');
    const script = join(mkdtempSync(join(tmpdir(), 'jn-chainhead-')), 'writer.ts');
    writeFileSync(script, `
      import { openDb } from ${JSON.stringify(repoFile('src/store/db.ts'))};
      import { insertEvent } from ${JSON.stringify(repoFile('src/store/events.ts'))};
      import { audit } from ${JSON.stringify(repoFile('src/store/audit.ts'))};
      const db = openDb(process.argv[2]);
      const e = (k) => ({ platform: 'whatsapp', dedupeKey: k, kind: 'message', chatId: 'g@g.us', messageId: null, payload: '{"c":1}', status: 'processed', reason: null, occurredAt: null, receivedAt: 7 });
      db.transaction(() => { for (let i = 0; i < 5; i++) insertEvent(db, e('child' + i)); audit(db, { at: 7, actor: 'cli:humas', action: 'import-asn', allowed: true, result: 'ok' }); })();
      db.transaction(() => {
        for (let i = 5; i < 9; i++) insertEvent(db, e('child' + i));
        audit(db, { at: 8, actor: 'cli:humas', action: 'lost', allowed: true });
        process.kill(process.pid, 'SIGKILL');
      })();
    `);
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, path], { cwd: ROOT, encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
    // This handle's head is stale twice over (5 committed rows it did not write, 4 lost ones it never saw).
    insertEvent(db, ev('after'));
    note(db, 'after');
    expect(db.prepare(`SELECT dedupe_key FROM events ORDER BY id`).pluck().all()).toEqual(['before', 'child0', 'child1', 'child2', 'child3', 'child4', 'after']);
    expectWhole(db, 7, 3);
    db.close();
    recomputeMatches(path);
  });

  it('the bot and the CLI (import-asn, a child process) write audit rows in turn; `audit verify` passes after a restart', SPAWN_TIMEOUT, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-chainhead-'));
    const path = join(dir, 'jn.db');
    const t = { now: Date.UTC(2024, 9, 1, 3, 0, 0) };
    const open = () => {
      const config = loadConfig({ envFile: false, env: {}, overrides: { DATABASE_PATH: path, HUMAS_ADMINS: 'tg:9001', PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: 'off' } });
      const app = new App({ config, clock: () => t.now });
      app.registry.upsertMany(Object.values(ASN), t.now);
      return app;
    };
    const added = (tgId: string, k: string) => ({
      kind: 'member_added' as const, dedupeKey: k, at: t.now, chat: CAMPAIGN_TG,
      members: [{ platform: 'telegram' as const, id: tgId }], actor: { platform: 'telegram' as const, id: '7777', name: 'Andi' },
    });
    let app = open();
    app.monitor.handle(added(ASN.budi.telegramId, 'x1'));
    note(app.db, '/kasus');
    const csv = join(dir, 'asn.csv');
    writeFileSync(csv, `nip,nama,unit,telepon\n${ASN.budi.nip},Budi Santoso,Dinas Pendidikan,${ASN.budi.phone}\n`);
    const env = { DATABASE_PATH: path, LANGUAGE: 'en' };
    const imported = await jn(['import-asn', csv], env);
    expect(imported.code).toBe(0);
    note(app.db, '/status');
    app.monitor.handle(added(ASN.sari.telegramId, 'x2'));
    await app.close();
    t.now += 60_000;
    app = open();
    note(app.db, '/laporan');
    app.monitor.handle(added(ASN.budi.telegramId, 'x3'));
    const actions = app.db.prepare(`SELECT action FROM audit ORDER BY id`).pluck().all();
    expect(actions).toEqual(['/kasus', 'import-asn', '/status', '/laporan']);
    await app.close();
    const verified = await jn(['audit', 'verify'], env);
    expect(verified.err).toBe('');
    expect(verified.code).toBe(0);
    recomputeMatches(path);
  });
  // Issue 20, the cheaper guard (store/chain.ts insertChained): the row goes in with the explicit id head + 1 and
  // an INSERT ... VALUES (no INSERT ... SELECT reading its own table, which SQLite runs through a temporary table)
  // whose guard, in scalar subqueries, checks that the table's last row is the head with its hash, else gives a
  // NOT NULL column NULL; SQLite's INTEGER PRIMARY KEY refuses an id taken since. Either aborts that one statement.
  it('an id taken since the head was read is refused for that one statement: the transaction goes on, the row is written after', () => {
    const path = tempDb();
    const db = openDb(path);
    insertEvent(db, ev('e1'));
    note(db, 'n1');
    const raw = db.prepare(`INSERT INTO events (platform, dedupe_key, kind, payload, received_at) VALUES ('telegram', ?, 'message', '{}', 5)`);
    db.transaction(() => {
      insertEvent(db, ev('e2'));
      raw.run('around'); // written around the store in the same transaction: it takes id 3, the id this handle's head points to next
      // SQLite's default ABORT undoes the refused INSERT alone: e2 and the raw row stay, and this row goes in after them.
      expect(insertEvent(db, ev('e3'))).toBe(4);
    })();
    // Another process appends to both tables while this handle keeps its old heads.
    const other = openDb(path);
    insertEvent(other, ev('o1'));
    note(other, 'o1');
    other.close();
    db.transaction(() => {
      expect(insertEvent(db, ev('e4'))).toBe(6);
      note(db, 'n2');
    })();
    expect(db.prepare(`SELECT dedupe_key FROM events ORDER BY id`).pluck().all()).toEqual(['e1', 'e2', 'around', 'e3', 'o1', 'e4']);
    // Only a taken id is retried: any other constraint still fails the caller, and changes nothing.
    expect(() => insertEvent(db, { ...ev('bad'), status: 'bogus' as never })).toThrow(/CHECK constraint failed/);
    // A NULL of the caller's own where none may be (the guard's column too) is the caller's error, not a moved head.
    expect(() => insertEvent(db, { ...ev('bad'), receivedAt: null as never })).toThrow(/NOT NULL constraint failed: events.received_at/);
    expect(() => insertEvent(db, { ...ev('bad'), platform: null as never })).toThrow(/NOT NULL constraint failed: events.platform/);
    expect(insertEvent(db, ev('e5'))).toBe(7);
    expectWhole(db, 7, 3);
    db.close();
    recomputeMatches(path);
  });

  it('a row written around the store with an id beyond the next: the guard finds the head is not the last row, and the row links after that one', () => {
    const path = tempDb();
    const db = openDb(path);
    insertEvent(db, ev('e1'));
    db.prepare(`INSERT INTO events (id, platform, dedupe_key, kind, payload, received_at) VALUES (10, 'telegram', 'far', 'message', '{}', 5)`).run();
    expect(insertEvent(db, ev('e2'))).toBe(11);
    expect(db.prepare(`SELECT id FROM events ORDER BY id`).pluck().all()).toEqual([1, 10, 11]);
    expect(verifyChain(db, 'events')).toMatchObject({ rows: 3, head: { id: 11 } });
    expect(verifyChain(db, 'events').bad).toBeUndefined();
    const raw = new Database(path, { readonly: true });
    expect(recompute(raw, 'events')).toEqual(raw.prepare(`SELECT lower(hex(row_digest)) FROM events ORDER BY id`).pluck().all());
    raw.close();
    db.close();
  });

  it('a transaction of ours rolled back and its id since taken by another process\'s chained row: the guard compares the hash, not only the id', () => {
    const path = tempDb();
    const a = openDb(path);
    const b = openDb(path);
    insertEvent(a, ev('e1'));
    expect(() =>
      a.transaction(() => {
        insertEvent(a, ev('gone')); // id 2: a's head now points to it
        throw new Error('handler failed');
      })(),
    ).toThrow('handler failed');
    // The other process chains its own row 2: row 2 exists and is chained, the next id 3 is free, only the hash differs from a's head.
    expect(insertEvent(b, ev('theirs'))).toBe(2);
    a.transaction(() => {
      expect(insertEvent(a, ev('e2'))).toBe(3);
    })();
    expect(a.prepare(`SELECT dedupe_key FROM events ORDER BY id`).pluck().all()).toEqual(['e1', 'theirs', 'e2']);
    expectWhole(a, 3, 0);
    a.close();
    b.close();
    recomputeMatches(path);
  });

  it('a replayed dedupe key inserts nothing, whatever head the handle kept, and moves no head', () => {
    const path = tempDb();
    const a = openDb(path);
    const b = openDb(path);
    insertEvent(a, ev('k1'));
    insertEvent(b, ev('k2')); // a's head is now stale
    a.transaction(() => {
      expect(insertEvent(a, ev('k2'))).toBeUndefined(); // the id a would use is taken and the key is a replay: nothing, no error
      expect(insertEvent(a, ev('k1'))).toBeUndefined();
      expect(insertEvent(a, ev('k3'))).toBe(3);
    })();
    expect(insertEvent(b, ev('k3'))).toBeUndefined();
    expect(insertEvent(b, ev('k4'))).toBe(4);
    expectWhole(a, 4, 0);
    a.close();
    b.close();
    recomputeMatches(path);
  });
});

// Issue 20, the guard checked once per group commit (store/chain.ts chainBatch): inside one write transaction no other
// connection can write (SQLite's one writer; a commit made since our snapshot makes SQLite refuse our write, SQLITE_BUSY_SNAPSHOT),
// so after the batch's first row of a table went in under the whole guard, the next rows carry the light one: the
// table's last row is still the head's id. A savepoint rolled back removes rows, which that still sees; a batch
// that ended (committed or rolled back) leaves nothing carried, whatever another process did in between.
describe('the chain guard checked once per batch (issue 20)', () => {
  /** Which guard each chained INSERT into events ran with (better-sqlite3 Statement#run, its SQL in `source`). */
  function guardsRun<T>(db: Db, fn: () => T): { result: T; guards: string[] } {
    const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as { run: (...a: unknown[]) => unknown };
    const run = proto.run;
    const guards: string[] = [];
    proto.run = function (this: { source: string }, ...a: unknown[]) {
      if (/^INSERT INTO events \(id,/.test(this.source)) guards.push(/WHERE id = \?\) IS \?/.test(this.source) ? 'whole' : 'light');
      return run.apply(this, a);
    };
    try {
      return { result: fn(), guards };
    } finally {
      proto.run = run;
    }
  }

  it('the whole guard on the first row of each batch, the light one after it; outside a batch always the whole', () => {
    const db = openDb(':memory:');
    const { guards } = guardsRun(db, () => {
      for (let b = 0; b < 3; b++) db.transaction(() => chainBatch(db, () => { for (let i = 0; i < 4; i++) insertEvent(db, ev(`b${b}-${i}`)); }))();
      insertEvent(db, ev('alone1'));
      db.transaction(() => { insertEvent(db, ev('tx1')); insertEvent(db, ev('tx2')); })(); // a transaction that is no batch
      chainBatch(db, () => { insertEvent(db, ev('nobatch1')); insertEvent(db, ev('nobatch2')); }); // outside a transaction: no batch
    });
    expect(guards).toEqual([
      ...['whole', 'light', 'light', 'light'], ...['whole', 'light', 'light', 'light'], ...['whole', 'light', 'light', 'light'],
      'whole', 'whole', 'whole', 'whole', 'whole',
    ]);
    expectWhole(db, 17, 0);
    db.close();
  });

  it('a savepoint rolled back inside a batch: the light guard sees the last row is not the head, and the row links after the rows kept', () => {
    const path = tempDb();
    const db = openDb(path);
    insertEvent(db, ev('e1'));
    const { guards } = guardsRun(db, () =>
      db.transaction(() =>
        chainBatch(db, () => {
          insertEvent(db, ev('e2'));
          insertEvent(db, ev('e3'));
          try {
            db.transaction(() => {
              insertEvent(db, ev('lost1'));
              insertEvent(db, ev('lost2')); // the head in memory is now row 5, which the savepoint takes away
              note(db, 'lost');
              throw new Error('inner');
            })();
          } catch {
            /* the savepoint is gone, the batch goes on */
          }
          expect(insertEvent(db, ev('e4'))).toBe(4);
          expect(insertEvent(db, ev('e5'))).toBe(5);
          note(db, 'n1');
        }),
      )(),
    );
    // The light guard refused e4 (the last row was 3, not 5): read again, retried under the whole guard, then light again.
    expect(guards).toEqual(['whole', 'light', 'light', 'light', 'light', 'whole', 'light']);
    expect(db.prepare(`SELECT dedupe_key FROM events ORDER BY id`).pluck().all()).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expectWhole(db, 5, 1);
    db.close();
    recomputeMatches(path);
  });

  it('nothing carries past a batch: ours rolled back, another process chains the same id, our next batch checks the hash again', () => {
    const path = tempDb();
    const a = openDb(path);
    const b = openDb(path);
    insertEvent(a, ev('e1'));
    expect(() =>
      a.transaction(() =>
        chainBatch(a, () => {
          insertEvent(a, ev('gone1'));
          insertEvent(a, ev('gone2')); // a's head: row 3, light-guarded
          throw new Error('handler failed');
        }),
      )(),
    ).toThrow('handler failed');
    // The other process chains rows 2 and 3 of its own: a's head (row 3) has the right id and the wrong hash.
    expect(insertEvent(b, ev('theirs1'))).toBe(2);
    expect(insertEvent(b, ev('theirs2'))).toBe(3);
    a.transaction(() =>
      chainBatch(a, () => {
        expect(insertEvent(a, ev('e2'))).toBe(4);
        expect(insertEvent(a, ev('e3'))).toBe(5);
      }),
    )();
    expect(a.prepare(`SELECT dedupe_key FROM events ORDER BY id`).pluck().all()).toEqual(['e1', 'theirs1', 'theirs2', 'e2', 'e3']);
    expectWhole(a, 5, 0);
    a.close();
    b.close();
    recomputeMatches(path);
  });

  it('the monitor\'s group commit: one whole guard per batch, the chain whole across batches, a failed batch and another process', () => {
    const path = tempDb();
    const config = loadConfig({ envFile: false, env: {}, overrides: { DATABASE_PATH: path, HUMAS_ADMINS: 'tg:9001', PASLON_FILE: 'data/paslon.sumsel2024.json', QUIET_HOURS: 'off' } });
    const t = { now: Date.UTC(2024, 9, 1, 3, 0, 0) };
    const app = new App({ config, clock: () => t.now });
    app.registry.upsertMany(Object.values(ASN), t.now);
    const msg = (k: string) => ({ kind: 'message' as const, dedupeKey: k, at: t.now, chat: CAMPAIGN_TG, messageId: k, sender: { platform: 'telegram' as const, id: '7777', name: 'Andi' }, text: 'Selamat pagi', mentions: [] });
    const page = (p: string) => Array.from({ length: 5 }, (_, i) => msg(`${p}${i}`));
    const { guards } = guardsRun(app.db, () => {
      app.monitor.handleBatch(page('a'));
      const other = openDb(path);
      insertEvent(other, ev('other')); // another process between two pages
      other.close();
      app.monitor.handleBatch(page('b'));
      // A page whose third event fails: rolled back after three light-guarded rows, then redone event by event.
      app.monitor.handleBatch([msg('c0'), msg('c1'), msg('c2'), { kind: 'message', dedupeKey: 'bad' } as never, msg('c3')]);
      app.monitor.handleBatch(page('d'));
    });
    expect(guards.join(' ')).toBe([
      'whole light light light light',
      'whole', // the other process's row
      'whole whole light light light light', // page b's first row refused (its id was taken meanwhile), read again, retried
      'whole light light', // the failed page, rolled back
      'whole whole whole whole whole whole', // its events one by one: the first refused once (the head had been rolled back), the bad one rejected
      'whole light light light light',
    ].join(' '));
    expect(app.db.prepare(`SELECT COUNT(*) FROM events`).pluck().get()).toBe(21);
    expectWhole(app.db, 21, 0);
    app.db.close();
    recomputeMatches(path);
  });
});
