import { makeObject, Unknown, type Value, type ValueObject } from '../hcl/evaluate';
import { spend } from '../limits';
import type { TfInput, TfProvider, TfResource } from './types';

/**
 * `terraform show -json` of a plan (`planned_values`, with the `configuration` that says what
 * refers to what) or of a state (`values` only). Counts, for_each and variables are resolved,
 * modules from the registry are expanded into their resources, and values computed at apply
 * are absent. Without a configuration (state), references come from values that name another
 * resource's id, ARN or endpoint.
 */

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined);
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function isShowJson(value: unknown): value is Json {
  const json = asObject(value);
  return json !== undefined && typeof json.format_version === 'string' && (asObject(json.planned_values) !== undefined || asObject(json.values) !== undefined);
}

function toValue(json: unknown): Value {
  if (json === null || json === undefined) return null;
  if (typeof json === 'string' || typeof json === 'number' || typeof json === 'boolean') return json;
  if (Array.isArray(json)) return json.map(toValue);
  if (typeof json === 'object') return makeObject(Object.entries(json as Json).map(([key, value]) => [key, toValue(value)] as const));
  return null;
}

/** Marks what the plan computes at apply (`after_unknown`) as unknown, so it is never read as a value. */
function withUnknowns(values: Value, unknown: unknown): Value {
  if (unknown === true) return new Unknown('known after apply');
  const map = asObject(unknown);
  if (map && values !== null && typeof values === 'object' && !Array.isArray(values) && !(values instanceof Unknown)) {
    const out: [string, Value][] = Object.entries(values);
    for (const [key, flag] of Object.entries(map)) {
      const index = out.findIndex(([k]) => k === key);
      const next = withUnknowns(index >= 0 ? out[index]![1] : null, flag);
      if (index >= 0) out[index] = [key, next];
      else if (flag === true) out.push([key, next]);
    }
    return makeObject(out);
  }
  if (Array.isArray(unknown) && Array.isArray(values)) return values.map((item, i) => withUnknowns(item, unknown[i]));
  return values;
}

interface ConfigModule {
  readonly prefix: string;
  readonly resources: Json[];
  readonly calls: Json;
  readonly outputs: Json;
}

/** The configuration's modules by prefix (`''`, `module.vpc.`), for expressions and provider keys. */
function configModules(configuration: Json | undefined): Map<string, ConfigModule> {
  const out = new Map<string, ConfigModule>();
  const walk = (module: Json | undefined, prefix: string) => {
    if (!module) return;
    const calls = asObject(module.module_calls) ?? {};
    out.set(prefix, { prefix, resources: asArray(module.resources).flatMap((r) => (asObject(r) ? [r as Json] : [])), calls, outputs: asObject(module.outputs) ?? {} });
    for (const [name, call] of Object.entries(calls)) walk(asObject(asObject(call)?.module), `${prefix}module.${name}.`);
  };
  walk(asObject(configuration?.root_module), '');
  return out;
}

/** A reference as the plan writes it (`aws_subnet.a.id`, `module.vpc.private_subnets`, `var.x`) -> resource addresses. */
function resolveReference(reference: string, prefix: string, modules: Map<string, ConfigModule>, depth = 0): string[] {
  spend();
  const parts = reference.replace(/\[[^\]]*\]/g, '').split('.');
  if (parts[0] === 'var' && parts[1] && prefix !== '' && depth <= 8) {
    // A module's variable refers to what the calling module passes in.
    const match = /^(.*?)module\.([^.]+)\.$/.exec(prefix);
    const parent = match ? modules.get(match[1]!) : undefined;
    const expression = asObject(asObject(asObject(parent?.calls[match?.[2] ?? ''])?.expressions)?.[parts[1]]);
    return asArray(expression?.references).flatMap((ref) => (typeof ref === 'string' ? resolveReference(ref, match![1]!, modules, depth + 1) : []));
  }
  if (['var', 'local', 'each', 'count', 'path', 'terraform', 'self'].includes(parts[0]!)) return [];
  if (parts[0] === 'module' && parts[1]) {
    const inner = `${prefix}module.${parts[1]}.`;
    const output = parts[2];
    const module = modules.get(inner);
    const expression = output ? asObject(asObject(module?.outputs[output])?.expression) : undefined;
    if (!expression || depth > 8) return [];
    return asArray(expression.references).flatMap((ref) => (typeof ref === 'string' ? resolveReference(ref, inner, modules, depth + 1) : []));
  }
  if (parts[0] === 'data') return parts.length >= 3 ? [`${prefix}data.${parts[1]}.${parts[2]}`] : [];
  return parts.length >= 2 ? [`${prefix}${parts[0]}.${parts[1]}`] : [];
}

/** References of a resource's expressions, by argument path. */
function expressionRefs(expressions: Json, prefix: string, modules: Map<string, ConfigModule>): Map<string, Set<string>> {
  const refs = new Map<string, Set<string>>();
  const add = (path: string, addresses: string[]) => {
    const segments = path.split('.');
    for (let length = 1; length <= segments.length; length += 1) {
      const key = segments.slice(0, length).join('.');
      const set = refs.get(key) ?? new Set<string>();
      for (const address of addresses) set.add(address);
      refs.set(key, set);
    }
  };
  const walk = (node: unknown, path: string) => {
    const object = asObject(node);
    if (Array.isArray(node)) {
      for (const item of node) walk(item, path);
      return;
    }
    if (!object) return;
    if ('references' in object || 'constant_value' in object) {
      const addresses = asArray(object.references).flatMap((ref) => (typeof ref === 'string' ? resolveReference(ref, prefix, modules) : []));
      if (addresses.length > 0) add(path, addresses);
      return;
    }
    for (const [key, value] of Object.entries(object)) walk(value, path ? `${path}.${key}` : key);
  };
  walk(expressions, '');
  return refs;
}

/** Values that name another resource (its id, ARN, name or endpoint) -> that resource's address. */
function valueIndex(resources: readonly { address: string; base: string; values: Json }[]): Map<string, string> {
  const index = new Map<string, string>();
  for (const resource of resources) {
    for (const key of ['id', 'arn', 'dns_name', 'address', 'endpoint', 'primary_endpoint_address', 'url', 'bucket', 'name']) {
      const value = resource.values[key];
      if (typeof value === 'string' && value.length >= 6 && !index.has(value)) index.set(value, resource.address);
    }
  }
  return index;
}

function valueRefs(values: Json, index: Map<string, string>, self: string): Map<string, Set<string>> {
  const refs = new Map<string, Set<string>>();
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') {
      const hits = [...index.entries()].filter(([value, address]) => address !== self && (node === value || (value.length >= 12 && node.includes(value)))).map(([, address]) => address);
      if (hits.length === 0) return;
      const segments = path.split('.');
      for (let length = 1; length <= segments.length; length += 1) {
        const key = segments.slice(0, length).join('.');
        const set = refs.get(key) ?? new Set<string>();
        for (const hit of hits) set.add(hit);
        refs.set(key, set);
      }
      return;
    }
    if (Array.isArray(node)) for (const item of node) walk(item, path);
    else if (asObject(node)) for (const [key, value] of Object.entries(node as Json)) walk(value, path ? `${path}.${key}` : key);
  };
  walk(values, '');
  return refs;
}

/** Reads `terraform show -json` of a plan or a state. */
export function readShowJson(json: Json): TfInput {
  const plan = asObject(json.planned_values);
  const kind = plan ? 'plan' : 'state';
  const configuration = asObject(json.configuration);
  const modules = configModules(configuration);
  const unknownByAddress = new Map<string, unknown>();
  for (const change of asArray(json.resource_changes)) {
    const entry = asObject(change);
    const address = typeof entry?.address === 'string' ? entry.address : undefined;
    if (address) unknownByAddress.set(address, asObject(entry!.change)?.after_unknown);
  }

  const providerConfigs = asObject(configuration?.provider_config) ?? {};
  const providers = new Map<string, TfProvider>();
  for (const [key, config] of Object.entries(providerConfigs)) {
    const entry = asObject(config);
    if (entry?.name !== 'aws') continue;
    const region = asObject(asObject(entry.expressions)?.region)?.constant_value;
    const tags = asObject(asObject(asArray(asObject(entry.expressions)?.default_tags)[0])?.tags)?.constant_value;
    providers.set(key, {
      key,
      rootKey: key.replace(/^[^:]*:/, ''),
      region: typeof region === 'string' ? region : new Unknown('region not in the plan'),
      defaultTags: Object.fromEntries(Object.entries(asObject(tags) ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string')),
      declaredAt: `provider_config "${key}"`,
    });
  }

  const raw: { address: string; base: string; values: Json; entry: Json; prefix: string }[] = [];
  const walk = (module: Json | undefined) => {
    if (!module) return;
    for (const item of asArray(module.resources)) {
      const entry = asObject(item);
      if (!entry || typeof entry.address !== 'string') continue;
      const address = entry.address;
      const base = address.replace(/\[[^\]]*\]$/, '');
      const prefix = base.slice(0, base.length - `${entry.type as string}.${entry.name as string}`.length - (entry.mode === 'data' ? 'data.'.length : 0));
      raw.push({ address, base, values: asObject(entry.values) ?? {}, entry, prefix });
    }
    for (const child of asArray(module.child_modules)) walk(asObject(child));
  };
  walk(asObject((plan ?? asObject(json.values))?.root_module));

  const index = valueIndex(raw);
  const resources: TfResource[] = raw.map(({ address, base, values, entry, prefix }) => {
    const configModule = modules.get(prefix.replace(/\.?$/, prefix ? '.' : ''));
    const configResource = configModule?.resources.find((r) => `${prefix}${r.address as string}` === base || r.address === base.slice(prefix.length));
    const refs = configResource ? expressionRefs(asObject(configResource.expressions) ?? {}, prefix, modules) : new Map<string, Set<string>>();
    for (const [key, set] of valueRefs(values, index, address)) {
      const existing = refs.get(key) ?? new Set<string>();
      for (const ref of set) existing.add(ref);
      refs.set(key, existing);
    }
    const providerKey = typeof configResource?.provider_config_key === 'string' ? configResource.provider_config_key : undefined;
    const provider = providerKey ? providers.get(providerKey) ?? providers.get(providerKey.replace(/^[^:]*:/, '')) : providers.get('aws');
    const attributes = withUnknowns(toValue(values), unknownByAddress.get(address)) as ValueObject;
    return {
      address,
      base,
      mode: entry.mode === 'data' ? 'data' : 'managed',
      type: String(entry.type),
      name: String(entry.name),
      module: prefix.replace(/\.$/, ''),
      provider,
      attributes,
      refs,
    };
  });
  return {
    kind,
    resources,
    moduleCalls: [],
    providers: [...providers.values()],
    unsetVariables: [],
    notes: kind === 'state' ? [{ address: '(state)', message: 'a state holds no configuration: connections come from values that name another resource' }] : [],
  };
}
