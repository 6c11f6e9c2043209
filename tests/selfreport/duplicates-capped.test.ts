/**
 * The same report sent again when the first did not keep every file it was given: a WhatsApp ASN who sent twelve
 * screenshots before `LAPOR ...` (the adapter holds up to MAX_EVIDENCE_FILES + 10 pictures and the report keeps
 * ten, src/platforms/whatsapp/adapter.ts), then, the receipt being slow, the same twelve and the same text again.
 * The first report kept ten; the second, by the same caps, would keep the same ten: it is the first report again
 * (README: "the same screenshot with the same caption again ... is the first report"), not a second receipt number
 * and a second Humas alert. Through handleSelfReport, the function both adapters call.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handleSelfReport, MAX_EVIDENCE_FILES } from '../../src/app/self-report.js';
import { ASN, testApp } from '../support/app.js';

describe('a self-report sent again whose first send was over the file cap', () => {
  it('is the first report: one report, its ten files, one Humas alert, the receipt again with the note', async () => {
    const { app } = testApp({ DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'jn-dup-cap-')), 'jaga.sqlite') });
    const files = () => Array.from({ length: MAX_EVIDENCE_FILES + 2 }, (_, i) => ({ kind: 'photo' as const, filename: `layar-${i + 1}.jpg`, data: Buffer.from(`tangkapan layar ${i + 1}`) }));
    const send = (key: string) =>
      handleSelfReport(app, { platform: 'whatsapp', reporterId: `${ASN.budi.phone.slice(1)}@s.whatsapp.net`, sourceKey: key, text: 'Saya dimasukkan ke grup WhatsApp "Relawan Maju" oleh 081234567891', files: files() });
    const first = await send('wa:1');
    expect(first.text).not.toMatch(/sudah tercatat/);
    const second = await send('wa:2');
    const no = /JN-\d{4}-\d{6}/.exec(first.text)![0];
    expect(second.text.split('\n')[0]).toBe(`Laporan yang sama sudah tercatat dengan nomor ${no}; tidak dicatat dua kali. Berikut tanda terimanya lagi.`);
    const count = (sql: string) => app.db.prepare(sql).pluck().get() as number;
    expect(count(`SELECT COUNT(*) FROM self_reports`)).toBe(1);
    expect(count(`SELECT COUNT(*) FROM self_report_evidence WHERE kind = 'photo'`)).toBe(MAX_EVIDENCE_FILES);
    expect(count(`SELECT COUNT(*) FROM outbox WHERE kind = 'humas_alert' AND recipient LIKE '9001'`)).toBe(1);
    // One file more that the caps would keep is another report.
    const other = await handleSelfReport(app, {
      platform: 'whatsapp', reporterId: `${ASN.budi.phone.slice(1)}@s.whatsapp.net`, sourceKey: 'wa:3', text: 'Saya dimasukkan ke grup WhatsApp "Relawan Maju" oleh 081234567891',
      files: [{ kind: 'photo', filename: 'baru.jpg', data: Buffer.from('tangkapan lain') }, ...files()],
    });
    expect(other.text).not.toMatch(/sudah tercatat/);
    expect(count(`SELECT COUNT(*) FROM self_reports`)).toBe(2);
  });
});
