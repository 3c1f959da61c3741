/**
 * The Terraform tests' view of the AWS provider: the schema oracles of the releases the export's
 * version constraint admits, and checks of parsed HCL against them. Plain TypeScript (the
 * oracles come in as JSON imports), so it obeys the generators' layer rules.
 */
import { parse } from '@cdktf/hcl2json';
import oracle658 from './oracle/tf-aws-schema-subset.json';
import oracle5100 from './oracle/tf-aws-schema-5.100.0.json';

export interface ResourceSchema {
  arguments: string[];
  blocks: Record<string, string[]>;
  required: string[];
  block_required?: Record<string, string[]>;
  deprecated?: string[];
  missing?: boolean;
}
type Oracle = Record<string, ResourceSchema>;

/**
 * Known defect of the 6.58.0 oracle: its entry for aws_autoscaling_policy was parsed from the
 * wrong schema map (it lists a metric data query's fields). These are the resource's arguments in
 * provider v6.58.0 for the subset this generator writes.
 */
const CORRECTIONS_658: Oracle = {
  aws_autoscaling_policy: {
    arguments: ['autoscaling_group_name', 'name', 'policy_type', 'estimated_instance_warmup', 'enabled', 'adjustment_type', 'cooldown', 'scaling_adjustment'],
    blocks: {
      target_tracking_configuration: ['target_value', 'disable_scale_in'],
      'target_tracking_configuration.predefined_metric_specification': ['predefined_metric_type', 'resource_label'],
    },
    required: ['autoscaling_group_name', 'name'],
  },
};

/** Each provider release the version constraint admits that the export was checked against, with its schema. */
export const ORACLES: { readonly version: string; readonly schema: Oracle }[] = [
  { version: '5.100.0', schema: oracle5100 as unknown as Oracle },
  { version: '6.58.0', schema: { ...(oracle658 as unknown as Oracle), ...CORRECTIONS_658 } },
];

const META_ARGUMENTS = new Set(['provider', 'depends_on', 'count', 'for_each', 'lifecycle']);

export type Parsed = Record<string, unknown>;

export async function parseFiles(files: readonly { path: string; contents: string }[]): Promise<Map<string, Parsed>> {
  const parsed = new Map<string, Parsed>();
  for (const file of files.filter((f) => f.path.endsWith('.tf'))) parsed.set(file.path, (await parse(file.path, file.contents)) as Parsed);
  return parsed;
}

/** Every problem of one body against a schema: unknown arguments and blocks, missing required ones, deprecated ones. */
function checkBody(type: string, schema: ResourceSchema, body: Record<string, unknown>, path: string, where: string, problems: string[]): void {
  const allowed = path === '' ? schema.arguments : schema.blocks[path] ?? [];
  const required = path === '' ? schema.required : schema.block_required?.[path] ?? [];
  for (const [key, value] of Object.entries(body)) {
    if (path === '' && META_ARGUMENTS.has(key)) continue;
    const blockPath = path === '' ? key : `${path}.${key}`;
    if (blockPath in schema.blocks) {
      if (!Array.isArray(value)) problems.push(`${where}: ${blockPath} is a block, written as an argument`);
      else for (const item of value) checkBody(type, schema, item as Record<string, unknown>, blockPath, where, problems);
    } else if (!allowed.includes(key)) {
      problems.push(`${where}: ${type} has no argument or block "${blockPath}"`);
    } else if (path === '' && schema.deprecated?.includes(key)) {
      problems.push(`${where}: "${key}" is deprecated in ${type}`);
    }
  }
  for (const key of required) if (!(key in body)) problems.push(`${where}: required "${path ? `${path}.` : ''}${key}" missing`);
}

/** Resources and data sources of parsed files that the oracle of one release does not accept. */
export function oracleProblems(parsed: Map<string, Parsed>, oracle: Oracle, version: string): string[] {
  const problems: string[] = [];
  for (const [file, content] of parsed) {
    for (const [section, prefix] of [['resource', ''], ['data', 'data:']] as const) {
      const blocks = (content[section] ?? {}) as Record<string, Record<string, Record<string, unknown>[]>>;
      for (const [type, byName] of Object.entries(blocks)) {
        const schema = oracle[`${prefix}${type}`];
        if (!schema || schema.missing) {
          problems.push(`${file}: ${section} type ${type} is not in the AWS provider ${version} oracle`);
          continue;
        }
        for (const [name, bodies] of Object.entries(byName)) for (const body of bodies) checkBody(type, schema, body, '', `${file} ${prefix}${type}.${name} (provider ${version})`, problems);
      }
    }
  }
  return problems;
}

/** References to resources, data sources and variables must resolve; declared variables must be used. */
export function referenceProblems(files: readonly { path: string; contents: string }[], parsed: Map<string, Parsed>): string[] {
  const declared = new Set<string>();
  const declaredVariables = new Set<string>();
  for (const content of parsed.values()) {
    for (const [type, byName] of Object.entries((content.resource ?? {}) as Record<string, object>)) for (const name of Object.keys(byName)) declared.add(`${type}.${name}`);
    for (const [type, byName] of Object.entries((content.data ?? {}) as Record<string, object>)) for (const name of Object.keys(byName)) declared.add(`data.${type}.${name}`);
    for (const name of Object.keys((content.variable ?? {}) as object)) declaredVariables.add(name);
  }
  const problems: string[] = [];
  const usedVariables = new Set<string>();
  for (const file of files.filter((f) => f.path.endsWith('.tf'))) {
    const code = file.contents.replace(/"(?:[^"\\]|\\.)*"/g, (literal) => (literal.includes('${') ? literal : '""'));
    for (const match of code.matchAll(/\b(data\.)?(aws_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_]*)\b/g)) {
      if (match.index !== undefined && /(resource|data)\s+"$/.test(code.slice(Math.max(0, match.index - 12), match.index))) continue;
      const address = `${match[1] ?? ''}${match[2]}.${match[3]}`;
      if (!declared.has(address)) problems.push(`${file.path}: reference to undeclared ${address}`);
    }
    for (const match of code.matchAll(/\bvar\.([a-z0-9_]+)/g)) {
      usedVariables.add(match[1]!);
      if (!declaredVariables.has(match[1]!)) problems.push(`${file.path}: undeclared variable ${match[1]}`);
    }
  }
  for (const name of declaredVariables) if (!usedVariables.has(name)) problems.push(`variables.tf: variable ${name} is never used`);
  return problems;
}

/** Addresses declared more than once (two components that gave the same resource name). */
export function duplicateAddresses(parsed: Map<string, Parsed>): string[] {
  const seen = new Map<string, number>();
  for (const content of parsed.values()) {
    for (const [section, prefix] of [['resource', ''], ['data', 'data.'], ['output', 'output.'], ['variable', 'var.']] as const) {
      const blocks = (content[section] ?? {}) as Record<string, unknown>;
      for (const [type, value] of Object.entries(blocks)) {
        if (section === 'output' || section === 'variable') {
          const address = `${prefix}${type}`;
          seen.set(address, (seen.get(address) ?? 0) + (value as unknown[]).length);
          continue;
        }
        for (const [name, bodies] of Object.entries(value as Record<string, unknown[]>)) {
          const address = `${prefix}${type}.${name}`;
          seen.set(address, (seen.get(address) ?? 0) + bodies.length);
        }
      }
    }
  }
  return [...seen].filter(([, count]) => count > 1).map(([address]) => address);
}
