import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { proto } from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../src/store/db.js';
import { hasWhatsAppSession, useSqliteAuthState } from '../../../src/platforms/whatsapp/auth-state.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('useSqliteAuthState', () => {
  it('round-trips creds and signal keys through a closed and reopened database file, Buffers included', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jn-wa-auth-'));
    dirs.push(dir);
    const path = join(dir, 'test.db');

    let db = openDb(path);
    const a = useSqliteAuthState(db);
    expect(a.state.creds.registered).toBe(false);
    expect(Buffer.isBuffer(a.state.creds.noiseKey.private)).toBe(true);
    a.state.creds.me = { id: '6281100000000:3@s.whatsapp.net', lid: '100000000000001:3@lid' };
    await a.saveCreds();
    const preKey = { public: Buffer.from('pub-1'), private: Buffer.from('priv-1') };
    const session = Buffer.from([1, 2, 3, 250]);
    const syncKey = { keyData: Buffer.from('app-state-key'), fingerprint: { rawId: 7, currentIndex: 2, deviceIndexes: [0, 3] }, timestamp: 1727751600 };
    await a.state.keys.set({ 'pre-key': { '1': preKey, '2': preKey }, session: { 'abc.0': session }, 'app-state-sync-key': { AAAA: syncKey as never } });
    await a.state.keys.set({ 'pre-key': { '2': null } });
    const credsBefore = JSON.parse(JSON.stringify(a.state.creds));
    db.close();

    db = openDb(path);
    expect(hasWhatsAppSession(db)).toBe(true);
    const b = useSqliteAuthState(db);
    expect(JSON.parse(JSON.stringify(b.state.creds))).toEqual(credsBefore);
    expect(Buffer.isBuffer(b.state.creds.signedIdentityKey.public)).toBe(true);
    expect(Buffer.from(b.state.creds.noiseKey.private).equals(Buffer.from(a.state.creds.noiseKey.private))).toBe(true);

    const pre = await b.state.keys.get('pre-key', ['1', '2']);
    expect(Object.keys(pre)).toEqual(['1']);
    expect(Buffer.isBuffer(pre['1']!.public)).toBe(true);
    expect(Buffer.from(pre['1']!.private).toString()).toBe('priv-1');
    const sess = await b.state.keys.get('session', ['abc.0']);
    expect(Buffer.from(sess['abc.0']!).equals(session)).toBe(true);
    const sync = await b.state.keys.get('app-state-sync-key', ['AAAA']);
    expect(sync.AAAA).toBeInstanceOf(proto.Message.AppStateSyncKeyData);
    expect(Buffer.from(sync.AAAA!.keyData!).toString()).toBe('app-state-key');
    expect(sync.AAAA!.fingerprint?.deviceIndexes).toEqual([0, 3]);

    b.clear();
    expect(hasWhatsAppSession(db)).toBe(false);
    db.close();
  });

  it('writes one keys.set in a single transaction: a failing value leaves nothing behind', async () => {
    const db = openDb(':memory:');
    const a = useSqliteAuthState(db);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(a.state.keys.set({ session: { ok: Buffer.from('x') }, 'sender-key': { bad: cyclic as never } })).rejects.toThrow();
    expect(await a.state.keys.get('session', ['ok'])).toEqual({});
    db.close();
  });
});
