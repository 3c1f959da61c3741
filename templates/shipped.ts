import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDesign } from '../src/catalog';
import { formatProblem, type Design } from '../src/model';

/**
 * Every template in this folder, loaded and checked, as [file name, design] in name order: for the
 * tests that run over each one. Node only (it reads the folder); a template that does not load throws
 * with its problems.
 */
export function shippedTemplates(): (readonly [file: string, design: Design])[] {
  const folder = import.meta.dirname;
  return readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const loaded = loadDesign(readFileSync(join(folder, file), 'utf8'));
      if (!loaded.ok) throw new Error(`templates/${file} does not load:\n${loaded.problems.map(formatProblem).join('\n')}`);
      return [file, loaded.design] as const;
    });
}
