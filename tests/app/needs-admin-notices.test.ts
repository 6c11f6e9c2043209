/**
 * The "bot without admin rights" notices share the mass-alert burst counter (`alert_windows`, app/mass-alerts.ts):
 * the first MASS_ALERT_THRESHOLD of a burst one by one, then one "more came", then none until an hour
 * (NEEDS_ADMIN_WINDOW_SECONDS, longer than the default MASS_ALERT_WINDOW_SECONDS) passes with no new group. Through the monitor, as Telegram's `my_chat_member` arrives.
 */
import { describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../src/core/types.js';
import { kvSet } from '../../src/store/kv.js';
import { testApp } from '../support/app.js';

const joinedAsMember = (i: number, at: number): ChatEvent => ({
  kind: 'bot_membership', dedupeKey: `tg:bot:${i}`, at, joined: true, admin: false,
  chat: { platform: 'telegram', id: String(-1001000000000 - i), title: `Relawan Kecamatan ${i}`, type: 'supergroup' },
});

describe('needs-admin notices in a burst', () => {
  it('three one by one, one "more came", none while groups keep coming, then one by one again; an older database\'s kv record is ignored', async () => {
    const { app, clock } = testApp({ HUMAS_ADMINS: 'tg:9001', MASS_ALERT_THRESHOLD: '3', MASS_ALERT_WINDOW_SECONDS: '60' });
    // What the notice limit of an older version kept in kv: four notices and the "more came" one within the hour.
    // It would have kept every notice below back; nothing reads it now.
    const t0 = clock.now();
    kvSet(app.db, 'telegram.needs_admin_notices', JSON.stringify({ at: [t0 - 4000, t0 - 3000, t0 - 2000, t0 - 1000], many: t0 - 500 }), t0);
    const notices = () => app.db.prepare(`SELECT text FROM outbox WHERE kind = 'humas_permissions' ORDER BY id`).pluck().all() as string[];
    let i = 0;
    const join = (): void => {
      app.monitor.handle(joinedAsMember(i++, clock.now()));
      clock.advance(1000);
    };

    for (let k = 0; k < 6; k++) join();
    expect(notices()).toHaveLength(4);
    expect(notices().slice(0, 3).map((t) => t.match(/grup "([^"]+)"/)?.[1])).toEqual(['Relawan Kecamatan 0', 'Relawan Kecamatan 1', 'Relawan Kecamatan 2']);
    expect(notices()[3]).toContain('dimasukkan ke lebih dari 3 grup tanpa hak admin berturut-turut, terakhir grup "Relawan Kecamatan 3"');
    expect(notices()[3]).toContain('dihentikan sampai 60 menit berlalu tanpa grup baru');

    // Less than an hour apart, the burst goes on: still nothing. A group a minute (61 s, past MASS_ALERT_WINDOW_SECONDS)
    // does not end it either: with the mass-alert window it would have sent Humas a notice a minute.
    clock.advance(50 * 60_000);
    join();
    expect(notices()).toHaveLength(4);
    for (let k = 0; k < 30; k++) { clock.advance(61_000); join(); }
    expect(notices()).toHaveLength(4);

    // An hour with no new group ends the burst: the next group is told one by one again.
    clock.advance(61 * 60_000);
    join();
    expect(notices()).toHaveLength(5);
    expect(notices()[4]).toContain('grup "Relawan Kecamatan 37"');
    expect(notices()[4]).toContain('sebagai anggota biasa, tanpa hak admin');
    await app.close();
  });
});
