import { strToU8, zipSync, type Zippable } from 'fflate';
import { joinedBytes, type GeneratedFile } from '../../../../generators/types';

/** A zip of the generated files under one folder, with a fixed date so the same export gives the same bytes. */
export function zipExport(folder: string, files: readonly GeneratedFile[]): Uint8Array {
  const entries: Zippable = {};
  // A file generated as bytes (the Terraform) is zipped as it is, never decoded and encoded again.
  for (const file of files) entries[`${folder}/${file.path}`] = [file.utf8 ? joinedBytes(file.utf8) : strToU8(file.contents), { mtime: new Date('2020-01-01T00:00:00Z') }];
  return zipSync(entries, { level: 6 });
}
