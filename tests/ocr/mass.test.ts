/**
 * Issue 24 point 5: a self-report held for a mass summary (app/self-report-bursts.ts) gets no machine-read
 * follow-up of its own; the summary carries what its screenshot was read to say, and a window that ends holding a
 * single report sends that report's usual alert with its follow-up. Through the real path: telegraf polls the
 * loopback Bot API (tests/support/telegram.ts); each ASN sends a screenshot as a photo with a `/lapor` caption
 * naming the group (the adapter fetches it with getFile and the URL telegraf's Telegram.getFileLink builds,
 * node_modules/telegraf/lib/telegram.js); tesseract reads every image in the background; the held reports are
 * released as a replay releases them at its end (`App.releaseSummaries(now, true)`), so the test does not wait out
 * the window; everything Humas receives is read from the simulator.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderChatScreen } from '../../src/bench/ocr-screens.js';
import type { Nip, PhoneE164, TgUserId } from '../../src/core/ids.js';
import type { SimUser } from '../../src/platforms/sim/telegram-server.js';
import { photoMessage } from '../../src/platforms/sim/telegram-updates.js';
import { HUMAS } from '../support/self-report.js';
import { startSimBot, type SimBot } from '../support/telegram.js';

const screen = (groupName: string) =>
  renderChatScreen({
    style: 'telegram',
    groupName,
    members: 1204,
    bubbles: [{ text: 'Admin menambahkan Anda' }, { from: 'Korcam Baturaja', text: 'Bapak ibu, besok deklarasi relawan di posko pemenangan. Ayo menangkan paslon nomor 1!' }],
  });

const NAMES = ['Ani Lestari', 'Bayu Pratama', 'Citra Dewi', 'Dodi Saputra', 'Eka Putri'];
const people: SimUser[] = NAMES.map((n, i) => ({ id: 5201 + i, first_name: n.split(' ')[0]! }));
const registry = people.map((p, i) => ({
  nip: `19870312201001200${i + 4}` as Nip, nama: NAMES[i]!, unit: 'Dinas Kesehatan', phone: `+62813111130${i}0` as PhoneE164, telegramId: String(p.id) as TgUserId,
}));

let bot: SimBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

describe('OCR of self-reports held for a mass summary', () => {
  it('held reports: no follow-up of their own, a machine-read line in the summary; a window holding one report: its alert and its follow-up', { timeout: 180_000 }, async () => {
    // One report alone per group, the rest held; a window long enough never to end by itself during the test.
    bot = await startSimBot({ asn: registry, started: [...people, HUMAS], perChatGapMs: 1, overrides: { MASS_ALERT_THRESHOLD: '1', MASS_ALERT_WINDOW_SECONDS: '3600' } });
    const b = bot;
    const a = screen('Sahabat Herman Deru OKU');
    const other = screen('Relawan Paslon 2 Baturaja');
    // Group A: three ASN (the first alone, two held, listed in one summary). Group B: two (the first alone, one held alone).
    const plan = [
      { who: 0, group: 'Sahabat Herman Deru OKU', png: a },
      { who: 1, group: 'Sahabat Herman Deru OKU', png: a },
      { who: 2, group: 'Sahabat Herman Deru OKU', png: a },
      { who: 3, group: 'Relawan Paslon 2 Baturaja', png: other },
      { who: 4, group: 'Relawan Paslon 2 Baturaja', png: other },
    ];
    for (const p of plan) {
      const u = people[p.who]!;
      b.sim.pushUpdate(photoMessage({ id: u.id, type: 'private' }, u, b.sim.addFile(p.png, { ext: 'jpg' }), `/lapor Saya dimasukkan ke grup Telegram "${p.group}" tanpa izin`));
      // One at a time: the order of the reports is the order of the plan.
      await b.sim.waitFor((s) => s.some((m) => m.chat_id === u.id && /JN-\d{4}-\d{6}/.test(m.text ?? '')), 30_000);
    }
    // Every screenshot read (tesseract, in the background), and what was due sent.
    await vi.waitFor(() => expect(b.app.db.prepare(`SELECT COUNT(*) FROM self_report_ocr WHERE status = 'read'`).pluck().get()).toBe(5), { timeout: 120_000, interval: 100 });
    await b.app.screenshots.idle();
    const receipts = b.app.db.prepare(`SELECT receipt_no FROM self_reports ORDER BY id`).pluck().all() as string[];
    const caseOf = (no: string) => (b.app.db.prepare(`SELECT incident_id FROM self_reports WHERE receipt_no = ?`).pluck().get(no) as number);
    const toHumas = () => b.sim.sent.filter((m) => m.chat_id === HUMAS.id && m.method === 'sendMessage').map((m) => m.text ?? '');
    const ocrFollowups = () => toHumas().filter((t) => t.startsWith('🔎 Dibaca mesin (OCR)'));
    await b.sim.waitFor(() => ocrFollowups().length === 2, 30_000);
    expect(b.app.db.prepare(`SELECT r.receipt_no FROM self_report_holds h JOIN self_reports r ON r.id = h.report_id WHERE h.released_at IS NULL ORDER BY r.id`).pluck().all())
      .toEqual([receipts[1], receipts[2], receipts[4]]);
    // Only the reports alerted alone have had a follow-up; the held ones wait for their window.
    expect(ocrFollowups().map((t) => /laporan (JN-\d{4}-\d{6})/.exec(t)?.[1])).toEqual([receipts[0], receipts[3]]);

    // The windows end.
    expect(b.app.releaseSummaries(Date.now(), true)).toBe(2);
    b.app.dispatcher.wake();
    const summaryOf = () => toHumas().find((t) => t.includes('laporan mandiri ASN tentang grup yang sama'));
    await b.sim.waitFor(() => summaryOf() !== undefined && ocrFollowups().length === 3, 30_000);
    expect(summaryOf()!.split('\n')).toEqual([
      '⚠️ 2 laporan mandiri ASN tentang grup yang sama',
      'Grup/akun: "Sahabat Herman Deru OKU" (Telegram)',
      expect.stringMatching(/^Waktu laporan: .* WIB s\.d\. .* WIB$/),
      'Pelapor:',
      `- ${receipts[1]} (kasus #${caseOf(receipts[1]!)}): Bayu Pratama (NIP ${registry[1]!.nip}), Dinas Kesehatan`,
      '  Dibaca mesin (OCR): grup "Sahabat Herman Deru OKU", terkait Pilkada',
      `- ${receipts[2]} (kasus #${caseOf(receipts[2]!)}): Citra Dewi (NIP ${registry[2]!.nip}), Dinas Kesehatan`,
      '  Dibaca mesin (OCR): grup "Sahabat Herman Deru OKU", terkait Pilkada',
      'Bukti tiap laporan ada di dasbor (Laporan ASN) dan lewat /bukti <nomor kasus>.',
    ]);
    // Group B's window held one report: its usual alert, then its follow-up, as if it had never been held.
    const alertB = toHumas().findIndex((t) => t.startsWith('📝 Laporan mandiri ASN') && t.includes(receipts[4]!));
    const followB = toHumas().findIndex((t) => t.startsWith('🔎 Dibaca mesin (OCR)') && t.includes(receipts[4]!));
    expect(alertB).toBeGreaterThanOrEqual(0);
    expect(followB).toBeGreaterThan(alertB);
    expect(toHumas()[followB]).toContain('Nama grup terbaca: "Relawan Paslon 2 Baturaja"');
    // Each report's screenshot reached Humas once: in its own follow-up, or in the summary.
    for (const no of receipts) {
      const inFollowups = ocrFollowups().filter((t) => t.includes(no)).length;
      expect(inFollowups, no).toBe(no === receipts[1] || no === receipts[2] ? 0 : 1);
    }
    // Nothing more comes: a second release finds nothing, and no follow-up is queued for the summarised reports.
    expect(b.app.releaseSummaries(Date.now(), true)).toBe(0);
    expect(b.app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE 'selfreport:%:ocr:%'`).pluck().get()).toBe(3);

    // A screenshot of a summarised report read only after the summary went (the bot stopped before reading it, and
    // reads it at the next start: ScreenshotReader.resume): stored for the dashboard and the dossier, not pushed.
    const late = b.app.db.prepare(`SELECT e.id FROM self_report_evidence e JOIN self_reports r ON r.id = e.report_id WHERE r.receipt_no = ?`).pluck().get(receipts[2]) as number;
    b.app.db.prepare(`DELETE FROM self_report_ocr WHERE evidence_id = ?`).run(late);
    expect(b.app.screenshots.resume(Date.now())).toBe(1);
    await vi.waitFor(() => expect(b.app.db.prepare(`SELECT status FROM self_report_ocr WHERE evidence_id = ?`).pluck().get(late)).toBe('read'), { timeout: 60_000, interval: 100 });
    await b.app.screenshots.idle();
    expect(b.app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE dedupe_key LIKE 'selfreport:%:ocr:%'`).pluck().get()).toBe(3);
  });
});
