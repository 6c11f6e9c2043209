import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Telegram, TelegramError } from 'telegraf';
import type { Outgoing } from '../../../src/app/ports.js';
import { TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { classifyTelegramError, TelegramMembershipChecker, TelegramMessenger } from '../../../src/platforms/telegram/messenger.js';

const GROUP = -1001234567890;
const USER = { id: 5001, first_name: 'Budi', username: 'budi_s' };

let sim: TelegramSimServer;
let messenger: TelegramMessenger;
let checker: TelegramMembershipChecker;

beforeEach(async () => {
  sim = await TelegramSimServer.start();
  const tg = new Telegram(sim.token, { apiRoot: sim.apiRoot });
  messenger = new TelegramMessenger(tg);
  checker = new TelegramMembershipChecker(tg);
  sim.addUser(USER);
  sim.startedBot(USER.id);
});
afterEach(async () => {
  await sim.close();
});

const out = (recipient: string | number, text: string, payload: Outgoing['payload'] = {}, kind = 'asn_alert'): Outgoing => ({
  platform: 'telegram', recipient: String(recipient), recipientKind: Number(recipient) < 0 ? 'group' : 'user', kind, text, payload,
});

describe('TelegramMessenger', () => {
  it('sends text with inline buttons, the contact keyboard, and removes it for tg_registered', async () => {
    expect(await messenger.send(out(USER.id, 'alert', { buttons: [[{ text: 'Saya sudah keluar', data: 'left:1' }]] }))).toEqual({ ok: true, messageId: '1' });
    await messenger.send(out(USER.id, 'daftar', { requestContact: '📱 Bagikan' }, 'tg_start'));
    await messenger.send(out(USER.id, 'terdaftar', {}, 'tg_registered'));
    expect(sim.sent.map((m) => m.reply_markup)).toEqual([
      { inline_keyboard: [[{ text: 'Saya sudah keluar', callback_data: 'left:1' }]] },
      { keyboard: [[{ text: '📱 Bagikan', request_contact: true }]], resize_keyboard: true, one_time_keyboard: true },
      { remove_keyboard: true },
    ]);
  });

  it('sends each file as a document after the text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-tg-'));
    const path = join(dir, 'r.csv');
    writeFileSync(path, 'a,b\n1,2\n');
    const r = await messenger.send(out(USER.id, 'Laporan', { files: [{ path, filename: 'laporan.csv', caption: 'CSV' }] }, 'command_reply'));
    expect(r.ok).toBe(true);
    expect(sim.sent.map((m) => [m.method, m.text ?? m.caption, m.document?.filename, m.document?.bytes])).toEqual([
      ['sendMessage', 'Laporan', undefined, undefined],
      ['sendDocument', 'CSV', 'laporan.csv', 8],
    ]);
  });

  it('does not resend the text when only the file failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-tg-'));
    const path = join(dir, 'r.csv');
    writeFileSync(path, 'x');
    sim.inject({ method: 'sendDocument', kind: '500' });
    const m = out(USER.id, 'Laporan', { files: [{ path, filename: 'r.csv' }] }, 'command_reply');
    expect(await messenger.send(m)).toMatchObject({ ok: false, failure: 'transient' });
    expect(await messenger.send(m)).toMatchObject({ ok: true });
    expect(sim.sent.map((s) => s.method)).toEqual(['sendMessage', 'sendDocument']);
  });

  it('classifies refusals, rate limits, migrations, server and network failures, bugs', async () => {
    expect(await messenger.send(out(777, 'hi'))).toMatchObject({ ok: false, failure: 'refused', detail: expect.stringContaining("can't initiate") });
    sim.inject({ method: 'sendMessage', kind: '429', retryAfter: 3 });
    expect(await messenger.send(out(GROUP, 'a'))).toMatchObject({ ok: false, failure: 'rate_limited', retryAfterMs: 3000 });
    sim.migrateChat(-4001, -1004001);
    expect(await messenger.send(out(-4001, 'a'))).toMatchObject({ ok: false, failure: 'migrated', newChatId: '-1004001' });
    sim.inject({ method: 'sendMessage', kind: '500' });
    expect(await messenger.send(out(GROUP, 'a'))).toMatchObject({ ok: false, failure: 'transient' });
    sim.inject({ method: 'sendMessage', kind: 'drop' });
    expect(await messenger.send(out(GROUP, 'a'))).toMatchObject({ ok: false, failure: 'transient', detail: expect.stringContaining('network') });
    expect(sim.sent).toHaveLength(0);
  });

  it('sends a text over 4,096 characters whole, in parts on line boundaries, in order, buttons under the last part', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => `#${i + 1} Pegawai Nomor ${i + 1} (Dinas Pendidikan), "Relawan Paslon 2" TG`);
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(3 * 4096);
    const buttons = [[{ text: 'Saya sudah keluar', data: 'left:1' }]];
    expect(await messenger.send(out(USER.id, text, { buttons }))).toMatchObject({ ok: true });
    expect(sim.sent.length).toBeGreaterThanOrEqual(4);
    for (const m of sim.sent) expect(m.text!.length).toBeLessThanOrEqual(4096);
    expect(sim.sent.map((m) => m.text).join('\n')).toBe(text);
    expect(sim.sent.map((m) => m.reply_markup !== undefined)).toEqual(sim.sent.map((_, i) => i === sim.sent.length - 1));
  });

  it('a long text that fails half way resumes after the delivered parts, also after a restart (parts counted on the row)', async () => {
    const text = Array.from({ length: 400 }, (_, i) => `baris ${i} ${'-'.repeat(30)}`).join('\n');
    // The second part meets a server error.
    sim.onSent = () => {
      if (sim.sent.length === 1) sim.inject({ method: 'sendMessage', kind: '500' });
    };
    let stored = 0;
    const m: Outgoing = { ...out(USER.id, text, {}, 'command_reply'), outboxId: 7, partsDone: 0, onPartSent: (n) => (stored = n) };
    expect(await messenger.send(m)).toMatchObject({ ok: false, failure: 'transient' });
    expect(stored).toBe(1);
    // A new messenger (the process restarted) starts from what the row says.
    const again = new TelegramMessenger(new Telegram(sim.token, { apiRoot: sim.apiRoot }));
    expect(await again.send({ ...m, partsDone: stored })).toMatchObject({ ok: true });
    expect(sim.sent.map((s) => s.text).join('\n')).toBe(text);
    expect(new Set(sim.sent.map((s) => s.text)).size).toBe(sim.sent.length);
  });

  it('classifies thrown non-Telegram errors', () => {
    expect(classifyTelegramError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })).failure).toBe('transient');
    expect(classifyTelegramError(Object.assign(new Error('aborted'), { name: 'AbortError' })).failure).toBe('transient');
    expect(classifyTelegramError(new TypeError('x is undefined')).failure).toBe('bug');
  });

  it('a recipient Telegram does not know (wrong id in the registry) is undeliverable, not our bug', () => {
    const api = (code: number, description: string) => new TelegramError({ error_code: code, description });
    expect(classifyTelegramError(api(400, 'Bad Request: chat not found')).failure).toBe('refused');
    expect(classifyTelegramError(api(403, 'Forbidden: user is deactivated')).failure).toBe('refused');
    expect(classifyTelegramError(api(400, 'Bad Request: message is too long')).failure).toBe('bug');
  });
});

describe('TelegramMembershipChecker', () => {
  it('maps statuses to membership and errors to undefined', async () => {
    sim.setChatMember(GROUP, 5001, 'member');
    sim.setChatMember(GROUP, 5002, 'kicked');
    sim.setChatMember(GROUP, 5003, 'restricted');
    sim.setChatMember(GROUP, 5004, 'creator');
    expect(await checker.isMember(String(GROUP), '5001')).toBe(true);
    expect(await checker.isMember(String(GROUP), '5002')).toBe(false);
    expect(await checker.isMember(String(GROUP), '5003')).toBe(true);
    expect(await checker.isMember(String(GROUP), '5004')).toBe(true);
    expect(await checker.isMember(String(GROUP), '5005')).toBe(false);
    sim.inject({ method: 'getChatMember', kind: '500' });
    expect(await checker.isMember(String(GROUP), '5001')).toBeUndefined();
  });
});
