/** The group a screenshot's recognised text shows (src/core/screen-text.ts): header above a member line, or a quoting system line. */
import { describe, expect, it } from 'vitest';
import { cleanHeaderName, groupNameFromScreen, screenExcerpt } from '../../src/core/screen-text.js';

describe('groupNameFromScreen', () => {
  it('reads the header line above a member line, trimming the icons OCR turned into marks', () => {
    // tesseract's text of a rendered WhatsApp-like header (back arrow and avatar read as "— DO").
    expect(groupNameFromScreen('— DO Relawan Maju Bersama\n\n57 anggota\n\nBudi menambahkan Anda')).toBe('Relawan Maju Bersama');
    expect(groupNameFromScreen('< Sahabat HD OKU\n1.204 members, 12 online\nhalo')).toBe('Sahabat HD OKU');
    expect(groupNameFromScreen('Posko Pemenangan 02\nGrup · 57 anggota')).toBe('Posko Pemenangan 02');
  });

  it('falls back to a system line that quotes the group', () => {
    expect(groupNameFromScreen('Hari ini\nBudi membuat grup "Barisan Relawan Deru"\nBudi menambahkan Anda')).toBe('Barisan Relawan Deru');
    expect(groupNameFromScreen('Today\n+62 812 changed the group name to “Laskar 02 Menyala”')).toBe('Laskar 02 Menyala');
  });

  it('says nothing when the text shows no group', () => {
    expect(groupNameFromScreen('Selamat pagi bapak ibu\nrapat jam 9 di aula')).toBeUndefined();
    expect(groupNameFromScreen('— ©\n57 anggota')).toBeUndefined();
    expect(groupNameFromScreen('')).toBeUndefined();
  });

  it('cleanHeaderName keeps short words inside the name and acronyms of three letters', () => {
    expect(cleanHeaderName('= Tim Pemenangan HDCU di OKU :')).toBe('Tim Pemenangan HDCU di OKU');
  });

  it('screenExcerpt makes one paragraph of bounded length', () => {
    expect(screenExcerpt('a\n\nb   c')).toBe('a b c');
    expect(screenExcerpt('x'.repeat(500), 10)).toHaveLength(10);
  });
});
