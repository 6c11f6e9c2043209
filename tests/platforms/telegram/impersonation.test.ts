/**
 * A timses account named like the office (issue s29, attacker): its display name is its owner's choice, so an ASN's
 * alert that says "Anda dimasukkan ke grup ... oleh Humas Pemda" would tell the ASN that Humas put them there, and
 * that staying is sanctioned. Over the loopback Bot API: the addition arrives as a Bot API `new_chat_members` message
 * whose `from.first_name` is the adder's name (@telegraf/types message.d.ts, Message.NewChatMembersMessage), and the
 * ASN's alert goes out through the outbox.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SimUser } from '../../../src/platforms/sim/telegram-server.js';
import { newChatMembers } from '../../../src/platforms/sim/telegram-updates.js';
import { startBudiBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };

let bot: SimBot | undefined;
afterEach(async () => {
  await bot?.stop();
  bot = undefined;
});

async function asnAlertWhenAddedBy(adder: SimUser, overrides: Record<string, string> = {}): Promise<string> {
  bot = await startBudiBot({
    overrides: { HUMAS_CONTACT: 'Humas Pemkab OKU', ORG_NAME: 'Pemkab OKU', ...overrides },
  });
  bot.sim.pushUpdate(newChatMembers(GROUP, adder, [BUDI]));
  await bot.sim.waitFor((s) => s.some((m) => m.chat_id === BUDI.id), 5000);
  return bot.sim.sent.find((m) => m.chat_id === BUDI.id)!.text!;
}

describe('an adder whose display name poses as the office', () => {
  it('the ASN is told the name is the account owner\'s own choice, not Humas', async () => {
    // Cyrillic "Н" and "а": the name reads "Humas Pemkab OKU" on a phone.
    const text = await asnAlertWhenAddedBy({ id: 7777, first_name: 'Нumаs Pemkab OKU' });
    expect(text).toContain('oleh Нumаs Pemkab OKU (nama akun ini dipilih sendiri oleh pemiliknya, bukan dari Humas: Humas tidak pernah memasukkan ASN ke grup kampanye)');
  });

  it('so is a name claiming the bot itself, in English too', async () => {
    const text = await asnAlertWhenAddedBy({ id: 7778, first_name: 'Admin Jaga Netral' }, { LANGUAGE: 'en' });
    expect(text).toContain("by Admin Jaga Netral (a name the account's owner chose, not Humas: Humas never adds civil servants to campaign groups)");
  });

  it('an ordinary name is named as before', async () => {
    const text = await asnAlertWhenAddedBy({ id: 7779, first_name: 'Korlap Joko' });
    expect(text).toContain('oleh Korlap Joko. (Telegram,');
    expect(text).not.toContain('dipilih sendiri');
  });
});
