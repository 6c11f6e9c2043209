/**
 * Issue 21 point 9: the dashboard's words say what they mean, read over real HTTP from the listening
 * dashboard: the Humas notice and the escalation are two lines on a case, a delivery problem is
 * explained, reminders held by quiet hours say so, case counts say which are open, and the audit's
 * date filter is not "opened since".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../support/app.js';
import { dashboardApp, linkFromBot, signIn } from './support.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function signedIn(overrides: Record<string, string> = {}, clock?: FakeClock) {
  const s = await dashboardApp(overrides, { clock });
  cleanups.push(async () => {
    await s.dash.close();
    await s.app.close();
  });
  const cookie = await signIn(await linkFromBot(s.app));
  const get = async (path: string) => (await fetch(s.base + path, { headers: { cookie } })).text();
  return { ...s, get };
}

/** The text of a page without tags, one space between words. */
const text = (page: string) => page.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('dashboard words (issue 21 point 9)', () => {
  it('a case page: the Humas notice with its delivery, and "escalation" only for an ASN still inside after follow-ups', async () => {
    const s = await signedIn();
    let page = text(await s.get('/kasus/1'));
    expect(page).toContain('Pemberitahuan ke admin Humas menunggu');
    expect(page).toContain('Eskalasi (ASN belum keluar setelah pengingat) belum perlu');
    expect(page).not.toContain('Diteruskan ke Humas');
    expect(page).not.toContain('Galat terakhir');
    expect(page).toContain('Mengapa belum terkirim');
    // Once the alert is sent, the case says so with the time.
    s.app.db.prepare(`UPDATE outbox SET status = 'sent', sent_at = ? WHERE kind = 'humas_alert'`).run(s.clock.now());
    page = text(await s.get('/kasus/1'));
    expect(page).toContain('Pemberitahuan ke admin Humas terkirim (4 Nov 2024, 10.00 WIB)');
  });

  it('the group page: case counts name the open ones; reminders held by quiet hours say until when', async () => {
    // 22:00 WIB, inside the default quiet hours 21:00-06:00.
    const s = await signedIn({ QUIET_HOURS: '21:00-06:00' }, new FakeClock(Date.UTC(2024, 10, 4, 15, 0, 0)));
    const page = text(await s.get('/grup'));
    expect(page).toContain('1 (1 terbuka)');
    expect(page).toContain('menyala ditahan jam tenang sampai 06.00');
    // Outside quiet hours nothing is held.
    s.clock.advance(9 * 3_600_000);
    expect(text(await s.get('/grup'))).not.toContain('ditahan jam tenang');
  });

  it('the header names the admin as they are called in chat (from /dasbor), with the handle; escaped and made one plain line', async () => {
    const s = await dashboardApp();
    cleanups.push(async () => {
      await s.dash.close();
      await s.app.close();
    });
    const reply = await s.app.commands.run({ platform: 'telegram', chatType: 'private', chatId: '9001', fromId: '9001', fromName: 'Rina <b>Humas</b>\u202E', text: '/dasbor' });
    const link = /(http:\/\/\S+\/masuk\?t=[\w-]+)/.exec(reply!.text)![1]!;
    const cookie = await signIn(link);
    const page = await (await fetch(s.base + '/', { headers: { cookie } })).text();
    expect(page).toContain('<span class="who">Masuk sebagai Rina &lt;b&gt;Humas&lt;/b&gt; (tg:9001)</span>');
    // A link printed on the server (no chat name) shows the handle.
    const plain = await signedIn();
    expect(await plain.get('/')).toContain('<span class="who">Masuk sebagai tg:9001</span>');
  });

  it('the audit date filter is "Dari tanggal", not the case filter "Dibuka sejak"; English too', async () => {
    const s = await signedIn();
    const page = await s.get('/audit');
    expect(page).toContain('Dari tanggal');
    expect(page).not.toContain('Dibuka sejak');
    const en = await signedIn({ LANGUAGE: 'en' });
    expect(text(await en.get('/kasus/1'))).toContain('Escalation (ASN still inside after follow-ups) not needed yet');
    expect(await en.get('/audit')).toContain('>From<');
  });
});
