/**
 * The evidence commands (issue 19). `audit verify [FILE]` walks both hash chains (store/chain.ts) of
 * the configured database, or of FILE (a backup copy, checked without any configuration); it is
 * read-only, so a backup checked this way stays byte for byte what it was. `cases dossier N` and
 * `actors dossier ID` write the dossier PDF (app/evidence/dossier.ts); `actors list` the actors.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { App } from '../app/app.js';
import { parseCaseId } from '../app/commands/cases.js';
import { allActors } from '../app/evidence/actors.js';
import { actorRef, makeDossier, parseActorRef, type DossierScope } from '../app/evidence/dossier.js';
import { cliActor, configOrFail, type CliArgs } from './args.js';
import { chainTexts, evidenceCliTexts } from '../core/messages/evidence.js';
import { cliTexts } from '../core/messages/cli.js';
import { formatDateTime } from '../core/time.js';
import { CHAIN_TABLES, verifyChain, type ChainCheck } from '../store/chain.js';
import { ensurePrivateDir, writePrivateFile } from '../store/private-files.js';
import { table, withApp } from './helpers.js';

/** Exit 0 with each chain's count and head, or 1 naming the first row that does not match. */
export async function auditVerify(a: CliArgs, rest: string[]): Promise<number> {
  if (rest.length > 1) return -1;
  const extra = Object.keys(a.values).find((k) => a.values[k] !== undefined);
  if (extra) {
    a.io.err(cliTexts(a.lang).unknownOption(`--${extra}`, 'audit verify'));
    return 2;
  }
  let path = rest[0];
  let lang = a.lang;
  if (path === undefined) {
    const config = configOrFail(a.io);
    if (!config) return 2;
    path = config.DATABASE_PATH;
    lang = config.LANGUAGE;
  }
  const t = chainTexts(lang);
  if (path === ':memory:' || !existsSync(path)) {
    a.io.err(t.notFound(path));
    return 1;
  }
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const chained = db.prepare(`SELECT COUNT(*) FROM pragma_table_info('events') WHERE name = 'row_hash'`).pluck().get() as number;
    if (!chained) {
      a.io.err(t.noChain(path));
      return 1;
    }
    const checks: ChainCheck[] = [];
    for (const table of CHAIN_TABLES) {
      const c = verifyChain(db, table);
      if (c.bad) {
        a.io.err(t.bad(table, c.bad.id, c.bad.fault, c.rows));
        return 1;
      }
      checks.push(c);
    }
    a.io.out(t.ok(checks));
    return 0;
  } finally {
    db.close();
  }
}

/** Writes a dossier to `--out` (refusing a folder, and an existing file unless --force). */
async function writeDossier(a: CliArgs, app: App, lang: 'id' | 'en', scope: DossierScope, notFound: string): Promise<number> {
  const t = evidenceCliTexts(lang);
  const out = a.values['out'] as string | undefined;
  if (!out) {
    a.io.err(t.outRequired);
    return 2;
  }
  const st = statSync(out, { throwIfNoEntry: false });
  if (st?.isDirectory()) {
    a.io.err(t.outIsDir(out));
    return 1;
  }
  if (st && !a.values['force']) {
    a.io.err(t.outExists(out));
    return 1;
  }
  const r = await makeDossier(app, scope, { actor: cliActor(), includePhone: a.values['with-phone'] === true });
  if (!r.ok) {
    a.io.err(notFound);
    return 1;
  }
  ensurePrivateDir(dirname(resolve(out)));
  writePrivateFile(out, r.pdf);
  a.io.out(t.written(out, r.sha256, r.cases));
  return 0;
}

const DOSSIER_OPTIONS = ['out', 'force', 'with-phone'];

/** `cases dossier N --out FILE [--with-phone] [--force]`. */
export async function casesDossier(a: CliArgs, rest: string[]): Promise<number> {
  if (rest.length !== 1) return -1;
  const extra = Object.keys(a.values).find((k) => a.values[k] !== undefined && !DOSSIER_OPTIONS.includes(k));
  if (extra) {
    a.io.err(cliTexts(a.lang).unknownOption(`--${extra}`, 'cases dossier'));
    return 2;
  }
  const id = parseCaseId(rest[0]);
  if (id === undefined) return -1;
  return withApp(a, (app, t, config) => writeDossier(a, app, config.LANGUAGE, { kind: 'case', id }, t.cases.notFound(String(id))));
}

/** `actors list` and `actors dossier ID --out FILE`. */
export async function actorsCommand(a: CliArgs): Promise<number> {
  const [action, ...rest] = a.positionals;
  const allowed = action === 'dossier' ? DOSSIER_OPTIONS : [];
  const extra = Object.keys(a.values).find((k) => a.values[k] !== undefined && !allowed.includes(k));
  if (extra) {
    a.io.err(cliTexts(a.lang).unknownOption(`--${extra}`, `actors ${action ?? ''}`.trim()));
    return 2;
  }
  if (action === 'list') {
    if (rest.length) return -1;
    return withApp(a, (app, _t, config) => {
      const t = evidenceCliTexts(config.LANGUAGE);
      const rows = allActors(app);
      if (!rows.length) {
        a.io.out(t.noActors);
        return 0;
      }
      const when = (at: number) => formatDateTime(at, config.APP_TIMEZONE, config.LANGUAGE);
      a.io.out(table(t.actorsHeader, rows.map((r) => [actorRef(r), [...r.names, ...r.handles].join('; ') || '-', r.phone ?? '-', String(r.findings), String(r.asn), String(r.groups), when(r.firstAt), when(r.lastAt)]), 60));
      a.io.out(t.actorsCount(rows.length));
      return 0;
    });
  }
  if (action === 'dossier') {
    if (rest.length !== 1) return -1;
    const ref = parseActorRef(rest[0]);
    if (!ref) {
      a.io.err(evidenceCliTexts(a.lang).badActor(rest[0]!));
      return 2;
    }
    return withApp(a, (app, _t, config) => writeDossier(a, app, config.LANGUAGE, { kind: 'actor', ...ref }, evidenceCliTexts(config.LANGUAGE).actorNotFound(actorRef(ref))));
  }
  return -1;
}
