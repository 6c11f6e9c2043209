/**
 * A Humas admin on WhatsApp writing to the bot without a command (issue s29, "a busy office on a phone"): a reply to
 * the bot's case alert (a message whose contextInfo.stanzaId is the alert's id: WAProto ContextInfo, set by a phone's
 * "Reply"; Baileys' generateWAMessageContent `quoted` does the same in lib/Utils/messages.js), a command typed
 * without its "/", and a forwarded post (contextInfo.isForwarded) each get an answer through the fake socket and
 * Baileys' processMessage. Before, the admin got silence (or, on a first message ever, the ASN registration hint).
 */
import { proto, type WAMessage } from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it } from 'vitest';
import { privateMessage } from '../../../src/platforms/sim/whatsapp-socket.js';
import { ADMIN_WA, drainAll, fakeClock } from '../../fixtures/whatsapp/setup.js';
import { startBotWithAlert } from '../../support/whatsapp.js';

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops) await s();
  stops = [];
});

/** A private text from the admin with a contextInfo (a reply, or a forward). */
const withContext = (id: string, text: string, at: number, contextInfo: Record<string, unknown>): WAMessage =>
  proto.WebMessageInfo.fromObject({ key: { remoteJid: ADMIN_WA, fromMe: false, id }, message: { extendedTextMessage: { text, contextInfo } }, messageTimestamp: Math.floor(at / 1000) }) as WAMessage;

describe('a Humas admin on WhatsApp writing without a command', () => {
  it('a reply to a case alert names the case; "report hari ini" is suggested as /report; a forward is read; nothing changes', async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBotWithAlert(clock, stops);
    const alert = fake.sent.find((s) => s.jid === ADMIN_WA && /Kasus #1/.test(String(s.content['text'])))!;
    expect(alert).toBeDefined();
    const before = fake.sent.length;
    const cases = () => app.db.prepare(`SELECT id, status FROM incidents`).all();
    const casesBefore = cases();

    await fake.deliver(withContext('R1', 'ini keluarga paslon, kecualikan', clock.now, { stanzaId: alert.id, participant: '6281100000000@s.whatsapp.net', quotedMessage: { conversation: String(alert.content['text']) } }));
    await fake.deliver(privateMessage({ from: ADMIN_WA, id: 'R2', text: 'report hari ini', at: clock.now }));
    await fake.deliver(withContext('R3', 'Ayo coblos nomor 2 Herman Deru-Cik Ujang dua periode!', clock.now, { isForwarded: true, forwardingScore: 1 }));
    await wa.idle();
    await drainAll(app, clock, 10);
    const answers = fake.sent.slice(before).filter((s) => s.jid === ADMIN_WA).map((s) => String(s.content['text']));
    expect(answers).toHaveLength(3);
    expect(answers[0]).toContain('/kecualikan 1 <alasan>');
    expect(answers[1]).toContain('Maksud Anda: /report hari ini');
    expect(answers[2]).toMatch(/tidak membuka kasus[\s\S]*termasuk konten Pilkada \(/);
    for (const a of answers) expect(a).not.toMatch(/DAFTAR/);
    expect(cases()).toEqual(casesBefore);
  });
});
