/**
 * The ASN's "sudah keluar ..." reply read as text (core/left-claim.ts): the case number is read as every command
 * reads it (core/case-ref.ts), so `sudah keluar kasus no 12` and `sudah keluar dari grup nomor 12` are case #12, as
 * `/sudahkeluar no 12` is. Every form read before is still read. The WhatsApp and Telegram paths are in
 * tests/platforms/whatsapp/left-claim.test.ts and tests/platforms/telegram/left-by-text.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseLeftClaim } from '../../src/core/left-claim.js';

describe('parseLeftClaim', () => {
  it('reads a case number as people type it after the phrase', () => {
    for (const s of [
      'sudah keluar kasus no 12', 'sudah keluar dari grup nomor 12', 'Sudah keluar kasus no. 12', 'sudah keluar nmr 12', 'udah keluar kasus ke-12',
      'saya sudah keluar dari grup tersebut kasus #12', 'keluar no 12', 'keluar kasus nomor 12', 'left case no 12', 'I have left the group number 12',
      "I've left 12", 'I\u2019ve left #12', 'sudah keluar no: 12',
    ]) {
      expect(parseLeftClaim(s), s).toEqual({ caseId: 12 });
    }
  });

  it('keeps every form read before', () => {
    for (const s of [
      'SUDAH KELUAR 12', 'saya sudah keluar 12', 'udah keluar #12', 'sdh keluar # 12', 'telah keluar 12.', 'sudah keluar dari grup kasus 12',
      'sudah keluar dari group itu 12', 'keluar 12', 'keluar #12', 'keluar#12', 'keluar12', 'keluar no.12', 'keluar nomer 12', 'sudah keluar 12 !!',
      'LEFT 12', 'left case 12', 'I have left 12', "i 've left 12", 'left the group #12', '  sudah\n keluar\t12  ',
    ]) {
      expect(parseLeftClaim(s), s).toEqual({ caseId: 12 });
    }
    for (const s of ['sudah keluar', 'Saya sudah keluar.', 'udah keluar dari grup', 'sudah keluar dari grup itu!', 'left', 'I have left the group', 'sudah keluar kasus', 'sudah keluar nomor']) {
      expect(parseLeftClaim(s), s).toEqual({});
    }
  });

  it('anything else is no claim', () => {
    for (const s of [
      'keluar', 'keluarga 12', 'keluar dari grup', 'sudah keluar kasus abc', 'sudah keluar 12 kemarin', 'leftover 12',
      'saya belum keluar 12', 'sudah keluar 1.5', 'halo', '', '   ', 'sudah keluar 12345678901234567890',
    ]) {
      expect(parseLeftClaim(s), s).toBeUndefined();
    }
  });

  it('long input is read word by word: runs of spaces and long lines give the right answer', () => {
    expect(parseLeftClaim('sudah keluar' + ' '.repeat(60_000) + '12')).toEqual({ caseId: 12 });
    expect(parseLeftClaim('sudah keluar kasus no' + ' '.repeat(60_000) + 'x')).toBeUndefined();
    expect(parseLeftClaim('sudah keluar 12' + ' .'.repeat(30_000) + 'x')).toBeUndefined();
    expect(parseLeftClaim('sudah keluar 12' + ' !'.repeat(30_000))).toEqual({ caseId: 12 });
    expect(parseLeftClaim(' '.repeat(60_000))).toBeUndefined();
    expect(parseLeftClaim('sudah keluar ' + 'kasus '.repeat(10_000) + '12')).toBeUndefined();
    expect(parseLeftClaim('keluar' + '1'.repeat(60_000) + 'x')).toBeUndefined();
  });
});
