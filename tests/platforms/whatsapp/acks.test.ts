/**
 * Refusals that arrive after a send: in Baileys 7.0.0-rc14 `sendMessage` resolves once the stanza
 * is written and WhatsApp's refusal comes later as an ack, which `handleBadAck`
 * (node_modules/@whiskeysockets/baileys/lib/Socket/messages-recv.js) emits as `messages.update`
 * `[{ key: { remoteJid, fromMe: true, id }, update: { status: ERROR, messageStubParameters: [code, ...] } }]`.
 * A 463 is never thrown. The fake socket emits exactly that (with rc14's second parameter,
 * ACCOUNT_RESTRICTED_TEXT, from lib/Utils/decode-wa-message.js).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import { auditResultText } from '../../../src/core/messages/audit-result.js';
import { FakeWASocket, participantStub } from '../../../src/platforms/sim/whatsapp-socket.js';
import type { WhatsAppAdapter } from '../../../src/platforms/whatsapp/adapter.js';
import { WA_PAUSE_KEY } from '../../../src/platforms/whatsapp/sender.js';
import { kvGet } from '../../../src/store/kv.js';
import {
  ADMIN_WA,
  ASN1,
  ASN1_LID,
  ASN1_PN,
  ASN2_LID,
  ASN2_PN,
  fakeClock,
  GROUP,
  makeApp,
  outboxRows,
  startBot,
  TIMSES_LID,
  TIMSES_PN,
  type Clock,
} from '../../fixtures/whatsapp/setup.js';

const running: WhatsAppAdapter[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Drains like the live loop: each send's ack (if any) is handled before the clock moves on. */
async function drain(app: App, fake: FakeWASocket, wa: WhatsAppAdapter, clock: Clock, rounds = 20) {
  for (let i = 0; i < rounds; i++) {
    await app.dispatcher.drainOnce();
    await fake.acksDelivered();
    await wa.idle();
    clock.now += 60_000;
  }
}

const added = (id: string, lid: string, pn: string, at: number) =>
  participantStub({ group: GROUP, id, author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: [{ id: lid, phoneNumber: pn }], at });

const waId = (app: App, outboxId: number) => app.db.prepare(`SELECT platform_message_id FROM outbox WHERE id = ?`).pluck().get(outboxId) as string | null;

describe('WhatsApp 463 ack', () => {
  it('a restricted number: the ASN DM is accepted, refused by ack, marked undeliverable; first contacts pause; Humas hears on Telegram and WhatsApp', async () => {
    const clock = fakeClock();
    const { app, fake, wa, tg } = await startBot(clock);
    running.push(wa);
    fake.established.add(ADMIN_WA); // the admin chatted with the number before: an established chat
    fake.restricted = true;

    await fake.deliver(added('STUB-1', ASN1_LID, ASN1_PN, clock.now));
    await wa.idle();
    await drain(app, fake, wa, clock);

    // The DM was written (sendMessage resolved), then refused by the ack: never retried.
    expect(fake.sent.filter((s) => s.jid === ASN1_PN)).toEqual([expect.objectContaining({ refused: '463' })]);
    const alert = app.db.prepare(`SELECT id, status, attempts, last_error FROM outbox WHERE kind = 'asn_alert'`).get() as { id: number; status: string; attempts: number; last_error: string };
    expect(alert).toMatchObject({ status: 'undeliverable', attempts: 1 });
    expect(alert.last_error).toMatch(/^463/);
    expect(waId(app, alert.id)).toBe(fake.sent.find((s) => s.jid === ASN1_PN)!.id);
    // Not counted as one of the day's first contacts.
    expect(wa.policy.firstContactsToday(clock.now)).toEqual([]);
    expect(wa.policy.paused).toBe(true);
    expect(kvGet(app.db, WA_PAUSE_KEY)).toBeDefined();

    // Humas hears on Telegram, and on WhatsApp through the established chat; once for the restriction, once to reach the ASN directly.
    expect(tg.sent.map((m) => m.kind)).toEqual(expect.arrayContaining(['humas_alert', 'wa_restricted', 'undeliverable_notice']));
    const toAdmin = fake.sent.filter((s) => s.jid === ADMIN_WA);
    expect(toAdmin.every((s) => !s.refused)).toBe(true);
    expect(toAdmin.map((s) => String(s.content.text))).toEqual(
      expect.arrayContaining([expect.stringMatching(/membatasi nomor bot/), expect.stringMatching(new RegExp(`${ASN1.nama}[\\s\\S]*463`))]),
    );
    // The group reminder still went (group posts are not reach-outs).
    expect(fake.sent.some((s) => s.jid === GROUP && !s.refused)).toBe(true);

    // A second ASN added while paused: their DM waits (no further reach-out is attempted).
    await fake.deliver(added('STUB-2', ASN2_LID, ASN2_PN, clock.now));
    await wa.idle();
    await drain(app, fake, wa, clock);
    expect(fake.sent.some((s) => s.jid === ASN2_PN)).toBe(false);
    expect(outboxRows(app).find((r) => r.recipient === ASN2_PN)).toMatchObject({ status: 'pending', attempts: 0 });
    // One restriction notice, not one per refused message.
    expect(tg.sent.filter((m) => m.kind === 'wa_restricted')).toHaveLength(1);
  });

  it('maps an ack back to its row after a restart (the message id is stored in SQLite)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-wa-ack-'));
    dirs.push(dir);
    const clock = fakeClock();
    const path = join(dir, 'bot.db');
    const app1 = makeApp(clock, { DATABASE_PATH: path });
    const b1 = await startBot(clock, { app: app1 });
    app1.monitor.outbox.enqueue({ dedupeKey: 'dm1', platform: 'whatsapp', recipient: ASN1_PN, recipientKind: 'user', kind: 'asn_followup', text: 'Pengingat' }, clock.now);
    await app1.dispatcher.drainOnce();
    const sent = b1.fake.sent.find((s) => s.jid === ASN1_PN)!;
    await b1.wa.stop();
    await app1.close();

    const app2 = makeApp(clock, { DATABASE_PATH: path }, false);
    const b2 = await startBot(clock, { app: app2 });
    running.push(b2.wa);
    // The late ack, exactly as handleBadAck emits it for a 463 in rc14.
    b2.fake.emit('messages.update', [{ key: { remoteJid: ASN1_PN, fromMe: true, id: sent.id }, update: { status: 0, messageStubParameters: ['463', 'Your account has been restricted'] } }]);
    await b2.wa.idle();
    expect(outboxRows(app2).find((r) => r.recipient === ASN1_PN)).toMatchObject({ status: 'undeliverable' });
    expect(b2.wa.policy.paused).toBe(true);
    expect(outboxRows(app2).filter((r) => r.kind === 'wa_restricted').map((r) => r.platform).sort()).toEqual(['telegram', 'whatsapp']);
  });

  it("an ack for a message the outbox does not know still pauses first contacts and tells Humas (the issue's ['463'] shape)", async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    running.push(wa);
    fake.emit('messages.update', [{ key: { remoteJid: ASN2_PN, fromMe: true, id: '3EB0UNKNOWN' }, update: { status: 0, messageStubParameters: ['463'] } }]);
    fake.emit('messages.update', [{ key: { remoteJid: ASN2_PN, fromMe: true, id: '3EB0UNKNOWN' }, update: { status: 0, messageStubParameters: ['463'] } }]);
    await wa.idle();
    expect(wa.policy.paused).toBe(true);
    expect(outboxRows(app).filter((r) => r.kind === 'wa_restricted')).toHaveLength(2); // one per Humas address, not per ack
  });

  it('another error ack makes the row undeliverable with a notice, without pausing first contacts; delivery acks change nothing', async () => {
    const clock = fakeClock();
    const { app, fake, wa, tg } = await startBot(clock);
    running.push(wa);
    app.monitor.outbox.enqueue({ dedupeKey: 'r1', platform: 'whatsapp', recipient: GROUP, recipientKind: 'group', kind: 'group_reminder', text: 'Pengingat' }, clock.now);
    app.monitor.outbox.enqueue({ dedupeKey: 'r2', platform: 'whatsapp', recipient: ADMIN_WA, recipientKind: 'user', kind: 'digest', text: 'Ringkasan' }, clock.now);
    fake.failNext(1, 'ack:479');
    await drain(app, fake, wa, clock, 3);
    const id = fake.sent.find((s) => s.jid === ADMIN_WA)!.id;
    fake.emit('messages.update', [{ key: { remoteJid: ADMIN_WA, fromMe: true, id }, update: { status: 3 } }]); // DELIVERY_ACK
    await wa.idle();
    expect(outboxRows(app).find((r) => r.recipient === GROUP)).toMatchObject({ status: 'undeliverable' });
    expect(outboxRows(app).find((r) => r.recipient === ADMIN_WA && r.kind === 'digest')).toMatchObject({ status: 'sent' });
    expect(wa.policy.paused).toBe(false);
    await drain(app, fake, wa, clock, 3);
    expect(tg.sent.find((m) => m.kind === 'undeliverable_notice')!.text).toMatch(/group_reminder[\s\S]*error ack 479/);
  });
});

/** A running bot with a digest to the WhatsApp Humas admin long enough to go in three parts; its outbox row id. */
async function longDigestBot() {
  const clock = fakeClock();
  const { app, fake, wa, tg } = await startBot(clock);
  running.push(wa);
  const text = Array.from({ length: 400 }, (_, i) => `Baris ${i + 1} ringkasan mingguan kasus netralitas ASN.`).join('\n');
  const rowId = app.monitor.outbox.enqueue({ dedupeKey: 'long', platform: 'whatsapp', recipient: ADMIN_WA, recipientKind: 'user', kind: 'digest', text }, clock.now)!;
  return { clock, app, fake, wa, tg, rowId };
}

describe('WhatsApp error ack of an early part of a message sent in several', () => {
  it('refused while the later parts are still being sent: the row becomes undeliverable once sent, and Humas is told once', async () => {
    // handleBadAck (node_modules/@whiskeysockets/baileys/lib/Socket/messages-recv.js) runs on `CB:ack,class:message`
    // as soon as the ack node arrives, outside the event buffer, so its `messages.update` ERROR can come while the
    // dispatcher still awaits a later part's sendMessage (relayMessage awaits device lookups and sessions on the
    // socket): the row is then still 'sending'. Before, refusedAfterSend acted only on 'sent' rows and this ack was lost.
    const { clock, app, fake, wa, tg, rowId } = await longDigestBot();
    fake.failNext(1, 'ack:479');
    const send = fake.sendMessage.bind(fake);
    let calls = 0;
    let statusAtAck: string | undefined;
    fake.sendMessage = async (jid, content) => {
      if (++calls === 2) {
        // The first part's refusal arrives and is handled before the second part is written.
        await fake.acksDelivered();
        await wa.idle();
        statusAtAck = app.monitor.outbox.get(rowId)?.status;
      }
      return send(jid, content);
    };
    await drain(app, fake, wa, clock, 3);
    // The refusal was handled while part 2 was in flight: part 3 is not sent (the reader would get the end of a text
    // whose beginning never came).
    expect(calls).toBe(2);
    expect(app.db.prepare(`SELECT parts_sent FROM outbox WHERE id = ?`).pluck().get(rowId)).toBe(2);
    expect(statusAtAck).toBe('sending');
    expect(fake.sent.filter((s) => s.jid === ADMIN_WA && s.refused === '479')).toHaveLength(1);
    expect(app.monitor.outbox.get(rowId)).toMatchObject({ status: 'undeliverable' });
    expect(app.db.prepare(`SELECT last_error FROM outbox WHERE id = ?`).pluck().get(rowId)).toBe('error ack 479');
    await drain(app, fake, wa, clock, 3);
    expect(tg.sent.filter((m) => m.kind === 'undeliverable_notice' && /digest[\s\S]*error ack 479/.test(m.text))).toHaveLength(1);
  });
});

describe('WhatsApp error ack of an early part while the message waits to be retried', () => {
  it('part 2 timed out, then part 1 is refused: the row ends undeliverable at the ack and is not retried; Humas told once', async () => {
    // The refusal (handleBadAck's messages.update ERROR, node_modules/@whiskeysockets/baileys/lib/Socket/messages-recv.js)
    // comes after sendMessage resolved, here once the row is back in the queue after part 2's 408 (a Boom 'Timed Out'
    // from the socket's query). Before, the refusal of a row neither 'sent' nor 'sending' was dropped and the retry
    // sent parts 2 and 3: the row ended 'sent'.
    const { clock, app, fake, wa, tg, rowId } = await longDigestBot();
    fake.failNext(1, 'ack:479');
    fake.failNext(1, 'timeout');
    await app.dispatcher.drainOnce();
    expect(app.monitor.outbox.get(rowId)?.status).toBe('pending');
    await fake.acksDelivered();
    await wa.idle();
    await drain(app, fake, wa, clock, 10);
    expect(fake.sent.filter((s) => s.jid === ADMIN_WA && String(s.content.text ?? '').startsWith('Baris '))).toEqual([expect.objectContaining({ refused: '479' })]);
    expect(app.db.prepare(`SELECT status, last_error, parts_sent FROM outbox WHERE id = ?`).get(rowId)).toEqual({ status: 'undeliverable', last_error: 'error ack 479', parts_sent: 1 });
    expect(tg.sent.filter((m) => m.kind === 'undeliverable_notice' && /digest[\s\S]*error ack 479/.test(m.text))).toHaveLength(1);
  });
});

describe('WhatsApp error ack of the text of a message that has a file after it', () => {
  it("the text refused: its CSV is not sent alone; the row is undeliverable with how far it got, and Humas is told once", async () => {
    // sendMessage resolves once the stanza is written (relayMessage, node_modules/@whiskeysockets/baileys/lib/Socket/
    // messages-send.js) and the refusal comes later, as handleBadAck's `messages.update` ERROR (lib/Socket/
    // messages-recv.js). So before each later part the messenger gives the ack a short window (the adapter's sleep,
    // here the time in which the fake's queued ack is emitted) and a part refused meanwhile stops the rest: a summary's
    // CSV file without the text that explains it is no message for a reader, and to a new chat it is one more reach-out.
    const clock = fakeClock();
    const dir = mkdtempSync(join(tmpdir(), 'jn-wa-parts-'));
    dirs.push(dir);
    const csv = join(dir, 'daftar.csv');
    writeFileSync(csv, 'No.;NIP\n1;198503122010011003\n');
    const fake = new FakeWASocket({ now: clock });
    let adapter: WhatsAppAdapter | undefined;
    // The window passing: the ack queued by then is emitted and handled.
    const window = async () => {
      await fake.acksDelivered();
      await adapter?.idle();
    };
    const { app, wa, tg } = await startBot(clock, { socks: [fake], adapter: { sleep: window } });
    adapter = wa;
    running.push(wa);
    const rowId = app.monitor.outbox.enqueue(
      { dedupeKey: 'summary', platform: 'whatsapp', recipient: ADMIN_WA, recipientKind: 'user', kind: 'digest', text: 'Ringkasan mingguan: lihat berkas terlampir.', payload: { files: [{ path: csv, filename: 'daftar.csv', caption: 'Daftar lengkap' }] } },
      clock.now,
    )!;
    fake.failNext(1, 'ack:479');
    await drain(app, fake, wa, clock, 3);
    expect(fake.sent.filter((s) => s.jid === ADMIN_WA).map((s) => [s.content.text !== undefined ? 'text' : 'document', s.refused])).toEqual([['text', '479']]);
    expect(app.db.prepare(`SELECT status, last_error, parts_sent FROM outbox WHERE id = ?`).get(rowId)).toEqual({ status: 'undeliverable', last_error: 'error ack 479', parts_sent: 1 });
    await drain(app, fake, wa, clock, 3);
    expect(tg.sent.filter((m) => m.kind === 'undeliverable_notice' && /digest[\s\S]*error ack 479/.test(m.text))).toHaveLength(1);
    expect(fake.sent.filter((s) => s.content.document !== undefined)).toEqual([]);
  });
});

describe('WhatsApp restriction: how the pause ends', () => {
  const dm = (app: App, n: number, recipient: string) =>
    app.monitor.outbox.enqueue({ dedupeKey: `t:${n}:${recipient}`, platform: 'whatsapp', recipient, recipientKind: 'user', kind: 'asn_followup', text: `pesan ${n}` }, app.clock());
  const jid = (i: number) => `62812000000${String(i).padStart(2, '0')}@s.whatsapp.net`;

  it('the pause ends when the reach-out lock WhatsApp reported has passed, or when Humas resumes it', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    running.push(wa);
    const policy = wa.policy;
    const status = (j: string) => outboxRows(app).find((r) => r.recipient === j)!.status;
    dm(app, 1, jid(1));
    dm(app, 2, jid(2));
    fake.failNext(1, '463');
    await drain(app, fake, wa, clock, 2);
    expect(policy.paused).toBe(true);
    expect(status(jid(1))).toBe('undeliverable');
    // WhatsApp reports how long reach-outs are locked (Socket/socket.js fetchAccountReachoutTimelock -> connection.update): the pause ends with it.
    fake.emit('connection.update', { reachoutTimeLock: { isActive: true, timeEnforcementEnds: new Date(clock.now + 3_600_000) } });
    await wa.idle();
    await drain(app, fake, wa, clock, 10);
    expect(status(jid(2))).toBe('pending');
    clock.now += 3_600_000;
    await drain(app, fake, wa, clock, 2);
    expect(policy.paused).toBe(false);
    expect(status(jid(2))).toBe('sent');
    // A second restriction without a reported lock stays paused until Humas resumes it.
    dm(app, 3, jid(3));
    fake.failNext(1, '463');
    await drain(app, fake, wa, clock, 2);
    dm(app, 4, jid(4));
    clock.now += 24 * 3_600_000;
    await drain(app, fake, wa, clock, 2);
    expect(status(jid(4))).toBe('pending');
    // Humas resumes while WhatsApp reports a reach-out lock: the pause ends, the lock is still honoured.
    fake.emit('connection.update', { reachoutTimeLock: { isActive: true, timeEnforcementEnds: new Date(clock.now + 3_600_000) } });
    await wa.idle();
    policy.resumeFirstContacts();
    expect(policy.paused).toBe(false);
    await drain(app, fake, wa, clock, 30);
    expect(status(jid(4))).toBe('pending');
    clock.now += 3_600_000;
    await drain(app, fake, wa, clock, 2);
    expect(status(jid(4))).toBe('sent');
  });
});

describe('WhatsApp: out of attempts', () => {
  it('a message that keeps failing becomes undeliverable and Humas is told, never a silent failed', async () => {
    const clock = fakeClock();
    const { app, fake, wa, tg } = await startBot(clock);
    running.push(wa);
    app.monitor.outbox.enqueue({ dedupeKey: 'r1', platform: 'whatsapp', recipient: GROUP, recipientKind: 'group', kind: 'group_reminder', text: 'Pengingat' }, clock.now);
    fake.failNext(20, 'timeout'); // Boom 408 "Timed Out" thrown by sendMessage every time
    for (let i = 0; i < 30; i++) {
      await app.dispatcher.drainOnce();
      clock.now += 15 * 60_000;
    }
    const row = app.db.prepare(`SELECT status, attempts, last_error FROM outbox WHERE dedupe_key = 'r1'`).get() as { status: string; attempts: number; last_error: string };
    expect(row).toMatchObject({ status: 'undeliverable', attempts: 20 });
    expect(row.last_error).toMatch(/gave up after 20 attempts: 408/);
    expect(app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE status = 'failed'`).pluck().get()).toBe(0);
    expect(tg.sent.find((m) => m.kind === 'undeliverable_notice')!.text).toMatch(/group_reminder[\s\S]*gave up after 20 attempts/);
    expect(fake.sent.find((s) => s.jid === ADMIN_WA && /group_reminder/.test(String(s.content.text)))).toBeDefined();
  });

});

describe('WhatsApp restriction: asking WhatsApp (issue 16, point 4)', () => {
  /**
   * Issue 16, point 4. In rc14 handleBadAck (`Socket/messages-recv.js`) sends every 463 down the privacy-token path,
   * so its own `fetchAccountReachoutTimelock` call never runs: the adapter asks itself. The fake answers as
   * `Socket/socket.js` fetchAccountReachoutTimelock does (emits `connection.update.reachoutTimeLock` and returns it),
   * and a lift arrives as handleReachoutTimelockNotification emits it (`is_active: false`).
   */
  const dm = (app: App, n: number, recipient: string) =>
    app.monitor.outbox.enqueue({ dedupeKey: `t:${n}:${recipient}`, platform: 'whatsapp', recipient, recipientKind: 'user', kind: 'asn_followup', text: `pesan ${n}` }, app.clock());
  const jid = (i: number) => `62812000000${String(i).padStart(2, '0')}@s.whatsapp.net`;
  const status = async (app: App) => (await app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', fromName: 'Humas', text: '/status' }))!.text;

  it('after a 463 the bot asks WhatsApp for the lock, shows its end in /status, and resumes first contacts when it ends', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    running.push(wa);
    const st = (j: string) => outboxRows(app).find((r) => r.recipient === j)!.status;
    fake.reachoutLock = { isActive: true, timeEnforcementEnds: new Date(clock.now + 2 * 3_600_000) } as never;
    dm(app, 1, jid(1));
    dm(app, 2, jid(2));
    fake.failNext(1, '463');
    await drain(app, fake, wa, clock, 2);
    expect(fake.restrictionQueries).toEqual(['reachout', 'cap']);
    expect(st(jid(1))).toBe('undeliverable');
    expect(wa.policy.paused).toBe(true);
    expect(await status(app)).toMatch(/pesan pertama ke ASN ditahan sampai 1 Okt 2024, 12\.00 WIB/);
    await drain(app, fake, wa, clock, 10);
    expect(st(jid(2))).toBe('pending');
    clock.now += 2 * 3_600_000;
    await drain(app, fake, wa, clock, 2);
    // No /wa_lanjut: WhatsApp's own end of the lock resumed them.
    expect(wa.policy.paused).toBe(false);
    expect(st(jid(2))).toBe('sent');
    expect(await status(app)).not.toMatch(/pesan pertama/);
  });

  it('a lock WhatsApp lifts early ends the pause; "no lock" right after a 463 does not', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock);
    running.push(wa);
    const st = (j: string) => outboxRows(app).find((r) => r.recipient === j)!.status;
    dm(app, 1, jid(1));
    dm(app, 2, jid(2));
    fake.failNext(1, '463'); // WhatsApp reports no lock: the 463 had another cause, a person decides
    await drain(app, fake, wa, clock, 2);
    expect(fake.restrictionQueries).toContain('reachout');
    expect(wa.policy.paused).toBe(true);
    expect(await status(app)).toMatch(/tanpa waktu berakhir dari WhatsApp; lanjutkan dengan \/wa_lanjut/);
    // Later WhatsApp sets a week-long lock, then lifts it.
    fake.reachoutLock = { isActive: true, timeEnforcementEnds: new Date(clock.now + 7 * 86_400_000) } as never;
    await fake.fetchAccountReachoutTimelock();
    await wa.idle();
    await drain(app, fake, wa, clock, 3);
    expect(st(jid(2))).toBe('pending');
    fake.liftReachoutLock();
    await wa.idle();
    await drain(app, fake, wa, clock, 3);
    expect(wa.policy.paused).toBe(false);
    expect(st(jid(2))).toBe('sent');
  });

  it('message-capping.update CAPPED holds first contacts until the cycle ends (warm chats still go)', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock, { extra: { LANGUAGE: 'en' } });
    running.push(wa);
    const st = (j: string) => outboxRows(app).find((r) => r.recipient === j)!.status;
    const end = clock.now + 86_400_000;
    fake.emit('message-capping.update', { total_quota: 50, used_quota: 50, capping_status: 'CAPPED', cycle_end_timestamp: String(end / 1000) } as never);
    await wa.idle();
    dm(app, 1, jid(1));
    app.monitor.outbox.enqueue({ dedupeKey: 't:admin', platform: 'whatsapp', recipient: ADMIN_WA, recipientKind: 'user', kind: 'humas_alert', text: 'halo' }, clock.now);
    await drain(app, fake, wa, clock, 5);
    expect([st(jid(1)), st(ADMIN_WA)]).toEqual(['pending', 'sent']);
    expect(await status(app)).toMatch(/first messages to ASN held until 2 Oct 2024/);
    clock.now = end + 1;
    await drain(app, fake, wa, clock, 2);
    expect(st(jid(1))).toBe('sent');
  });
});

describe('WhatsApp: a message to a Humas admin refused', () => {
  // The refusal comes after sendMessage resolved, as handleBadAck's `messages.update` ERROR
  // (node_modules/@whiskeysockets/baileys/lib/Socket/messages-recv.js); the fake emits it for a chat the restricted
  // number has never written to. An admin whose chat refuses cannot be told about it in that chat: each try while
  // restricted is one more refused reach-out.
  const ADMIN2_WA = '6281222222222@s.whatsapp.net';
  const toAdmin = (app: App, jid: string) => app.monitor.outbox.enqueue({ dedupeKey: `alert:${jid}`, platform: 'whatsapp', recipient: jid, recipientKind: 'user', kind: 'humas_alert', text: 'Peringatan kasus #1' }, app.clock());
  const audits = (app: App) => app.db.prepare(`SELECT actor, platform, action, result FROM audit WHERE action = 'undeliverable' ORDER BY id`).all() as { actor: string; platform: string; action: string; result: string }[];

  it('the notices go to the other Humas admins (Telegram here), never back to the admin whose chat refused', async () => {
    const clock = fakeClock();
    const { app, fake, wa, tg } = await startBot(clock);
    running.push(wa);
    fake.restricted = true; // the admin never wrote to the number: a new chat, refused with 463
    toAdmin(app, ADMIN_WA);
    await drain(app, fake, wa, clock, 5);
    expect(fake.sent.filter((s) => s.jid === ADMIN_WA)).toEqual([expect.objectContaining({ refused: '463' })]);
    expect(outboxRows(app).filter((r) => r.recipient === ADMIN_WA).map((r) => r.kind)).toEqual(['humas_alert']);
    expect(tg.sent.map((m) => m.kind).sort()).toEqual(['undeliverable_notice', 'wa_restricted']);
    expect(tg.sent.find((m) => m.kind === 'undeliverable_notice')!.text).toMatch(/humas_alert[\s\S]*6281111111111/);
    expect(audits(app)).toEqual([]);
  });

  it('with no other admin who can receive it, the refusal is recorded in the audit log and nothing is retried', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock, { extra: { HUMAS_ADMINS: 'wa:6281111111111,wa:6281222222222' } });
    running.push(wa);
    fake.restricted = true; // neither admin ever wrote to the number
    toAdmin(app, ADMIN_WA);
    await drain(app, fake, wa, clock, 10);
    // Admin 1 refused: admin 2 is told (notice and restriction), refuses too; admin 1, refused already, is not tried again.
    expect(fake.sent.filter((s) => s.jid === ADMIN_WA).map((s) => String(s.content.text))).toEqual(['Peringatan kasus #1']);
    expect(fake.sent.filter((s) => s.jid === ADMIN2_WA).map((s) => s.refused)).toEqual(['463', '463']);
    expect(outboxRows(app).filter((r) => r.status === 'pending')).toEqual([]);
    // Nobody left to tell about admin 2's restriction notice: recorded, in the office's language on the audit page.
    expect(audits(app)).toEqual([
      { actor: 'system', platform: 'whatsapp', action: 'undeliverable', result: expect.stringMatching(/^humas_unreached \{"kind":"wa_restricted","to":"6281222222222@s\.whatsapp\.net","reason":"463/) },
    ]);
    await drain(app, fake, wa, clock, 5);
    expect(fake.sent).toHaveLength(3);
  });

  it('the only Humas admin refused: nothing is queued to anyone, the refusal is recorded once', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock, { extra: { HUMAS_ADMINS: 'wa:6281111111111' } });
    running.push(wa);
    fake.restricted = true;
    toAdmin(app, ADMIN_WA);
    await drain(app, fake, wa, clock, 10);
    expect(fake.sent.map((s) => s.jid)).toEqual([ADMIN_WA]);
    expect(outboxRows(app).map((r) => [r.kind, r.status])).toEqual([['humas_alert', 'undeliverable']]);
    expect(audits(app).map((a) => a.result)).toEqual([expect.stringMatching(/^humas_unreached \{"kind":"humas_alert","to":"6281111111111@s\.whatsapp\.net","reason":"463/)]);
    // The audit page and `jaga-netral audit` read it in the office's language (core/messages/audit-result.ts).
    expect(auditResultText(audits(app)[0]!.result, 'id')).toMatch(/^pesan bot \(humas_alert\) ke 6281111111111@s\.whatsapp\.net tidak terkirim \(463 .*\) dan tidak ada admin Humas lain yang dapat diberi tahu$/);
  });
});
