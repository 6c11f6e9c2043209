/**
 * A WhatsApp adder is one person, shown by phone. What Baileys gives, through the fake socket:
 * - A group notification's `author` is the adder's LID; the stanza's `participant_pn` reaches the key as
 *   `participantAlt` in handleNotification (node_modules/@whiskeysockets/baileys/lib/Socket/messages-recv.js) and is
 *   dropped by `proto.WebMessageInfo.fromObject`, so processMessage (lib/Utils/process-message.js) emits
 *   `group-participants.update` with `authorPn: message.key.participantAlt` undefined. The phone comes from the roster
 *   (`participants[].phoneNumber`, lib/Socket/groups.js extractGroupMetadata) or `lid-mapping.update`
 *   (lib/Socket/messages-recv.js NotificationLinkedProfilesUpdates, lib/Utils/chat-utils.js pnForLidChatAction).
 * - A notification names nobody. A name is what the person's own messages showed: upsertMessage
 *   (lib/Socket/chats.js) emits `contacts.update [{ id, notify: pushName }]` for each message's sender, as the fake
 *   socket's `deliver` now does too.
 * The Humas alert shows the adder's name and phone (`+62…`), never an opaque LID when the phone is known; the case is
 * keyed by the phone JID with the LID beside it. A pair learned after the alert moves the LID's cases to the phone,
 * so /report, its CSV/XLSX, the Pelaku pages and the dossier count one person once.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it } from 'vitest';
import { checkOpenCases } from '../../../src/app/lifecycle.js';
import { allActors } from '../../../src/app/evidence/actors.js';
import { reportCommand } from '../../../src/app/reports/command.js';
import { FakeWASocket, groupMeta, participantStub, textMessage } from '../../../src/platforms/sim/whatsapp-socket.js';
import type { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { applyRetention } from '../../../src/store/retention.js';
import { startDashboard } from '../../../src/web/server.js';
import { pdfText } from '../../support/pdf.js';
import { freePort, linkFromBot, signIn } from '../../web/support.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ADMIN_WA,
  ASN1,
  ASN1_LID,
  ASN1_PN,
  ASN2,
  ASN2_LID,
  ASN2_PN,
  campaignGroup,
  drainAll,
  fakeClock,
  GROUP,
  makeApp,
  startBot,
  TIMSES_LID,
  TIMSES_PN,
} from '../../fixtures/whatsapp/setup.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
const track = (wa: WhatsAppAdapter) => cleanups.push(() => wa.stop());

const KORLAP_LID = '308888888888888@lid';
const KORLAP_PN = '6285711112222@s.whatsapp.net';
/** An older group, addressed by phone: its messages carry the sender's phone JID as `participant` and no LID. */
const G2 = '120363000000000002@g.us';

describe('WhatsApp adder identity', () => {
  it('the Humas alert names the adder and shows his phone when the roster knows it; the case is keyed by the phone, the LID kept', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    track(wa);
    // The timses admin greets the group first: his push name arrives with his message (contacts.update notify).
    await fake.deliver(textMessage({ group: GROUP, id: 'HELLO-1', from: TIMSES_LID, pushName: 'Joko Timses', text: 'Selamat pagi semua', at: clock.now }));
    clock.now += 60_000;
    // Then he adds an ASN: the notification carries his LID only (participantAlt dropped by fromObject).
    await fake.deliver(participantStub({ group: GROUP, id: 'ADD-1', author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: clock.now }));
    await wa.idle();

    expect(app.db.prepare(`SELECT added_by_id, added_by_lid, added_by_name FROM incidents`).all()).toEqual([
      { added_by_id: TIMSES_PN, added_by_lid: TIMSES_LID, added_by_name: 'Joko Timses' },
    ]);
    await drainAll(app, clock);
    const humas = fake.sent.find((s) => s.jid === ADMIN_WA)!.content.text as string;
    expect(humas).toBe(
      [
        '⚠️ Kasus #1: ASN dimasukkan ke grup kampanye',
        `ASN: ${ASN1.nama} (NIP ${ASN1.nip}), ${ASN1.unit}`,
        `Grup: "Relawan Paslon 2 Pilgub Sumsel" (WhatsApp ${GROUP})`,
        'Alasan grup dinilai kampanye: Nama grup memuat "relawan" + nomor paslon "paslon 2"',
        'Oleh: Joko Timses (+6285700000001)',
        'Waktu: 1 Okt 2024, 10.01 WIB',
        'ASN sudah dikirimi pesan pribadi berisi cara keluar dari grup.',
      ].join('\n'),
    );
    expect(humas).not.toContain('@lid');
    const asnText = fake.sent.find((s) => s.jid === ASN1_PN)!.content.text as string;
    expect(asnText).toContain('oleh Joko Timses (+6285700000001).');

    // Names seen are personal data: retention forgets those not seen again within RETENTION_DAYS; the case keeps its name.
    expect(wa.names.nameOf(TIMSES_LID)).toBe('Joko Timses');
    expect(applyRetention(app.db, 30, clock.now + 31 * 86_400_000).names).toBe(1);
    expect(wa.names.nameOf(TIMSES_LID)).toBeUndefined();
    expect(app.db.prepare(`SELECT added_by_name FROM incidents`).pluck().get()).toBe('Joko Timses');
  });

  it('a LID and a phone learned to be one person after the alerts are one offender, shown by phone, in /report, CSV, XLSX, the Pelaku pages and the dossier', async () => {
    const clock = fakeClock();
    const port = await freePort();
    const app = makeApp(clock, { DASHBOARD_PORT: String(port) });
    const fake = new FakeWASocket({ now: clock });
    // The korlap is not in the roster the bot has of the campaign group.
    fake.addGroup(campaignGroup());
    fake.addGroup(groupMeta({ id: G2, subject: 'Posko Pemenangan Paslon 2 Baturaja', participants: [{ id: KORLAP_PN }, { id: '6281100000000@s.whatsapp.net' }] }));
    const { wa } = await startBot(clock, { app, socks: [fake] });
    track(wa);
    fake.emit('groups.upsert', [fake.groups.get(G2)!]);
    await wa.idle();

    // Case 1: he adds Siti to the campaign group, known by his LID alone.
    await fake.deliver(participantStub({ group: GROUP, id: 'ADD-K1', author: KORLAP_LID, authorAlt: KORLAP_PN, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: clock.now }));
    clock.now += 60_000;
    // Case 2: in the phone-addressed group he tags Budi, known by his phone JID (and his push name).
    await fake.deliver(textMessage({ group: G2, id: 'POST-K2', from: KORLAP_PN, pushName: 'Pak Korlap', text: 'Ayo coblos nomor 2 Pilgub Sumsel! @6281298765432', mentions: [ASN2_PN], at: clock.now }));
    await wa.idle();
    const ids = () => app.db.prepare(`SELECT added_by_id FROM incidents ORDER BY id`).pluck().all();
    expect(ids()).toEqual([KORLAP_LID, KORLAP_PN]);
    await drainAll(app, clock);
    // Alerted while only his LID was known: that is all the alert can show.
    const humas = fake.sent.filter((s) => s.jid === ADMIN_WA).map((s) => s.content.text as string);
    expect(humas[0]).toContain(`Oleh: ${KORLAP_LID} (nomor HP belum diketahui)\n`);
    expect(humas[1]).toContain('Oleh: Pak Korlap (+6285711112222)\n');

    // WhatsApp tells the pair afterwards (a linked-profiles notification).
    fake.emit('lid-mapping.update', { lid: KORLAP_LID, pn: KORLAP_PN });
    await wa.idle();
    expect(ids()).toEqual([KORLAP_PN, KORLAP_PN]);
    expect(app.db.prepare(`SELECT actor_id, actor_lid FROM incident_findings ORDER BY id`).all()).toEqual([
      { actor_id: KORLAP_PN, actor_lid: KORLAP_LID },
      { actor_id: KORLAP_PN, actor_lid: null },
    ]);

    // /report (the Humas command) with its files.
    const dir = mkdtempSync(join(tmpdir(), 'jn-adder-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    app.commands.add(reportCommand(app, { dir }));
    const r = (await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text: '/report' }))!;
    const actorLines = r.text.split('\n').filter((l) => l.includes('Korlap') || l.includes('6285711112222') || l.includes('@lid'));
    expect(actorLines).toEqual(['- Pak Korlap (+6285711112222): 2 kali, 2 ASN']);
    const csv = parse(readFileSync(r.files!.find((f) => f.filename.endsWith('.csv'))!.path), { bom: true, delimiter: ';' }) as string[][];
    expect(csv.slice(1).map((row) => row[10])).toEqual(["'+6285711112222", 'Pak Korlap (+6285711112222)']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.files!.find((f) => f.filename.endsWith('.xlsx'))!.path);
    const sheet = wb.getWorksheet('Kasus')!;
    expect([2, 3].map((i) => String(sheet.getRow(i).getCell(11).value))).toEqual(["'+6285711112222", 'Pak Korlap (+6285711112222)']);

    // The dashboard over loopback HTTP: one actor, by phone; his LID only as a handle.
    const dash = await startDashboard(app);
    cleanups.push(() => dash.close());
    const cookie = await signIn(await linkFromBot(app));
    const get = async (p: string) => {
      const res = await fetch(dash.url + p, { headers: { cookie } });
      return { status: res.status, body: await res.text() };
    };
    const list = await get('/pelaku');
    const refs = [...list.body.matchAll(/href="\/pelaku\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1]!));
    expect(refs).toEqual([`wa:${KORLAP_PN}`]);
    const one = await get(`/pelaku/${encodeURIComponent(`wa:${KORLAP_PN}`)}`);
    expect(one.status).toBe(200);
    expect(one.body).toContain('+6285711112222');
    expect(one.body).toContain(KORLAP_LID);
    expect(one.body).toContain('href="/kasus/1"');
    expect(one.body).toContain('href="/kasus/2"');
    // An old link by LID finds the same person.
    expect((await get(`/pelaku/${encodeURIComponent(`wa:${KORLAP_LID}`)}`)).body).toContain('href="/kasus/2"');
    const case1 = await get('/kasus/1');
    expect(case1.body).toContain(`+6285711112222 <span class="muted">LID ${KORLAP_LID}</span>`);

    const csrf = /name="_csrf" value="([^"]+)"/.exec(list.body)![1]!;
    const pdf = await fetch(`${dash.url}/berkas`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, lingkup: 'pelaku', pelaku: `wa:${KORLAP_PN}` }).toString(),
    });
    expect(pdf.status).toBe(200);
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('Pak Korlap');
    expect(text).toContain('+6285711112222');
    expect(text).toContain(KORLAP_LID);
    expect(text).toContain(ASN1.nip);
    expect(text).toContain(ASN2.nip);
    expect(ASN2_LID).toBeDefined();
  });

  it('a group metadata fetch after the alert (the periodic membership check) names the adder’s phone: his case moves to it', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock, { extra: { LANGUAGE: 'en' } });
    track(wa);
    await fake.deliver(participantStub({ group: GROUP, id: 'ADD-M1', author: KORLAP_LID, action: 'add', participants: [{ id: ASN1_LID, phoneNumber: ASN1_PN }], at: clock.now }));
    await wa.idle();
    expect(app.db.prepare(`SELECT added_by_id FROM incidents`).pluck().all()).toEqual([KORLAP_LID]);
    // Alerted with his LID alone: Humas is told the phone is not known yet (LANGUAGE=en here).
    const alert = app.db.prepare(`SELECT text FROM outbox WHERE kind = 'humas_alert' AND recipient = ?`).pluck().get(ADMIN_WA) as string;
    expect(alert.split('\n')).toContain(`By: ${KORLAP_LID} (phone number not known yet)`);
    // The server's member list now carries him with his phone (Socket/groups.js extractGroupMetadata: { id, phoneNumber }).
    fake.groups.get(GROUP)!.participants.push({ id: KORLAP_LID, phoneNumber: KORLAP_PN, admin: null } as never);
    clock.now += 3_600_000;
    const before = fake.metadataCalls.length;
    await checkOpenCases(app, [wa.membership], clock.now);
    expect(fake.metadataCalls.length).toBeGreaterThan(before);
    expect(app.db.prepare(`SELECT added_by_id, added_by_lid FROM incidents`).all()).toEqual([{ added_by_id: KORLAP_PN, added_by_lid: KORLAP_LID }]);
    expect(allActors(app).map((a) => [a.actorId, a.phone])).toEqual([[KORLAP_PN, '+6285711112222']]);
  });
});
