/**
 * What every subcommand of the `jaga-netral` command line shares: where it writes (CliIo), what its
 * handler receives (CliArgs), its table entry (CliCommand), who is acting for the audit log, and how it
 * loads the configuration. Kept apart from cli.ts, which holds the table and dispatches, so the
 * subcommand modules (cli/*, main.ts, replay.ts) look down to this file and never back up at the
 * dispatcher that loads them (issue 21 point 13).
 */
import { userInfo } from 'node:os';
import type { ParseArgsConfig } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.js';
import type { CliUsage } from '../core/messages/cli.js';

/** Where the CLI writes; swapped in tests. */
export interface CliIo {
  out: (s: string) => void;
  /**
   * Output already made safe for a terminal, printed byte for byte: a CSV whose every cell showed its hidden
   * characters (core/csv.ts), with its BOM and CRLF line ends kept for the spreadsheet it is piped to.
   */
  raw?: (s: string) => void;
  err: (s: string) => void;
  stdin: NodeJS.ReadableStream;
}

/** What a subcommand's handler receives: its checked options and arguments. */
export interface CliArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** The raw arguments after the subcommand name. */
  argv: string[];
  io: CliIo;
  /** Language of what the CLI prints before the configuration is loaded. */
  lang: 'id' | 'en';
  /** What the CLI connects to, swapped in tests (cli.ts CliDeps; opaque here, so this floor needs no platform types). */
  deps?: object;
}

/** One subcommand: its usage, its options (checked strictly unless `ownArgs`), and its handler. */
export interface CliCommand {
  name: string;
  /**
   * Prints as it is: its output is the bot's own (logs, a QR code drawn for the terminal). Every other subcommand's
   * output shows control, bidi and invisible characters as `[U+XXXX]` (core/text/visible.ts): it prints what
   * strangers wrote (titles, excerpts, the audit log's arguments), and a terminal would run their escape sequences.
   */
  rawOutput?: boolean;
  usage: (lang: 'id' | 'en') => CliUsage;
  options?: ParseArgsConfig['options'];
  /** The handler parses its arguments itself (it must still refuse unknown ones). */
  ownArgs?: boolean;
  run(a: CliArgs): Promise<number>;
}

/** Who is acting, for the audit log: `cli:<login name>` (`cli:operator` when the system has no name for the user). */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username || 'operator'}`;
  } catch {
    return 'cli:operator';
  }
}

/** Loads config for subcommands that need it, reporting problems on stderr. */
export function configOrFail(io: CliIo, overrides?: Record<string, string>): Config | undefined {
  try {
    return loadConfig({ overrides });
  } catch (err) {
    io.err(err instanceof ConfigError ? err.message : `configuration error: ${String(err)}`);
    return undefined;
  }
}
