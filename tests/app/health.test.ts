import { describe, expect, it } from 'vitest';
import { health, HEALTH_PROBLEMS_MAX } from '../../src/app/health.js';
import { testApp } from '../support/app.js';

describe('health line', () => {
  it('lists the first problems and counts the rest, so 50 groups without admin stay one short line', () => {
    const { app, clock } = testApp();
    for (let i = 0; i < 50; i++) {
      app.monitor.handle({ kind: 'bot_membership', dedupeKey: `b${i}`, at: 1, chat: { platform: 'telegram', id: String(-1001000000000 - i), title: `Grup ${i}`, type: 'supergroup' }, joined: true, admin: false });
    }
    const h = health(app, clock.now());
    expect(h).toMatchObject({ health: 'warn', moreProblems: 50 - HEALTH_PROBLEMS_MAX });
    expect(h['problems']).toHaveLength(HEALTH_PROBLEMS_MAX);
    expect(JSON.stringify(h).length).toBeLessThan(2500);
  });
});

describe('learning the bot\'s own rights', () => {
  it('records them only where they are still unknown: a my_chat_member handled meanwhile wins', () => {
    const { app } = testApp();
    const chat = (id: string) => ({ platform: 'telegram' as const, id, title: 'G', type: 'supergroup' as const });
    app.monitor.handle({ kind: 'bot_membership', dedupeKey: 'a', at: 1, chat: chat('-1001'), joined: true });
    app.monitor.handle({ kind: 'bot_membership', dedupeKey: 'b', at: 1, chat: chat('-1002'), joined: true });
    // -1002: promoted (my_chat_member) while the getChatMember answer ("member") was on its way.
    app.monitor.handle({ kind: 'bot_membership', dedupeKey: 'c', at: 2, chat: chat('-1002'), joined: true, admin: true });
    const chats = app.monitor.chats;
    expect(chats.learnBotRights('telegram', '-1001', true, false, 3)).toBe(true);
    expect(chats.learnBotRights('telegram', '-1002', true, false, 3)).toBe(false);
    expect([chats.get('telegram', '-1001')!.botAdmin, chats.get('telegram', '-1002')!.botAdmin]).toEqual([false, true]);
    expect(chats.withUnknownAdmin('telegram')).toEqual([]);
  });
});
