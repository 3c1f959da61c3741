import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { loadDesign } from '../src/catalog';
import { formatProblem } from '../src/model';

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
    load(id) {
      if (!id.endsWith(SUFFIX)) return null;
      const file = id.slice(0, -SUFFIX.length);
      this.addWatchFile(file);
      const loaded = loadDesign(readFileSync(file, 'utf8'), { fileName: file });
      if (!loaded.ok) this.error(`${file} is not a valid design: ${loaded.problems.slice(0, 10).map(formatProblem).join('; ')}`);
      return { code: `export default JSON.parse(${JSON.stringify(JSON.stringify(loaded.design))});`, map: null };
    },
  };
}
