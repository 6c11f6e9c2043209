/** Test support: runs the real `jaga-netral` binary (src/bin/jaga-netral.mjs) as a child process. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where the binary runs from. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** libfaketime's variables, passed on when set: a child then keeps the test's (faked) clock instead of the real one. */
const CLOCK_VARS = ['LD_PRELOAD', 'FAKETIME', 'FAKETIME_SHARED', 'FAKETIME_DONT_FAKE_MONOTONIC', 'FAKETIME_NO_CACHE', 'TZ'];

/**
 * The environment every child process of the tests starts from: PATH and HOME, and the clock the test
 * runs under. Under `faketime` (tests/support/faketime-sweep.sh) a child started with a bare PATH and
 * HOME would fall back to the real date while the test and its simulators run on the faked one, so its
 * messages would be months apart from the bot's clock; on an ordinary run this is just PATH and HOME.
 */
export function childEnv(): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '' };
  for (const k of CLOCK_VARS) if (process.env[k] !== undefined) env[k] = process.env[k]!;
  return env;
}

/** What a finished run of the binary left behind. */
export interface BinResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the test had to kill it after `timeoutMs`. */
  timedOut: boolean;
}

/**
 * Runs `jaga-netral ...args` with exactly `env` (plus PATH and HOME) and no `.env`
 * from the repository (cwd defaults to a folder the caller chooses); kills it after `timeoutMs`.
 * Asynchronous, so a simulator served from the test process keeps answering.
 */
export function runBin(args: string[], opts: { env?: Record<string, string>; cwd: string; timeoutMs?: number; stdin?: string }): Promise<BinResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}/src/bin/jaga-netral.mjs`, ...args], {
      cwd: opts.cwd,
      env: { ...childEnv(), ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.end(opts.stdin ?? '');
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, opts.timeoutMs ?? 45_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}
