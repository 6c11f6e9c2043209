/**
 * Cases opened before `incident_unverified` existed have no row there, so after an upgrade their lines would carry no
 * "belum terverifikasi" mark. The migration after it reads each Telegram case's opening event (incidents.event_id;
 * events.payload is the ChatEvent as the monitor recorded it) and marks the case the way core/detect.ts
 * unverifiedMatch would have: the person who matched the ASN's registry username, while the registry has no Telegram
 * id for that ASN, or has since bound an id the person did not carry (another account took the username). Closed
 * cases too: /kasus, the dashboard's case page and the dossier show them.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/db.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { testApp } from '../support/app.js';
import { jn, SPAWN_TIMEOUT } from '../cli/support.js';

const GROUP = '-1001234500001';
const chat = { platform: 'telegram', id: GROUP, title: 'Relawan Paslon 2 Kecamatan Baturaja', type: 'supergroup' };
const timses = { platform: 'telegram', id: '7001', username: 'joko_timses', name: 'Joko' };

/** A database at schema version `v`, made by running the steps before it as the program of that day did. */
function databaseAt(path: string, v: number): Database.Database {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  for (let i = 0; i < v; i++)
    db.transaction(() => {
      const step = MIGRATIONS[i]!;
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${i + 1}`);
    })();
  return db;
}

/** The backfill's place in the list: the steps before it make the database it upgrades. */
const BACKFILL = MIGRATIONS.findIndex((m) => typeof m === 'function' && m.name === 'backfillUnverified');

describe('the migration that marks older username-only cases', () => {
  it('backfills incident_unverified from the opening events, and /kasus shows the mark after the upgrade', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-mig-unv-'));
    try {
      const path = join(dir, 'old.sqlite');
      const before = MIGRATIONS.findIndex((m) => typeof m === 'string' && m.includes('CREATE TABLE incident_unverified'));
      expect(before).toBeGreaterThan(0);
      expect(BACKFILL).toBeGreaterThan(before);
      const db = databaseAt(path, before);
      // As the program before that migration recorded them: the registry, each case's opening event, the case.
      const asn = db.prepare(`INSERT INTO asn (nip, nama, unit, phone, tg_user_id, tg_username, created_at, updated_at) VALUES (?, ?, 'BPKAD', ?, ?, ?, 1, 1)`);
      asn.run('198807142012121001', 'Pegawai Satu', '+6285212345671', null, 'pegawai_oku1'); // username only
      asn.run('198807142012121002', 'Dedi Kurniawan', '+6285212345672', null, 'dedik'); // username only, tagged by @name
      asn.run('198807142012121003', 'Pegawai Tiga', '+6285212345673', '5103', 'pegawai_oku3'); // id known, the same account
      asn.run('198807142012121004', 'Pegawai Empat', '+6285212345674', '5999', 'pegawai_oku4'); // registered since, another account
      asn.run('198807142012121005', 'Pegawai Lima', '+6285212345675', null, null); // WhatsApp only
      asn.run('198807142012121006', 'Pegawai Enam', '+6285212345676', null, 'pegawai_oku6'); // closed since
      const ev = db.prepare(`INSERT INTO events (id, platform, dedupe_key, kind, chat_id, payload, received_at) VALUES (?, ?, ?, ?, ?, ?, 1)`);
      const added = (...members: object[]) => JSON.stringify({ kind: 'member_added', dedupeKey: 'x', at: 1, chat, members, actor: timses });
      ev.run(1, 'telegram', 'tg:u:1', 'member_added', GROUP, added({ platform: 'telegram', id: '5101', username: 'pegawai_oku1', name: 'Pegawai 1' }, { platform: 'telegram', id: '5103', username: 'pegawai_oku3' }));
      ev.run(2, 'telegram', 'tg:u:2', 'message', GROUP, JSON.stringify({ kind: 'message', dedupeKey: 'y', at: 2, chat, messageId: '10', sender: timses, text: 'Ayo coblos nomor 2 @dedik', mentions: [{ platform: 'telegram', username: 'dedik' }] }));
      ev.run(3, 'telegram', 'tg:u:3', 'member_added', GROUP, added({ platform: 'telegram', id: '5104', username: 'Pegawai_Oku4' }, { platform: 'telegram', id: '5106', username: 'pegawai_oku6' }));
      ev.run(4, 'whatsapp', 'wa:4', 'member_added', 'g@g.us', JSON.stringify({ kind: 'member_added', dedupeKey: 'z', at: 3, chat: { platform: 'whatsapp', id: 'g@g.us', type: 'group' }, members: [{ platform: 'whatsapp', id: '6285212345675@s.whatsapp.net' }] }));
      const inc = db.prepare(`INSERT INTO incidents (id, asn_nip, platform, chat_id, kind, status, opened_at, event_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, 1)`);
      inc.run(1, '198807142012121001', 'telegram', GROUP, 'added', 'open', 1);
      inc.run(2, '198807142012121003', 'telegram', GROUP, 'added', 'open', 1);
      inc.run(3, '198807142012121002', 'telegram', GROUP, 'mentioned', 'open', 2);
      inc.run(4, '198807142012121004', 'telegram', GROUP, 'added', 'open', 3);
      inc.run(5, '198807142012121005', 'whatsapp', 'g@g.us', 'added', 'open', 4);
      inc.run(6, '198807142012121006', 'telegram', GROUP, 'added', 'left', 3);
      db.close();

      // At the schema version before the backfill, the older cases have no row.
      const old = new Database(path);
      for (let i = before; i < BACKFILL; i++)
        old.transaction(() => {
          const step = MIGRATIONS[i]!;
          if (typeof step === 'string') old.exec(step);
          else step(old);
          old.pragma(`user_version = ${i + 1}`);
        })();
      expect(old.prepare(`SELECT COUNT(*) FROM incident_unverified`).pluck().get()).toBe(0);
      migrate(old);
      expect(old.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(old.prepare(`SELECT incident_id, username, account_id FROM incident_unverified ORDER BY incident_id`).all()).toEqual([
        { incident_id: 1, username: 'pegawai_oku1', account_id: '5101' },
        { incident_id: 3, username: 'dedik', account_id: null },
        { incident_id: 4, username: 'pegawai_oku4', account_id: '5104' },
        { incident_id: 6, username: 'pegawai_oku6', account_id: '5106' },
      ]);
      old.close();

      // Humas reads the mark where the program shows it: /kasus on the upgraded file.
      const { app } = testApp({ DATABASE_PATH: path });
      try {
        const kasus = (id: number) => app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', fromName: 'Humas', text: `/kasus ${id}` });
        expect((await kasus(1))?.text).toContain('⚠️ belum terverifikasi (@pegawai_oku1)');
        expect((await kasus(2))?.text).not.toContain('belum terverifikasi');
      } finally {
        await app.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('passes over an opening event it cannot read (JSON null, a cut-off text, a number, null members) and marks the rest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-mig-unv-bad-'));
    try {
      const path = join(dir, 'old.sqlite');
      const db = databaseAt(path, BACKFILL);
      db.prepare(`INSERT INTO asn (nip, nama, unit, phone, tg_user_id, tg_username, created_at, updated_at) VALUES ('198807142012121001', 'Pegawai Satu', 'BPKAD', '+6285212345671', NULL, 'pegawai_oku1', 1, 1)`).run();
      const ev = db.prepare(`INSERT INTO events (id, platform, dedupe_key, kind, chat_id, payload, received_at) VALUES (?, 'telegram', ?, 'member_added', ?, ?, 1)`);
      const inc = db.prepare(`INSERT INTO incidents (id, asn_nip, platform, chat_id, kind, status, opened_at, event_id, updated_at) VALUES (?, '198807142012121001', 'telegram', ?, 'added', 'open', 1, ?, 1)`);
      const payloads = [
        'null',
        '{"kind":"member_added","members":[{"platform":"telegram","id":"51',
        '42',
        JSON.stringify({ kind: 'member_added', chat, members: [null, 7, 'x'], actor: timses }),
        JSON.stringify({ kind: 'member_added', chat, members: [{ platform: 'telegram', id: '5101', username: 'pegawai_oku1' }], actor: timses }),
      ];
      payloads.forEach((p, i) => {
        ev.run(i + 1, `tg:u:${i + 1}`, GROUP, p);
        inc.run(i + 1, `${GROUP}${i}`, i + 1);
      });
      migrate(db);
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.prepare(`SELECT incident_id, username, account_id FROM incident_unverified`).all()).toEqual([{ incident_id: 5, username: 'pegawai_oku1', account_id: '5101' }]);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Memory: the step reads the cases a page at a time, so a large database upgrades on a small server. Before, it
  // loaded every case with its event payload at once: 30,000 cases of 4 kB events needed some 250 MB more heap and
  // the real binary, run with a 160 MB heap, died of "JavaScript heap out of memory" before it printed anything.
  it('upgrades 30,000 old cases with the binary held to a 160 MB heap', SPAWN_TIMEOUT, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-mig-unv-big-'));
    try {
      const path = join(dir, 'old.sqlite');
      const db = databaseAt(path, BACKFILL);
      const N = 30_000;
      const asn = db.prepare(`INSERT INTO asn (nip, nama, unit, phone, tg_user_id, tg_username, created_at, updated_at) VALUES (?, ?, 'BPKAD', ?, NULL, ?, 1, 1)`);
      const ev = db.prepare(`INSERT INTO events (id, platform, dedupe_key, kind, chat_id, payload, received_at) VALUES (?, 'telegram', ?, 'member_added', ?, ?, 1)`);
      const inc = db.prepare(`INSERT INTO incidents (id, asn_nip, platform, chat_id, kind, status, opened_at, event_id, updated_at) VALUES (?, ?, 'telegram', ?, 'added', 'left', 1, ?, 1)`);
      const others = Array.from({ length: 30 }, (_, j) => ({ platform: 'telegram', id: String(8000 + j), username: `anggota_${j}`, name: `Anggota Grup Relawan Kecamatan Nomor ${j} `.repeat(2) }));
      db.transaction(() => {
        for (let i = 1; i <= 100; i++) asn.run(`19880714201212${String(i).padStart(4, '0')}`, `Pegawai ${i}`, `+62852123${String(i).padStart(5, '0')}`, `pegawai_${i}`);
        for (let i = 1; i <= N; i++) {
          const a = (i % 100) + 1;
          const members = [{ platform: 'telegram', id: String(5000 + a), username: `pegawai_${a}` }, ...others];
          ev.run(i, `tg:u:${i}`, GROUP, JSON.stringify({ kind: 'member_added', dedupeKey: `tg:u:${i}`, at: 1, chat, members, actor: timses }));
          inc.run(i, `19880714201212${String(a).padStart(4, '0')}`, GROUP, i);
        }
      })();
      expect((db.prepare(`SELECT SUM(LENGTH(payload)) FROM events`).pluck().get() as number) / N).toBeGreaterThan(4000);
      db.close();

      const run = await jn(['cases', 'list', '--status', 'left'], { DATABASE_PATH: path, LANGUAGE: 'id', NODE_OPTIONS: '--max-old-space-size=160' });
      expect(run.err).not.toMatch(/heap out of memory/);
      expect(run.code).toBe(0);
      const up = new Database(path, { readonly: true });
      expect(up.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(up.prepare(`SELECT COUNT(*) FROM incident_unverified`).pluck().get()).toBe(N);
      expect(up.prepare(`SELECT username, account_id FROM incident_unverified WHERE incident_id = ?`).get(N)).toEqual({ username: `pegawai_${(N % 100) + 1}`, account_id: String(5000 + (N % 100) + 1) });
      up.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
