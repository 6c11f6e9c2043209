/**
 * The `jaga-netral` command line. Each subcommand returns an exit code; a
 * failure prints one clear message on stderr. See DESIGN.md "Command-line contract".
 */
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createClassifier } from './core/classifier.js';
import { formatImportResult } from './app/import-asn.js';
import { applyRegistry, previewRegistry, readRegistryFile } from './app/registry-file.js';
import { loadPaslonFile, loadVocabulary } from './app/vocabulary.js';
import { openDb } from './store/db.js';

/** A subcommand: parses its own flags and returns an exit code. */
type Subcommand = (argv: string[], io: CliIo) => Promise<number>;

/** Where the CLI writes; swapped in tests. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  stdin: NodeJS.ReadableStream;
}

const defaultIo: CliIo = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
  stdin: process.stdin,
};

const USAGE = `Jaga Netral: menjaga netralitas ASN di grup WhatsApp dan Telegram selama Pilkada.

Pemakaian: jaga-netral <perintah> [opsi]

  start                         jalankan bot pada platform yang diatur di .env
  demo                          jalankan seluruh cerita pada simulator (tanpa akun)
  import-asn FILE.csv|FILE.xlsx [--dry-run]  impor daftar ASN (nip,nama,unit,telepon,telegram)
  classify [--paslon FILE]      klasifikasi pesan (satu per baris di stdin) -> JSON per baris
  replay FILE.jsonl             putar ulang payload platform lewat adapter asli
  report [--from DATE] [--to DATE] [--unit NAMA] [--format text|csv|xlsx] [--out FILE]
  wa-login [--phone DIGITS]     tautkan nomor WhatsApp (kode pairing, atau QR tanpa --phone)
  dashboard-link [--admin tg:ID|wa:NOMOR]  cetak tautan masuk dasbor web sekali pakai (10 menit)
`;

/** Who is acting, for the audit log: `cli:<login name>` (`cli:operator` when the system has no name for the user). */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username || 'operator'}`;
  } catch {
    return 'cli:operator';
  }
}

/** Loads config for subcommands that need it, reporting problems on stderr. */
function configOrFail(io: CliIo, overrides?: Record<string, string>): Config | undefined {
  try {
    return loadConfig({ overrides });
  } catch (err) {
    io.err(err instanceof ConfigError ? err.message : `configuration error: ${String(err)}`);
    return undefined;
  }
}

const importAsn: Subcommand = async (argv, io) => {
  const { values, positionals } = parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean' } }, allowPositionals: true });
  if (positionals.length !== 1) {
    io.err('Pemakaian: jaga-netral import-asn FILE.csv|FILE.xlsx [--dry-run]');
    return 2;
  }
  const config = configOrFail(io);
  if (!config) return 2;
  const file = positionals[0]!;
  // Read (and for .xlsx, parse) the file before opening the database: a missing or unreadable file creates nothing.
  const src = await readRegistryFile(file);
  if (!src.ok) {
    io.err(formatImportResult(src, config.LANGUAGE));
    return 1;
  }
  const db = openDb(config.DATABASE_PATH);
  try {
    const result = values['dry-run'] ? previewRegistry(db, src) : applyRegistry(db, src, { actor: cliActor(), filename: basename(file) });
    const text = formatImportResult(result, config.LANGUAGE);
    if (result.ok) io.out(text);
    else io.err(text);
    return result.ok ? 0 : 1;
  } finally {
    db.close();
  }
};

const classify: Subcommand = async (argv, io) => {
  const { values } = parseArgs({ args: argv, options: { paslon: { type: 'string' }, vocabulary: { type: 'string' } } });
  let classifier;
  try {
    const config = values.paslon && values.vocabulary ? undefined : configOrFail(io);
    if (!config && !(values.paslon && values.vocabulary)) return 2;
    classifier = createClassifier({
      vocabulary: loadVocabulary(values.vocabulary ?? config!.VOCABULARY_FILE),
      paslon: loadPaslonFile(values.paslon ?? config!.PASLON_FILE),
    });
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return 1;
  }
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  for await (const line of rl) io.out(JSON.stringify(classifier.classify(line)));
  return 0;
};

const report: Subcommand = async (argv, io) => {
  const config = configOrFail(io);
  if (!config) return 2;
  const [{ App }, { runReportCli }] = await Promise.all([import('./app/app.js'), import('./app/reports/command.js')]);
  const app = new App({ config });
  try {
    return await runReportCli(app, argv, io);
  } finally {
    await app.close();
  }
};

const waLoginCmd: Subcommand = async (argv, io) => {
  const { values } = parseArgs({ args: argv, options: { phone: { type: 'string' } } });
  const phone = values.phone?.replace(/\D/g, '');
  if (values.phone !== undefined && !/^\d{8,15}$/.test(phone ?? '')) {
    io.err('Nomor untuk --phone harus berupa angka dengan kode negara, mis. 6281234567890.');
    return 2;
  }
  const config = configOrFail(io);
  if (!config) return 2;
  const [{ waLogin }, { createLogger }] = await Promise.all([import('./platforms/whatsapp/connection.js'), import('./app/log.js')]);
  const db = openDb(config.DATABASE_PATH);
  try {
    const { jid } = await waLogin({ phone, db, log: createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL), print: io.out });
    io.out(`WhatsApp tertaut sebagai ${jid}. Setel WHATSAPP_ENABLED=true lalu jalankan: npx jaga-netral start`);
    return 0;
  } finally {
    db.close();
  }
};

const dashboardLink: Subcommand = async (argv, io) => {
  const { dashboardTexts } = await import('./core/messages/dashboard.js');
  let values: { admin?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { admin: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (err) {
    io.err(`${err instanceof Error ? err.message : String(err)}\n${dashboardTexts('id').cli.usage}`);
    return 2;
  }
  if (values.help) {
    io.out(dashboardTexts('id').cli.usage);
    return 0;
  }
  const config = configOrFail(io);
  if (!config) return 2;
  const t = dashboardTexts(config.LANGUAGE).cli;
  const { adminHandleText, issueDashboardLink, LINK_TTL_MS } = await import('./app/dashboard/access.js');
  const first = config.HUMAS_ADMINS[0];
  if (!first) {
    io.err(t.noAdmins);
    return 1;
  }
  const admin = values.admin?.trim().replace(/^(wa):\+/, '$1:') ?? adminHandleText(first);
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
};

const COMMANDS: Record<string, () => Promise<Subcommand>> = {
  'dashboard-link': async () => dashboardLink,
  report: async () => report,
  'wa-login': async () => waLoginCmd,
  'import-asn': async () => importAsn,
  classify: async () => classify,
  start: async () => (await import('./main.js')).startCommand,
  replay: async () => (await import('./replay.js')).replayCommand,
  demo: async () => (await import('./demo/index.js')).demoCommand,
};

/** Entry point: runs one subcommand and returns the process exit code. */
export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.err(`Perintah tidak dikenal: ${name}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await (await load())(rest, io);
  } catch (err) {
    io.err(err instanceof Error ? err.message : String(err));
    return 1;
  }
}
