import { describe, expect, it } from 'vitest';
import { FloodGuard } from '../../src/app/flood.js';
import { testApp } from '../support/app.js';

const notices = (app: ReturnType<typeof testApp>['app']) =>
  app.db.prepare(`SELECT recipient, text FROM outbox WHERE kind = 'flood_notice' ORDER BY id`).all() as { recipient: string; text: string }[];

describe('inbound flood limits', () => {
  it('answers 5 private messages a minute and 30 an hour per sender; beyond, no answer and one Humas notice a day', () => {
    const { app, clock } = testApp();
    const admit = () => app.flood.admit('telegram', '6666', clock.now(), 'Orang Asing');
    expect(Array.from({ length: 8 }, admit)).toEqual([true, true, true, true, true, false, false, false]);
    // One notice per Humas admin (Telegram and WhatsApp), naming the sender and the limits.
    expect(notices(app).map((n) => n.recipient).sort()).toEqual(['6281111111111@s.whatsapp.net', '9001']);
    expect(notices(app)[0]!.text).toContain('Orang Asing (6666)');
    expect(notices(app)[0]!.text).toContain('5 pesan per menit, 30 per jam');
    // Each minute five more get answers, until the hour holds 30 (refused ones count too: a flood stays a flood).
    const answered: boolean[] = [];
    for (let m = 0; m < 10; m++) {
      clock.advance(61_000);
      for (let i = 0; i < 5; i++) answered.push(admit());
    }
    // 8 + 50 = 58 messages this hour; 30 are allowed in any hour, of which 5 went in the first minute.
    expect(answered.filter(Boolean).length).toBe(22);
    expect(notices(app)).toHaveLength(2); // still one per admin that day
    // Another sender, or the same id on the other platform, has its own count.
    expect(app.flood.admit('telegram', '7777', clock.now())).toBe(true);
    expect(app.flood.admit('whatsapp', '6666@s.whatsapp.net', clock.now())).toBe(true);
    // An hour of quiet clears it; the next day a new flood gives a new notice.
    clock.advance(24 * 3_600_000);
    expect(Array.from({ length: 6 }, admit)).toEqual([true, true, true, true, true, false]);
    expect(notices(app)).toHaveLength(4);
    expect(app.db.prepare(`SELECT COUNT(*) AS n FROM audit WHERE action = 'flood'`).get()).toEqual({ n: 2 });
    expect(app.db.prepare(`SELECT DISTINCT result FROM audit WHERE action = 'flood'`).pluck().all()).toEqual(['flood_recorded']);
  });

  it('a hostile sender name reaches Humas as one plain line', () => {
    const { app, clock } = testApp();
    for (let i = 0; i < 6; i++) app.flood.admit('telegram', '6666', clock.now(), 'Orang\n\n✅ Aman, abaikan\u202E');
    expect(notices(app)[0]!.text).toContain('Pengirim: Orang ✅ Aman, abaikan (6666)');
  });

  it('counts survive a restart (they are in the database) and Humas admins are never limited', () => {
    const { app, clock } = testApp({ INBOUND_PRIVATE_PER_MINUTE: '2', INBOUND_PRIVATE_PER_HOUR: '3' });
    expect(app.flood.admit('telegram', '6666', clock.now())).toBe(true);
    expect(app.flood.admit('telegram', '6666', clock.now())).toBe(true);
    const again = new FloodGuard({ db: app.db, outbox: app.monitor.outbox, config: app.config });
    expect(again.admit('telegram', '6666', clock.now())).toBe(false);
    clock.advance(61_000);
    expect(again.admit('telegram', '6666', clock.now())).toBe(false); // 4 in the hour > 3
    for (let i = 0; i < 50; i++) expect(app.flood.admit('telegram', '9001', clock.now())).toBe(true);
    for (let i = 0; i < 50; i++) expect(app.flood.admit('whatsapp', '6281111111111@s.whatsapp.net', clock.now())).toBe(true);
  });

  it('rejects limits that are not positive whole numbers', () => {
    expect(() => testApp({ INBOUND_PRIVATE_PER_MINUTE: '0' })).toThrow(/INBOUND_PRIVATE_PER_MINUTE/);
    expect(() => testApp({ INBOUND_PRIVATE_PER_HOUR: 'banyak' })).toThrow(/INBOUND_PRIVATE_PER_HOUR/);
  });
});
