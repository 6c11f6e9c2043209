/**
 * The people who added or tagged ASN into campaign groups (the dashboard's Pelaku pages, `actors list`):
 * the use cases over store/evidence.ts, so the dashboard reads them through app/ as the CLI does and
 * never runs SQL itself.
 */
import type { Db } from '../../store/db.js';
import { casesOfActor, listActors, type ActorRow } from '../../store/evidence.js';

/** An actor: who, on which platform. */
export interface ActorKey {
  platform: string;
  actorId: string;
}

/** Every actor seen in findings, most findings first. */
export function allActors(app: { readonly db: Db }): ActorRow[] {
  return listActors(app.db);
}

/** One actor, or undefined when no finding names them. */
export function findActor(app: { readonly db: Db }, key: ActorKey): ActorRow | undefined {
  return listActors(app.db, key)[0];
}

/** The cases in which an actor added or tagged an ASN, oldest first. */
export function actorCaseIds(app: { readonly db: Db }, key: ActorKey): number[] {
  return casesOfActor(app.db, key.platform, key.actorId);
}
