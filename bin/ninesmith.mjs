#!/usr/bin/env node
// The command line runs the engine's TypeScript sources directly through tsx, so a checkout
// needs no build step before `npx ninesmith validate design.yaml` works.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
});
