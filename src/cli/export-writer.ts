import { createHash, type Hash } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, mkdir, open, readFile, rmdir, stat, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { GeneratedFile } from '../../generators';

/** A file to write: generated text, or the bytes of a binary format (the proposal's PDF and Word files). */
export type FileToWrite = Omit<GeneratedFile, 'contents'> & { readonly contents: string | Uint8Array };
import { RefusalError } from './context';

/**
 * Writes an export into a directory the user named, and nowhere else:
 *
 * - No link is followed inside DIR: every path below DIR is checked with lstat and a symbolic link
 *   is refused; files are opened with O_NOFOLLOW besides.
 * - DIR keeps a manifest of what Ninesmith wrote there (MANIFEST_NAME: each file's SHA-256). A
 *   file in the way that Ninesmith did not write, or that was edited since, is not overwritten
 *   unless `force`: the export is refused before anything is written.
 * - Files an earlier export wrote for the same targets that this export does not write (a runbook
 *   of a removed component) are removed, unless edited since: those are kept and reported.
 */
export const MANIFEST_NAME = '.ninesmith-export.json';

interface Manifest {
  ninesmithExport: 1;
  /** Relative path (forward slashes) to the SHA-256 of the contents written. */
  files: Record<string, string>;
}

export interface WriteResult {
  written: number;
  removed: string[];
  /** Files of an earlier export that are no longer generated but were edited, so kept. */
  kept: string[];
}

const sha256 = (contents: string | Uint8Array): string => createHash('sha256').update(contents).digest('hex');

type Kind = 'missing' | 'file' | 'directory' | 'link' | 'other';

async function kindOf(path: string): Promise<Kind> {
  try {
    const info = await lstat(path);
    return info.isSymbolicLink() ? 'link' : info.isFile() ? 'file' : info.isDirectory() ? 'directory' : 'other';
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}

const errorText = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/**
 * Creates DIR and its missing parents one level at a time (Node's recursive mkdir can spin forever
 * on file systems such as /proc), refusing when something that is not a directory is in the way.
 */
async function ensureOutputDirectory(root: string, shown: string): Promise<void> {
  const missing: string[] = [];
  for (let current = root; ; ) {
    let info;
    try {
      // stat, not lstat: the user's own path to DIR may pass through links (/tmp on macOS); only what is below DIR is checked for links.
      info = await stat(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new RefusalError(`cannot use --out ${shown}: ${errorText(error)} at ${current}`);
      missing.unshift(current);
      const parent = dirname(current);
      if (parent === current) throw new RefusalError(`cannot use --out ${shown}: no existing directory above it`);
      current = parent;
      continue;
    }
    if (!info.isDirectory()) throw new RefusalError(`cannot use --out ${shown}: ${current === root ? 'it' : current} is ${info.isFile() ? 'a file' : 'not a directory'}`);
    break;
  }
  for (const path of missing) {
    try {
      await mkdir(path);
    } catch (error) {
      throw new RefusalError(`cannot create --out ${shown}: ${errorText(error)} at ${path}`);
    }
  }
}

async function readManifest(root: string, shown: string): Promise<Manifest | undefined> {
  const path = join(root, MANIFEST_NAME);
  const kind = await kindOf(path);
  if (kind === 'missing') return undefined;
  if (kind !== 'file') throw new RefusalError(`${shown}/${MANIFEST_NAME} is not a regular file; refusing to export into ${shown}`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new RefusalError(`${shown}/${MANIFEST_NAME} cannot be read (${errorText(error)}); remove it, or export into another directory`);
  }
  const files = (manifest as Manifest | null)?.files;
  const valid =
    (manifest as Manifest | null)?.ninesmithExport === 1 &&
    files !== null &&
    typeof files === 'object' &&
    !Array.isArray(files) &&
    Object.entries(files).every(([file, hash]) => typeof hash === 'string' && safeRelative(file));
  if (!valid) throw new RefusalError(`${shown}/${MANIFEST_NAME} is not a Ninesmith export manifest; remove it, or export into another directory`);
  return manifest as Manifest;
}

/** A relative path of plain segments: no `..`, no empty or absolute part. */
function safeRelative(path: string): boolean {
  return !isAbsolute(path) && path.split(/[\\/]/).every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** Each directory between root and the file: those that exist must be real directories. */
async function checkParents(root: string, relativePath: string): Promise<string[]> {
  const segments = relativePath.split('/').slice(0, -1);
  const created: string[] = [];
  let current = root;
  for (const segment of segments) {
    current = join(current, segment);
    const kind = await kindOf(current);
    if (kind === 'missing') created.push(current);
    else if (kind === 'link') throw new RefusalError(`refusing to write "${relativePath}": ${relativeTo(root, current)} is a symbolic link; a link could carry the write outside the output directory`);
    else if (kind !== 'directory') throw new RefusalError(`refusing to write "${relativePath}": ${relativeTo(root, current)} is a file where a directory goes`);
  }
  return created;
}

const relativeTo = (root: string, path: string) => path.slice(root.length + 1).split(sep).join('/');

/**
 * Writes `files` under `out` (relative to cwd). `targets` are the top-level folders this export
 * owns (terraform/, helm/, ...): stale files are only looked for among them.
 */
export async function writeExport(out: string, cwd: string, files: readonly FileToWrite[], targets: readonly string[], options: { force?: boolean } = {}): Promise<WriteResult> {
  const writing = await openExport(out, cwd, files.map((file) => file.path), targets, options);
  await writing.write(files);
  return writing.finish();
}

/**
 * An export written a batch of files at a time, so that a caller can let go of each batch before it
 * makes the next (at 20,000 components the Terraform's bytes are 90 MB, not needed once written).
 * Every path is checked when it opens, before anything is written, as writeExport does.
 */
export interface ExportWriting {
  /** Writes files among the paths given when it opened. */
  write(files: readonly FileToWrite[]): Promise<void>;
  /** Removes the stale files and writes the manifest: the export is done. */
  finish(): Promise<WriteResult>;
  /**
   * The export stops short (the caller failed making a later batch): the manifest records the files
   * written so far besides those of the earlier export, and nothing is removed.
   */
  abandon(): Promise<void>;
}

/** Checks that every one of `paths` may be written under `out` (relative to cwd), refusing before anything is written. */
export async function openExport(out: string, cwd: string, paths: readonly string[], targets: readonly string[], options: { force?: boolean } = {}): Promise<ExportWriting> {
  const root = resolve(cwd, out);
  const previousFiles = await asRefusal(out, () => checkPaths(out, root, paths, options));
  const allowed = new Set(paths);
  const written = new Map<string, string>();
  // One buffer for every text of this export, filled a piece at a time (see writeText).
  const textBuffer = { bytes: undefined as Uint8Array | undefined };
  return {
    write: (files) =>
      asRefusal(out, async () => {
        for (const file of files) if (!allowed.has(file.path)) throw new Error(`"${file.path}" was not among the paths checked before the export`);
        await writeFiles(root, files, written, textBuffer);
      }),
    finish: () => asRefusal(out, () => finishExport(root, targets, previousFiles, written)),
    abandon: () => asRefusal(out, () => writeManifest(root, new Map([...previousFiles, ...written]))),
  };
}

async function asRefusal<T>(out: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RefusalError || typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    // The file system said no (no space, no permission): the user's to fix, not a bug in Ninesmith.
    const at = (error as NodeJS.ErrnoException).path;
    throw new RefusalError(`cannot write into ${out}: ${errorText(error)}${at ? ` at ${at}` : ''}`);
  }
}

/** The previous export's files, once every path is found safe to write. */
async function checkPaths(out: string, root: string, paths: readonly string[], options: { force?: boolean }): Promise<Map<string, string>> {
  for (const path of paths) {
    if (!safeRelative(path) || path === MANIFEST_NAME) throw new RefusalError(`refusing to write "${path}": not a relative path inside the output directory`);
  }
  await ensureOutputDirectory(root, out);
  const previous = (await readManifest(root, out)) ?? { ninesmithExport: 1, files: {} };
  const previousFiles = new Map(Object.entries(previous.files));

  // Check everything before writing anything.
  const refusals: string[] = [];
  for (const relativePath of paths) {
    await checkParents(root, relativePath);
    const path = join(root, relativePath);
    const kind = await kindOf(path);
    if (kind === 'missing') continue;
    if (kind === 'link') throw new RefusalError(`refusing to write "${relativePath}": it is a symbolic link; a link could carry the write outside the output directory`);
    if (kind === 'directory') throw new RefusalError(`refusing to write "${relativePath}": a directory of that name is in the way`);
    if (kind !== 'file') throw new RefusalError(`refusing to write "${relativePath}": something that is not a regular file is in the way`);
    const recorded = previousFiles.get(relativePath);
    if (options.force) continue;
    if (recorded === undefined) refusals.push(`${relativePath} (not written by an earlier export)`);
    else if (recorded !== sha256(await readFile(path))) refusals.push(`${relativePath} (edited since it was exported)`);
  }
  if (refusals.length > 0) {
    const listed = refusals.slice(0, 10).map((line) => `\n  ${line}`).join('');
    const more = refusals.length > 10 ? `\n  and ${refusals.length - 10} more` : '';
    throw new RefusalError(`${out} holds files this export would overwrite:${listed}${more}\nMove them away, export into another directory, or pass --force to overwrite them.`);
  }
  return previousFiles;
}

async function writeFiles(root: string, files: readonly FileToWrite[], written: Map<string, string>, textBuffer: { bytes: Uint8Array | undefined }): Promise<void> {
  for (const file of files) {
    for (const directory of await checkParents(root, file.path)) await mkdir(directory).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    });
    const handle = await open(join(root, file.path), constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0), 0o644);
    const hash = createHash('sha256');
    try {
      // A file generated as bytes (the Terraform: tens of megabytes a file for a large design) is
      // written and hashed as it is: reading its `contents` would decode its text.
      const chunks = file.utf8 ?? (typeof file.contents === 'string' ? undefined : [file.contents]);
      if (chunks) {
        await writeFile(handle, chunks);
        for (const chunk of chunks) hash.update(chunk);
      } else {
        await writeText(handle, file.contents as string, hash, (textBuffer.bytes ??= new Uint8Array(TEXT_PIECE_BYTES)));
      }
    } finally {
      await handle.close();
    }
    written.set(file.path, hash.digest('hex'));
  }
}

async function finishExport(root: string, targets: readonly string[], previousFiles: ReadonlyMap<string, string>, written: ReadonlyMap<string, string>): Promise<WriteResult> {
  // Stale files: written by an earlier export for a target exported now, and not written this time.
  const owned = (path: string) => targets.some((target) => path.startsWith(`${target}/`));
  const removed: string[] = [];
  const kept: string[] = [];
  const manifestFiles = new Map<string, string>();
  for (const [path, hash] of previousFiles) {
    if (written.has(path)) continue;
    if (!owned(path)) {
      manifestFiles.set(path, hash);
      continue;
    }
    const full = join(root, path);
    const kind = await kindOf(full).catch(() => 'other' as const);
    if (kind === 'missing') continue;
    let parentsSafe = true;
    try {
      await checkParents(root, path);
    } catch {
      parentsSafe = false;
    }
    if (kind === 'file' && parentsSafe && sha256(await readFile(full)) === hash) {
      await unlink(full);
      removed.push(path);
      await removeEmptyParents(root, full);
    } else {
      kept.push(path);
    }
  }
  for (const [path, hash] of written) manifestFiles.set(path, hash);
  await writeManifest(root, manifestFiles);
  return { written: written.size, removed, kept };
}

async function writeManifest(root: string, files: ReadonlyMap<string, string>): Promise<void> {
  const manifest: Manifest = { ninesmithExport: 1, files: Object.fromEntries([...files].sort(([a], [b]) => a.localeCompare(b))) };
  const handle = await open(join(root, MANIFEST_NAME), constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0), 0o644);
  try {
    await handle.writeFile(`${JSON.stringify(manifest, null, 2)}\n`);
  } finally {
    await handle.close();
  }
}

/**
 * The UTF-8 bytes of a text piece by piece through one buffer: written and hashed. Encoding a whole
 * text at once made a copy of it in fresh memory (the runbooks of 20,000 components are 26 MB),
 * which costs on this scale at the export's peak, when everything generated is held. Each piece
 * ends on a whole character (`encodeInto` never splits one), so the bytes are those of the text.
 */
async function writeText(handle: FileHandle, text: string, hash: Hash, buffer: Uint8Array): Promise<void> {
  for (let read = 0; read < text.length; ) {
    const piece = ENCODER.encodeInto(read === 0 ? text : text.slice(read), buffer);
    read += piece.read;
    const bytes = buffer.subarray(0, piece.written);
    hash.update(bytes);
    for (let at = 0; at < bytes.length; ) at += (await handle.write(bytes, at, bytes.length - at)).bytesWritten;
  }
}
const ENCODER = new TextEncoder();
/** Room for a piece of text as UTF-8: at least one character of up to three bytes (four per pair). */
const TEXT_PIECE_BYTES = 1 << 20;

/** Removes the directories a stale file leaves empty, up to (not including) the output directory. */
async function removeEmptyParents(root: string, file: string): Promise<void> {
  for (let directory = dirname(file); directory.startsWith(root + sep); directory = dirname(directory)) {
    try {
      await rmdir(directory);
    } catch {
      return; // Not empty (or not ours to remove): stop.
    }
  }
}
