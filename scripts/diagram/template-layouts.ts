/**
 * Writes the `layout:` section of every template (templates/*.yaml) from the automatic layout
 * (src/diagram/elk-layout.ts), so a template opens laid out, the same in the app, the command line
 * and the proposal. Only the `layout:` section at the end of each file changes; the rest of the
 * text is left as it is. Run after changing a template's components or the layout itself:
 *   npx tsx scripts/diagram/template-layouts.ts [templates/NAME.yaml ...]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDesign } from '../../src/catalog';
import { autoLayout } from '../../src/diagram/elk-layout';

const dir = join(import.meta.dirname, '..', '..', 'templates');
const files = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => join(dir, f));

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const withoutLayout = text.replace(/\nlayout:\n(?: {2}.*\n?)*$/, '\n').replace(/\n*$/, '\n');
  const loaded = loadDesign(withoutLayout);
  if (!loaded.ok) throw new Error(`${file}: ${loaded.problems.map((p) => p.message).join('; ')}`);
  const design = loaded.design;
  const positions = await autoLayout(design);
  const order = [...design.components.map((c) => c.id), ...design.regions.map((r) => r.id)];
  const lines = order.filter((id) => positions[id]).map((id) => `  ${id}: { x: ${Math.round(positions[id]!.x)}, y: ${Math.round(positions[id]!.y)} }`);
  writeFileSync(file, `${withoutLayout}layout:\n${lines.join('\n')}\n`);
  console.log(`${file}: ${lines.length} positions`);
}
