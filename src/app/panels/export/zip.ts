import { strToU8, zipSync, type Zippable } from 'fflate';
import type { GeneratedFile } from '../../../../generators';

/** A zip of the generated files under one folder, with a fixed date so the same export gives the same bytes. */
export function zipExport(folder: string, files: readonly GeneratedFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) entries[`${folder}/${file.path}`] = [strToU8(file.contents), { mtime: new Date('2020-01-01T00:00:00Z') }];
  return zipSync(entries, { level: 6 });
}
