/** Test support: runs the real `jaga-netral` binary (src/bin/jaga-netral.mjs) as a child process. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root, where the binary runs from. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

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
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ...opts.env },
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
