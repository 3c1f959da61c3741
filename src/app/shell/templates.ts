import type { Design } from '../../model';
import { loadDesign } from '../../catalog';
import { whenToUse } from './preview';

/** The reference designs of templates/, bundled as text and loaded when the gallery first opens. */
const TEMPLATE_TEXTS = import.meta.glob<string>('../../../templates/*.yaml', { query: '?raw', import: 'default' });

export interface Template {
  /** The file's stem: `single-region-multi-az`. */
  id: string;
  design: Design;
  whenToUse: string;
}

/** The order the gallery shows them in: simplest first, the teaching example last. */
const ORDER = [
  'single-region-multi-az',
  'multi-region-active-passive',
  'multi-region-active-active',
  'event-driven-active-passive',
  'erp-on-kubernetes',
  'multi-tenant-with-dedicated-cell',
  'first-launch-common-mistakes',
];

let loading: Promise<Template[]> | null = null;

export function loadTemplates(): Promise<Template[]> {
  loading ??= Promise.all(
    Object.entries(TEMPLATE_TEXTS).map(async ([path, load]) => {
      const id = path.replace(/^.*\//, '').replace(/\.yaml$/, '');
      const result = loadDesign(await load(), { fileName: `${id}.yaml` });
      // The template tests keep every template valid; a broken one is left out rather than breaking the gallery.
      return result.ok ? { id, design: result.design, whenToUse: whenToUse(result.design.description) } : null;
    }),
  ).then((templates) =>
    templates
      .filter((t): t is Template => t !== null)
      .sort((a, b) => (ORDER.indexOf(a.id) + 1 || 99) - (ORDER.indexOf(b.id) + 1 || 99) || a.id.localeCompare(b.id)),
  );
  return loading;
}
