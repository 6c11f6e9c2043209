import { describe, expect, it } from 'vitest';
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
