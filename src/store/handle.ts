/**
 * The better-sqlite3 handle type, on its own so the store modules that only receive a `Db` (chain.ts,
 * migrations.ts) need not import db.ts, which imports the migrations: that made a circle
 * (issue 21 point 13). db.ts re-exports it, so everyone else still imports `Db` from there.
 */
import type Database from 'better-sqlite3';

/** The better-sqlite3 handle type, re-exported so callers need not import the driver. */
export type Db = Database.Database;
