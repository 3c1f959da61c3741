/**
 * Where a command's long output goes: `text` takes pieces of it; `bytes`, when given, takes it as
 * UTF-8 instead. A report of 20,000 components is 12 to 60 MB of text (the cost report as text,
 * Markdown, CSV or JSON). Made into one string, it is joined and then encoded again to be written,
 * on fresh memory each time (the JSON took 420 MB at its peak); encoded line by line into a
 * buffer, it is copied once.
 */
export interface TextOutput {
  text: (text: string) => void;
  bytes?: (bytes: Uint8Array) => void;
  /**
   * After `bytes`: whether they are written out and kept nowhere, so the same buffer can take the
   * next piece. A fresh buffer for each piece of a 12 MB report is fresh memory for the system to
   * map, page by page: about half the time of encoding the text went to that.
   */
  written?: () => boolean;
}

/** About how many bytes or characters go out at once. */
const PIECE_SIZE = 256 * 1024;

/** Lines handed to the output a piece at a time, each piece ending with its line break. */
export class LineWriter {
  private lines: string[] = [];
  private characters = 0;
  private buffer: Buffer | undefined;
  private used = 0;

  constructor(private readonly output: TextOutput) {}

  /** A line as it is, followed by a line break (a line may hold line breaks of its own). */
  raw(line: string): void {
    if (this.output.bytes) {
      // A UTF-16 unit is at most three bytes of UTF-8 (a pair of them four), and the line break one.
      const most = line.length * 3 + 1;
      if (this.buffer === undefined || this.used + most > this.buffer.length) {
        this.flush();
        if (this.buffer === undefined || most > this.buffer.length) this.buffer = Buffer.allocUnsafe(Math.max(PIECE_SIZE, most));
      }
      this.used += this.buffer.write(line, this.used, 'utf8');
      this.buffer[this.used++] = 0x0a;
      return;
    }
    this.lines.push(line);
    this.characters += line.length + 1;
    if (this.characters >= PIECE_SIZE) this.flush();
  }

  /** Hands on what is held. Call once the last line is written. */
  flush(): void {
    if (this.buffer !== undefined && this.used > 0) {
      this.output.bytes!(this.buffer.subarray(0, this.used));
      // A stream that cannot write at once keeps the buffer it was given: the next piece goes in a new one.
      if (this.output.written?.() !== true) this.buffer = undefined;
      this.used = 0;
    }
    if (this.lines.length === 0) return;
    // The empty last line gives the piece its final line break without another concatenation.
    this.lines.push('');
    this.output.text(this.lines.join('\n'));
    this.lines = [];
    this.characters = 0;
  }
}

/** A context's standard output as a TextOutput: bytes where the process has them. */
export function stdoutOutput(context: { stdout: (text: string) => void; stdoutBytes?: (bytes: Uint8Array) => void; stdoutWritten?: () => boolean }): TextOutput {
  return {
    text: context.stdout,
    ...(context.stdoutBytes ? { bytes: context.stdoutBytes } : {}),
    ...(context.stdoutWritten ? { written: context.stdoutWritten } : {}),
  };
}
