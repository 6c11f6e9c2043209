#!/usr/bin/env node
// The `jaga-netral` command: runs the TypeScript sources through tsx's loader,
// so `npx jaga-netral ...` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli.ts');
process.exitCode = await main(process.argv.slice(2));
