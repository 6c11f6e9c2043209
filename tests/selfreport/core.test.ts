/**
 * Self-reports below the platforms: reading a free-text report, receipt numbers and codes, the migration that
 * rebuilds `incidents` on a database with cases (and rows that refer to them), verification, retention of evidence.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordSelfReport, resolveSelfReport } from '../../src/app/self-report.js';
import { receiptCode, verifyReceipt } from '../../src/app/receipt.js';
import { codeFromMac, CODE_ALPHABET, formatReceiptNo, normalizeCode, parseReceiptNo, parseReportText } from '../../src/core/self-report.js';
import { migrate } from '../../src/store/db.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { applyRetention } from '../../src/store/retention.js';
import { main } from '../../src/cli.js';
import { runRetentionJob } from '../../src/app/scheduler.js';
import { audit } from '../../src/store/audit.js';
import { PassThrough } from 'node:stream';
import { ASN, CAMPAIGN_TG, testApp } from '../support/app.js';

describe('reading a report', () => {
  it('finds the group name, the phone of whoever added the ASN, the invite link, and guesses what and where', () => {
    const r = parseReportText('Saya dimasukkan ke grup WhatsApp "Relawan Maju Bersama" oleh 0812 3456 7890, tautan https://chat.whatsapp.com/AbCdEfGhIjK12345.');
    expect(r).toMatchObject({ category: 'added', place: 'whatsapp', groupName: 'Relawan Maju Bersama', actorPhones: ['+6281234567890'], waInviteCodes: ['AbCdEfGhIjK12345'] });
    expect(r.links).toEqual(['https://chat.whatsapp.com/AbCdEfGhIjK12345']);
    expect(parseReportText('saya di-tag di postingan Instagram https://www.instagram.com/p/Cx1/ oleh Pak Joko')).toMatchObject({ category: 'tagged', place: 'instagram', actorName: 'Pak Joko', actorPhones: [] });
    expect(parseReportText('foto saya bersama calon bupati diunggah di fb')).toMatchObject({ category: 'photo', place: 'facebook' });
    expect(parseReportText('ada yang aneh')).toMatchObject({ category: 'other', place: 'other', links: [], actorPhones: [] });
    // Digits inside a link are not a phone; a landline is not a mobile.
    expect(parseReportText('https://x.com/a/status/6281234567890 dan 0711 123456').actorPhones).toEqual([]);
  });
});

describe('receipt numbers and codes', () => {
  it('JN-YYYY-NNNNNN; codes are 60 bits in Crockford base32, XXXX-XXXX-XXXX; look-alikes and case are forgiven', () => {
    expect(formatReceiptNo(2026, 42)).toBe('JN-2026-000042');
    expect(parseReceiptNo(' jn-2026-000042 ')).toEqual({ no: 'JN-2026-000042', year: 2026, seq: 42 });
    expect(parseReceiptNo('JN-26-1')).toBeUndefined();
    const code = codeFromMac(Buffer.alloc(32, 0xff));
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(code).toBe('ZZZZ-ZZZZ-ZZZZ');
    expect(codeFromMac(Buffer.alloc(32, 0))).toBe('0000-0000-0000');
    expect([...CODE_ALPHABET].some((c) => 'ILOU'.includes(c))).toBe(false);
    expect(normalizeCode('abcd efgh jkmn')).toBe('ABCD-EFGH-JKMN');
    expect(normalizeCode('OIL0-0000-0000')).toBe('0110-0000-0000');
    expect(normalizeCode('ABCD-EFGH-JKM')).toBeUndefined();
    expect(normalizeCode('ABCD-EFGH-JKMU')).toBeUndefined();
  });

  it('verify: valid with the right code, not valid with another, polite errors for malformed input; no personal data', () => {
    const { app } = testApp();
    const { report } = recordSelfReport(app, ASN.budi as never, { platform: 'telegram', reporterId: ASN.budi.telegramId, sourceKey: 'k1', text: 'dimasukkan ke grup "X"' });
    const code = receiptCode(app.db, report.signed, 0);
    const ok = verifyReceipt(app.db, report.receiptNo, code, 'Asia/Jakarta', 'en');
    expect(ok).toMatchObject({ ok: true, valid: true, status: 'open' });
    expect(ok.text).not.toContain('Budi');
    const other = code.startsWith('0') ? `1${code.slice(1)}` : `0${code.slice(1)}`;
    expect(verifyReceipt(app.db, report.receiptNo, other, 'Asia/Jakarta', 'en')).toMatchObject({ ok: true, valid: false });
    expect(verifyReceipt(app.db, 'JN-2026-999999', code, 'Asia/Jakarta', 'en')).toMatchObject({ ok: true, valid: false });
    expect(verifyReceipt(app.db, 'nomor', code, 'Asia/Jakarta', 'id')).toMatchObject({ ok: false, problem: 'number' });
    expect(verifyReceipt(app.db, report.receiptNo, 'xyz', 'Asia/Jakarta', 'id').text).toMatch(/bukan kode verifikasi/);
    // The same message again (a repeated update) is the same report, not a second one.
    expect(recordSelfReport(app, ASN.budi as never, { platform: 'telegram', reporterId: ASN.budi.telegramId, sourceKey: 'k1', text: 'lain' })).toMatchObject({ created: false });
    expect(recordSelfReport(app, ASN.budi as never, { platform: 'telegram', reporterId: ASN.budi.telegramId, sourceKey: 'k2', text: 'lain' }).report.seq).toBe(2);
  });
});

describe('a report about a group the bot is in', () => {
  it("joins the bot's own case there instead of opening a second one; 'done' leaves that case to the bot", async () => {
    const { app, clock } = testApp();
    const opened = app.monitor.handle({ kind: 'member_added', dedupeKey: 'a1', at: clock.now(), chat: CAMPAIGN_TG, members: [{ platform: 'telegram', id: ASN.budi.telegramId }] }).opened[0]!;
    const { report } = recordSelfReport(app, ASN.budi as never, { platform: 'telegram', reporterId: ASN.budi.telegramId, sourceKey: 'own', text: 'Saya dimasukkan ke grup Telegram "relawan paslon 2 pilgub sumsel"' });
    expect(report.incidentId).toBe(opened.id);
    expect(app.db.prepare(`SELECT COUNT(*) AS n FROM incidents`).get()).toEqual({ n: 1 });
    expect(app.db.prepare(`SELECT kind FROM incident_findings WHERE incident_id = ? ORDER BY id`).all(opened.id)).toEqual([{ kind: 'added' }, { kind: 'reported' }]);
    expect((await resolveSelfReport(app, report.id, 'telegram', ASN.budi.telegramId)).ok).toBe(true);
    expect(app.db.prepare(`SELECT status FROM incidents WHERE id = ?`).get(opened.id)).toEqual({ status: 'open' });
  });
});

describe('the migration to kind "reported"', () => {
  it('rebuilds incidents on a database with cases; findings, outbox and holds still point at them; foreign keys stay on', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-mig-'));
    const db = new Database(join(dir, 'old.sqlite'));
    db.pragma('foreign_keys = ON');
    const mine = MIGRATIONS.findIndex((m) => typeof m === 'string' && m.includes('CREATE TABLE self_reports'));
    for (let v = 0; v < mine; v++) db.transaction(() => {
      const step = MIGRATIONS[v]!;
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
    db.exec(`INSERT INTO asn (nip, nama, unit, phone, created_at, updated_at) VALUES ('198503122010011003', 'Budi', 'Dinas', '+6281234567890', 1, 1);
      INSERT INTO events (id, platform, dedupe_key, kind, payload, received_at) VALUES (1, 'telegram', 'e1', 'member_added', '{}', 1);
      INSERT INTO incidents (id, asn_nip, platform, chat_id, kind, opened_at, event_id, updated_at, checked_at, unconfirmed_noticed_at) VALUES (7, '198503122010011003', 'telegram', '-100', 'added', 5, 1, 5, 6, 8);
      INSERT INTO incident_findings (incident_id, kind, event_id, actor_id, at) VALUES (7, 'added', 1, '42', 5);
      INSERT INTO outbox (dedupe_key, platform, recipient, recipient_kind, kind, text, next_attempt_at, incident_id, created_at) VALUES ('o1', 'telegram', '1', 'user', 'asn_alert', 't', 1, 7, 1);
      INSERT INTO undeliverable_holds (incident_id, asn_nip, platform, reason, held_at, release_at) VALUES (7, '198503122010011003', 'telegram', 'r', 1, 2);`);
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.prepare(`SELECT id, kind, checked_at, unconfirmed_noticed_at FROM incidents`).all()).toEqual([{ id: 7, kind: 'added', checked_at: 6, unconfirmed_noticed_at: 8 }]);
    expect(db.prepare(`SELECT sql FROM sqlite_schema WHERE name = 'incident_findings'`).pluck().get()).toMatch(/REFERENCES incidents\(id\)/);
    db.prepare(`INSERT INTO incidents (asn_nip, platform, chat_id, kind, opened_at, updated_at) VALUES ('198503122010011003', 'telegram', 'lapor:JN-2026-000001', 'reported', 9, 9)`).run();
    expect(() => db.prepare(`INSERT INTO incidents (asn_nip, platform, chat_id, kind, opened_at, updated_at) VALUES ('198503122010011003', 'telegram', 'x', 'nonsense', 9, 9)`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO incident_findings (incident_id, kind, at) VALUES (999, 'added', 1)`).run()).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare(`INSERT INTO incidents (asn_nip, platform, chat_id, kind, opened_at, updated_at) VALUES ('198503122010011003', 'telegram', '-100', 'added', 9, 9)`).run()).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('retention of evidence', () => {
  it('deletes evidence files past RETENTION_DAYS and keeps their hash, so the receipt still verifies', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-ret-'));
    const { app, clock } = testApp({ DATABASE_PATH: join(dir, 'jaga.sqlite') });
    const { report } = recordSelfReport(app, ASN.budi as never, {
      platform: 'telegram', reporterId: ASN.budi.telegramId, sourceKey: 'k', text: 'ditandai',
      files: [{ kind: 'photo', filename: 'a.jpg', data: Buffer.from('gambar') }, { kind: 'photo', filename: 'big.jpg', data: Buffer.alloc(10 * 1024 * 1024 + 1) }],
    });
    const ev = app.db.prepare(`SELECT path, sha256 FROM self_report_evidence WHERE kind = 'photo'`).all() as { path: string; sha256: string }[];
    expect(ev).toHaveLength(1); // the file over 10 MB is not kept
    expect(existsSync(ev[0]!.path)).toBe(true);
    clock.advance(31 * 86_400_000);
    expect(applyRetention(app.db, 30, clock.now()).evidenceFiles).toBe(1);
    expect(existsSync(ev[0]!.path)).toBe(false);
    expect(app.db.prepare(`SELECT path, sha256 FROM self_report_evidence WHERE kind = 'photo'`).get()).toEqual({ path: null, sha256: ev[0]!.sha256 });
    expect(verifyReceipt(app.db, report.receiptNo, receiptCode(app.db, report.signed, 0), 'Asia/Jakarta', 'id')).toMatchObject({ valid: true });
  });

  it('every retention pass that changes something writes one chained audit row (actor system, action retention) saying what kind and how many; a pass with nothing to do writes none; `audit verify` passes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-ret-audit-'));
    const path = join(dir, 'jaga.sqlite');
    const { app, clock } = testApp({ DATABASE_PATH: path, RETENTION_DAYS: '30', CASE_EXPIRY_DAYS: '14' });
    const t0 = clock.now();
    // One of each kind retention touches: an event (the monitor's), a finished private message, a refused attempt,
    // a self-report's two evidence files, a WhatsApp name, and a picture held for a LAPOR that never came.
    app.monitor.handle({ kind: 'message', dedupeKey: 'm-old', messageId: '101', at: t0, chat: CAMPAIGN_TG, sender: { platform: 'telegram', id: '7777' }, text: 'Ayo coblos nomor 2 @budi_s', mentions: [{ platform: 'telegram', id: ASN.budi.telegramId }], isPrivate: false });
    app.db.prepare(`UPDATE outbox SET status = 'sent', finished_at = ?`).run(t0);
    audit(app.db, { at: t0, actor: 'tg:6666', platform: 'telegram', action: 'report', args: 'semua', allowed: false, result: 'not an admin' });
    recordSelfReport(app, ASN.budi as never, {
      platform: 'telegram', reporterId: ASN.budi.telegramId, sourceKey: 'k', text: 'ditandai',
      files: [{ kind: 'photo', filename: 'a.jpg', data: Buffer.from('gambar') }, { kind: 'document', filename: 'b.pdf', data: Buffer.from('%PDF-1.4') }],
    });
    app.db.prepare(`INSERT INTO wa_names (jid, name, seen_at) VALUES ('6281200000001@s.whatsapp.net', 'Pak Andi', ?)`).run(t0);
    app.db.prepare(`INSERT INTO pending_pictures (platform, chat_id, message_id, sender, state, album_id, message, at) VALUES ('whatsapp', 'x@s.whatsapp.net', 'H1', 'x@s.whatsapp.net', 'held', NULL, '{}', ?)`).run(t0);
    const before = app.db.prepare(`SELECT COUNT(*) FROM audit`).pluck().get() as number;
    clock.advance(31 * 86_400_000);
    const r = runRetentionJob(app, clock.now());
    expect(r).toMatchObject({ events: 1, audit: 1, evidenceFiles: 2, names: 1, pending: { held: 1 } });
    const rows = app.db.prepare(`SELECT actor, action, allowed, args, result FROM audit WHERE action = 'retention' ORDER BY id`).all() as { actor: string; action: string; allowed: number; args: string; result: string }[];
    expect(rows.every((x) => x.actor === 'system' && x.allowed === 1)).toBe(true);
    expect(rows.map((x) => x.result)).toEqual([
      'event payloads blanked: 1',
      `private message texts blanked: ${r.messages}`,
      'refused-attempt audit details blanked: 1',
      `self-report evidence files deleted (their SHA-256 kept; OCR text blanked): 2; 2 files, ${'gambar'.length + '%PDF-1.4'.length} bytes removed from disk`,
      'WhatsApp names forgotten: 1',
      'pending pictures dropped: 1 held, 0 of unanswered albums, 0 album headers, 0 of answered albums',
    ]);
    expect(r.messages).toBeGreaterThan(0);
    expect(rows[0]!.args).toBe('event payloads older than 30 days');
    expect(app.db.prepare(`SELECT COUNT(*) FROM audit`).pluck().get()).toBe(before + 6);
    // Nothing left to do: no row.
    runRetentionJob(app, clock.now() + 60_000);
    expect(app.db.prepare(`SELECT COUNT(*) FROM audit`).pluck().get()).toBe(before + 6);
    await app.close();
    // The chain over the audit rows verifies, through the CLI's main (`jaga-netral audit verify FILE`).
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['audit', 'verify', path], { out: (x) => void out.push(x), err: (x) => void err.push(x), stdin: new PassThrough() });
    expect(err.join('')).toBe('');
    expect(code).toBe(0);
    expect(out.join('')).toMatch(new RegExp(`audit: ${before + 6} baris`));
  });
});
