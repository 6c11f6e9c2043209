/**
 * The one path from a Bot API update to the monitor, shared by the live
 * adapter and replay: normalise, fill in what only the store knows (the text
 * of a reacted message), hand each event to the monitor. Never throws: bad
 * payloads and failing events are recorded as rejected with the reason.
 */
import type { App } from '../../app/app.js';
import type { HandleResult } from '../../app/monitor.js';
import type { ChatEvent } from '../../core/types.js';
import { normalizeUpdate, type NormalizeOptions } from './normalize.js';

/** One event and what the monitor did with it (`result` is undefined when it failed). */
export interface Ingested {
  event: ChatEvent;
  result?: HandleResult;
}

/** Adds store knowledge the pure normaliser cannot have. */
export function enrich(app: App, ev: ChatEvent): ChatEvent {
  if (ev.kind !== 'reaction' || ev.targetText !== undefined) return ev;
  const targetText = app.monitor.messageText('telegram', ev.chat.id, ev.messageId);
  return targetText === undefined ? ev : { ...ev, targetText };
}

/** Normalises one update and hands its events to the monitor, one transaction each. */
export function ingestUpdate(app: App, update: unknown, opts: NormalizeOptions = {}): Ingested[] {
  const n = normalizeUpdate(update, opts);
  if (!n.ok) {
    safeReject(app, update, n.reason);
    return [];
  }
  const out: Ingested[] = [];
  for (const raw of n.events) {
    const event = enrich(app, raw);
    try {
      out.push({ event, result: app.monitor.handle(event) });
    } catch (err) {
      safeReject(app, update, `monitor failed on ${event.kind}: ${err instanceof Error ? err.message : String(err)}`);
      out.push({ event });
    }
  }
  return out;
}

function safeReject(app: App, update: unknown, reason: string): void {
  try {
    app.monitor.reject('telegram', update, reason);
  } catch (err) {
    app.log.error({ err: String(err), reason }, 'telegram: could not record a rejected update');
  }
}
