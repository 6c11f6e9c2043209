/**
 * `/bukti N` over the loopback Bot API: telegraf polls the simulator, the command runner checks the
 * admin, and the dossier PDF arrives as a document (the messenger's sendDocument, telegraf's
 * `telegram.sendDocument` with an input file: node_modules/telegraf/lib/telegram.js sendDocument,
 * multipart upload in lib/core/network/client.js buildFormDataConfig) that reads back as the case's dossier.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Nip, PhoneE164, TgUserId } from '../../../src/core/ids.js';
import type { SimUser } from '../../../src/platforms/sim/telegram-server.js';
import { newChatMembers, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import { pdfText } from '../../support/pdf.js';
import { startSimBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };
const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const ANDI: SimUser = { id: 7001, first_name: 'Andi' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi' };
const STRANGER: SimUser = { id: 6666, first_name: 'Orang' };

describe('/bukti on Telegram', () => {
  let bot: SimBot;
  afterEach(() => bot.stop());

  it('sends the case dossier as a PDF document to a Humas admin; others are refused; both audited', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-bukti-'));
    bot = await startSimBot({
      overrides: { DATABASE_PATH: join(dir, 'jn.db') },
      asn: [{ nip: '198503122010011003' as Nip, nama: 'Budi Santoso', unit: 'Dinas Pendidikan', phone: '+6281234567890' as PhoneE164, telegramId: String(BUDI.id) as TgUserId }],
      started: [ADMIN, BUDI, STRANGER],
    });
    const { sim, app } = bot;
    sim.pushUpdate(newChatMembers(GROUP, ANDI, [BUDI]));
    await sim.waitFor((s) => s.some((m) => m.chat_id === ADMIN.id), 5000);
    const before = sim.sent.length;
    sim.pushUpdate(textMessage({ id: STRANGER.id, type: 'private' }, STRANGER, '/bukti 1'));
    sim.pushUpdate(textMessage({ id: ADMIN.id, type: 'private' }, ADMIN, '/bukti 7'));
    sim.pushUpdate(textMessage({ id: ADMIN.id, type: 'private' }, ADMIN, '/bukti 1'));
    await sim.waitFor((s) => s.some((m) => m.method === 'sendDocument'), 8000);
    const after = sim.sent.slice(before);
    expect(after.filter((m) => m.chat_id === STRANGER.id).map((m) => m.method)).toEqual(['sendMessage']);
    const toAdmin = after.filter((m) => m.chat_id === ADMIN.id);
    expect(toAdmin[0]!.text).toBe('Kasus #7 tidak ditemukan. Tulis: /bukti <nomor kasus>, misalnya /bukti 12');
    expect(toAdmin[1]!.text).toMatch(/^Berkas bukti kasus #1 terlampir\.\nSHA-256 berkas: [0-9a-f]{64}\n/);
    const doc = toAdmin[2]!;
    expect(doc).toMatchObject({ method: 'sendDocument', caption: 'Berkas bukti kasus #1', document: { filename: 'dossier-kasus-1.pdf' } });
    const text = pdfText(doc.document!.data!);
    for (const part of ['Andi', 'Relawan Paslon 2 Pilgub Sumsel', '198503122010011003', 'Pasal 70']) expect(text).toContain(part);
    expect(text).not.toContain('+6281234567890');
    const audit = app.db.prepare(`SELECT actor, action, allowed, result FROM audit WHERE action IN ('/bukti', 'dossier') ORDER BY id`).all() as { actor: string; action: string; allowed: number; result: string }[];
    expect(audit.filter((a) => a.action === 'dossier').map((a) => [a.actor, a.result.slice(0, 13)])).toEqual([['tg:9001', 'not_found'], ['tg:9001', 'ok {"sha256":']]);
    expect(audit.filter((a) => a.action === '/bukti' && a.allowed === 0).map((a) => a.actor)).toEqual(['tg:6666']);
  });
});
