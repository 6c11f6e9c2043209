import type { Statement } from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { parseCommand } from '../../src/app/commands/index.js';
import { auditResultText } from '../../src/core/messages/audit-result.js';
import { isHumasAdmin } from '../../src/app/recipients.js';
import type { CommandRequest } from '../../src/app/commands/types.js';
import { seedBenchAsn } from '../../src/bench/util.js';
import { ASN, CAMPAIGN_TG, testApp } from '../support/app.js';

const adminDm = (text: string): CommandRequest => ({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', text });

describe('commands', () => {
  it('parses commands with bot suffixes and quoted arguments', () => {
    expect(parseCommand('/tandai@JagaNetralBot "Relawan Paslon 2"')).toEqual({ name: 'tandai', args: ['Relawan Paslon 2'], rest: '"Relawan Paslon 2"', bot: 'JagaNetralBot' });
    expect(parseCommand('halo')).toBeUndefined();
  });

  it('every admin command is refused to strangers, to ASN and inside groups, and each attempt is audited', async () => {
    const { app } = testApp();
    app.monitor.handle({ kind: 'chat_info', dedupeKey: 'c', at: 1, chat: CAMPAIGN_TG });
    const adminOnly = app.commands.table.filter((c) => c.who === 'admin');
    expect(adminOnly.length).toBeGreaterThan(3);
    const before = JSON.stringify(app.db.prepare(`SELECT * FROM chats`).all());
    for (const c of adminOnly) {
      for (const req of [
        { ...adminDm(`/${c.name} ${CAMPAIGN_TG.id}`), fromId: '4242', chatId: '4242' },
        { ...adminDm(`/${c.name} ${CAMPAIGN_TG.id}`), fromId: ASN.budi.telegramId, chatId: ASN.budi.telegramId },
        { ...adminDm(`/${c.name} ${CAMPAIGN_TG.id}`), chatType: 'group' as const, chatId: CAMPAIGN_TG.id },
      ]) {
        const reply = await app.commands.run(req);
        expect(reply!.text).toMatch(/hanya/);
        expect(reply!.text).not.toContain(CAMPAIGN_TG.title!);
      }
    }
    expect(JSON.stringify(app.db.prepare(`SELECT * FROM chats`).all())).toBe(before);
    const refused = app.db.prepare(`SELECT COUNT(*) AS n FROM audit WHERE allowed = 0`).get() as { n: number };
    expect(refused.n).toBe(adminOnly.length * 3);
  });

  it('a command that fails answers politely, changes nothing and is audited as an error code with the message', async () => {
    for (const [lang, shown] of [['id', 'galat: disk penuh'], ['en', 'error: disk penuh']] as const) {
      const { app } = testApp({ LANGUAGE: lang });
      app.commands.add({ name: 'rusak', who: 'admin', where: 'private', description: { id: 'rusak', en: 'broken' }, run: () => Promise.reject(new Error('disk penuh')) });
      const reply = await app.commands.run(adminDm('/rusak'));
      expect(reply!.text).toMatch(lang === 'id' ? /Tidak ada data yang berubah/ : /Nothing was changed/);
      const stored = app.db.prepare(`SELECT result FROM audit WHERE action = '/rusak'`).pluck().get() as string;
      expect(stored).toBe('error {"message":"disk penuh"}');
      expect(auditResultText(stored, lang)).toBe(shown);
    }
  });

  it('an admin can list, mark and unmark groups, and it is audited', async () => {
    const { app } = testApp();
    app.monitor.handle({ kind: 'chat_info', dedupeKey: 'c', at: 1, chat: { platform: 'telegram', id: '-100777', title: 'Grup Pengajian Ahad' } });
    expect((await app.commands.run(adminDm('/grup')))!.text).toContain('Grup Pengajian Ahad');
    expect((await app.commands.run(adminDm('/tandai pengajian')))!.text).toMatch(/ditandai sebagai grup kampanye/);
    expect(app.monitor.chats.get('telegram', '-100777')!.campaign).toBe(true);
    expect((await app.commands.run(adminDm('/lepas -100777')))!.text).toMatch(/tidak lagi/);
    expect(app.monitor.chats.get('telegram', '-100777')!.campaign).toBe(false);
    expect(app.db.prepare(`SELECT action, allowed FROM audit ORDER BY id`).all()).toEqual([
      { action: '/grup', allowed: 1 }, { action: '/tandai', allowed: 1 }, { action: '/lepas', allowed: 1 },
    ]);
  });

  it('a registered ASN sees only their own cases with /status', async () => {
    const { app } = testApp();
    app.monitor.handle({ kind: 'member_added', dedupeKey: 'a', at: 1, chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: ASN.budi.telegramId }] });
    const mine = await app.commands.run({ ...adminDm('/status'), fromId: ASN.budi.telegramId });
    expect(mine!.text).toContain(CAMPAIGN_TG.title!);
    const other = await app.commands.run({ ...adminDm('/status'), fromId: ASN.sari.telegramId });
    expect(other!.text).toMatch(/Tidak ada kasus/);
    const admin = await app.commands.run(adminDm('/status'));
    expect(admin!.text).toMatch(/Kasus terbuka: 1/);
  });

  it('unknown commands get a polite answer in private and silence in groups', async () => {
    const { app } = testApp();
    expect((await app.commands.run(adminDm('/apaini')))!.text).toMatch(/tidak dikenal/);
    expect(await app.commands.run({ ...adminDm('/apaini'), chatType: 'group' })).toBeUndefined();
  });
});

describe('long lists', () => {
  it('/kasus pages long lists (/kasus hal N); every open case is on exactly one page; /kasus 2 is still case #2', async () => {
    const { app } = testApp();
    seedBenchAsn(app, 230, { phoneBase: 30_000_000, tgIdBase: 800_000 });
    app.monitor.handle({
      kind: 'member_added', dedupeKey: 'mass', at: 1, chat: CAMPAIGN_TG, actor: { platform: 'telegram', id: '7777' },
      members: Array.from({ length: 230 }, (_, i) => ({ platform: 'telegram' as const, id: String(800_000 + i) })),
    });
    const page = async (q: string) => (await app.commands.run(adminDm(q)))!.text;
    const first = await page('/kasus');
    expect(first).toMatch(/^Kasus terbuka \(230\):/);
    expect(first).toContain('Halaman 1/3. Berikutnya: /kasus hal 2');
    expect(await page('/kasus hal 1')).toBe(first);
    const third = await page('/kasus halaman 3');
    expect(third).toContain('Halaman 3/3.');
    expect(third).not.toContain('Berikutnya');
    const ids = [first, await page('/kasus hal 2'), third].flatMap((t) => [...t.matchAll(/^#(\d+) /gm)].map((m) => Number(m[1])));
    expect(ids).toHaveLength(230);
    expect(new Set(ids).size).toBe(230);
    expect(await page('/kasus hal 4')).toBe('Tidak ada halaman 4; jumlah halaman: 3.');
    expect(await page('/kasus hal dua')).toMatch(/Cara pakai: \/kasus hal/);
    expect(await page('/kasus 2')).toMatch(/#2\b/);
    expect(await page('/kasus 2')).not.toContain('Halaman');
  });

  it('/kasus hal N reads and writes out only that page: 100 cases of the 230 open, not all of them', async () => {
    const { app } = testApp();
    seedBenchAsn(app, 230, { phoneBase: 30_000_000, tgIdBase: 800_000 });
    app.monitor.handle({
      kind: 'member_added', dedupeKey: 'mass', at: 1, chat: CAMPAIGN_TG, actor: { platform: 'telegram', id: '7777' },
      members: Array.from({ length: 230 }, (_, i) => ({ platform: 'telegram' as const, id: String(800_000 + i) })),
    });
    // The incidents rows the answer's statements hand back (better-sqlite3 Statement.all/get/iterate), and the lines built.
    const proto = Object.getPrototypeOf(app.db.prepare('SELECT 1')) as Statement;
    const saved = { all: proto.all, get: proto.get, iterate: proto.iterate };
    let rows = 0;
    proto.all = function (this: Statement, ...a: unknown[]) {
      const r = saved.all.apply(this, a);
      if (/\bFROM incidents\b/.test(this.source)) rows += r.length;
      return r;
    } as Statement['all'];
    proto.get = function (this: Statement, ...a: unknown[]) {
      const r = saved.get.apply(this, a);
      if (/\bFROM incidents\b/.test(this.source) && r !== undefined) rows += 1;
      return r;
    } as Statement['get'];
    proto.iterate = function (this: Statement, ...a: unknown[]) {
      if (/\bFROM incidents\b/.test(this.source)) throw new Error(`iterated: ${this.source}`);
      return saved.iterate.apply(this, a);
    } as Statement['iterate'];
    const byNip = vi.spyOn(app.registry, 'byNip');
    let text: string;
    try {
      text = (await app.commands.run(adminDm('/kasus hal 2')))!.text;
    } finally {
      Object.assign(proto, saved);
    }
    // The page's 100 rows and the count's one.
    expect(rows).toBe(101);
    expect(byNip).toHaveBeenCalledTimes(100);
    byNip.mockRestore();
    expect(text).toMatch(/^Kasus terbuka \(230\):/);
    expect([...text.matchAll(/^#(\d+) /gm)].map((m) => Number(m[1]))).toEqual(Array.from({ length: 100 }, (_, i) => 101 + i));
    expect(text).toContain('Halaman 2/3. Berikutnya: /kasus hal 3');
  });

  it('/grup pages long lists too, and says how when asked wrongly', async () => {
    const { app } = testApp();
    for (let i = 0; i < 120; i++) app.monitor.handle({ kind: 'chat_info', dedupeKey: `g${i}`, at: i, chat: { platform: 'telegram', id: String(-1_000_000 - i), title: `Grup ${i}`, type: 'supergroup' } });
    const text = (await app.commands.run(adminDm('/grup')))!.text;
    expect(text).toContain('Halaman 1/3. Berikutnya: /grup hal 2');
    const pages = [text, ...(await Promise.all(['/grup hal 2', '/grup hal 3'].map(async (q) => (await app.commands.run(adminDm(q)))!.text)))];
    const titles = pages.flatMap((t) => [...t.matchAll(/^⚪ Grup (\d+) /gm)].map((m) => m[1]));
    expect(new Set(titles).size).toBe(120);
    expect((await app.commands.run(adminDm('/grup semua')))!.text).toMatch(/Cara pakai: \/grup hal/);
  });
});

describe('WhatsApp admins are recognised by their whole phone JID (issue 12 point 14)', () => {
  const waDm = (fromId: string, text = '/grup'): CommandRequest => ({ platform: 'whatsapp', chatType: 'private', chatId: fromId, fromId, text });

  it('the admin phone JID (with or without a device suffix) is an admin; a LID with the same digits is not', async () => {
    const { app } = testApp(); // HUMAS_ADMINS includes wa:6281111111111
    expect(isHumasAdmin(app.config.HUMAS_ADMINS, 'whatsapp', '6281111111111@s.whatsapp.net')).toBe(true);
    expect(isHumasAdmin(app.config.HUMAS_ADMINS, 'whatsapp', '6281111111111:12@s.whatsapp.net')).toBe(true);
    expect(isHumasAdmin(app.config.HUMAS_ADMINS, 'whatsapp', '6281111111111@lid')).toBe(false);
    expect(isHumasAdmin(app.config.HUMAS_ADMINS, 'whatsapp', '6281111111111@g.us')).toBe(false);
    expect(isHumasAdmin(app.config.HUMAS_ADMINS, 'whatsapp', '6281111111111')).toBe(false);
    expect(isHumasAdmin(app.config.HUMAS_ADMINS, 'telegram', '6281111111111')).toBe(false);
    expect((await app.commands.run(waDm('6281111111111@s.whatsapp.net')))!.text).not.toMatch(/hanya/);
    expect((await app.commands.run(waDm('6281111111111@lid')))!.text).toMatch(/hanya dapat digunakan oleh admin Humas/);
  });

  it('an admin written as wa:0811... in the config is the same admin', async () => {
    const { app } = testApp({ HUMAS_ADMINS: 'wa:0811-1111-1111' });
    expect(isHumasAdmin(app.config.HUMAS_ADMINS, 'whatsapp', '6281111111111@s.whatsapp.net')).toBe(true);
  });

  it('/id on WhatsApp tells the sender their own number, or explains that only a LID is visible', async () => {
    const { app } = testApp({ LANGUAGE: 'en' });
    expect((await app.commands.run(waDm('6281234567890:3@s.whatsapp.net', '/id')))!.text).toContain('Your WhatsApp number is 6281234567890');
    expect((await app.commands.run(waDm('123456789012345@lid', '/id')))!.text).toMatch(/did not show your phone number/);
  });
});
