import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import type * as Catalog from '../src/catalog/index.ts';
import type * as Model from '../src/model/index.ts';

const SUFFIX = '?validated-design';

/**
 * `import design from './file.yaml?validated-design'`: a design file the app ships (a template) read
 * and fully validated (syntax, format 1, references, the kinds' props) when the app is built, and
 * handed to the app as already-parsed JSON. The app opens it without loading zod and js-yaml before
 * the canvas first paints; a file the build cannot load fails the build, naming its problems.
 * A user's own files are never read this way: they are validated in the browser before use.
 */
export function validatedDesign(): Plugin {
  return {
    name: 'ninesmith:validated-design',
    async load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const file = id.slice(0, -SUFFIX.length);
      this.addWatchFile(file);
      // Loaded through tsx when a design is asked for, not imported by the config: the config stays
      // loadable by Vite's native config loader, which cannot resolve the sources' extensionless imports.
      const { tsImport } = await import('tsx/esm/api');
      const { loadDesign } = (await tsImport('../src/catalog/index.ts', import.meta.url)) as typeof Catalog;
      const { formatProblem } = (await tsImport('../src/model/index.ts', import.meta.url)) as typeof Model;
      const loaded = loadDesign(readFileSync(file, 'utf8'), { fileName: file });
      if (!loaded.ok) this.error(`${file} is not a valid design: ${loaded.problems.slice(0, 10).map(formatProblem).join('; ')}`);
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(loaded.design))});`, map: null };
    },
  };
}
