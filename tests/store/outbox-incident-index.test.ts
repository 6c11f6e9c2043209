/**
 * A case's messages are read by its id: the case page, `cases show` and the dossier list them, the digest asks
 * whether a case's thank-you was sent, the lifecycle whether its follow-up was delivered. The outbox holds every
 * message the bot ever queued, so each of these read all of it before `outbox_incident` (a partial index: SQLite
 * uses it for `incident_id = ?`, which implies NOT NULL).
 */
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/store/db.js';

const plan = (db: ReturnType<typeof openDb>, sql: string, ...args: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail).join('\n');

describe('the outbox read by case', () => {
  it('finds a case\'s own messages and those tied to it by index, not by scanning the outbox', () => {
    const db = openDb(':memory:');
    // The case history (store/evidence.ts, app/office/cases.ts): its own rows and the grouped ones tied to it.
    const history = plan(db, `SELECT id FROM outbox WHERE incident_id = ? OR id IN (SELECT outbox_id FROM outbox_cases WHERE incident_id = ?) ORDER BY created_at, id`, 1, 1);
    expect(history).toMatch(/outbox USING INDEX outbox_incident \(incident_id=\?\)/);
    expect(history).not.toMatch(/SCAN outbox\b(?! USING)/);
    // The digest's thank-you check (app/digest.ts).
    const thanked = plan(db, `SELECT 1 FROM outbox WHERE incident_id = ? AND kind = ? AND status = 'sent'`, 1, 'asn_thanks');
    expect(thanked).toMatch(/SEARCH outbox USING INDEX outbox_incident \(incident_id=\?\)/);
    db.close();
  });
});
