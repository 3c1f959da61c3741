/**
 * Writes the schema oracle of an AWS provider release from the provider itself, in the format of
 * generators/terraform/oracle/tf-aws-schema-subset.json, for the resource types and data sources
 * that oracle lists (the ones the Terraform export can write):
 *
 *   terraform providers schema -json > schema.json   # after `terraform init` with that release
 *   npx tsx scripts/terraform-oracle.ts schema.json 5.100.0
 *
 * writes generators/terraform/oracle/tf-aws-schema-<version>.json. The export's tests check every
 * generated file against each oracle, so the code stays valid for every release the version
 * constraint admits.
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface SchemaAttribute {
  required?: boolean;
  optional?: boolean;
  computed?: boolean;
  deprecated?: boolean;
}
interface SchemaBlock {
  attributes?: Record<string, SchemaAttribute>;
  block_types?: Record<string, { nesting_mode: string; max_items?: number; block: SchemaBlock }>;
  deprecated?: boolean;
}
interface OracleEntry {
  arguments: string[];
  blocks: Record<string, string[]>;
  required: string[];
  block_required?: Record<string, string[]>;
  block_max_items?: Record<string, number>;
  deprecated?: string[];
  computed_attributes: string[];
  truncated_blocks?: string[];
  schema_source: string;
}

const MAX_DEPTH = 4;

const [schemaFile, version] = process.argv.slice(2);
if (!schemaFile || !version) {
  console.error('usage: tsx scripts/terraform-oracle.ts <terraform providers schema -json output> <provider version>');
  process.exit(2);
}
const root = new URL('../generators/terraform/oracle/', import.meta.url);
const reference = JSON.parse(readFileSync(new URL('tf-aws-schema-subset.json', root), 'utf8')) as Record<string, unknown>;
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
  provider_schemas: Record<string, { resource_schemas: Record<string, { block: SchemaBlock }>; data_source_schemas: Record<string, { block: SchemaBlock }> }>;
};
const provider = schema.provider_schemas['registry.terraform.io/hashicorp/aws'];
if (!provider) throw new Error('no registry.terraform.io/hashicorp/aws in the schema');

function entryOf(block: SchemaBlock, source: string): OracleEntry {
  const entry: OracleEntry = { arguments: [], blocks: {}, required: [], computed_attributes: [], schema_source: source };
  const blockRequired: Record<string, string[]> = {};
  const maxItems: Record<string, number> = {};
  const deprecated: string[] = [];
  const truncated: string[] = [];
  const walk = (b: SchemaBlock, path: string): string[] => {
    const names: string[] = [];
    for (const [name, attribute] of Object.entries(b.attributes ?? {}).sort(([x], [y]) => x.localeCompare(y))) {
      if (name === 'id' && path === '') continue;
      if (!attribute.required && !attribute.optional) {
        if (path === '') entry.computed_attributes.push(name);
        continue;
      }
      names.push(name);
      if (attribute.required) (path === '' ? entry.required : (blockRequired[path] ??= [])).push(name);
      if (attribute.deprecated && path === '') deprecated.push(name);
    }
    for (const [name, nested] of Object.entries(b.block_types ?? {}).sort(([x], [y]) => x.localeCompare(y))) {
      const child = path === '' ? name : `${path}.${name}`;
      // WAF statements nest recursively; the export writes three levels, the oracle keeps four.
      if (child.split('.').length > MAX_DEPTH) {
        truncated.push(child);
        continue;
      }
      entry.blocks[child] = walk(nested.block, child);
      if (nested.max_items === 1) maxItems[child] = 1;
      if (nested.block.deprecated && path === '') deprecated.push(name);
    }
    return names;
  };
  entry.arguments = walk(block, '');
  if (Object.keys(blockRequired).length > 0) entry.block_required = blockRequired;
  if (Object.keys(maxItems).length > 0) entry.block_max_items = maxItems;
  if (deprecated.length > 0) entry.deprecated = deprecated;
  if (truncated.length > 0) entry.truncated_blocks = truncated;
  return entry;
}

const out: Record<string, unknown> = {
  _meta: {
    provider: 'registry.terraform.io/hashicorp/aws',
    provider_version: `v${version}`,
    method: `Written by scripts/terraform-oracle.ts from \`terraform providers schema -json\` of provider ${version}, for the types listed in tf-aws-schema-subset.json. Arguments are Required or Optional attributes (id left out); blocks are nested block types, by dotted path; data sources are keyed "data:<type>".`,
    format: 'As tf-aws-schema-subset.json.',
  },
};
for (const key of Object.keys(reference).filter((k) => k !== '_meta').sort()) {
  const data = key.startsWith('data:');
  const type = data ? key.slice('data:'.length) : key;
  const found = (data ? provider.data_source_schemas : provider.resource_schemas)[type];
  if (!found) {
    out[key] = { missing: true, schema_source: `${type} does not exist in provider ${version}` };
    continue;
  }
  out[key] = entryOf(found.block, `terraform providers schema -json, hashicorp/aws ${version}`);
}
const target = new URL(`tf-aws-schema-${version}.json`, root);
writeFileSync(target, `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${target.pathname}`);
