import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/app/reports/build.js';
import { parseReportArgs } from '../../src/app/reports/filters.js';
import { listActors } from '../../src/store/evidence.js';
import { startBot } from '../../src/main.js';
import { cleanStoredLabels } from '../../src/store/clean-labels.js';
import { migrate } from '../../src/store/db.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { ASN, CAMPAIGN_TG, testApp } from '../support/app.js';

describe('migrations', () => {
  it('unconfirmed_noticed_at: cases already asked about one by one keep that time, so Humas is not asked again', () => {
    const { app, clock } = testApp();
    const at = clock.now();
    const opened = (tgId: string) =>
      app.monitor.handle({ kind: 'member_added', dedupeKey: `add-${tgId}`, at, chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: tgId }] }).opened[0]!;
    const asked = opened(ASN.budi.telegramId);
    const notAsked = opened(ASN.sari.telegramId);
    // What the previous version queued for an unguaranteed "left" (its per-case key).
    app.monitor.outbox.enqueue({ dedupeKey: `unconfirmed-left:${asked.id}:telegram:9001`, platform: 'telegram', recipient: '9001', recipientKind: 'user', kind: 'humas_permissions', text: 'x' }, at + 5);
    // Undo that migration and run its SQL again, as an upgraded database does.
    const v = MIGRATIONS.findIndex((m) => typeof m === 'string' && m.includes('ADD COLUMN unconfirmed_noticed_at'));
    app.db.exec(`ALTER TABLE incidents DROP COLUMN unconfirmed_noticed_at`);
    app.db.exec(MIGRATIONS[v] as string);
    const noticed = app.db.prepare(`SELECT id, unconfirmed_noticed_at AS at FROM incidents ORDER BY id`).all();
    expect(noticed).toEqual([
      { id: asked.id, at: at + 5 },
      { id: notAsked.id, at: null },
    ]);
  });

  it('refuses a database newer than the program', () => {
    const { app } = testApp();
    app.db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(app.db)).toThrow(/newer than this program knows/);
  });
});

describe('labels stored before they were cleaned', () => {
  it('are made plain once per database; plain and emoji labels are left as they are', () => {
    const { app, clock } = testApp();
    const at = clock.now();
    app.monitor.handle({ kind: 'member_added', dedupeKey: 'a', at, chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: ASN.budi.telegramId }], actor: { platform: 'telegram', id: '7', name: 'Joko' } });
    app.monitor.handle({ kind: 'chat_info', dedupeKey: 'b', at, chat: { platform: 'telegram', id: '-1002', title: 'Arisan 🌸 RT 05' } });
    // What an older version stored as it came.
    app.db.prepare(`UPDATE chats SET title = ? WHERE chat_id = ?`).run('Relawan\n\u202EPaslon 2', CAMPAIGN_TG.id);
    app.db.prepare(`UPDATE incidents SET added_by_name = ?`).run('Joko\n✅ Kasus ditutup');
    app.db.prepare(`UPDATE incident_findings SET actor_name = ?`).run('Joko\u2028Humas');
    app.db.prepare(`UPDATE incidents SET excerpt = ?`).run('Ayo\n\u202Ecoblos');
    expect(cleanStoredLabels(app.db, at)).toBe(4);
    expect(app.db.prepare(`SELECT excerpt FROM incidents`).pluck().get()).toBe('Ayo coblos');
    expect(app.db.prepare(`SELECT title FROM chats ORDER BY chat_id`).pluck().all()).toEqual(expect.arrayContaining(['Relawan Paslon 2', 'Arisan 🌸 RT 05']));
    expect(app.db.prepare(`SELECT added_by_name FROM incidents`).pluck().get()).toBe('Joko ✅ Kasus ditutup');
    expect(app.db.prepare(`SELECT actor_name FROM incident_findings`).pluck().get()).toBe('Joko Humas');
    // Once: a later run reads nothing.
    app.db.prepare(`UPDATE chats SET title = ? WHERE chat_id = ?`).run('Lagi\nbaris', CAMPAIGN_TG.id);
    expect(cleanStoredLabels(app.db, at)).toBe(0);
  });

  it('startBot cleans them before anything is sent', async () => {
    const { app, clock } = testApp();
    app.monitor.handle({ kind: 'chat_info', dedupeKey: 'b', at: clock.now(), chat: CAMPAIGN_TG });
    app.db.prepare(`UPDATE chats SET title = ?`).run('Relawan\n\u202EPaslon 2');
    const bot = await startBot(app);
    expect(app.db.prepare(`SELECT title FROM chats`).pluck().get()).toBe('Relawan Paslon 2');
    await bot.stop();
  });
});

describe('the migration that keys a WhatsApp adder by phone', () => {
  it('moves rows whose LID already has a phone to the phone JID, keeps the LID, and old rows still render by phone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-mig-adder-'));
    try {
      const db = new Database(join(dir, 'old.sqlite'));
      db.pragma('foreign_keys = ON');
      const mine = MIGRATIONS.findIndex((m) => typeof m === 'string' && m.includes('ADD COLUMN added_by_lid'));
      expect(mine).toBeGreaterThan(0);
      for (let v = 0; v < mine; v++)
        db.transaction(() => {
          const step = MIGRATIONS[v]!;
          if (typeof step === 'string') db.exec(step);
          else step(db);
          db.pragma(`user_version = ${v + 1}`);
        })();
      // As the previous version stored them: the adder under his LID, the LID again as the name when none was seen.
      const LID = '308888888888888@lid';
      const PN = '6285711112222@s.whatsapp.net';
      const OTHER = '309999999999999@lid';
      db.exec(`INSERT INTO asn (nip, nama, unit, phone, created_at, updated_at) VALUES ('198503122010011003', 'Budi', 'Dinas', '+6281234567890', 1, 1);
        INSERT INTO wa_lid_map (lid, pn, source, learned_at) VALUES ('${LID}', '${PN}', 'lid_mapping', 9);
        INSERT INTO incidents (id, asn_nip, platform, chat_id, kind, opened_at, added_by_id, added_by_name, updated_at) VALUES
          (1, '198503122010011003', 'whatsapp', 'g1@g.us', 'added', 5, '${LID}', '${LID}', 5),
          (2, '198503122010011003', 'whatsapp', 'g2@g.us', 'mentioned', 6, '${PN}', 'Pak Korlap', 6),
          (3, '198503122010011003', 'whatsapp', 'g3@g.us', 'added', 7, '${OTHER}', '${OTHER}', 7);
        INSERT INTO incident_findings (incident_id, kind, actor_id, actor_name, at) VALUES
          (1, 'added', '${LID}', '${LID}', 5), (2, 'mentioned', '${PN}', 'Pak Korlap', 6), (3, 'added', '${OTHER}', '${OTHER}', 7);
        INSERT INTO unmatched_members (platform, chat_id, member_id, kind, actor_id, seen_at) VALUES ('whatsapp', 'g1@g.us', '201@lid', 'member_added', '${LID}', 5);`);
      migrate(db);
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(db.prepare(`SELECT id, added_by_id, added_by_lid FROM incidents ORDER BY id`).all()).toEqual([
        { id: 1, added_by_id: PN, added_by_lid: LID },
        { id: 2, added_by_id: PN, added_by_lid: null },
        { id: 3, added_by_id: OTHER, added_by_lid: OTHER },
      ]);
      expect(db.prepare(`SELECT actor_id, actor_lid FROM incident_findings ORDER BY incident_id`).all()).toEqual([
        { actor_id: PN, actor_lid: LID },
        { actor_id: PN, actor_lid: null },
        { actor_id: OTHER, actor_lid: OTHER },
      ]);
      expect(db.prepare(`SELECT actor_id FROM unmatched_members`).pluck().all()).toEqual([PN]);
      // Rendered as Humas reads them: the phone, never a LID stored as a name; one actor for the LID and the phone.
      const p = parseReportArgs([], 1_000, 'Asia/Jakarta');
      if (!p.ok) throw new Error('parse');
      const r = buildReport(db, undefined, p.filters, 'Asia/Jakarta');
      expect(r.cases.map((c) => c.addedBy)).toEqual(['+6285711112222', 'Pak Korlap (+6285711112222)', OTHER]);
      expect(r.topActors.map((a) => [a.label, a.acts])).toEqual([['Pak Korlap (+6285711112222)', 2], [OTHER, 1]]);
      expect(listActors(db).map((a) => [a.actorId, a.names, a.phone, a.handles])).toEqual([
        [PN, ['Pak Korlap'], '+6285711112222', [LID]],
        [OTHER, [], null, [OTHER]],
      ]);
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
