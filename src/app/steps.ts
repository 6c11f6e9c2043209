/**
 * One outbox row can be several platform sends (a long text in parts, then
 * each file of a report). When a later part fails and the dispatcher retries,
 * the parts already delivered are skipped, so the admin does not get the text
 * twice. The dispatcher stores the count on the outbox row (`partsDone` /
 * `onPartSent`), so a restart resumes too; only the part in flight during a
 * crash may repeat. Without a row, progress is kept in memory.
 */
import type { Outgoing, SendResult } from './ports.js';

/** One part of a message; resolves with the platform's message id when it has one. */
export type SendStep = () => Promise<string | undefined>;

/** The outbox row when known (two rows with the same content are two messages), else the content. */
const progressKey = (m: Outgoing): string =>
  m.outboxId !== undefined ? `row:${m.outboxId}` : JSON.stringify([m.recipient, m.kind, m.text, m.payload.files ?? []]);

/** Most messages remembered as half-sent; the oldest are forgotten first (a row that gave up never comes back). */
const MAX_REMEMBERED = 1000;

/** Runs the parts of messages, resuming after the last delivered part on a retry. */
export class StepSender {
  private readonly done = new Map<string, number>();

  /**
   * Sends `steps` in order; a failure is classified, and remembered as a resume point when it will be retried. Before
   * each later part, `beforeLaterPart` (a platform whose refusals come after the send: WhatsApp's error acks) gives an
   * earlier part's refusal time to arrive; once one has (`m.refusal`), the rest is not sent and the message ends
   * `refused` with it: a file or a text's end without the text before it is no message for its reader.
   */
  async run(m: Outgoing, steps: SendStep[], classify: (err: unknown) => SendResult & { ok: false }, beforeLaterPart?: () => Promise<void>): Promise<SendResult> {
    const key = progressKey(m);
    let messageId: string | undefined;
    for (let i = Math.max(m.partsDone ?? 0, this.done.get(key) ?? 0); i < steps.length; i++) {
      if (i > 0 && m.refusal) {
        await beforeLaterPart?.();
        const refused = m.refusal();
        if (refused !== undefined) {
          this.done.delete(key);
          return { ok: false, failure: 'refused', detail: refused };
        }
      }
      try {
        const id = await steps[i]!();
        messageId = id ?? messageId;
        if (id !== undefined && steps.length > 1) m.onPartId?.(id);
        if (i + 1 < steps.length) m.onPartSent?.(i + 1);
      } catch (err) {
        const r = classify(err);
        this.done.delete(key);
        if (i > 0 && (r.failure === 'rate_limited' || r.failure === 'transient' || r.failure === 'offline')) {
          this.done.set(key, i);
          if (this.done.size > MAX_REMEMBERED) this.done.delete(this.done.keys().next().value!);
        }
        return r;
      }
    }
    this.done.delete(key);
    return { ok: true, messageId };
  }
}
