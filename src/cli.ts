/**
 * The `jaga-netral` command line. One table of subcommands drives the usage
 * text, `--help` on every subcommand (prints its usage, exit 0, touches
 * nothing), option checking (an unknown option is refused with the usage,
 * exit 2) and dispatch. Each subcommand returns an exit code; a failure
 * prints one clear message on stderr. See DESIGN.md "Command-line contract".
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { cliActor, configOrFail, type CliArgs, type CliCommand, type CliIo } from './cli/args.js';
import { cliLanguage } from './config.js';
import { createClassifier } from './core/classifier.js';
import { cliTexts } from './core/messages/cli.js';
import { fsErrorText } from './core/messages/fs-error.js';
import { formatImportResult } from './app/import-asn.js';
import { applyRegistry, previewRegistry, readRegistryFile } from './app/registry-file.js';
import { loadPaslonFile, loadVocabulary } from './app/vocabulary.js';
import type { WaLoginOptions, WaSocketFactory } from './platforms/whatsapp/connection.js';
import { openDb } from './store/db.js';
import { showHidden } from './core/text/visible.js';

export { cliActor, configOrFail, type CliArgs, type CliCommand, type CliIo } from './cli/args.js';

const defaultIo: CliIo = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
  stdin: process.stdin,
};

/** What the CLI connects to, for tests: `wa-login` links through this WhatsApp socket and asks this for the current WhatsApp Web version after a 405 (Baileys' own when absent). */
export interface CliDeps {
  waSocketFactory?: WaSocketFactory;
  waFetchVersion?: WaLoginOptions['fetchVersion'];
}

/** The usage block of one subcommand. */
export function commandUsage(c: CliCommand, lang: 'id' | 'en', withDetails = true): string {
  const u = c.usage(lang);
  const t = cliTexts(lang);
  return [`${t.usageHead}`, ...u.synopsis.map((s) => `  ${s}`), '', u.summary, ...(withDetails && u.details ? ['', ...u.details] : [])].join('\n');
}

/** The top-level usage: every subcommand with its summary. */
export function topUsage(lang: 'id' | 'en'): string {
  const t = cliTexts(lang);
  const width = Math.max(...CLI_COMMANDS.map((c) => c.name.length)) + 2;
  return [
    t.intro,
    '',
    `${t.usageHead} jaga-netral <${lang === 'en' ? 'command' : 'perintah'}> [${lang === 'en' ? 'options' : 'opsi'}]`,
    '',
    t.commandsHead,
    ...CLI_COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.usage(lang).summary}`),
    '',
    t.helpHint,
  ].join('\n');
}

/** The package version, from package.json next to src/. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

const importAsn: CliCommand = {
  name: 'import-asn',
  usage: (l) => cliTexts(l).usage['import-asn'],
  options: { 'dry-run': { type: 'boolean' } },
  run: async ({ values, positionals, io }) => {
    if (positionals.length !== 1) return -1;
    const config = configOrFail(io);
    if (!config) return 2;
    const file = positionals[0]!;
    // Read (and for .xlsx, parse) the file before opening the database: a missing or unreadable file creates nothing.
    const src = await readRegistryFile(file, undefined, config.LANGUAGE);
    if (!src.ok) {
      io.err(formatImportResult(src, config.LANGUAGE));
      return 1;
    }
    const db = openDb(config.DATABASE_PATH);
    try {
      const result = values['dry-run'] ? previewRegistry(db, src, undefined, config.LANGUAGE) : applyRegistry(db, src, { actor: cliActor(), filename: basename(file), lang: config.LANGUAGE });
      const text = formatImportResult(result, config.LANGUAGE);
      if (result.ok) io.out(text);
      else io.err(text);
      return result.ok ? 0 : 1;
    } finally {
      db.close();
    }
  },
};

const classify: CliCommand = {
  name: 'classify',
  usage: (l) => cliTexts(l).usage.classify,
  options: { paslon: { type: 'string' }, vocabulary: { type: 'string' } },
  run: async ({ values, positionals, io }) => {
    if (positionals.length) return -1;
    const paslon = values.paslon as string | undefined;
    const vocabulary = values.vocabulary as string | undefined;
    let classifier;
    try {
      const config = paslon && vocabulary ? undefined : configOrFail(io);
      if (!config && !(paslon && vocabulary)) return 2;
      const lang = config?.LANGUAGE ?? cliLanguage();
      classifier = createClassifier({
        vocabulary: loadVocabulary(vocabulary ?? config!.VOCABULARY_FILE, lang),
        paslon: loadPaslonFile(paslon ?? config!.PASLON_FILE, lang),
      });
    } catch (err) {
      io.err(err instanceof Error ? err.message : String(err));
      return 1;
    }
    const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
    for await (const line of rl) io.out(JSON.stringify(classifier.classify(line)));
    return 0;
  },
};

const report: CliCommand = {
  name: 'report',
  usage: (l) => cliTexts(l).usage.report,
  ownArgs: true,
  run: async ({ argv, io }) => {
    const config = configOrFail(io);
    if (!config) return 2;
    const [{ App }, { runReportCli }] = await Promise.all([import('./app/app.js'), import('./app/reports/command.js')]);
    const app = new App({ config });
    try {
      return await runReportCli(app, argv, io);
    } finally {
      await app.close();
    }
  },
};

const waLogin: CliCommand = {
  name: 'wa-login',
  rawOutput: true,
  usage: (l) => cliTexts(l).usage['wa-login'],
  options: { phone: { type: 'string' } },
  run: async ({ values, positionals, io, lang, deps: given }) => {
    const deps = given as CliDeps | undefined;
    if (positionals.length) return -1;
    const raw = values.phone as string | undefined;
    const phone = raw?.replace(/\D/g, '');
    if (raw !== undefined && !/^\d{8,15}$/.test(phone ?? '')) {
      io.err(cliTexts(lang).phoneDigits);
      return 2;
    }
    const config = configOrFail(io);
    if (!config) return 2;
    const [{ waLogin: link }, { createLogger }] = await Promise.all([import('./platforms/whatsapp/connection.js'), import('./app/log.js')]);
    const db = openDb(config.DATABASE_PATH);
    try {
      const { jid } = await link({
        phone, db, log: createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL), print: io.out, lang: config.LANGUAGE,
        ...(config.WA_VERSION ? { version: config.WA_VERSION } : {}), ...(deps?.waSocketFactory ? { socketFactory: deps.waSocketFactory } : {}),
        ...(deps?.waFetchVersion ? { fetchVersion: deps.waFetchVersion } : {}),
      });
      io.out(cliTexts(config.LANGUAGE).waLinked(jid));
      return 0;
    } finally {
      db.close();
    }
  },
};

const dashboardLink: CliCommand = {
  name: 'dashboard-link',
  usage: (l) => cliTexts(l).usage['dashboard-link'],
  options: { admin: { type: 'string' } },
  run: async ({ values, positionals, io }) => {
    if (positionals.length) return -1;
    const config = configOrFail(io);
    if (!config) return 2;
    const [{ dashboardTexts }, { adminHandleText, issueDashboardLink, LINK_TTL_MS }] = await Promise.all([
      import('./core/messages/dashboard.js'),
      import('./app/dashboard/access.js'),
    ]);
    const t = dashboardTexts(config.LANGUAGE).cli;
    const first = config.HUMAS_ADMINS[0];
    if (!first) {
      io.err(t.noAdmins);
      return 1;
    }
    const admin = (values.admin as string | undefined)?.trim().replace(/^wa:\+/, 'wa:') ?? adminHandleText(first);
    const db = openDb(config.DATABASE_PATH);
    try {
      const r = issueDashboardLink({ config, db, clock: Date.now }, admin);
      if (!r.ok) {
        io.err(r.reason === 'off' ? t.off : t.notAdmin(admin));
        return 1;
      }
      io.out(r.url);
      io.err(t.printed(LINK_TTL_MS / 60_000));
      return 0;
    } finally {
      db.close();
    }
  },
};

const receipt: CliCommand = {
  name: 'receipt',
  usage: (l) => cliTexts(l).usage.receipt,
  run: async ({ positionals, io }) => {
    if (positionals[0] !== 'verify' || positionals.length !== 3) return -1;
    const config = configOrFail(io);
    if (!config) return 2;
    const { verifyReceipt } = await import('./app/receipt.js');
    const db = openDb(config.DATABASE_PATH);
    try {
      const r = verifyReceipt(db, positionals[1]!, positionals[2]!, config.APP_TIMEZONE, config.LANGUAGE);
      // A malformed number or code is as invalid as a wrong one: exit 1 with the reason.
      if (!r.ok) {
        io.err(r.text);
        return 1;
      }
      if (r.valid) io.out(r.text);
      else io.err(r.text);
      return r.valid ? 0 : 1;
    } finally {
      db.close();
    }
  },
};

/** Every subcommand, in the order the usage lists them. Add new ones here (or with `CLI_COMMANDS.push`). */
export const CLI_COMMANDS: CliCommand[] = [
  { name: 'start', rawOutput: true, usage: (l) => cliTexts(l).usage.start, run: async ({ argv, io, positionals }) => (positionals.length ? -1 : (await import('./main.js')).startCommand(argv, io)) },
  { name: 'demo', rawOutput: true, usage: (l) => cliTexts(l).usage.demo, run: async ({ argv, io, positionals }) => (positionals.length ? -1 : (await import('./demo/index.js')).demoCommand(argv, io)) },
  importAsn,
  classify,
  { name: 'replay', usage: (l) => cliTexts(l).usage.replay, options: { asn: { type: 'string' } }, run: async (a) => (await import('./replay.js')).replayCommand(a) },
  report,
  waLogin,
  {
    name: 'asn',
    usage: (l) => cliTexts(l).usage.asn,
    options: { ...Object.fromEntries(['unit', 'search', 'limit', 'offset', 'nip', 'nama', 'telepon', 'telegram'].map((k) => [k, { type: 'string' as const }])), unregistered: { type: 'boolean' } },
    run: async (a) => (await import('./cli/office.js')).asnCommand(a),
  },
  {
    name: 'cases',
    usage: (l) => cliTexts(l).usage.cases,
    options: {
      ...Object.fromEntries(['status', 'unit', 'platform', 'kind', 'from', 'to', 'limit', 'offset', 'out'].map((k) => [k, { type: 'string' as const }])),
      force: { type: 'boolean' },
      'with-phone': { type: 'boolean' },
    },
    run: async (a) => (await import('./cli/office.js')).casesCommand(a),
  },
  {
    name: 'actors',
    usage: (l) => cliTexts(l).usage.actors,
    options: { out: { type: 'string' }, force: { type: 'boolean' }, 'with-phone': { type: 'boolean' } },
    run: async (a) => (await import('./cli/evidence.js')).actorsCommand(a),
  },
  { name: 'audit', usage: (l) => cliTexts(l).usage.audit, options: { since: { type: 'string' }, limit: { type: 'string' } }, run: async (a) => (await import('./cli/office.js')).auditCommand(a) },
  { name: 'backup', usage: (l) => cliTexts(l).usage.backup, run: async (a) => (await import('./cli/ops.js')).backupCommand(a) },
  { name: 'doctor', usage: (l) => cliTexts(l).usage.doctor, run: async (a) => (await import('./cli/ops.js')).doctorCommand(a) },
  dashboardLink,
  receipt,
];

const wantsHelp = (argv: readonly string[]): boolean => {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
};

/** Entry point: runs one subcommand and returns the process exit code. */
export async function main(argv: string[], io: CliIo = defaultIo, deps: CliDeps = {}): Promise<number> {
  const lang = cliLanguage();
  const t = cliTexts(lang);
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(packageVersion());
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    if (name) io.out(topUsage(lang));
    else io.err(topUsage(lang));
    return name ? 0 : 2;
  }
  const cmd = CLI_COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`${t.unknownCommand(name)}\n\n${topUsage(lang)}`);
    return 2;
  }
  if (wantsHelp(rest)) {
    io.out(commandUsage(cmd, lang));
    return 0;
  }
  let values: CliArgs['values'] = {};
  let positionals = rest;
  if (!cmd.ownArgs) {
    try {
      const parsed = parseArgs({ args: rest, options: cmd.options ?? {}, allowPositionals: true, strict: true });
      values = parsed.values as CliArgs['values'];
      positionals = parsed.positionals;
    } catch (err) {
      const e = err as { code?: string; message?: string };
      const opt = /'([^']+)'/.exec(e.message ?? '')?.[1] ?? '';
      const msg = e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? t.unknownOption(opt, name)
        : e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && /argument missing/.test(e.message ?? '')
          ? t.needsValue(opt.replace(/ <value>$/, '').replace(/^-\w, /, ''), name)
          : t.badOption(e.message ?? String(err), name);
      io.err(`${msg}\n\n${commandUsage(cmd, lang, false)}`);
      return 2;
    }
  }
  try {
    const shown: CliIo = cmd.rawOutput ? io : { ...io, raw: io.raw ?? io.out, out: (s) => io.out(showHidden(s)), err: (s) => io.err(showHidden(s)) };
    const code = await cmd.run({ values, positionals, argv: rest, io: shown, lang, deps });
    if (code === -1) {
      io.err(`${t.wrongArgs(name)}\n\n${commandUsage(cmd, lang, false)}`);
      return 2;
    }
    return code;
  } catch (err) {
    // A file-system error reads in the office's language ("berkas atau folder tidak ada: x", not a raw ENOENT).
    io.err(fsErrorText(err, lang));
    return 1;
  }
}
