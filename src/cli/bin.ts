/**
 * The `ninesmith` process: argv, the standard streams, the exit code and `--version`, around
 * runCli (which tests call in-process). `npm run build:cli` bundles this file and everything it
 * imports into dist-cli/ninesmith.mjs, the file bin/ninesmith.mjs runs.
 */
import { version } from '../../package.json';

// A reader that stops early (`ninesmith cost big.yaml | head`) closes the pipe: that is the reader's
// choice, not a failure. The command stops writing to it and finishes, so its exit code still says
// what it found (`validate` exits 1 on findings whether or not all were read), with no stack trace
// for EPIPE. Any other write error is reported.
const readerClosed = new Set<NodeJS.WriteStream>();
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    readerClosed.add(stream);
  });
}
const writeTo = (stream: NodeJS.WriteStream) => (text: string | Uint8Array) => {
  if (!readerClosed.has(stream)) stream.write(text);
};

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  writeTo(process.stdout)(`${version}\n`);
} else {
  // Loaded only here: `--version` answers without reading the rest of the command line.
  const { runCli } = await import('./main');
  process.exitCode = await runCli(argv, {
    stdout: writeTo(process.stdout),
    stdoutBytes: writeTo(process.stdout),
    // Nothing waits to be written: the stream holds none of the bytes it was given (a closed pipe takes none).
    stdoutWritten: () => readerClosed.has(process.stdout) || process.stdout.writableLength === 0,
    stderr: writeTo(process.stderr),
    cwd: process.cwd(),
  });
}
