import { describe, expect, it } from 'vitest';
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
    const v = MIGRATIONS.findIndex((m) => m.includes('ADD COLUMN unconfirmed_noticed_at'));
    app.db.exec(`ALTER TABLE incidents DROP COLUMN unconfirmed_noticed_at`);
    app.db.exec(MIGRATIONS[v]!);
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
