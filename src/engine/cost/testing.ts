// Test support for the cost tests: fixtures, templates and the committed catalogs, through
// Vite's raw and JSON imports (vitest), so the engine folder needs no node:fs.
import { loadDesign } from '../../catalog';
import type { Design } from '../../model';
import awsCatalog from '../../../public/prices/aws.json';
import azureCatalog from '../../../public/prices/azure.json';
import gcpCatalog from '../../../public/prices/gcp.json';
import { parsePriceCatalog } from './price-catalog';
import type { PriceCatalog } from './types';

const fixtures = import.meta.glob<string>('./fixtures/*.yaml', { query: '?raw', import: 'default', eager: true });
const templates = import.meta.glob<string>('../../../templates/*.yaml', { query: '?raw', import: 'default', eager: true });

export function loadCatalogs(): PriceCatalog[] {
  return [
    parsePriceCatalog(awsCatalog, 'public/prices/aws.json'),
    parsePriceCatalog(azureCatalog, 'public/prices/azure.json'),
    parsePriceCatalog(gcpCatalog, 'public/prices/gcp.json'),
  ];
}

function load(files: Record<string, string>, path: string): Design {
  const text = files[path];
  if (text === undefined) throw new Error(`no such file: ${path}`);
  const result = loadDesign(text, { fileName: path });
  if (!result.ok) throw new Error(`${path}: ${JSON.stringify(result.problems)}`);
  return result.design;
}

export const fixture = (name: string): Design => load(fixtures, `./fixtures/${name}.yaml`);
export const template = (name: string): Design => load(templates, `../../../templates/${name}.yaml`);
export const templateNames = (): string[] => Object.keys(templates).map((path) => /([^/]+)\.yaml$/.exec(path)![1]!).sort();
