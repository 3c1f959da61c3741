/**
 * Files handed to the page, with their paths: from a file picker (`webkitRelativePath` when a
 * folder was picked) or a drop (folders walked through the File System entries API).
 */

export interface HandedFile {
  /** `infra/modules/app/main.tf` for a picked or dropped folder, else the file's name. */
  readonly path: string;
  readonly file: File;
}

const MAX_FILES = 2000;

export function pickedFiles(list: FileList | null | undefined): HandedFile[] {
  return Array.from(list ?? []).map((file) => ({ path: file.webkitRelativePath || file.name, file }));
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const entries: FileSystemEntry[] = [];
    // readEntries returns at most 100 entries per call: read until it returns none.
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(entries);
        else {
          entries.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, out: HandedFile[]): Promise<void> {
  if (out.length >= MAX_FILES) return;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path: entry.fullPath.replace(/^\//, ''), file });
  } else if (entry.isDirectory && !/^(\.terraform|\.git|node_modules)$/.test(entry.name)) {
    for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) await walk(child, out);
  }
}

/** Every file of a drop, folders included; a drop without entries support gives its files by name. */
export async function droppedFiles(transfer: DataTransfer): Promise<HandedFile[]> {
  const entries = Array.from(transfer.items ?? [])
    .map((item) => (typeof item.webkitGetAsEntry === 'function' ? item.webkitGetAsEntry() : null))
    .filter((entry): entry is FileSystemEntry => entry !== null);
  if (entries.length === 0 || entries.every((entry) => entry.isFile)) return pickedFiles(transfer.files);
  const out: HandedFile[] = [];
  for (const entry of entries) await walk(entry, out);
  return out;
}
