/**
 * The `ninesmith` process: argv, the standard streams, the exit code and `--version`, around
 * runCli (which tests call in-process). `npm run build:cli` bundles this file and everything it
 * imports into dist-cli/ninesmith.mjs, the file bin/ninesmith.mjs runs.
 */
import { version } from '../../package.json';

// A reader that stops early (`ninesmith cost big.yaml | head`) closes the pipe: that is the reader's
// choice, not a failure, so the command ends quietly as other Unix tools do instead of printing a
// stack trace for EPIPE. Any other write error is reported.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(`${version}\n`);
} else {
  // Loaded only here: `--version` answers without reading the rest of the command line.
  const { runCli } = await import('./main');
  process.exitCode = await runCli(argv, {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
  });
}
