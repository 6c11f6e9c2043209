/**
 * Videos in private chats, one rule on both platforms.
 *
 * A stranger's video with a caption gets what their captioned picture gets (the register hint); one with no caption
 * gets nothing, as before (app/self-report-pictures.ts videoPassedOver decides for both adapters). Through telegraf
 * over HTTP to the loopback Bot API, and through Baileys' own proto.WebMessageInfo on the fake socket
 * (imageMessage / videoMessage with `caption`, WAProto/index.d.ts IImageMessage / IVideoMessage; each its own
 * `messages.upsert`, lib/Socket/messages-recv.js handleMessage -> upsertMessage).
 *
 * The Telegram adapter's one test of "is a video" (isVideo): a round video note (Message.video_note) is one, an
 * animation is not: @telegraf/types message.d.ts, `AnimationMessage extends DocumentMessage` ("for backward
 * compatibility, when this field is set, the document field will also be set"), so a GIF is the document it carries.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { telegramTexts } from '../../src/core/messages/telegram.js';
import type { SimSentMessage, SimUser } from '../../src/platforms/sim/telegram-server.js';
import { animationMessage, photoMessage, textMessage, videoMessage, videoNoteMessage } from '../../src/platforms/sim/telegram-updates.js';
import { privateImageMessage, privateMessage, privateVideoMessage, type FakeWASocket } from '../../src/platforms/sim/whatsapp-socket.js';
import { drainAll, fakeClock, startBot } from '../fixtures/whatsapp/setup.js';
import type { SimBot } from '../support/telegram.js';
import { ASN, dm, selfReportBots } from '../support/self-report.js';

const { start } = selfReportBots();
const t = telegramTexts('id');
const mp4 = (fill: number) => Buffer.concat([Buffer.from('\x00\x00\x00\x18ftypmp42', 'latin1'), Buffer.alloc(20_000, fill)]);
const to = (b: SimBot, id: number): SimSentMessage[] => b.sim.sent.filter((m) => m.chat_id === id);
async function say(b: SimBot, id: number, update: Record<string, unknown>): Promise<SimSentMessage> {
  const n = to(b, id).length;
  b.sim.pushUpdate(update);
  await b.sim.waitFor(() => to(b, id).length > n, 10_000);
  return to(b, id).at(-1)!;
}
function stranger(b: SimBot, id: number): SimUser {
  const u = { id, first_name: `Tamu ${id}` };
  b.sim.addUser(u);
  b.sim.startedBot(id);
  return u;
}

describe('Telegram: a stranger\'s video, a video note, an animation', () => {
  it('a stranger\'s captioned video gets what their captioned photo gets (the register hint); a lone video still nothing', { timeout: 60_000 }, async () => {
    const b = await start();
    const a = stranger(b, 7701);
    const photoReply = await say(b, a.id, photoMessage({ id: a.id, type: 'private' }, a, b.sim.addFile(Buffer.alloc(3000, 1), { ext: 'jpg' }), 'ini grupnya pak'));
    expect(photoReply.text).toBe(t.privateHint);
    const v = stranger(b, 7702);
    const videoReply = await say(b, v.id, videoMessage({ id: v.id, type: 'private' }, v, b.sim.addFile(mp4(2), { ext: 'mp4' }), 'ini videonya pak'));
    expect({ text: videoReply.text, reply_markup: videoReply.reply_markup }).toEqual({ text: photoReply.text, reply_markup: photoReply.reply_markup });
    // A lone video: nothing, as before; their text afterwards is answered (the bot is not stuck).
    const l = stranger(b, 7703);
    b.sim.pushUpdate(videoMessage({ id: l.id, type: 'private' }, l, b.sim.addFile(mp4(3), { ext: 'mp4' })));
    const after = await say(b, l.id, textMessage({ id: l.id, type: 'private' }, l, 'halo'));
    expect(to(b, l.id)).toEqual([after]);
    expect(b.sim.calls.some((c) => c.method === 'getFile')).toBe(false);
  });

  it('a registered ASN: a video note is answered as a video (not kept), an animation as the file it carries; inside a report the video note is named as a video not kept and the animation kept as a document', { timeout: 60_000 }, async () => {
    const b = await start();
    const note = await say(b, ASN.id, videoNoteMessage(dm, ASN, b.sim.addFile(mp4(4), { ext: 'mp4' })));
    expect(note.text).toBe(t.videoNotReport);
    const gif = await say(b, ASN.id, animationMessage(dm, ASN, b.sim.addFile(mp4(5), { ext: 'mp4' })));
    expect(gif.text).toBe(t.fileNotReport);
    expect(b.sim.calls.some((c) => c.method === 'getFile')).toBe(false);

    await say(b, ASN.id, textMessage(dm, ASN, '/lapor'));
    const noteInFlow = await say(b, ASN.id, videoNoteMessage(dm, ASN, b.sim.addFile(mp4(6), { ext: 'mp4' })));
    expect(noteInFlow.text).toContain('Mohon maaf, 1 berkas tidak kami simpan: 1 video');
    const animation = b.sim.addFile(mp4(7), { ext: 'mp4' });
    await say(b, ASN.id, animationMessage(dm, ASN, animation));
    const flow = JSON.parse(b.app.db.prepare(`SELECT data FROM report_flows`).pluck().get() as string) as { files: { kind: string; bytes: number; mime?: string }[]; videos?: number };
    expect(flow.files).toEqual([expect.objectContaining({ kind: 'document', bytes: animation.file_size, mime: 'video/mp4' })]);
    expect(flow.videos).toBe(1);
  });
});

describe('WhatsApp: a stranger\'s video', () => {
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await stop?.();
    stop = undefined;
  });
  const textsTo = (fake: FakeWASocket, jid: string): string[] => fake.sent.filter((s) => s.jid === jid && typeof s.content['text'] === 'string').map((s) => s.content['text'] as string);

  it('as a first message, a captioned video gets what a captioned picture gets (the register hint); a lone video nothing', { timeout: 60_000 }, async () => {
    const clock = fakeClock();
    const { app, fake, wa } = await startBot(clock, { extra: { OCR_TESSERACT: 'off' } });
    stop = async () => {
      await wa.stop();
      await app.close();
    };
    const deliver = async (m: Parameters<FakeWASocket['deliver']>[0]) => {
      await fake.deliver(m);
      await wa.idle();
      await drainAll(app, clock, 1);
    };
    const [p, v, l] = ['6281399990001@s.whatsapp.net', '6281399990002@s.whatsapp.net', '6281399990003@s.whatsapp.net'];
    await deliver(privateImageMessage({ from: p, id: 'SP1', caption: 'ini grupnya pak', at: clock.now, media: await fake.addMedia(Buffer.alloc(3000, 1), 'image', 'image/jpeg') }));
    const pictureAnswer = textsTo(fake, p);
    expect(pictureAnswer).toHaveLength(1);
    expect(pictureAnswer[0]).toMatch(/DAFTAR <NIP>/);
    await deliver(privateVideoMessage({ from: v, id: 'SV1', caption: 'ini videonya pak', at: clock.now, media: await fake.addMedia(mp4(1), 'video', 'video/mp4') }));
    expect(textsTo(fake, v)).toEqual(pictureAnswer);
    await deliver(privateVideoMessage({ from: l, id: 'SL1', at: clock.now, media: await fake.addMedia(mp4(2), 'video', 'video/mp4') }));
    expect(textsTo(fake, l)).toEqual([]);
    // Not their first contact either: their first text still gets the register hint.
    await deliver(privateMessage({ from: l, id: 'SL2', text: 'halo', at: clock.now }));
    expect(textsTo(fake, l)).toEqual(pictureAnswer);
  });
});
