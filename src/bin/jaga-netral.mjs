#!/usr/bin/env node
// The `jaga-netral` command: runs the TypeScript sources through tsx's loader,
// so `npx jaga-netral ...` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
// Output piped into a reader that stops early (`| head`): stop quietly instead of crashing on EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}
const { main } = await import('../cli.ts');
process.exitCode = await main(process.argv.slice(2));
