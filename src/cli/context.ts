import { terminalText } from '../model';

/** What a command may touch of the outside world; tests pass their own. */
export interface CliContext {
  stdout: (text: string) => void;
  /** Standard output as bytes, where the process has one: a command that writes megabytes encodes them itself, once. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  /**
   * Whether everything handed to stdoutBytes so far is written out, so that its memory may be
   * written again (standard output is written at once when it is a file, and on Linux a pipe or a
   * terminal too, unless the reader lags).
   */
  stdoutWritten?: () => boolean;
  stderr: (text: string) => void;
  cwd: string;
}

/**
 * The exit codes CI reads (docs/cli.md), decided here and in `runCli` only:
 * 0 nothing reaches --fail-on (or the command did what it was asked),
 * 1 a finding reaches --fail-on,
 * 2 a file cannot be read, does not fit the format, or the command line or the output directory is wrong,
 * 3 an internal error: a bug in Ninesmith, never the design's fault.
 */
export const EXIT = { ok: 0, findings: 1, invalid: 2, internal: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** The command line is wrong: the message, then the command's usage; exit 2. */
export class UsageError extends Error {}

/** Something the user can fix outside the design (a path, a file in the way): the message alone; exit 2. */
export class RefusalError extends Error {}

export type Command = (args: string[], context: CliContext) => Promise<ExitCode>;

/** A line for stdout or stderr: design text, file names and messages escaped for the terminal (terminalText). */
export const terminalLine = (text: string): string => `${terminalText(text)}\n`;
