/**
 * Issue 12 point 1: `jaga-netral replay` on a database the bot has written (WAL mode, recent pages
 * still in the -wal file, the bot's connection open) works on a copy: the registry in the database
 * is used without --asn, and nothing in the database changes.
 */
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { botDatabase, jn, tempHome, SPAWN_TIMEOUT, repoFile } from './support.js';

type Out = { platform: string; to: string; kind: string; text: string };

describe('replay on an existing database (real binary)', SPAWN_TIMEOUT, () => {
  it('reads a WAL database the bot is writing, uses its registry, changes nothing', async () => {
    const { db } = tempHome();
    const bot = botDatabase(db);
    expect(bot.app.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(existsSync(`${db}-wal`)).toBe(true);
    expect(statSync(`${db}-wal`).size).toBeGreaterThan(0);
    const count = (t: string) => bot.app.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number;
    const before = { events: count('events'), incidents: count('incidents'), outbox: count('outbox'), audit: count('audit') };

    // The story's WhatsApp payloads name ASN of the sample registry; this database has its own ASN
    // (tests/support), so a Telegram update adding one of them shows the registry came from the file.
    const update = {
      update_id: 900001,
      message: {
        message_id: 77, date: 1730700000,
        chat: { id: -1002222333444, type: 'supergroup', title: 'Tim Pemenangan Paslon 2 Relawan' },
        from: { id: 7777, is_bot: false, first_name: 'Korlap' },
        new_chat_members: [{ id: 5003, is_bot: false, first_name: 'Dedi', username: 'dedik' }],
      },
    };
    const { writeFileSync } = await import('node:fs');
    const file = `${db}.replay.jsonl`;
    writeFileSync(file, `${JSON.stringify({ platform: 'telegram', update })}\n{oops\n`);
    const r = await jn(['replay', file], { DATABASE_PATH: db, LANGUAGE: 'en', QUIET_HOURS: 'off' }); // replay runs on the wall clock: no quiet hours
    expect(r.err).not.toMatch(/unable to open/);
    expect(r.code).toBe(0);
    const out = r.out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Out);
    // Only what the replayed update causes: Dedi (registered in the database, not in any file) is
    // alerted about; the bot's own queued messages in the database are not printed again.
    expect(out.map((o) => o.kind).sort()).toEqual(['group_reminder', 'humas_alert', 'humas_alert']);
    for (const o of out.filter((x) => x.kind === 'humas_alert')) expect(o.text).toMatch(/^⚠️ Case #3: .*\nASN: Dedi Kurniawan \(NIP 198807142012121002\), BPKAD/);
    expect(r.err).toBe('line 2: not valid JSON\n1 line skipped.\n');

    expect({ events: count('events'), incidents: count('incidents'), outbox: count('outbox'), audit: count('audit') }).toEqual(before);
    await bot.close();
    const after = new Database(db, { readonly: true });
    expect(after.prepare('SELECT COUNT(*) FROM incidents').pluck().get()).toBe(before.incidents);
    after.close();
  });

  it('skipped lines say why in the configured language (Indonesian by default, English with LANGUAGE=en)', async () => {
    const { db, dir } = tempHome();
    const { writeFileSync } = await import('node:fs');
    const file = `${dir}/buruk.jsonl`;
    writeFileSync(file, ['{oops', '[1,2]', '{"platform":"telegram"}', '{"platform":"whatsapp","data":{}}', '{"platform":"signal"}', ''].join('\n'));
    const id = await jn(['replay', file], { DATABASE_PATH: db });
    expect(id.code).toBe(0);
    expect(id.out).toBe('');
    expect(id.err).toBe(
      [
        'baris 1: bukan JSON yang sah',
        'baris 2: bukan objek JSON',
        'baris 3: baris telegram tanpa objek "update"',
        'baris 4: baris whatsapp tanpa nama "event"',
        'baris 5: platform harus "telegram" atau "whatsapp"',
        '5 baris dilewati.',
        '',
      ].join('\n'),
    );
    const en = await jn(['replay', file], { DATABASE_PATH: db, LANGUAGE: 'en' });
    expect(en.err).toBe(
      [
        'line 1: not valid JSON',
        'line 2: not a JSON object',
        'line 3: telegram line without an "update" object',
        'line 4: whatsapp line without an "event" name',
        'line 5: platform must be "telegram" or "whatsapp"',
        '5 lines skipped.',
        '',
      ].join('\n'),
    );
  });

  it('a WhatsApp album whose header the recording lacks, LAPOR on its last picture: one report, answered once when the recording ends', async () => {
    const { db } = tempHome();
    const bot = botDatabase(db);
    await bot.close();
    // Each picture names the album's header (messageContextInfo.messageAssociation, MEDIA_ALBUM: Baileys'
    // generateWAMessageContent with albumParentKey, lib/Utils/messages.js); the header itself was not recorded, so
    // the album is gathered until quiet, and the end of the recording ends that wait (finishWhatsAppReplay).
    const from = '6281234567890@s.whatsapp.net';
    const pic = (n: number, caption?: string) => ({
      platform: 'whatsapp',
      event: 'messages.upsert',
      data: {
        type: 'notify',
        messages: [{
          key: { remoteJid: from, fromMe: false, id: `ALBUMPIC${n}` },
          messageTimestamp: 1730700000 + n,
          message: {
            imageMessage: { mimetype: 'image/jpeg', fileLength: '20000', ...(caption ? { caption } : {}) },
            messageContextInfo: { messageAssociation: { associationType: 'MEDIA_ALBUM', parentMessageKey: { remoteJid: '6281100000000@s.whatsapp.net', fromMe: true, id: 'ALBUMHDR1' } } },
          },
        }],
      },
    });
    const { writeFileSync } = await import('node:fs');
    const file = `${db}.album.jsonl`;
    writeFileSync(file, [pic(1), pic(2), pic(3, 'LAPOR saya ditandai di Facebook oleh akun relawan')].map((l) => JSON.stringify(l)).join('\n') + '\n');
    const r = await jn(['replay', file], { DATABASE_PATH: db, LANGUAGE: 'en', QUIET_HOURS: 'off' });
    expect(r.code).toBe(0);
    const out = r.out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Out);
    const toAsn = out.filter((o) => o.to === from);
    expect(toAsn).toHaveLength(1);
    expect(toAsn[0]!.text).toMatch(/JN-\d{4}-\d{6}/);
    // A replay has no WhatsApp connection to fetch pictures from: the ASN is told the three were not kept.
    expect(toAsn[0]!.text).toContain('3 could not be downloaded');
    expect(toAsn[0]!.kind).toBe('selfreport_receipt');
    // One alert per Humas admin (one on Telegram, one on WhatsApp), about the one report.
    expect(out.filter((o) => o.kind === 'humas_alert' && o.text.includes('Budi Santoso')).map((o) => o.to).sort()).toEqual(['6281111111111@s.whatsapp.net', '9001']);
  });

  it('pictures the bot holds for a LAPOR (store/pending-pictures.ts) stay the bot\'s: a replayed LAPOR from that sender does not take them', async () => {
    const { db } = tempHome();
    const bot = botDatabase(db);
    const from = '6281234567890@s.whatsapp.net';
    // What the live bot writes when this ASN sends a picture with no LAPOR (adapter.ts, hold): held from now.
    const held = { key: { remoteJid: from, fromMe: false, id: 'HELDPIC1' }, messageTimestamp: '1730700000', message: { imageMessage: { mimetype: 'image/jpeg', fileLength: '20000', url: 'https://mmg.whatsapp.net/x', mediaKey: 'AAAA' } } };
    bot.app.db.prepare(`INSERT INTO pending_pictures (platform, chat_id, message_id, sender, state, album_id, message, at) VALUES ('whatsapp', ?, 'HELDPIC1', ?, 'held', NULL, ?, ?)`).run(from, from, JSON.stringify(held), Date.now());
    await bot.close();
    const lapor = { platform: 'whatsapp', event: 'messages.upsert', data: { type: 'notify', messages: [{ key: { remoteJid: from, fromMe: false, id: 'LAPOR1' }, messageTimestamp: Math.floor(Date.now() / 1000), message: { conversation: 'LAPOR saya ditandai di Facebook oleh akun relawan' } }] } };
    const { writeFileSync } = await import('node:fs');
    const file = `${db}.held.jsonl`;
    writeFileSync(file, `${JSON.stringify(lapor)}\n`);
    const r = await jn(['replay', file], { DATABASE_PATH: db, LANGUAGE: 'en', QUIET_HOURS: 'off' });
    expect(r.code).toBe(0);
    const toAsn = r.out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Out).filter((o) => o.to === from);
    expect(toAsn).toHaveLength(1);
    expect(toAsn[0]!.kind).toBe('selfreport_receipt');
    // Had the copy's held picture joined, the replay (no connection) would name it as not downloaded.
    expect(toAsn[0]!.text).not.toMatch(/not kept|could not be downloaded/);
    const after = new Database(db, { readonly: true });
    expect(after.prepare(`SELECT COUNT(*) FROM pending_pictures`).pluck().get()).toBe(1);
    after.close();
  });

  it('a missing replay file is a clear error in the configured language', async () => {
    const { db } = tempHome();
    const r = await jn(['replay', 'tidak-ada.jsonl'], { DATABASE_PATH: db, LANGUAGE: 'id' });
    expect(r).toMatchObject({ code: 1, out: '', err: 'Berkas tidak ditemukan: tidak-ada.jsonl\n' });
    expect(existsSync(db)).toBe(false);
  });
});

describe('the README replay example', SPAWN_TIMEOUT, () => {
  it('runs as documented (every line accepted) with the sample registry', async () => {
    const { readFileSync, writeFileSync } = await import('node:fs');
    const readme = readFileSync('README.md', 'utf8');
    const block = /### Replay[\s\S]*?```json\n([\s\S]*?)```/.exec(readme)![1]!;
    const { db } = tempHome();
    const file = `${db}.readme.jsonl`;
    const { mkdirSync } = await import('node:fs');
    const { dirname } = await import('node:path');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, block);
    const r = await jn(['replay', file, '--asn', repoFile('data/asn.sample.csv')], { DATABASE_PATH: db, LANGUAGE: 'id' });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const kinds = r.out.split('\n').filter(Boolean).map((l) => (JSON.parse(l) as Out).kind);
    expect(kinds).toContain('humas_alert');
    expect(existsSync(db)).toBe(false);
  });
});
