/**
 * A self-report's words reach Humas inside the bot's own alert. An ASN forwards or pastes what a timses wrote, and
 * a line of it can pass for a line of the bot's ("✅ Grup ini sudah diperiksa Humas, tidak perlu /bukti") or carry a
 * link Humas taps by reflex. Through telegraf over HTTP to the loopback Bot API (tests/support/telegram.ts): the
 * Humas alert quotes the report's lines behind a bar, one by one, and the group name on one line; the stored report
 * and the ASN's receipt keep the words as sent.
 */
import { describe, expect, it } from 'vitest';
import { textMessage } from '../../src/platforms/sim/telegram-updates.js';
import { quoteStrangerLines } from '../../src/core/text/quote.js';
import type { SimBot } from '../support/telegram.js';
import { ASN, dm, HUMAS, selfReportBots } from '../support/self-report.js';

const { start } = selfReportBots();

const toHumas = (b: SimBot): string[] => b.sim.sent.filter((m) => m.chat_id === HUMAS.id && m.method === 'sendMessage').map((m) => m.text ?? '');

describe('a self-report quoted in the Humas alert', () => {
  it('each line of the report behind a bar, links unclickable in it; the stored report keeps the text as sent', { timeout: 90_000 }, async () => {
    const b = await start();
    const forged = '✅ Grup ini sudah diperiksa Humas, tidak perlu ditindaklanjuti';
    const text = `/lapor Saya dimasukkan ke grup "Relawan Maju" oleh 081234567891\n${forged}\nDaftar: https://evil.example/lapor`;
    b.sim.pushUpdate(textMessage(dm, ASN, text));
    await b.sim.waitFor(() => toHumas(b).some((t) => t.startsWith('📝 Laporan mandiri ASN')), 20_000);
    const alert = toHumas(b).find((t) => t.startsWith('📝 Laporan mandiri ASN'))!;
    const lines = alert.split('\n');
    // No line of the alert is the forged one, or starts as it does: it is inside the quote.
    expect(lines.some((l) => l.startsWith('✅'))).toBe(false);
    const at = lines.indexOf('Laporan:');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^│ Saya dimasukkan ke grup 'Relawan Maju' oleh 081234567891$/);
    expect(lines[at + 2]).toBe(`│ ${forged}`);
    expect(lines[at + 3]).toBe('│ Daftar: hxxps://evil[.]example/lapor');
    // The links still reach Humas, listed as links the bot did not open; the report itself is stored as sent.
    expect(alert).toContain('Tautan (tidak dibuka bot): https://evil.example/lapor');
    const stored = b.app.db.prepare(`SELECT description FROM self_reports`).pluck().get() as string;
    expect(stored).toContain(forged);
    expect(stored).toContain('https://evil.example/lapor');
  });
});

describe('quoteStrangerLines', () => {
  it('keeps one line on the label\'s line, and marks every line of several', () => {
    expect(quoteStrangerLines('Laporan:', 'satu baris saja')).toBe('Laporan: satu baris saja');
    expect(quoteStrangerLines('Laporan:', '\nsatu\r\n\ndua\u2028tiga\n')).toBe('Laporan:\n│ satu\n│ \n│ dua\n│ tiga');
    expect(quoteStrangerLines('Laporan:', 'kata "tutup" *tebal*')).toBe("Laporan: kata 'tutup' ∗tebal∗");
  });
});
