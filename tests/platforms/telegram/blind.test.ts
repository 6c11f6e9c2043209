/**
 * Issue 16 point 12: the bot where Telegram does not show it everything, over the loopback Bot API.
 * The simulator (src/platforms/sim/telegram-server.ts, hiddenReason) hides what Telegram hides: with privacy mode
 * on (getMe can_read_all_group_messages false) a bot that is not admin gets in groups only commands, replies to
 * it and service messages; `chat_member` and `message_reaction` reach only an admin bot, and only when listed in
 * allowed_updates, which telegraf passes to getUpdates as given (node_modules/telegraf/lib/telegraf.js,
 * startPolling -> lib/core/network/polling.js, `allowed_updates: this.allowedUpdates`). A restricted member answers getChatMember with `is_member`
 * (ChatMemberRestricted, node_modules/@telegraf/types/manage.d.ts). Each test shows the warning Humas gets and
 * what the bot still detects.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../../src/app/app.js';
import { runLifecycleJob } from '../../../src/app/scheduler.js';
import type { SimUser, TelegramSimServer } from '../../../src/platforms/sim/telegram-server.js';
import { chatMemberUpdate, newChatMembers, textMessage } from '../../../src/platforms/sim/telegram-updates.js';
import type { TelegramAdapter } from '../../../src/platforms/telegram/adapter.js';
import { simChats, startBudiBot, type SimBot } from '../../support/telegram.js';

const GROUP = { id: -1001234567890, title: 'Relawan Paslon 2 Pilgub Sumsel', type: 'supergroup' as const };
const ADMIN: SimUser = { id: 9001, first_name: 'Humas' };
const TIMSES: SimUser = { id: 7001, first_name: 'Joko', username: 'joko_timses' };
const BUDI: SimUser = { id: 5001, first_name: 'Budi', username: 'budi_s' };

let sim: TelegramSimServer;
let app: App;
let adapter: TelegramAdapter;
let bot: SimBot | undefined;

const { waitText } = simChats(() => sim);
const kinds = () => app.db.prepare(`SELECT kind FROM incidents ORDER BY id`).pluck().all();
const processed = async () => {
  // Every update delivered to telegraf has been handled once the queue is confirmed and the outbox is drained.
  for (let i = 0; i < 150 && (sim.pendingUpdates() > 0 || app.monitor.outbox.depth().pending > 0); i++) await new Promise((r) => setTimeout(r, 20));
  await new Promise((r) => setTimeout(r, 150));
};
const start = async (privacyMode: boolean) => {
  bot = await startBudiBot({ privacyMode, perChatGapMs: 5 });
  ({ sim, app, adapter } = bot);
};

describe('what Telegram does not show the bot', () => {
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });

  it('privacy mode on, not admin: Humas is warned; a tagging post is not seen, an addition still is', async () => {
    await start(true);
    await waitText(ADMIN.id, '/setprivacy'); // told once at start, with the fix
    sim.setBotStatus(GROUP, TIMSES, 'member');
    await waitText(ADMIN.id, 'tanpa hak admin');
    sim.pushUpdate(textMessage(GROUP, TIMSES, 'Ayo coblos nomor 2 Eddy Santana! @budi_s'));
    await processed();
    expect(sim.hidden.map((h) => h.reason)).toEqual(['privacy_mode']);
    expect(kinds()).toEqual([]);
    // Service messages still arrive: the addition opens the case.
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [BUDI]));
    await waitText(BUDI.id, 'Relawan Paslon 2 Pilgub Sumsel');
    expect(kinds()).toEqual(['added']);
    // Once the bot is admin, posts are seen again.
    sim.setBotStatus(GROUP, TIMSES, 'administrator');
    sim.pushUpdate(textMessage(GROUP, TIMSES, 'Ayo coblos nomor 2 Eddy Santana! @budi_s'));
    await processed();
    expect(app.db.prepare(`SELECT COUNT(*) FROM incident_findings WHERE kind = 'mentioned'`).pluck().get()).toBe(1);
  });

  it('not admin: a reaction and a chat_member update are not delivered; as admin both are, and the reaction opens a case', async () => {
    await start(false);
    sim.setBotStatus(GROUP, TIMSES, 'member');
    await waitText(ADMIN.id, 'tanpa hak admin');
    const post = textMessage(GROUP, TIMSES, 'Ayo coblos nomor 2 Eddy Santana!');
    sim.pushUpdate(post);
    const messageId = (post['message'] as { message_id: number }).message_id;
    const reaction = (date: number) => ({
      message_reaction: { chat: GROUP, message_id: messageId, date, user: { ...BUDI, is_bot: false }, old_reaction: [], new_reaction: [{ type: 'emoji', emoji: '👍' }] },
    });
    sim.pushUpdate(reaction(1_730_700_000));
    sim.pushUpdate(chatMemberUpdate(GROUP, TIMSES, BUDI, 'left', 'member', { date: 1_730_700_001 }));
    await processed();
    expect(sim.hidden.map((h) => `${h.type}:${h.reason}`)).toEqual(['message_reaction:not_admin', 'chat_member:not_admin']);
    expect(kinds()).toEqual([]);
    sim.setBotStatus(GROUP, TIMSES, 'administrator');
    sim.pushUpdate(reaction(1_730_700_002));
    await waitText(BUDI.id, 'Relawan Paslon 2 Pilgub Sumsel');
    expect(kinds()).toEqual(['reacted']);
  });

  it('a restricted ASN still inside keeps the case open; restricted and gone (is_member false) closes it', async () => {
    await start(false);
    sim.setBotStatus(GROUP, TIMSES, 'administrator');
    sim.pushUpdate(newChatMembers(GROUP, TIMSES, [BUDI]));
    await waitText(BUDI.id, 'Relawan Paslon 2 Pilgub Sumsel');
    const caseId = app.monitor.incidents.listOpen()[0]!.id;
    sim.setChatMember(GROUP.id, BUDI.id, 'restricted', BUDI, { isMember: true });
    const inside = await runLifecycleJob(app, Date.now(), [adapter.membership]);
    expect(inside.checks).toMatchObject({ checked: 1, left: [] });
    expect(app.monitor.incidents.get(caseId)!.status).toBe('open');
    sim.setChatMember(GROUP.id, BUDI.id, 'restricted', BUDI, { isMember: false });
    const gone = await runLifecycleJob(app, Date.now() + 1, [adapter.membership]);
    expect(gone.checks.left).toEqual([caseId]);
    expect(app.monitor.incidents.get(caseId)!.status).toBe('left');
  });
});
