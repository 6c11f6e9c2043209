import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/app/app.js';
import { RecordingMessenger } from '../../../src/app/ports.js';
import { loadConfig } from '../../../src/config.js';
import type { Nip, PhoneE164, TgUserId } from '../../../src/core/ids.js';
import { replayTelegramUpdate } from '../../../src/platforms/telegram/replay.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/telegram/${name}.json`, import.meta.url), 'utf8'));

let app: App;
afterEach(async () => {
  await app.close();
});

function replayApp(): { app: App; rec: RecordingMessenger } {
  const config = loadConfig({
    envFile: false,
    env: {},
    overrides: { DATABASE_PATH: ':memory:', HUMAS_ADMINS: 'tg:9001', TELEGRAM_BOT_TOKEN: '123456789:SIM-jaga-netral-token', QUIET_HOURS: 'off', PASLON_FILE: 'data/paslon.sumsel2024.json' },
  });
  const a = new App({ config });
  a.registry.upsertMany(
    [
      { nip: '198503122010011003' as Nip, nama: 'Budi Santoso', unit: 'Dinas Pendidikan', phone: '+6281234567890' as PhoneE164, telegramId: '5001' as TgUserId, telegramUsername: 'budi_s' },
      { nip: '199001252015032001' as Nip, nama: 'Sari Wulandari', unit: 'Dinas Kesehatan', phone: '+6281298765432' as PhoneE164, telegramId: '5002' as TgUserId, telegramUsername: 'sariwulan' },
    ],
    Date.now(),
  );
  const rec = new RecordingMessenger('telegram');
  a.attach(rec);
  return { app: a, rec };
}

describe('replayTelegramUpdate', () => {
  it('replays real update shapes through the monitor; replaying twice changes nothing', async () => {
    const r = replayApp();
    app = r.app;
    for (const name of ['my_chat_member_added', 'new_chat_members', 'chat_member_added', 'mention_caption', 'message_reaction']) replayTelegramUpdate(app, fixture(name));
    replayTelegramUpdate(app, fixture('new_chat_members'));
    await app.dispatcher.drainOnce();
    const kinds = r.rec.sent.map((m) => `${m.kind}->${m.recipient}`);
    expect(kinds.filter((k) => k === 'asn_alert->5001')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'asn_alert->5002')).toHaveLength(1);
    expect(kinds).toContain('group_reminder->-1001234567890');
    const incidents = app.db.prepare(`SELECT asn_nip, kind FROM incidents ORDER BY id`).all();
    expect(incidents).toEqual([
      { asn_nip: '198503122010011003', kind: 'added' },
      { asn_nip: '199001252015032001', kind: 'added' },
    ]);
    // The reaction carries the stored text of the post it reacted to.
    const reaction = app.db.prepare(`SELECT payload FROM events WHERE kind = 'reaction'`).get() as { payload: string };
    expect(JSON.parse(reaction.payload).targetText).toContain('Ayo coblos nomor 2');
  });

  it('records garbage as rejected and never throws', () => {
    app = replayApp().app;
    expect(() => replayTelegramUpdate(app, { nonsense: true })).not.toThrow();
    expect(() => replayTelegramUpdate(app, 42)).not.toThrow();
    expect(app.db.prepare(`SELECT COUNT(*) AS n FROM events WHERE status = 'rejected'`).get()).toEqual({ n: 2 });
  });

  it('replays registration by shared contact', async () => {
    const r = replayApp();
    app = r.app;
    replayTelegramUpdate(app, { update_id: 1, message: { message_id: 1, date: 1, chat: { id: 5009, type: 'private' }, from: { id: 5009, is_bot: false, first_name: 'X' }, contact: { phone_number: '6281298765432', first_name: 'X', user_id: 5009 } } });
    await app.dispatcher.drainOnce();
    expect(app.registry.byTelegramId('5009')?.nama).toBe('Sari Wulandari');
    expect(r.rec.sent.map((m) => m.kind)).toEqual(['tg_registered']);
  });
});
