/**
 * Self-reports on WhatsApp through Baileys' own message shapes and event path (the fake socket in
 * src/platforms/sim/whatsapp-socket.ts delivers proto.WebMessageInfo through makeEventBuffer and processMessage):
 * a `LAPOR <text>` conversation, an `imageMessage` with a `LAPOR` caption whose media is encrypted with Baileys'
 * encryptedStream and fetched and decrypted with downloadEncryptedContent (lib/Utils/messages-media.js), the guided
 * flow answered by numbers (WhatsApp shows no buttons), `SELESAI <number>`, a reported invite link looked up with
 * groupGetInviteInfo without joining (lib/Socket/groups.js, extractGroupMetadata), and a stranger refused.
 */
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { groupMeta, participantStub, privateImageMessage, privateMessage } from '../../src/platforms/sim/whatsapp-socket.js';
import { ADMIN_WA, ASN1, ASN1_LID, ASN1_PN, drainAll, fakeClock, GROUP, outboxRows, startBot, TIMSES_LID, TIMSES_PN } from '../fixtures/whatsapp/setup.js';

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops) await s();
  stops = [];
});

async function bot(extra: Record<string, string> = {}) {
  const clock = fakeClock();
  const b = await startBot(clock, { extra });
  stops.push(async () => {
    await b.wa.stop();
    await b.app.close();
  });
  return { ...b, clock };
}

const textsTo = (fake: { sent: { jid: string; content: Record<string, unknown> }[] }, jid: string): string[] =>
  fake.sent.filter((s) => s.jid === jid && typeof s.content['text'] === 'string').map((s) => s.content['text'] as string);

describe('self-report on WhatsApp', () => {
  it('LAPOR in one message: receipt text with number, code and how to reply SELESAI, the PDF as a document, Humas alerted; SELESAI closes it', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock } = await bot();
    // The reported group exists on the network; the bot is not in it.
    const reported = '120363000000000099@g.us';
    fake.addGroup(groupMeta({ id: reported, subject: 'Relawan Maju Bersama', desc: 'Relawan pemenangan paslon nomor 2, Pilgub Sumsel', owner: '6281234567891@s.whatsapp.net', participants: [{ id: '6281234567891@s.whatsapp.net', admin: 'superadmin' }, { id: ASN1_PN }, { id: '6281300000001@s.whatsapp.net' }] }));
    fake.invites.set('AbCdEfGhIjK12345', reported);
    await fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'L1', text: 'LAPOR Saya dimasukkan ke grup "Relawan Maju Bersama" oleh 0812 3456 7891, tautan https://chat.whatsapp.com/AbCdEfGhIjK12345', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 10);
    const receipt = textsTo(fake, ASN1_PN).find((t) => /JN-\d{4}-\d{6}/.test(t))!;
    expect(receipt).toMatch(/Kode verifikasi: [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    expect(receipt).toMatch(/Bila sudah selesai, balas: SELESAI JN-\d{4}-000001/);
    expect(fake.sent.some((s) => s.jid === ASN1_PN && 'document' in s.content)).toBe(true);
    expect(textsTo(fake, ADMIN_WA).some((t) => t.includes('Siti Aminah') && t.includes('Relawan Maju Bersama'))).toBe(true);
    // The named adder is stored as the monitor stores WhatsApp actors (a phone JID), so actor statistics count it.
    expect(app.db.prepare(`SELECT actor_id FROM incident_findings WHERE kind = 'added'`).get()).toEqual({ actor_id: '6281234567891@s.whatsapp.net' });
    expect(app.db.prepare(`SELECT value FROM self_report_evidence WHERE kind = 'link'`).get()).toEqual({ value: 'https://chat.whatsapp.com/AbCdEfGhIjK12345' });
    // The invite link was looked up without joining (no groupAcceptInvite), scored, and Humas can let the bot join.
    const invite = textsTo(fake, ADMIN_WA).find((t) => t.includes('Tautan undangan'))!;
    expect(invite).toMatch(/Grup: "Relawan Maju Bersama", 3 anggota/);
    expect(invite).toMatch(/Tampak sebagai grup kampanye/);
    expect(invite).toContain('/gabung https://chat.whatsapp.com/AbCdEfGhIjK12345');
    expect(fake.groups.get(reported)!.participants.some((p) => p.id === fake.user.lid || p.id === fake.user.id)).toBe(false);
    const ev = JSON.parse((app.db.prepare(`SELECT value FROM self_report_evidence WHERE kind = 'invite'`).get() as { value: string }).value) as Record<string, unknown>;
    expect(ev).toMatchObject({ code: 'AbCdEfGhIjK12345', subject: 'Relawan Maju Bersama', size: 3, campaign: true });

    const no = /JN-\d{4}-\d{6}/.exec(receipt)![0];
    await fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'L2', text: `selesai ${no}`, at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 10);
    expect(textsTo(fake, ASN1_PN).at(-1)).toMatch(/Selesai menurut ASN/);
    expect(app.db.prepare(`SELECT status FROM incidents WHERE kind = 'reported'`).get()).toEqual({ status: 'left' });
    // Both receipts carry the kind Telegram's do (reports, the dashboard and the send order count by kind: core/priority.ts).
    expect(outboxRows(app).filter((r) => r.recipient === ASN1_PN && r.kind === 'selfreport_receipt').map((r) => r.text.includes(no))).toEqual([true, true]);
  });

  it('an imageMessage with a LAPOR caption: the photo is downloaded and decrypted through Baileys, hashed and attached for Humas', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock } = await bot();
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(20_000, 3)]);
    const media = await fake.addMedia(jpeg, 'image', 'image/jpeg');
    await fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'IMG1', caption: 'LAPOR saya ditandai di TikTok oleh akun relawan', at: clock.now, media }));
    await wa.idle();
    await drainAll(app, clock, 10);
    const sha = createHash('sha256').update(jpeg).digest('hex');
    expect(Buffer.from(media.fileSha256).toString('hex')).toBe(sha);
    expect(app.db.prepare(`SELECT kind, sha256, bytes FROM self_report_evidence WHERE kind = 'photo'`).get()).toEqual({ kind: 'photo', sha256: sha, bytes: jpeg.length });
    expect(textsTo(fake, ASN1_PN).find((t) => t.includes(sha))).toMatch(/TikTok/);
    expect(fake.sent.filter((s) => s.jid === ADMIN_WA && 'document' in s.content)).toHaveLength(1);
  });

  it('LAPOR alone starts the guided flow, answered with numbers and words; a stranger is refused and Humas hears nothing', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock } = await bot();
    const send = async (id: string, text: string, from = ASN1_LID, alt: string | undefined = ASN1_PN) => {
      await fake.deliver(privateMessage({ from, fromAlt: alt, id, text, at: clock.now }));
      await wa.idle();
      await drainAll(app, clock, 3);
    };
    await send('F1', 'lapor');
    expect(textsTo(fake, ASN1_PN).at(-1)).toMatch(/Balas dengan angka:\n1\. Dimasukkan ke grup/);
    await send('F2', '2');
    expect(textsTo(fake, ASN1_PN).at(-1)).toMatch(/\(2\/4\)/);
    await send('F3', '3');
    await send('F4', 'Saya ditandai di foto acara deklarasi');
    // A screenshot without a caption during the flow is evidence too.
    const shot = Buffer.alloc(4000, 9);
    await fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'F4b', at: clock.now, media: await fake.addMedia(shot, 'image', 'image/png') }));
    await wa.idle();
    await drainAll(app, clock, 3);
    expect(textsTo(fake, ASN1_PN).at(-1)).toMatch(/Diterima: 2/);
    await send('F5', 'lanjut');
    expect(textsTo(fake, ASN1_PN).at(-1)).toMatch(/Kejadian: Ditandai dalam unggahan\nTempat: Facebook/);
    expect(textsTo(fake, ASN1_PN).at(-1)).toMatch(/Berkas bukti: 1/);
    await send('F6', 'kirim');
    expect(textsTo(fake, ASN1_PN).at(-1)).toMatch(/JN-\d{4}-000001/);
    expect(app.db.prepare(`SELECT category, place FROM self_reports`).get()).toEqual({ category: 'tagged', place: 'facebook' });
    // The guided flow's receipt is a receipt too; its questions are command replies.
    expect(outboxRows(app).filter((r) => r.recipient === ASN1_PN && r.kind === 'selfreport_receipt')).toHaveLength(1);

    const humasBefore = outboxRows(app).filter((r) => r.kind === 'humas_alert').length;
    await send('S1', 'LAPOR saya dimasukkan ke grup', '6281399999999@s.whatsapp.net', undefined);
    expect(textsTo(fake, '6281399999999@s.whatsapp.net').at(-1)).toMatch(/belum terdaftar/);
    expect(outboxRows(app).filter((r) => r.kind === 'humas_alert')).toHaveLength(humasBefore);
    expect(app.db.prepare(`SELECT COUNT(*) AS n FROM self_reports`).get()).toEqual({ n: 1 });
  });

  it('the ASN alert ends by saying LAPOR reports what the bot did not see (no buttons on WhatsApp); replying LAPOR starts the flow', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock } = await bot();
    await fake.deliver(participantStub({ group: GROUP, id: 'ADD-1', author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 5);
    const alert = textsTo(fake, ASN1_PN).find((t) => t.includes('Relawan Paslon 2 Pilgub Sumsel'))!;
    const contact = app.config.HUMAS_CONTACT;
    expect(alert.split('\n').slice(-4)).toEqual([
      `Jika Anda dimasukkan tanpa persetujuan atau perlu bantuan, hubungi ${contact}.`,
      'Ada hal lain yang tidak terlihat bot? Balas LAPOR untuk melaporkannya.',
      '',
      'Pesan otomatis Jaga Netral.',
    ]);
    await fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'R1', text: 'LAPOR', at: clock.now }));
    await wa.idle();
    await drainAll(app, clock, 3);
    expect(textsTo(fake, ASN1_PN).at(-1)).toMatch(/Balas dengan angka:\n1\. Dimasukkan ke grup/);
    expect(app.db.prepare(`SELECT step, asn_nip FROM report_flows`).get()).toEqual({ step: 'what', asn_nip: ASN1.nip });
  });

  it('an imageMessage over 10 MB by its fileLength is not fetched, and expired media fails: the ASN is told in one line (English)', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock } = await bot({ LANGUAGE: 'en' });
    const big = await fake.addMedia(Buffer.alloc(11 * 1024 * 1024, 5), 'image', 'image/jpeg');
    expect(big.fileLength).toBe(11 * 1024 * 1024);
    // Never fetched: the media host could not serve it anyway.
    fake.expireMedia(big.directPath);
    await fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'BIG1', caption: 'LAPOR I was tagged on Instagram in a campaign photo', at: clock.now, media: big }));
    await wa.idle();
    await drainAll(app, clock, 5);
    const first = textsTo(fake, ASN1_PN).find((t) => /JN-\d{4}-000001/.test(t))!;
    expect(first).toContain('\n\nSorry, 1 file was not kept: 1 over 10 MB. You can send a link or a smaller screenshot instead.');
    expect(app.db.prepare(`SELECT COUNT(*) AS n FROM self_report_evidence WHERE kind = 'photo'`).get()).toEqual({ n: 0 });
    expect(app.db.prepare(`SELECT COUNT(*) AS n FROM self_reports`).get()).toEqual({ n: 1 });

    // Small enough, but gone from the media host by the time the bot asks (404): Baileys' download throws.
    const gone = await fake.addMedia(Buffer.alloc(5000, 6), 'image', 'image/jpeg');
    fake.expireMedia(gone.directPath);
    await fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'GONE1', caption: 'LAPOR a candidate photo with me was posted on Facebook', at: clock.now, media: gone }));
    await wa.idle();
    await drainAll(app, clock, 5);
    const second = textsTo(fake, ASN1_PN).find((t) => /JN-\d{4}-000002/.test(t))!;
    expect(second).toContain('Sorry, 1 file was not kept: 1 could not be downloaded (please send again).');
    // The line sits between the receipt and WhatsApp's "reply SELESAI" line, which still names the number.
    expect(second).toMatch(/send again\)\. You can send a link or a smaller screenshot instead\.\n\nWhen it is done, reply: SELESAI JN-\d{4}-000002$/);
  });

  it('EVIDENCE_MB_PER_DAY before the download: a file whose fileLength is over what is left is never fetched from the media host; the report is still recorded and alerted; a lying fileLength is caught after the download', { timeout: 60_000 }, async () => {
    // proto.Message.IImageMessage / IDocumentMessage fileLength is a Long or a number (WAProto/index.d.ts); the
    // fake socket's media host logs each fetch Baileys' downloadEncryptedContent makes (lib/Utils/messages-media.js).
    const { app, fake, wa, clock } = await bot({ EVIDENCE_MB_PER_DAY: '1' });
    let n = 0;
    const send = async (media: Awaited<ReturnType<typeof fake.addMedia>>, text: string): Promise<string> => {
      n += 1;
      await fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: `Q${n}`, caption: `LAPOR ${text}`, at: clock.now, media }));
      await wa.idle();
      await drainAll(app, clock, 5);
      return textsTo(fake, ASN1_PN).find((t) => t.includes(`JN-`) && t.includes(`-00000${n}`))!;
    };
    const fetches = (m: { directPath: string }): number => fake.mediaFetches.filter((p) => p === m.directPath).length;
    const quotaLine = 'Mohon maaf, 1 berkas tidak kami simpan: 1 melebihi batas bukti per ASN (1 MB dalam 24 jam; laporan tetap tercatat, hubungi Humas bila perlu mengirim lebih).';
    const first = await fake.addMedia(Buffer.alloc(700 * 1024, 1), 'image', 'image/jpeg');
    expect(await send(first, 'ditandai di Instagram oleh akun relawan satu')).not.toMatch(/tidak kami simpan/);
    expect(fetches(first)).toBe(1);
    // 500 KB declared, 324 KB left: never fetched; the ASN is told as before; the report stands.
    const over = await fake.addMedia(Buffer.alloc(500 * 1024, 2), 'image', 'image/jpeg');
    expect(await send(over, 'ditandai di Instagram oleh akun relawan dua')).toContain(quotaLine);
    expect(fetches(over)).toBe(0);
    // A lying fileLength (100 KB declared, 500 KB real): fetched on its word, refused after by the real size.
    const liar = await fake.addMedia(Buffer.alloc(500 * 1024, 3), 'image', 'image/jpeg');
    expect(await send({ ...liar, fileLength: 100 * 1024 }, 'ditandai di Instagram oleh akun relawan tiga')).toContain(quotaLine);
    expect(fetches(liar)).toBe(1);
    const small = await fake.addMedia(Buffer.alloc(200 * 1024, 4), 'image', 'image/jpeg');
    expect(await send(small, 'ditandai di Instagram oleh akun relawan empat')).not.toMatch(/tidak kami simpan/);
    expect(fetches(small)).toBe(1);
    expect(app.db.prepare(`SELECT e.bytes FROM self_reports r LEFT JOIN self_report_evidence e ON e.report_id = r.id AND e.kind = 'photo' ORDER BY r.id`).pluck().all()).toEqual([700 * 1024, null, null, 200 * 1024]);
    // Humas hears of all four reports.
    expect(textsTo(fake, ADMIN_WA).filter((t) => t.startsWith('📝'))).toHaveLength(4);
  });

  it('a burst of reports about one invite link whose window ends holding one report: that report goes as its usual alert, photo attached', { timeout: 60_000 }, async () => {
    const { app, fake, wa, clock } = await bot({ MASS_ALERT_THRESHOLD: '1', MASS_ALERT_WINDOW_SECONDS: '60' });
    const link = 'https://chat.whatsapp.com/ZyXwVuTsRq98765';
    fake.addGroup(groupMeta({ id: '120363000000000077@g.us', subject: 'Barisan Paslon 2', desc: 'Relawan pemenangan paslon nomor 2', owner: '6281234567891@s.whatsapp.net', participants: [{ id: '6281234567891@s.whatsapp.net', admin: 'superadmin' }, { id: ASN1_PN }] }));
    fake.invites.set('ZyXwVuTsRq98765', '120363000000000077@g.us');
    await fake.deliver(privateMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'B1', text: `LAPOR saya dimasukkan ke grup "Barisan Paslon 2" tautan ${link}`, at: clock.now }));
    await wa.idle();
    // Ten seconds later, within the window, a second report of the same link, with a screenshot: held.
    clock.now += 10_000;
    const shot = Buffer.alloc(6000, 8);
    await fake.deliver(privateImageMessage({ from: ASN1_LID, fromAlt: ASN1_PN, id: 'B2', caption: `LAPOR grup itu lagi ${link}`, at: clock.now, media: await fake.addMedia(shot, 'image', 'image/png') }));
    await wa.idle();
    expect(app.db.prepare(`SELECT COUNT(*) FROM self_report_holds`).pluck().get()).toBe(1);
    expect(outboxRows(app).filter((r) => r.kind === 'humas_alert' && r.recipient === ADMIN_WA && r.text.startsWith('📝'))).toHaveLength(1);
    // The window ends (the drain moves the clock on): the held report goes as the usual one-report alert, never "1 report".
    await drainAll(app, clock, 5);
    const toAdmin = textsTo(fake, ADMIN_WA).filter((t) => t.startsWith('📝 Laporan mandiri ASN'));
    expect(toAdmin).toHaveLength(2);
    expect(toAdmin[1]).toMatch(/^📝 Laporan mandiri ASN JN-\d{4}-000002 \(kasus #\d+\)/);
    expect(toAdmin[1]).toContain('Bukti terlampir: 1 berkas');
    expect(textsTo(fake, ADMIN_WA).some((t) => t.includes('tentang grup yang sama'))).toBe(false);
    expect(fake.sent.filter((s) => s.jid === ADMIN_WA && 'document' in s.content)).toHaveLength(1);
    expect(outboxRows(app).filter((r) => r.kind === 'humas_mass_alert')).toHaveLength(0);
    // The link was looked up for both reports (each keeps it as evidence), but Humas heard about it once: the held report adds no message.
    expect(app.db.prepare(`SELECT COUNT(*) FROM self_report_evidence WHERE kind = 'invite'`).pluck().get()).toBe(2);
    expect(textsTo(fake, ADMIN_WA).filter((t) => t.includes('Tautan undangan'))).toHaveLength(1);
  });
});
