/** What a command may touch of the outside world; tests pass their own. */
export interface CliContext {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

/** Exit codes of docs/cli.md: 0 nothing reaches --fail-on, 1 something does, 2 unreadable or invalid. */
export const EXIT = { ok: 0, findings: 1, invalid: 2 } as const;

export class UsageError extends Error {}

export type Command = (args: string[], context: CliContext) => Promise<number>;
