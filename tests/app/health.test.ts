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
