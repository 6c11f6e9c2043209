import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../src/cli.js';

const ENV_KEYS = ['DATABASE_PATH', 'HUMAS_ADMINS', 'LANGUAGE', 'QUIET_HOURS'] as const;
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

function io(stdin = ''): CliIo & { outText: () => string; errText: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { out: (s) => out.push(s), err: (s) => err.push(s), stdin: Readable.from([stdin]), outText: () => out.join('\n'), errText: () => err.join('\n') };
}

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'jn-cli-'));
  process.env.DATABASE_PATH = join(dir, 'db.sqlite');
  process.env.HUMAS_ADMINS = 'tg:9001,wa:6281111111111';
  // Replay runs on the wall clock: without this, a run in the evening (Asia/Jakarta) holds the group reminder for quiet hours.
  process.env.QUIET_HOURS = 'off';
  return dir;
}

afterEach(() => {
  for (const k of ENV_KEYS) if (saved[k] === undefined) delete process.env[k];
  else process.env[k] = saved[k];
});

describe('jaga-netral CLI', () => {
  it('prints usage and refuses unknown commands with a non-zero exit', async () => {
    const x = io();
    expect(await main(['nope'], x)).toBe(2);
    expect(x.errText()).toMatch(/tidak dikenal/);
  });

  it('import-asn: a valid file exits 0, a file with bad rows lists them and exits 1', async () => {
    const dir = tempDb();
    const ok = io();
    expect(await main(['import-asn', 'data/asn.sample.csv'], ok)).toBe(0);
    expect(ok.outText()).toMatch(/Impor selesai/);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'nip,nama,unit,telepon,telegram\n198503122010011003,Budi,Dinas,0812-3456-7890,\n123,X,Y,021555,\n');
    const ko = io();
    expect(await main(['import-asn', bad], ko)).toBe(1);
    expect(ko.errText()).toMatch(/baris 3: /);
  });

  it('import-asn words NIP and phone reasons and the line prefix (`baris N:` / `line N:`) in LANGUAGE', async () => {
    const dir = tempDb();
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'nip,nama,unit,telepon,telegram\n123,X,Y,021555,\n');
    process.env.LANGUAGE = 'id';
    const id = io();
    expect(await main(['import-asn', bad], id)).toBe(1);
    expect(id.errText()).toMatch(/baris 2: NIP "123": NIP harus 18 digit, ditemukan 3; .*telepon "021555": nomor telepon rumah\/kantor/);
    expect(id.errText()).not.toMatch(/must have 18 digits/);
    process.env.LANGUAGE = 'en';
    const en = io();
    expect(await main(['import-asn', bad, '--dry-run'], en)).toBe(1);
    expect(en.errText()).toMatch(/line 2: NIP "123": NIP must have 18 digits, found 3; .*telepon "021555": landline/);
  });

  it('classify: one JSON object per input line, in order', async () => {
    const x = io('Ayo coblos nomor 2 Pilgub Sumsel!\nLupa kata sandi email\n');
    expect(await main(['classify', '--paslon', 'data/paslon.sumsel2024.json'], x)).toBe(0);
    const lines = x.outText().split('\n').map((l) => JSON.parse(l) as { pilkada: boolean; score: number; terms: string[] });
    expect(lines.map((l) => l.pilkada)).toEqual([true, false]);
    expect(lines[0]!.terms.length).toBeGreaterThan(0);
  });

  it('classify explains each decision in its terms: the alias matched, jabatan resmi', async () => {
    const x = io('Semangat HD!\nvideo hd gratis\nGubernur Herman Dheru meresmikan Jembatan Musi IV\n');
    expect(await main(['classify', '--paslon', 'tests/fixtures/classifier/sumsel2024.paslon.json'], x)).toBe(0);
    expect(x.outText().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual([
      { pilkada: true, score: 1, terms: ['HD'] },
      { pilkada: false, score: 0.4, terms: ['HD'] },
      { pilkada: false, score: 0, terms: ['Herman Deru', 'jabatan resmi'] },
    ]);
  });

  it('classify on an election nobody tuned for (issue 20): numbers, roles, typos, short forms, parties, capitals, clitics, surnames', async () => {
    const cases: [string, boolean][] = [
      ['tetap 02 sampai menang', true], // 1. a ballot number with no name
      ['salam \u261D\uFE0F jari, relawan siap', true],
      ['Rapat dimulai jam 02.00 di lantai 2', false], // ...but not a time or a floor
      ['Silakan ambil nomor antrean 2 di loket', false],
      ['cagubnya kok nggak datang ke debat', true], // 2. a candidate by role, 6. with a clitic
      ['ayo gunakan hak pilih, jangan golput', true],
      ['Lufthi-Yasin untuk Jateng', true], // 3. a name one letter off inside the pair
      ['andikahendi gas terus', true], // ...and names glued together
      ['data pribadi pegawai', false], // a common word one letter off a name stays a word
      ['pak Luth kampanye di Pati', true], // 4. an honorific and the start of a name, with support
      ['Pak Lutfan minta laporan bulanan', false],
      ['KIM plus usung Luthfi, PDIP sendirian', true], // 5. party talk
      ['PKS kalah di Jateng', true],
      ['aNdika mantap', true], // 6. odd capitals
      ['#ANdikaHendi untuk Jateng', true],
      ['Ziarah ke makam Mbah Maimoen di Sarang', false], // 7. a surname alone (a tomb)
      ['Jamu Perkasa obat kuat', false], // ...or a brand
    ];
    const x = io(cases.map(([text]) => text).join('\n') + '\n');
    expect(await main(['classify', '--paslon', 'tests/fixtures/classifier/jateng2024.paslon.json'], x)).toBe(0);
    const got = x.outText().split('\n').map((l) => (JSON.parse(l) as { pilkada: boolean }).pilkada);
    expect(got.map((pilkada, i) => [cases[i]![0], pilkada])).toEqual(cases);
  });

  it('replay: recorded WhatsApp payloads through the real adapter print the outgoing messages', async () => {
    tempDb();
    const x = io();
    expect(await main(['replay', 'tests/fixtures/whatsapp/story.jsonl', '--asn', 'data/asn.sample.csv'], x)).toBe(0);
    const out = x.outText().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { platform: string; to: string; kind: string; text: string });
    expect(out.map((o) => o.kind)).toEqual(expect.arrayContaining(['asn_alert', 'humas_alert', 'group_reminder']));
    for (const o of out) expect(Object.keys(o).sort()).toEqual(['kind', 'platform', 'text', 'to']);
  });

  it('replay: a WhatsApp messages.update edit that adds a tag opens the case; a 463 ack tells Humas', async () => {
    tempDb();
    const x = io();
    expect(await main(['replay', 'tests/fixtures/whatsapp/edit-463.jsonl', '--asn', 'data/asn.sample.csv'], x)).toBe(0);
    const out = x.outText().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { platform: string; to: string; kind: string; text: string });
    expect(out.filter((o) => o.kind === 'asn_alert').map((o) => o.to)).toEqual(['6281377881122@s.whatsapp.net']);
    expect(out.filter((o) => o.kind === 'wa_restricted').map((o) => [o.platform, o.to]).sort()).toEqual([
      ['telegram', '9001'],
      ['whatsapp', '6281111111111@s.whatsapp.net'],
    ]);
  });

  it('replay: a campaign post carrying an ASN\'s reaction in `reactions` (the buffered form) opens a "reacted" case and tells Humas', async () => {
    // While Baileys buffers (offline backlog), a reaction to a buffered message is folded into its `reactions`
    // and no messages.reaction is emitted (node_modules/@whiskeysockets/baileys/lib/Utils/event-buffer.js,
    // append 'messages.reaction' -> updateMessageWithReaction in lib/Utils/messages.js).
    tempDb();
    const x = io();
    expect(await main(['replay', 'tests/fixtures/whatsapp/buffered-reaction.jsonl', '--asn', 'data/asn.sample.csv'], x)).toBe(0);
    const out = x.outText().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { platform: string; to: string; kind: string; text: string });
    const asn = out.filter((o) => o.kind === 'asn_alert');
    expect(asn.map((o) => o.to)).toEqual(['6281377881122@s.whatsapp.net']);
    expect(asn[0]!.text).toContain('memberi reaksi pada unggahan kampanye');
    const humas = out.filter((o) => o.kind === 'humas_alert');
    expect(humas.map((o) => o.to).sort()).toEqual(['6281111111111@s.whatsapp.net', '9001']);
    expect(humas[0]!.text).toContain('Siti Rahmawati');
  });

  it('report: text summary by default, bad dates exit 2', async () => {
    tempDb();
    const x = io();
    expect(await main(['report'], x)).toBe(0);
    expect(x.outText()).toMatch(/Laporan Jaga Netral/);
    expect(await main(['report', '--from', '2024-13-40'], io())).toBe(2);
    // Day first, as /report takes a day: the same report as the ISO days give.
    const iso = io();
    expect(await main(['report', '--from', '2024-11-01', '--to', '2024-11-30'], iso)).toBe(0);
    const dayFirst = io();
    expect(await main(['report', '--from', '1/11/2024', '--to', '30-11-2024'], dayFirst)).toBe(0);
    expect(dayFirst.outText()).toBe(iso.outText());
    expect(dayFirst.outText().split('\n')[1]).toBe('Periode: 1 Nov 2024 – 30 Nov 2024');
    const bad = io();
    expect(await main(['report', '--from', '31/11/2024'], bad)).toBe(2);
    expect(bad.errText()).toMatch(/--from harus tanggal YYYY-MM-DD atau DD\/MM\/YYYY .*bukan "31\/11\/2024"/);
  });
});
