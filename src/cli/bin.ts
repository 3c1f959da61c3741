/**
 * The `ninesmith` process: argv, the standard streams, the exit code and `--version`, around
 * runCli (which tests call in-process). `npm run build:cli` bundles this file and everything it
 * imports into dist-cli/ninesmith.mjs, the file bin/ninesmith.mjs runs.
 */
import { version } from '../../package.json';

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
