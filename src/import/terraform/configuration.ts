import { parseJsonString, type Step } from '../hcl/expression';
import { IMPORT_LIMITS, ImportLimitError, spend, withEvaluationBudget } from '../limits';
import { evaluate, childScope, isObject, makeObject, traverse, Unknown, type RefSink, type Scope, type Value, type ValueObject } from '../hcl/evaluate';
import type { HclJson } from '../hcl/parser';
import type { TfInput, TfModuleCall, TfProvider, TfResource, UnsetVariable } from './types';

/** A module's folder, parsed: its files' blocks merged. */
export interface ParsedModule {
  /** The folder, relative to what was opened (`''` for the root, `modules/app`). */
  readonly dir: string;
  readonly files: readonly { readonly path: string; readonly json: HclJson }[];
}

/** Values of the root module's variables from `.tfvars` files (later files win). */
export type VariableValues = ReadonlyMap<string, Value>;

type Json = unknown;
type Body = Record<string, Json>;

/** Arguments that steer Terraform, not the resource: never read as the resource's settings. */
const META_ARGUMENTS = new Set(['count', 'for_each', 'provider', 'depends_on', 'lifecycle', 'provisioner', 'connection', 'dynamic']);
const MAX_INSTANCES = IMPORT_LIMITS.maxInstancesPerResource;
const MAX_MODULE_DEPTH = 8;

interface Declaration {
  readonly type: string;
  readonly name: string;
  readonly mode: 'managed' | 'data';
  readonly body: Body;
  readonly file: string;
}

interface ModuleDeclaration {
  readonly name: string;
  readonly body: Body;
  readonly file: string;
}

interface Instance {
  readonly address: string;
  readonly key: Value | undefined;
  readonly each?: { key: Value; value: Value };
  readonly index?: number;
}

/** Joins a module folder and a relative `source` (`../modules/app`), `/`-separated, without `.` or `..`. */
export function joinPath(dir: string, relative: string): string {
  const parts = dir === '' ? [] : dir.split('/');
  for (const segment of relative.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}

const asBody = (value: Json): Body | undefined => (value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Body) : undefined);
const blocksOf = (value: Json): Body[] => (Array.isArray(value) ? value.flatMap((item) => (asBody(item) ? [item as Body] : [])) : asBody(value) ? [value as Body] : []);

/** Everything that reading the configuration collects, shared by every module instance. */
class Collector {
  readonly resources: TfResource[] = [];
  readonly moduleCalls: TfModuleCall[] = [];
  readonly providers: TfProvider[] = [];
  readonly notes: { address: string; message: string }[] = [];
  readonly unset = new Map<string, { description?: string; usedBy: Set<string> }>();
  /** Local module instances made so far (a module that calls itself would otherwise multiply them). */
  moduleInstances = 0;
  /** The address whose arguments are being evaluated, so an unset variable knows who reads it. */
  reading: string[] = [];
}

class ModuleInstance implements Scope {
  private readonly variables = new Map<string, Body>();
  private readonly locals = new Map<string, Json>();
  private readonly localValues = new Map<string, { value: Value; refs: RefSink } | 'pending'>();
  private readonly declarations = new Map<string, Declaration>();
  private readonly modules = new Map<string, ModuleDeclaration>();
  private readonly children = new Map<string, ModuleInstance | null>();
  private readonly instancesOf = new Map<string, Instance[] | 'pending'>();
  private readonly attributesOf = new Map<string, { attributes: ValueObject; refs: Map<string, Set<string>> } | 'pending'>();
  private readonly outputs = new Map<string, Json>();
  /** Provider configurations visible here, by their local key (`aws`, `aws.eu`). */
  readonly providers = new Map<string, TfProvider>();

  constructor(
    readonly prefix: string,
    private readonly module: ParsedModule,
    private readonly modulesByDir: ReadonlyMap<string, ParsedModule>,
    private readonly collector: Collector,
    /** The caller's values for this module's variables (root: from tfvars), evaluated lazily. */
    private readonly inputs: (name: string, refs: RefSink) => Value | undefined,
    inherited: ReadonlyMap<string, TfProvider>,
    private readonly depth: number,
  ) {
    for (const [key, provider] of inherited) this.providers.set(key, provider);
    for (const file of module.files) this.index(file.path, file.json);
    // Providers last: their region may read a variable or local declared in any file.
    for (const file of module.files) this.indexProviders(file.path, file.json);
  }

  private index(path: string, json: HclJson): void {
    for (const [name, blocks] of Object.entries(asBody(json.variable) ?? {})) {
      const body = blocksOf(blocks)[0];
      if (body) this.variables.set(name, body);
    }
    for (const block of blocksOf(json.locals)) for (const [name, value] of Object.entries(block)) this.locals.set(name, value);
    for (const [mode, key] of [
      ['managed', 'resource'],
      ['data', 'data'],
    ] as const) {
      for (const [type, named] of Object.entries(asBody(json[key]) ?? {})) {
        for (const [name, blocks] of Object.entries(asBody(named) ?? {})) {
          const body = blocksOf(blocks)[0];
          if (body) this.declarations.set(`${mode === 'data' ? 'data.' : ''}${type}.${name}`, { type, name, mode, body, file: path });
        }
      }
    }
    for (const [name, blocks] of Object.entries(asBody(json.module) ?? {})) {
      const body = blocksOf(blocks)[0];
      if (body) this.modules.set(name, { name, body, file: path });
    }
    for (const [name, blocks] of Object.entries(asBody(json.output) ?? {})) {
      const body = blocksOf(blocks)[0];
      if (body) this.outputs.set(name, body.value);
    }
  }

  private indexProviders(path: string, json: HclJson): void {
    for (const [name, blocks] of Object.entries(asBody(json.provider) ?? {})) {
      for (const body of blocksOf(blocks)) {
        const alias = typeof body.alias === 'string' ? body.alias : undefined;
        const key = alias ? `${name}.${alias}` : name;
        const refs: RefSink = new Set();
        const region = body.region === undefined ? new Unknown('no region set') : this.valueOf(body.region, this, refs);
        const tags = this.valueOf(blocksOf(body.default_tags)[0]?.tags ?? null, this, new Set());
        const defaultTags = Object.fromEntries(Object.entries(isObject(tags) ? tags : {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
        const provider: TfProvider = {
          key,
          defaultTags,
          rootKey: this.prefix === '' ? key : `${this.prefix}${key}`,
          region,
          declaredAt: `${this.prefix}provider "${name}"${alias ? ` (alias ${alias})` : ''} in ${path}`,
        };
        this.providers.set(key, provider);
        if (name === 'aws') this.collector.providers.push(provider);
      }
    }
  }

  /** An hcl2json value (a literal, a `${}` string, a list, an object) evaluated in `scope`. */
  valueOf(json: Json, scope: Scope, refs: RefSink): Value {
    spend();
    if (typeof json === 'string') return evaluate(parseJsonString(json), scope, refs);
    if (typeof json === 'number' || typeof json === 'boolean' || json === null) return json;
    if (Array.isArray(json)) return json.map((item) => this.valueOf(item, scope, refs));
    if (typeof json === 'object') return makeObject(Object.entries(json as Body).map(([key, value]) => [key, this.valueOf(value, scope, refs)] as const));
    return new Unknown('unreadable');
  }

  /** An hcl2json value evaluated like `valueOf`, recording references under its path and every prefix (`rule`, `rule.copy_action`, ...). */
  private tracked(json: Json, scope: Scope, path: string, byPath: Map<string, Set<string>>): Value {
    if (Array.isArray(json)) return json.map((item) => this.tracked(item, scope, path, byPath));
    if (json !== null && typeof json === 'object') {
      return makeObject(Object.entries(json as Body).map(([key, value]) => [key, this.tracked(value, scope, `${path}.${key}`, byPath)] as const));
    }
    const own: RefSink = new Set();
    const value = this.valueOf(json, scope, own);
    if (own.size > 0) {
      const segments = path.split('.');
      for (let length = 1; length <= segments.length; length += 1) {
        const prefix = segments.slice(0, length).join('.');
        const set = byPath.get(prefix) ?? new Set<string>();
        for (const ref of own) set.add(ref);
        byPath.set(prefix, set);
      }
    }
    return value;
  }

  /** A resource body's arguments and nested blocks, with `dynamic` blocks expanded where their collection is known. */
  private bodyValue(body: Body, scope: Scope, refsByKey: Map<string, Set<string>>, address: string): ValueObject {
    const entries: [string, Value][] = [];
    for (const [key, json] of Object.entries(body)) {
      if (META_ARGUMENTS.has(key)) continue;
      entries.push([key, this.tracked(json, scope, key, refsByKey)]);
    }
    for (const [name, blocks] of Object.entries(asBody(body.dynamic) ?? {})) {
      const generated: Value[] = [];
      for (const dynamic of blocksOf(blocks)) {
        const iterator = typeof dynamic.iterator === 'string' ? dynamic.iterator : name;
        const collection = this.tracked(dynamic.for_each, scope, name, refsByKey);
        const content = blocksOf(dynamic.content)[0] ?? {};
        if (collection instanceof Unknown) {
          this.collector.notes.push({ address, message: `dynamic "${name}" blocks: their for_each is not known before plan; read as one block` });
          generated.push(this.tracked(content, childScope(scope, new Map([[iterator, makeObject([['key', collection], ['value', collection]])]])), name, refsByKey));
          continue;
        }
        const pairs: [Value, Value][] = Array.isArray(collection) ? collection.map((item, i) => [i, item]) : isObject(collection) ? Object.entries(collection) : [];
        for (const [key, value] of pairs) {
          generated.push(this.tracked(content, childScope(scope, new Map([[iterator, makeObject([['key', key], ['value', value]])]])), name, refsByKey));
        }
      }
      const existing = entries.find(([key]) => key === name);
      if (existing && Array.isArray(existing[1])) existing[1] = [...existing[1], ...generated];
      else entries.push([name, generated]);
    }
    return makeObject(entries);
  }

  private providerOf(body: Body, fallbackType: string): TfProvider | undefined {
    const name = fallbackType.split('_')[0]!;
    let key = name;
    if (typeof body.provider === 'string') key = body.provider.replace(/^\$\{|\}$/g, '').trim();
    return this.providers.get(key);
  }

  /** The instances of a resource or data source: one, or one per `count` / `for_each` element. */
  private instances(id: string): Instance[] {
    const memo = this.instancesOf.get(id);
    if (memo === 'pending') return [{ address: `${this.prefix}${id}`, key: undefined }];
    if (memo) return memo;
    this.instancesOf.set(id, 'pending');
    const declaration = this.declarations.get(id)!;
    const base = `${this.prefix}${id}`;
    const refs: RefSink = new Set();
    let instances: Instance[];
    this.collector.reading.push(base);
    if (declaration.body.count !== undefined) {
      const count = this.valueOf(declaration.body.count, this, refs);
      if (typeof count === 'number') {
        if (count > MAX_INSTANCES) this.collector.notes.push({ address: base, message: `count is ${count}: the first ${MAX_INSTANCES} instances are read` });
        instances = Array.from({ length: Math.min(count, MAX_INSTANCES) }, (_, index) => ({ address: `${base}[${index}]`, key: index, index }));
      } else {
        this.collector.notes.push({ address: base, message: `count is not known before plan (${describeUnknown(count)}): read as one instance` });
        instances = [{ address: base, key: undefined, index: 0 }];
      }
    } else if (declaration.body.for_each !== undefined) {
      const collection = this.valueOf(declaration.body.for_each, this, refs);
      const pairs: [string, Value][] = Array.isArray(collection)
        ? collection.map((item) => [typeof item === 'string' ? item : JSON.stringify(item), item])
        : isObject(collection)
          ? Object.entries(collection)
          : [];
      if (collection instanceof Unknown) {
        this.collector.notes.push({ address: base, message: `for_each is not known before plan (${describeUnknown(collection)}): read as one instance` });
        instances = [{ address: base, key: undefined, each: { key: collection, value: collection } }];
      } else {
        if (pairs.length > MAX_INSTANCES) this.collector.notes.push({ address: base, message: `for_each has ${pairs.length} elements: the first ${MAX_INSTANCES} instances are read` });
        instances = pairs.slice(0, MAX_INSTANCES).map(([key, value]) => ({ address: `${base}[${JSON.stringify(key)}]`, key, each: { key, value } }));
      }
    } else {
      instances = [{ address: base, key: undefined }];
    }
    this.collector.reading.pop();
    this.instancesOf.set(id, instances);
    return instances;
  }

  private instanceScope(instance: Instance): Scope {
    const names = new Map<string, Value>();
    if (instance.index !== undefined) names.set('count', makeObject([['index', instance.index]]));
    if (instance.each) names.set('each', makeObject([['key', instance.each.key], ['value', instance.each.value]]));
    return names.size > 0 ? childScope(this, names) : this;
  }

  /** The evaluated arguments of one instance (memoised; a reference cycle reads as unknown). */
  private attributes(id: string, instance: Instance): { attributes: ValueObject; refs: Map<string, Set<string>> } | undefined {
    const memo = this.attributesOf.get(instance.address);
    if (memo === 'pending') return undefined;
    if (memo) return memo;
    this.attributesOf.set(instance.address, 'pending');
    const declaration = this.declarations.get(id)!;
    const refs = new Map<string, Set<string>>();
    this.collector.reading.push(instance.address);
    const attributes = this.bodyValue(declaration.body, this.instanceScope(instance), refs, instance.address);
    this.collector.reading.pop();
    const result = { attributes, refs };
    this.attributesOf.set(instance.address, result);
    return result;
  }

  /** A resource reference: `aws_lb.web.arn`, `aws_subnet.private[0].id`, `aws_subnet.private[*].id`. */
  private resourceValue(id: string, steps: readonly Step[], refs: RefSink, caller: Scope): Value {
    const instances = this.instances(id);
    const declaration = this.declarations.get(id)!;
    const counted = declaration.body.count !== undefined || declaration.body.for_each !== undefined;
    const base = `${this.prefix}${id}`;
    const attributeOf = (instance: Instance, rest: readonly Step[]): Value => {
      const [first, ...tail] = rest;
      // The whole instance (`for_each = aws_subnet.public`): its configured arguments.
      if (!first) return this.attributes(id, instance)?.attributes ?? new Unknown('computed');
      if (first.type !== 'attr') return new Unknown('computed');
      const values = this.attributes(id, instance);
      if (!values || !Object.hasOwn(values.attributes, first.name)) return new Unknown('computed');
      return traverse(values.attributes[first.name]!, tail, caller, refs);
    };
    if (!counted || instances.length === 1 && instances[0]!.key === undefined) {
      refs.add(base);
      const rest = counted && steps[0] && steps[0].type !== 'attr' ? steps.slice(1) : steps;
      return attributeOf(instances[0]!, rest);
    }
    const [first, ...rest] = steps;
    if (first === undefined && declaration.body.for_each !== undefined) {
      refs.add(base);
      return makeObject(instances.map((instance) => [typeof instance.key === 'string' ? instance.key : String(instance.key), attributeOf(instance, [])] as const));
    }
    if (first?.type === 'splat' || first === undefined) {
      refs.add(base);
      return instances.map((instance) => attributeOf(instance, rest));
    }
    if (first.type === 'index') {
      const key = evaluate(first.key, caller, refs);
      const instance = instances.find((candidate) => candidate.key === key);
      if (!instance) {
        refs.add(base);
        return new Unknown('computed');
      }
      refs.add(instance.address);
      return attributeOf(instance, rest);
    }
    refs.add(base);
    return new Unknown('computed');
  }

  private variable(name: string, refs: RefSink): Value {
    const input = this.inputs(name, refs);
    if (input !== undefined) return input;
    const declaration = this.variables.get(name);
    if (declaration && Object.hasOwn(declaration, 'default')) return this.valueOf(declaration.default, this, refs);
    const qualified = `${this.prefix}var.${name}`;
    const entry = this.collector.unset.get(qualified) ?? { description: typeof declaration?.description === 'string' ? declaration.description : undefined, usedBy: new Set<string>() };
    const reader = this.collector.reading[this.collector.reading.length - 1];
    if (reader) entry.usedBy.add(reader);
    this.collector.unset.set(qualified, entry);
    return new Unknown(`unset variable ${qualified}`);
  }

  private local(name: string, refs: RefSink): Value {
    const memo = this.localValues.get(name);
    if (memo === 'pending') return new Unknown(`local.${name} refers to itself`);
    if (!memo && !this.locals.has(name)) return new Unknown(`no local.${name}`);
    let entry = memo;
    if (!entry) {
      this.localValues.set(name, 'pending');
      const own: RefSink = new Set();
      entry = { value: this.valueOf(this.locals.get(name), this, own), refs: own };
      this.localValues.set(name, entry);
    }
    // A resource that reads a local refers to what the local names.
    for (const ref of entry.refs) refs.add(ref);
    return entry.value;
  }

  private child(name: string): ModuleInstance | null {
    if (this.children.has(name)) return this.children.get(name)!;
    this.children.set(name, null);
    const declaration = this.modules.get(name)!;
    const source = typeof declaration.body.source === 'string' ? declaration.body.source : '';
    const address = `${this.prefix}module.${name}`;
    const local = source.startsWith('./') || source.startsWith('../');
    const providers = this.providersFor(declaration.body);
    if (!local) {
      const refs = new Map<string, Set<string>>();
      this.collector.reading.push(address);
      const inputs = this.bodyValue(Object.fromEntries(Object.entries(declaration.body).filter(([key]) => !['source', 'version', 'providers'].includes(key))), this, refs, address);
      this.collector.reading.pop();
      this.collector.moduleCalls.push({
        address,
        source,
        version: typeof declaration.body.version === 'string' ? declaration.body.version : undefined,
        inputs,
        refs,
        provider: providers.get('aws'),
        file: declaration.file,
      });
      return null;
    }
    const dir = joinPath(this.module.dir, source);
    const parsed = this.modulesByDir.get(dir);
    if (!parsed) {
      this.collector.notes.push({ address, message: `local module "${source}" (${dir || '.'}) is not among the files opened: its resources are not imported` });
      return null;
    }
    if (this.depth >= MAX_MODULE_DEPTH) {
      this.collector.notes.push({ address, message: `modules nested more than ${MAX_MODULE_DEPTH} deep: not followed` });
      return null;
    }
    if (declaration.body.count !== undefined || declaration.body.for_each !== undefined) {
      this.collector.notes.push({ address, message: 'module with count or for_each: read as one instance' });
    }
    const inputs = (variable: string, refs: RefSink): Value | undefined => {
      if (!Object.hasOwn(declaration.body, variable) || ['source', 'version', 'providers', 'count', 'for_each', 'depends_on'].includes(variable)) return undefined;
      this.collector.reading.push(address);
      const value = this.valueOf(declaration.body[variable], this, refs);
      this.collector.reading.pop();
      return value;
    };
    this.collector.moduleInstances += 1;
    if (this.collector.moduleInstances > IMPORT_LIMITS.maxModuleInstances) {
      throw new ImportLimitError(`more than ${IMPORT_LIMITS.maxModuleInstances} local module instances (a module that calls itself, or calls of calls?), refused; the last was ${address}`);
    }
    const instance = new ModuleInstance(`${address}.`, parsed, this.modulesByDir, this.collector, inputs, providers, this.depth + 1);
    this.children.set(name, instance);
    return instance;
  }

  /** Providers a child module sees: the defaults of this module, with the call's `providers = { aws = aws.eu }`. */
  private providersFor(body: Body): Map<string, TfProvider> {
    const map = new Map<string, TfProvider>();
    for (const [key, provider] of this.providers) if (!key.includes('.')) map.set(key, provider);
    const mapping = asBody(body.providers) ?? asBody(blocksOf(body.providers)[0]);
    for (const [inner, outer] of Object.entries(mapping ?? {})) {
      if (typeof outer !== 'string') continue;
      const provider = this.providers.get(outer.replace(/^\$\{|\}$/g, '').trim());
      if (provider) map.set(inner, provider);
    }
    return map;
  }

  private output(name: string, refs: RefSink): Value {
    if (!this.outputs.has(name)) return new Unknown(`no output ${name}`);
    return this.valueOf(this.outputs.get(name), this, refs);
  }

  lookup(root: string, steps: readonly Step[], refs: RefSink, caller: Scope = this): Value {
    const [first, ...rest] = steps;
    const name = first?.type === 'attr' ? first.name : undefined;
    switch (root) {
      case 'var':
        return name ? traverse(this.variable(name, refs), rest, caller, refs) : new Unknown('var');
      case 'local':
        return name ? traverse(this.local(name, refs), rest, caller, refs) : new Unknown('local');
      case 'module': {
        if (!name || !this.modules.has(name)) return new Unknown(`no module ${name ?? ''}`);
        const child = this.child(name);
        const [outputStep, ...after] = rest;
        const output = outputStep?.type === 'attr' ? outputStep.name : undefined;
        if (!child) {
          // `module.ecs.services["api"]` names one element of a map output: the reference keeps its key.
          const index = after[0]?.type === 'index' && after[0].key.type === 'literal' ? `[${JSON.stringify(after[0].key.value)}]` : '';
          refs.add(`${this.prefix}module.${name}${output ? `:${output}${index}` : ''}`);
          return new Unknown('module output');
        }
        if (!output) return new Unknown('module object');
        return traverse(child.output(output, refs), after, caller, refs);
      }
      case 'data': {
        const second = rest[0];
        if (!name || second?.type !== 'attr') return new Unknown('data');
        const id = `data.${name}.${second.name}`;
        if (!this.declarations.has(id)) return new Unknown(`no ${id}`);
        return this.resourceValue(id, rest.slice(1), refs, caller);
      }
      case 'path':
        return name === 'module' ? this.module.dir || '.' : name === 'root' || name === 'cwd' ? '.' : new Unknown('path');
      case 'terraform':
        return name === 'workspace' ? 'default' : new Unknown('terraform');
      case 'count':
      case 'each':
      case 'self':
        return new Unknown(`${root} outside a resource`);
      default: {
        if (!name) return new Unknown(`no ${root}`);
        const id = `${root}.${name}`;
        if (!this.declarations.has(id)) return new Unknown(`no ${id}`);
        return this.resourceValue(id, rest, refs, caller);
      }
    }
  }

  /** Reads every resource of this module and its children into the collector. */
  collect(): void {
    for (const [id, declaration] of this.declarations) {
      for (const instance of this.instances(id)) {
        const values = this.attributes(id, instance);
        if (!values) continue;
        if (this.collector.resources.length >= IMPORT_LIMITS.maxResourceInstances) {
          throw new ImportLimitError(`more than ${IMPORT_LIMITS.maxResourceInstances.toLocaleString('en-US')} resource instances, refused; a design holds far fewer components`);
        }
        this.collector.resources.push({
          address: instance.address,
          base: `${this.prefix}${id}`,
          mode: declaration.mode,
          type: declaration.type,
          name: declaration.name,
          module: this.prefix.replace(/\.$/, ''),
          provider: this.providerOf(declaration.body, declaration.type),
          attributes: values.attributes,
          refs: values.refs,
          file: declaration.file,
        });
      }
    }
    for (const name of this.modules.keys()) {
      const declaration = this.modules.get(name)!;
      if (declaration.body.count !== undefined) {
        const count = this.valueOf(declaration.body.count, this, new Set());
        if (count === 0) {
          this.collector.notes.push({ address: `${this.prefix}module.${name}`, message: 'count is 0: not created' });
          continue;
        }
      }
      this.child(name)?.collect();
    }
  }

  variableDescriptions(): Map<string, string | undefined> {
    return new Map([...this.variables].map(([name, body]) => [name, typeof body.description === 'string' ? body.description : undefined]));
  }
}

function describeUnknown(value: Value): string {
  return value instanceof Unknown ? value.reason : 'not a number';
}

/**
 * Reads a configuration: the root module, and every local module it calls that is among the
 * parsed folders. Modules from a registry are not followed; they are listed as calls with their
 * inputs for the importers that know them.
 */
export function readConfiguration(modules: readonly ParsedModule[], rootDir: string, tfvars: VariableValues): TfInput {
  return withEvaluationBudget(() => readConfigurationWithin(modules, rootDir, tfvars));
}

function readConfigurationWithin(modules: readonly ParsedModule[], rootDir: string, tfvars: VariableValues): TfInput {
  const byDir = new Map(modules.map((module) => [module.dir, module]));
  const root = byDir.get(rootDir);
  const collector = new Collector();
  if (!root) return { kind: 'configuration', resources: [], moduleCalls: [], providers: [], unsetVariables: [], notes: [] };
  const instance = new ModuleInstance('', root, byDir, collector, (name) => tfvars.get(name), new Map(), 0);
  instance.collect();
  const unsetVariables: UnsetVariable[] = [...collector.unset].map(([name, entry]) => ({ name, description: entry.description, usedBy: [...entry.usedBy].sort() }));
  // Root variables nothing reads are reported too: a plan would ask for them.
  for (const [name, description] of instance.variableDescriptions()) {
    const qualified = `var.${name}`;
    if (collector.unset.has(qualified) || tfvars.has(name)) continue;
    const value = instance.lookup('var', [{ type: 'attr', name }], new Set(), instance);
    if (value instanceof Unknown && value.reason === `unset variable ${qualified}`) unsetVariables.push({ name: qualified, description, usedBy: [] });
  }
  return {
    kind: 'configuration',
    resources: collector.resources,
    moduleCalls: collector.moduleCalls,
    providers: collector.providers,
    unsetVariables: unsetVariables.sort((a, b) => a.name.localeCompare(b.name)),
    notes: collector.notes,
  };
}
