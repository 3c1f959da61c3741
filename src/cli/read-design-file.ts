import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadDesign } from '../catalog';
import { READ_LIMITS, decodeDesignBytes, formatOfFileName, formatPath, formatProblem, terminalText, type Design, type DesignProblem } from '../model';

export type DesignFileResult =
  | { ok: true; design: Design; path: string; notes: string[]; text: string }
  | { ok: false; path: string; problems: DesignProblem[] };

/** The most bytes a design file may have: every character of READ_LIMITS.maxCharacters in four UTF-8 bytes. */
const MAX_DESIGN_BYTES = READ_LIMITS.maxCharacters * 4;

/** Standard input's bytes, or undefined once they pass the size a design can have (the rest is not read). */
async function readStandardInput(): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_DESIGN_BYTES) {
      process.stdin.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** A design read from standard input (`validate -`): decoded and validated as a file is. */
async function readDesignFromStandardInput(): Promise<DesignFileResult> {
  const path = '-';
  const bytes = await readStandardInput();
  if (!bytes) return { ok: false, path, problems: [{ path: [], code: 'too-large', message: `standard input is larger than ${MAX_DESIGN_BYTES / 1024 / 1024} MB; a design is far smaller, refused` }] };
  const decoded = decodeDesignBytes(bytes);
  if (!decoded.ok) return { ok: false, path, problems: decoded.problems };
  const result = loadDesign(decoded.text, { fileName: '(standard input)' });
  return result.ok ? { ok: true, design: result.design, path, notes: result.notes, text: decoded.text } : { ok: false, path, problems: result.problems };
}

/**
 * Reads and validates a design file (`-`: standard input), refusing oversized files before reading
 * them. Bytes are decoded as the browser decodes them (decodeDesignBytes): UTF-8, or UTF-16 with a
 * byte order mark.
 */
export async function readDesignFile(file: string, cwd: string): Promise<DesignFileResult> {
  if (file === '-') return readDesignFromStandardInput();
  const path = resolve(cwd, file);
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) return { ok: false, path, problems: [{ path: [], code: 'syntax', message: `${file} is not a file` }] };
    if (info.size > MAX_DESIGN_BYTES) {
      return { ok: false, path, problems: [{ path: [], code: 'too-large', message: `the file is ${(info.size / 1024 / 1024).toFixed(0)} MB; a design is far smaller, refused` }] };
    }
    const decoded = decodeDesignBytes(await readFile(path));
    if (!decoded.ok) return { ok: false, path, problems: decoded.problems };
    text = decoded.text;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file}: ${(error as Error).message}`;
    return { ok: false, path, problems: [{ path: [], code: 'syntax', message }] };
  }
  const result = loadDesign(text, { fileName: file, format: formatOfFileName(file) });
  return result.ok ? { ok: true, design: result.design, path, notes: result.notes, text } : { ok: false, path, problems: result.problems };
}

/** One line per problem, prefixed with the file: `design.yaml: components[3].zones[1]: ...`, escaped for the terminal. */
export function formatProblems(file: string, problems: readonly DesignProblem[]): string {
  return problems.map((problem) => `${terminalText(`${file}: ${formatProblem(problem)}`)}\n`).join('');
}

/**
 * Reports a design that cannot be read: as JSON on stdout (`{ file, valid: false, problems }`) for
 * commands asked for JSON, otherwise one line per problem on stderr. The caller exits 2.
 */
export function reportUnreadableDesign(
  file: string,
  problems: readonly DesignProblem[],
  asJson: boolean,
  context: { stdout: (text: string) => void; stderr: (text: string) => void },
): void {
  if (asJson) {
    const listed = problems.map((p) => ({ path: formatPath(p.path), code: p.code, message: p.message }));
    context.stdout(`${JSON.stringify({ file, valid: false, problems: listed }, null, 2)}\n`);
  } else {
    context.stderr(formatProblems(file, problems));
  }
}
