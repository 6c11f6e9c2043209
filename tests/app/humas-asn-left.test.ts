/**
 * Humas' summary of one ASN (app/humas-asn-holds.ts) after the ASN left every held group before the summaries were
 * due: the ASN's own summary had nothing left to send, so its holds were deleted (app/asn-holds.ts releaseDue) and
 * the ASN was sent nothing for those groups. Humas' summary still lists every case (each reaches Humas once), marked
 * closed, and says truthfully that no message to the ASN was needed, instead of "ASN sudah dikirimi pesan pribadi";
 * so does the one-case alert of a summary left holding one such case.
 * Through Monitor.handle and App.releaseSummaries.
 */
import { describe, expect, it } from 'vitest';
import type { ChatRef } from '../../src/core/types.js';
import { ASN, testApp } from '../support/app.js';

const timses = { platform: 'telegram' as const, id: '7777', name: 'Korlap Timses' };
const group = (g: number): ChatRef => ({ platform: 'telegram', id: `-10077700${g}`, title: `Relawan Paslon 2 Kecamatan ${g}`, type: 'supergroup' });
const budi = { platform: 'telegram' as const, id: ASN.budi.telegramId };

function addToGroups(lang: 'id' | 'en', leave: number[], groups = 6) {
  const { app, clock } = testApp({ MASS_ALERT_WINDOW_SECONDS: '60', LANGUAGE: lang });
  // Budi added to six groups at once: three alerts alone, three held (his own summary, and Humas' summary of him).
  for (let g = 1; g <= groups; g++) app.monitor.handle({ kind: 'member_added', dedupeKey: `add-${g}`, at: clock.now(), chat: group(g), actor: timses, members: [budi] });
  expect(app.db.prepare(`SELECT COUNT(*) FROM asn_alert_holds`).pluck().get()).toBe(groups - 3);
  clock.advance(10_000);
  for (const g of leave) app.monitor.handle({ kind: 'member_left', dedupeKey: `left-${g}`, at: clock.now(), chat: group(g), members: [budi] });
  clock.advance(120_000);
  app.releaseSummaries(clock.now());
  const rows = app.db.prepare(`SELECT kind, recipient, text FROM outbox ORDER BY id`).all() as { kind: string; recipient: string; text: string }[];
  return { app, rows, summary: rows.find((r) => r.kind === 'humas_asn_summary' && r.recipient === '9001')?.text };
}

describe("Humas' summary of one ASN after the held groups were left", () => {
  it('every held group left before the summaries: the ASN was sent nothing for them, and Humas reads so', () => {
    const { rows, summary } = addToGroups('id', [4, 5, 6]);
    // The ASN got the three alerts alone and no summary.
    expect(rows.filter((r) => r.kind === 'asn_alert_summary')).toHaveLength(0);
    expect(rows.filter((r) => r.kind === 'asn_alert')).toHaveLength(3);
    expect(summary).toBeDefined();
    for (let g = 4; g <= 6; g++) expect(summary).toContain(`"Relawan Paslon 2 Kecamatan ${g}" (dimasukkan ke grup kampanye), sudah ditutup`);
    expect(summary).not.toContain('ASN sudah dikirimi pesan pribadi');
    expect(summary).toContain('ASN sudah keluar dari grup-grup ini sebelum pemberitahuannya dikirim, jadi ASN tidak perlu dikirimi pesan untuk grup-grup ini.');
  });

  it('two of three left: the one still open went to the ASN as its own alert, the two needed nothing, and Humas reads both', () => {
    const { rows, summary } = addToGroups('id', [5, 6]);
    expect(rows.filter((r) => r.kind === 'asn_alert_summary')).toHaveLength(0);
    // The ASN's summary left holding one open case sends its usual alert.
    expect(rows.filter((r) => r.kind === 'asn_alert')).toHaveLength(4);
    expect(summary).toContain('ASN sudah dikirimi pesan pribadi berisi cara keluar untuk 1 grup di antaranya.\n');
    expect(summary).toContain('ASN sudah keluar dari 2 grup lainnya sebelum pemberitahuannya dikirim, jadi ASN tidak perlu dikirimi pesan untuk grup itu.\n');
    expect(summary).not.toContain('dalam satu ringkasan');
  });

  it('a summary left holding one case, left before it was due: its one-case alert says no message to the ASN was needed', () => {
    const { rows } = addToGroups('id', [4], 4);
    expect(rows.filter((r) => r.kind === 'asn_alert')).toHaveLength(3);
    const alert = rows.filter((r) => r.kind === 'humas_alert' && r.recipient === '9001').at(-1)!.text;
    expect(alert).toMatch(/^⚠️ Kasus #4: /);
    expect(alert).not.toContain('ASN sudah dikirimi pesan pribadi');
    expect(alert.split('\n')).toContain('ASN sudah keluar dari grup ini sebelum pemberitahuannya dikirim, jadi ASN tidak perlu dikirimi pesan.');
    // A case alerted alone still says the message went.
    expect(rows.filter((r) => r.kind === 'humas_alert' && r.recipient === '9001')[0]!.text).toContain('ASN sudah dikirimi pesan pribadi berisi cara keluar dari grup.');
  });

  it('in English too', () => {
    const { summary } = addToGroups('en', [4, 5, 6]);
    expect(summary).not.toContain('was sent a private message');
    expect(summary).toContain('The ASN left these groups before their notice was due, so no message to the ASN was needed for them.');
    const one = addToGroups('en', [4], 4).rows.filter((r) => r.kind === 'humas_alert' && r.recipient === '9001').at(-1)!.text;
    expect(one).toContain('The ASN left this group before their notice was due, so no message to the ASN was needed.');
    expect(one).not.toContain('has been sent');
  });
});
