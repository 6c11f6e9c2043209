/**
 * `jaga-netral demo`: the DESIGN.md story on both simulators, end to end,
 * through the real adapters, dispatcher, lifecycle jobs and reports.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoCommand } from '../src/demo/index.js';

// The demo writes into a temporary folder, never into the working tree (issue 21 point 11).
const dirs: string[] = [];
const demoDir = () => {
  const d = join(mkdtempSync(join(tmpdir(), 'jn-demo-')), 'demo');
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(join(d, '..'), { recursive: true, force: true });
});

/** Splits the transcript into bot messages: header line + body. */
function messages(transcript: string): { header: string; body: string }[] {
  return transcript
    .split(/\n(?=── \[)/)
    .filter((b) => b.startsWith('── ['))
    .map((b) => {
      const [header, ...rest] = b.split('\n');
      // The body ends at the next narrator line or section.
      const body: string[] = [];
      for (const l of rest) {
        if (l.startsWith('▶') || l.startsWith('═══')) break;
        body.push(l);
      }
      return { header: header!, body: body.join('\n') };
    });
}

describe('demo', () => {
  it('plays the story on Telegram and WhatsApp and leaves the report files', { timeout: 120_000 }, async () => {
    const out: string[] = [];
    const err: string[] = [];
    const dir = demoDir();
    const code = await demoCommand([], { out: (s) => out.push(s), err: (s) => err.push(s) }, { dir });
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const t = out.join('\n');
    const msgs = messages(t);
    // The narration states the platforms in Indonesian (issue 21 point 6), not the recorded "connected".
    expect(t).toMatch(/Bot aktif: Telegram @\S+ \(terhubung, polling\), WhatsApp terhubung/);
    expect(t).not.toMatch(/WhatsApp connected/);
    const to = (platform: string, who: string) => msgs.filter((m) => m.header.startsWith(`── [${platform}] Bot → ${who}`));

    // The ASN DM (Telegram, added by the timses; tagged; WhatsApp).
    expect(to('Telegram', 'ASN Ahmad Fauzi (DM)').some((m) => m.body.includes('Anda dimasukkan ke grup "Relawan Paslon 2 Pilgub Sumsel" oleh Joko'))).toBe(true);
    expect(to('Telegram', 'ASN Hendra Saputra').some((m) => m.body.includes('ditandai') && m.body.includes('Ayo coblos nomor 2'))).toBe(true);
    expect(to('Telegram', 'ASN Nurul Hidayah (DM)').some((m) => m.body.includes('Ayo coblos nomor 2'))).toBe(true);
    expect(to('WhatsApp', 'ASN Siti Rahmawati (DM)').some((m) => m.body.includes('Relawan Paslon 2 Pilgub Sumsel'))).toBe(true);
    expect(to('WhatsApp', 'ASN Rudi Hartono (DM)').some((m) => m.body.includes('Ayo coblos nomor 2'))).toBe(true);

    // The buttons under the Telegram alert are shown as the ASN sees them.
    expect(to('Telegram', 'ASN Ahmad Fauzi (DM)').some((m) => m.body.includes('   [ Saya sudah keluar ]  [ Saya perlu bantuan Humas ]\n   [ Laporkan ]'))).toBe(true);
    // WhatsApp shows no buttons: the alert says to reply LAPOR instead (issue 18 point 1).
    expect(to('WhatsApp', 'ASN Siti Rahmawati (DM)').some((m) => m.body.includes('Relawan Paslon 2 Pilgub Sumsel') && m.body.includes('   Ada hal lain yang tidak terlihat bot? Balas LAPOR untuk melaporkannya.\n   \n   Pesan otomatis Jaga Netral.'))).toBe(true);
    // The ASN who left is thanked, on the platform of the case.
    expect(to('Telegram', 'ASN Ahmad Fauzi (DM)').some((m) => m.body.includes('Terima kasih') && m.body.includes('kasus #1 kami tutup'))).toBe(true);
    expect(to('WhatsApp', 'ASN Siti Rahmawati (DM)').some((m) => m.body.includes('Terima kasih') && m.body.includes('kami tutup'))).toBe(true);

    // The Humas DM, on both platforms.
    for (const p of ['Telegram', 'WhatsApp']) {
      expect(to(p, 'Humas (DM)').some((m) => m.body.includes('Kasus #1') && m.body.includes('Ahmad Fauzi') && m.body.includes('Oleh: Joko'))).toBe(true);
    }
    // The unreachable ASN: Humas is told to call directly.
    expect(to('Telegram', 'Humas (DM)').some((m) => m.body.includes('belum bisa dihubungi bot') && m.body.includes('Maya Sari') && m.body.includes('hubungi langsung di +62'))).toBe(true);

    // The group reminder names nobody.
    const reminders = [...to('Telegram', 'Grup "Relawan Paslon 2 Pilgub Sumsel"'), ...to('WhatsApp', 'Grup "Relawan Paslon 2 Pilgub Sumsel"')];
    expect(reminders.length).toBeGreaterThanOrEqual(2);
    const people = ['Ahmad', 'Fauzi', 'Hendra', 'Nurul', 'Maya', 'Siti', 'Rahmawati', 'Rudi', 'Hartono', '1985031220', '1990072520', '1978110420', '1995112020', '1981013020', '1993040920',
      '6281234567890', '628117340011', '6287890123456', '6289512345678', '6281377881122', '6281367890123', '0812', '0813', '0895'];
    for (const r of reminders) {
      expect(r.body).toMatch(/ASN/);
      for (const p of people) expect(r.body).not.toContain(p);
    }

    // The closed cases.
    expect(t).toContain('Kasus Ahmad Fauzi di Telegram: ASN sudah keluar, kasus ditutup');
    expect(t).toContain('Kasus Siti Rahmawati di WhatsApp: ASN sudah keluar, kasus ditutup');

    // The follow-up to an ASN still inside, the escalation and the digest; none to those who left.
    expect(to('Telegram', 'ASN Hendra Saputra').some((m) => m.body.includes('Pengingat (kasus #'))).toBe(true);
    expect(to('WhatsApp', 'ASN Rudi Hartono (DM)').some((m) => m.body.includes('Pengingat (kasus #'))).toBe(true);
    expect(to('Telegram', 'ASN Ahmad Fauzi (DM)').some((m) => m.body.includes('Pengingat (kasus #'))).toBe(false);
    expect(to('Telegram', 'Humas (DM)').some((m) => m.body.includes('Eskalasi kasus'))).toBe(true);
    expect(to('Telegram', 'Humas (DM)').some((m) => m.body.includes('Ringkasan Jaga Netral'))).toBe(true);

    // The report: text and three files to the Humas admin; a stranger is refused.
    const report = to('Telegram', 'Humas (DM)').find((m) => m.body.includes('Laporan Jaga Netral') && m.body.includes('Jumlah kasus'));
    expect(report?.body).toMatch(/Jumlah kasus: 6/);
    expect(report?.body).toMatch(/sudah keluar 2/);
    for (const ext of ['csv', 'xlsx', 'png']) expect(t).toMatch(new RegExp(`📎 laporan-jaga-netral-\\d{8}-\\d{6}-[0-9a-f]{6}\\.${ext}`));
    expect(to('Telegram', 'Orang Asing (DM)').some((m) => m.body.includes('hanya dapat digunakan oleh admin Humas'))).toBe(true);

    // The files left in the demo folder: each report file once, in reports/ where the bot wrote it.
    const files = readdirSync(join(dir, 'reports'));
    for (const ext of ['csv', 'xlsx', 'png']) expect(files.filter((f) => f.endsWith(`.${ext}`)), ext).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => /\.(csv|xlsx|png)$/.test(f))).toEqual([]);
    expect(existsSync(join(dir, 'jaga-netral.db'))).toBe(true);
    expect(t).toContain(`═══ Berkas di ${dir}/ ═══`);
    for (const f of files) expect(t.split('\n').filter((l) => l.includes(f) && !l.includes('📎'))).toEqual([expect.stringMatching(new RegExp(`^   reports/${f} \\(\\d+ byte\\)$`))]);
    // Humas hears of the cases in their order (issue 21 point 9): each case's first alert, by number.
    const firstAlert = (n: number) => msgs.findIndex((m) => m.header.startsWith('── [Telegram] Bot → Humas') && m.body.includes(`Kasus #${n}:`));
    const order = [1, 2, 3, 4, 5, 6].map(firstAlert).filter((i) => i >= 0);
    expect(order.length).toBeGreaterThanOrEqual(5);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(t).not.toMatch(/⚠️ 1 ASN ditemukan sekaligus/);
    // The counts line adds up: every case checked is counted once.
    const m = /kasus terbuka \d+, tanpa akun yang dapat diperiksa \d+; keanggotaan diperiksa: (\d+) kasus; masih di grup (\d+), sudah keluar (\d+), keluar belum pasti (\d+), tidak dapat diperiksa (\d+)(?:, ditutup selama pemeriksaan (\d+))?;/.exec(t);
    expect(m).not.toBeNull();
    const [checked, ...parts] = m!.slice(1).map((x) => Number(x ?? 0));
    expect(checked).toBeGreaterThan(0);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(checked);
  });

  it('narrates in English with LANGUAGE=en, the counts line included', { timeout: 120_000 }, async () => {
    const saved = process.env.LANGUAGE;
    process.env.LANGUAGE = 'en';
    const out: string[] = [];
    const err: string[] = [];
    try {
      expect(await demoCommand([], { out: (s) => out.push(s), err: (s) => err.push(s) }, { dir: demoDir() })).toBe(0);
    } finally {
      if (saved === undefined) delete process.env.LANGUAGE;
      else process.env.LANGUAGE = saved;
    }
    expect(err).toEqual([]);
    const t = out.join('\n');
    expect(t).toContain('═══ Jaga Netral — the OKU story demo (Telegram + WhatsApp simulators) ═══');
    expect(t).toContain('▶ Humas imports the ASN registry (data/asn.sample.csv)');
    expect(t).toMatch(/Import done: \d+ rows/);
    expect(t).toContain('Case of Ahmad Fauzi on Telegram: the ASN has left, case closed');
    const m = /open cases \d+, with no account to check \d+; membership checked: (\d+) cases; still in the group (\d+), left (\d+), left but not certain (\d+), could not be checked (\d+)(?:, closed during the check (\d+))?; follow-up: case (#\d+(?:, #\d+)*|-)\)/.exec(t);
    expect(m).not.toBeNull();
    const [checked, ...parts] = m!.slice(1, 7).map((x) => Number(x ?? 0));
    expect(parts.reduce((a, b) => a + b, 0)).toBe(checked);
    expect(t).toContain('═══ The report Humas received ═══');
    expect(t).toMatch(/═══ The report Humas received ═══\n   📊 Jaga Netral report/);
    expect(t).toMatch(/═══ Files in .*jn-demo-.*\/demo\/ ═══/);
    expect(t).toMatch(/Done in [\d.]+ seconds\./);
    for (const id of ['Waktu berjalan', 'Humas mengimpor', 'Selesai dalam', 'Berkas di', 'keanggotaan diperiksa', 'Grup "']) expect(t).not.toContain(id);
    // The bot itself speaks English too.
    expect(t).toContain('── [Telegram] Bot → Group "Relawan Paslon 2 Pilgub Sumsel"');
  });

});
