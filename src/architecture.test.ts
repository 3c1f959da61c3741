import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer boundaries (README.md, "How the code is laid out") are lint rules; this checks the
 * whole matrix of who may import whom, so a rule that stops biting, or bites too much, fails here.
 */
const LAYERS = ['model', 'catalog', 'engine', 'diagram', 'generators', 'import', 'cli', 'app', 'canvas'] as const;
type Layer = (typeof LAYERS)[number];
const TARGETS = [...LAYERS.filter((layer) => layer !== 'canvas'), 'react', 'react flow', 'node'] as const;
type Target = (typeof TARGETS)[number];

/** A file in each layer, and how it would import each of the others. */
const FILE: Record<Layer, string> = {
  model: 'src/model/x.ts',
  catalog: 'src/catalog/x.ts',
  engine: 'src/engine/x.ts',
  diagram: 'src/diagram/x.ts',
  generators: 'generators/x.ts',
  import: 'src/import/terraform/x.ts',
  cli: 'src/cli/x.ts',
  app: 'src/app/panels/x.tsx',
  canvas: 'src/app/canvas/x.tsx',
};
const SPECIFIER: Record<Layer, Record<Target, string>> = Object.fromEntries(
  LAYERS.map((from) => {
    const inGenerators = from === 'generators';
    const twoDeep = from === 'app' || from === 'canvas' || from === 'import';
    const depth = twoDeep ? '../../' : inGenerators ? '../src/' : '../';
    const generators = twoDeep ? '../../../generators' : inGenerators ? './index' : '../../generators/index';
    return [
      from,
      {
        model: `${depth}model`,
        catalog: `${depth}catalog`,
        engine: `${depth}engine`,
        diagram: `${depth}diagram`,
        generators,
        import: from === 'import' ? '../index' : `${depth}import`,
        cli: `${depth}cli/main`,
        app: inGenerators ? '../src/app/store' : from === 'app' || from === 'canvas' ? '../store' : `${depth}app/store`,
        react: 'react',
        'react flow': '@xyflow/react',
        node: 'node:fs',
      },
    ];
  }),
) as Record<Layer, Record<Target, string>>;

/** Who may import whom: everything else is refused. */
const ALLOWED: Record<Layer, readonly Target[]> = {
  model: [],
  catalog: ['model'],
  engine: ['model', 'catalog'],
  diagram: ['model', 'catalog'],
  generators: ['model', 'catalog', 'engine', 'diagram'],
  // The importer runs in Node and the browser alike, and builds designs without analysing them.
  import: ['model', 'catalog'],
  cli: ['model', 'catalog', 'engine', 'diagram', 'generators', 'import', 'node'],
  app: ['model', 'catalog', 'engine', 'diagram', 'generators', 'import', 'app', 'react'],
  canvas: ['model', 'catalog', 'engine', 'diagram', 'generators', 'import', 'app', 'react', 'react flow'],
};

describe('layer boundaries', () => {
  const eslint = new ESLint();
  const refusals = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
  };
  const cases = LAYERS.flatMap((from) => TARGETS.filter((target) => target !== from).map((target) => [from, target, ALLOWED[from].includes(target)] as const));

  it.each(cases)('%s importing %s: allowed %s', async (from, target, allowed) => {
    const code = `import * as imported from '${SPECIFIER[from][target]}';\nexport default imported;\n`;
    expect(await refusals(FILE[from], code)).toBe(allowed ? 0 : 1);
  });
});
