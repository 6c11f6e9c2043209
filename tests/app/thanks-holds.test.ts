/**
 * Held thank-yous whose cases all reopened before their release (app/thanks-holds.ts over app/asn-holds.ts). Budi
 * leaves five groups at once: three thank-yous go alone, two are held for one list. Humas reopens both cases
 * (`/buka`, lifecycle.reopenCase) before the list goes, so there is nothing left to send. That list never went: it
 * must not push Budi's next thank-you an hour back (the hour between two lists counts from a list sent), and a
 * reopened case he leaves again must be thanked like any other. Through Monitor.handle, reopenCase and
 * App.releaseSummaries.
 */
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app/app.js';
import { ASN_ALERTS_ALONE } from '../../src/app/asn-alert-holds.js';
import { reopenCase } from '../../src/app/lifecycle.js';
import { nextThanksRelease } from '../../src/app/thanks-holds.js';
import type { ChatRef } from '../../src/core/types.js';
import { ASN, type FakeClock, testApp } from '../support/app.js';

const timses = { platform: 'telegram' as const, id: '7777', name: 'Korlap Timses' };
const group = (i: number): ChatRef => ({ platform: 'telegram', id: `-10066600${i}`, title: `Relawan Paslon 2 Desa ${i}`, type: 'supergroup' });
const budi = { platform: 'telegram' as const, id: ASN.budi.telegramId };

function add(app: App, clock: FakeClock, i: number): number {
  return app.monitor.handle({ kind: 'member_added', dedupeKey: `add-${i}-${clock.now()}`, at: clock.now(), chat: group(i), members: [budi], actor: timses }).opened[0]!.id;
}
function leave(app: App, clock: FakeClock, i: number): void {
  app.monitor.handle({ kind: 'member_left', dedupeKey: `left-${i}-${clock.now()}`, at: clock.now(), chat: group(i), members: [budi] });
}
const thanks = (app: App) => app.db.prepare(`SELECT text FROM outbox WHERE kind = 'thanks_left' ORDER BY id`).pluck().all() as string[];

describe('held thank-yous whose cases all reopened', () => {
  it('send nothing, and the next thank-you of that ASN waits only the usual minute, not an hour', () => {
    const { app, clock } = testApp();
    const cases = [1, 2, 3, 4, 5, 6].map((i) => add(app, clock, i));
    clock.advance(2 * 3_600_000);
    for (let i = 1; i <= 5; i++) leave(app, clock, i);
    expect(thanks(app)).toHaveLength(ASN_ALERTS_ALONE);
    // Humas reopens the two held cases: Budi is back in those groups, as far as the bot knows.
    for (const id of cases.slice(ASN_ALERTS_ALONE, 5)) expect(reopenCase(app, id, 'tg:9001', clock.now()).ok).toBe(true);
    clock.advance(2 * 60_000);
    app.releaseSummaries(clock.now());
    expect(thanks(app)).toHaveLength(ASN_ALERTS_ALONE);
    expect(nextThanksRelease(app.db)).toBeUndefined();

    // Ten minutes later, within the ASN's hour: he leaves a reopened group again, and the sixth.
    clock.advance(10 * 60_000);
    leave(app, clock, 4);
    leave(app, clock, 6);
    const due = nextThanksRelease(app.db);
    expect(due).toBe(clock.now() + 60_000);
    clock.advance(60_000);
    app.releaseSummaries(clock.now());
    const sent = thanks(app);
    expect(sent).toHaveLength(ASN_ALERTS_ALONE + 1);
    expect(sent.at(-1)).toContain('Anda sudah tidak tercatat di 2 grup berikut (Telegram), dan kasusnya kami tutup:');
    expect(sent.at(-1)).toContain(`- Kasus #${cases[3]}: "Relawan Paslon 2 Desa 4"`);
    expect(sent.at(-1)).toContain(`- Kasus #${cases[5]}: "Relawan Paslon 2 Desa 6"`);
  });
});
