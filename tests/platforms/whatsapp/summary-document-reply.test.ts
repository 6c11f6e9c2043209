/**
 * A Humas admin on WhatsApp replying to a mass summary's CSV file rather than its text. Baileys' sendMessage gives
 * every message it sends, a document as much as a text, its own key id (node_modules/@whiskeysockets/baileys/lib/
 * Socket/messages-send.js: generateWAMessage with `messageId: generateMessageIDV2(...)`, `return fullMsg`), and a
 * phone's "Reply" on the file carries that id as contextInfo.stanzaId with the file as quotedMessage
 * (lib/Utils/messages.js, generateWAMessageFromContent: `contextInfo.stanzaId = quoted.key.id`). The fake socket
 * returns each send as Baileys would (a documentMessage for a file), and the reply below is that protobuf. Before, the
 * bot recorded only the text's id, so a reply to the file got the "no case" answer.
 */
import { proto, type WAMessage } from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it } from 'vitest';
import type { Nip, PhoneE164 } from '../../../src/core/ids.js';
import { participantStub } from '../../../src/platforms/sim/whatsapp-socket.js';
import { ADMIN_WA, BOT_PN, drainAll, fakeClock, GROUP, startBot, TIMSES_LID, TIMSES_PN } from '../../fixtures/whatsapp/setup.js';

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const s of stops) await s();
  stops = [];
});

const N = 33;
const nip = (i: number) => `1990010120150110${String(i).padStart(2, '0')}` as Nip;
const pn = (i: number) => `62813100${String(i).padStart(5, '0')}@s.whatsapp.net`;
const lid = (i: number) => `2033000000${String(i).padStart(5, '0')}@lid`;

/** The admin's reply to one of the bot's messages, as a phone sends it (an extendedTextMessage with a contextInfo). */
const replyTo = (id: string, quoted: { id: string; message: Record<string, unknown> }, at: number): WAMessage =>
  proto.WebMessageInfo.fromObject({
    key: { remoteJid: ADMIN_WA, fromMe: false, id },
    message: { extendedTextMessage: { text: 'ini bagaimana?', contextInfo: { stanzaId: quoted.id, participant: BOT_PN, quotedMessage: quoted.message } } },
    messageTimestamp: Math.floor(at / 1000),
  }) as WAMessage;

describe("a reply to a WhatsApp summary's CSV file", () => {
  it('lists the cases the summary stands for, as a reply to its text does', { timeout: 20_000 }, async () => {
    const clock = fakeClock();
    const b = await startBot(clock, { extra: { MASS_ALERT_THRESHOLD: '1', MASS_ALERT_WINDOW_SECONDS: '60' } });
    stops.push(async () => {
      await b.wa.stop();
      await b.app.close();
    });
    const { app, fake, wa } = b;
    app.registry.upsertMany(
      Array.from({ length: N }, (_, i) => ({ nip: nip(i), nama: `Staf Dinas ${i}`, unit: 'Dinas Kesehatan', phone: `+${pn(i).split('@')[0]}` as PhoneE164 })),
      clock.now,
    );
    await fake.deliver(participantStub({ group: GROUP, id: 'ADD-MASS', author: TIMSES_LID, authorAlt: TIMSES_PN, action: 'add', participants: Array.from({ length: N }, (_, i) => ({ id: lid(i), phoneNumber: pn(i) })), at: clock.now }));
    await wa.idle();
    // Until the 33 ASN alerts and the group reminder are out too, so the answers below do not wait behind them.
    await drainAll(app, clock, 60);
    expect(app.db.prepare(`SELECT COUNT(*) FROM outbox WHERE status = 'pending'`).pluck().get()).toBe(0);
    // The first case alone (threshold 1), the other 32 in one summary: its text, then its CSV (over MASS_LIST_MAX lines).
    const toAdmin = fake.sent.filter((s) => s.jid === ADMIN_WA);
    const text = toAdmin.find((s) => String(s.content['text'] ?? '').startsWith(`⚠️ ${N - 1} ASN ditemukan sekaligus`))!;
    const file = toAdmin.find((s) => s.content['document'] !== undefined)!;
    expect(text).toBeDefined();
    expect(file).toBeDefined();
    expect(String(file.content['fileName'])).toMatch(/\.csv$/);
    expect(file.id).not.toBe(text.id);

    const answerTo = async (id: string, quoted: { id: string; message: Record<string, unknown> }): Promise<string> => {
      const before = fake.sent.length;
      await fake.deliver(replyTo(id, quoted, clock.now));
      await wa.idle();
      await drainAll(app, clock, 3);
      const answers = fake.sent.slice(before).filter((s) => s.jid === ADMIN_WA).map((s) => String(s.content['text']));
      expect(answers).toHaveLength(1);
      return answers[0]!;
    };
    const documentMessage = { documentMessage: { fileName: String(file.content['fileName']), mimetype: String(file.content['mimetype']), caption: String(file.content['caption'] ?? '') } };
    const onFile = await answerTo('R-FILE', { id: file.id, message: documentMessage });
    const onText = await answerTo('R-TEXT', { id: text.id, message: { conversation: String(text.content['text']) } });
    for (const a of [onFile, onText]) {
      expect(a).toContain(`Pesan yang Anda balas memuat ${N - 1} kasus:`);
      expect(a).not.toMatch(/tidak membuka kasus/);
    }
    expect(onFile).toBe(onText);
  });
});
