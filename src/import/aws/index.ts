import { KINDS } from '../../catalog';
import type { TfInput, TfResource } from '../terraform/types';
import type { ImportedResource, NotImported } from '../types';
import { COMPONENT_TAG, ImportContext, tagsOf, type ComponentInput, type Draft, type Outcome } from './context';
import { AWS_MODULES, importModuleCall } from './modules';
import { AWS_IMPORTERS } from './registry';
import { wire } from './wiring';

export { AWS_IMPORTERS } from './registry';
export { AWS_MODULES } from './modules';
export { COMPONENT_TAG } from './context';

/** Kinds that serve other components; the export tags their resources with the component they serve. */
const SUPPORTING = new Set(['key-management', 'secrets-manager', 'observability']);

export interface AwsImport {
  readonly context: ImportContext;
  readonly drafts: readonly Draft[];
  readonly imported: readonly ImportedResource[];
  readonly read: readonly { readonly address: string; readonly purpose: string }[];
  readonly notImported: readonly NotImported[];
}

/** Id stems for components whose resource names say nothing (`main`, `this`). */
const KIND_STEMS: Partial<Record<Draft['kind'], string>> = {
  'load-balancer': 'lb',
  'relational-db': 'db',
  cache: 'cache',
  queue: 'queue',
  'object-storage': 'bucket',
  'app-service': 'app',
  'worker-pool': 'workers',
  cdn: 'cdn',
  waf: 'waf',
  'backup-vault': 'vault',
  'identity-provider': 'idp',
};
const GENERIC = new Set(['this', 'main', 'default', 'example', 'primary', 'resource', 'this_1']);

/**
 * A readable id stem: the resource's name, or its kind's when the name says nothing (`main`,
 * `this`); inside a module, prefixed with the module's name (`frankfurt-db`). Balancers named
 * like the service behind them get `-lb`.
 */
function idStem(kind: Draft['kind'], r: TfResource, hint: string | undefined): string {
  let stem = hint ?? r.name;
  if (hint === undefined) {
    stem = GENERIC.has(r.name) ? (KIND_STEMS[kind] ?? r.name) : r.name;
    const module = r.module.split('.').pop();
    if (module && r.type !== 'module') stem = `${module}-${stem}`;
  }
  if (kind === 'load-balancer' && !/(^|[-_])(n|a)?lb([-_]|$)|balancer/.test(stem)) return `${stem}-lb`;
  return stem;
}

/** Providers other than AWS whose resources the importer reads (Helm releases on EKS). */
const OTHER_READ = new Set(['helm_release']);

class Drafts {
  readonly list: Draft[] = [];
  private readonly byGroup = new Map<string, Draft>();
  private readonly byTag = new Map<string, Draft>();

  constructor(private readonly context: ImportContext) {}

  tagged(id: string): Draft | undefined {
    return this.byTag.get(id);
  }

  /**
   * Adds a resource's component: a new draft, or the one its group (or, without a group, its
   * `ninesmith:component` tag) already has. A group's tag is the one its members share.
   */
  add(r: TfResource, kind: Draft['kind'], input: ComponentInput<Draft['kind']>): Draft {
    const tag = tagsOf(r)[COMPONENT_TAG];
    const location = input.location ?? this.context.locationOf(r);
    const sameTag = input.group === undefined && tag !== undefined ? this.byTag.get(tag) : undefined;
    const existing = input.group !== undefined ? this.byGroup.get(input.group) : sameTag?.kind === kind ? sameTag : undefined;
    if (existing) {
      existing.props = input.combine ? input.combine(existing.props, { ...(input.props as Record<string, unknown>) }) : { ...existing.props, ...(input.props as Record<string, unknown>) };
      for (const zone of input.zones ?? []) existing.zones.add(zone);
      if (input.replicas !== undefined) existing.replicas = (existing.replicas ?? 0) + input.replicas;
      if (existing.taggedId !== tag) existing.taggedId = undefined;
      if (location !== existing.location && !existing.global) {
        // One component in two regions (the export's web ACL per region): global where the kind allows it.
        if (KINDS[kind].capabilities.placement !== 'regional') {
          existing.global = true;
          this.context.infer(r.address, 'region', `the same component in ${existing.location} and ${location}: imported as one, without a region`, tag);
        }
      }
      existing.resources.push(r.address);
      this.context.draftOf.set(r.address, existing);
      return existing;
    }
    const draft: Draft = {
      key: input.group !== undefined ? `group:${input.group}` : r.address,
      kind,
      props: { ...(input.props as Record<string, unknown>) },
      taggedId: tag,
      idHint: idStem(kind, r, input.idHint),
      name: input.name ?? tagsOf(r).Name,
      location,
      providerKey: r.provider?.rootKey,
      global: input.global === true || KINDS[kind].capabilities.placement === 'global',
      zones: new Set(input.zones ?? []),
      replicas: input.replicas,
      resources: [r.address],
    };
    this.list.push(draft);
    if (input.group !== undefined) this.byGroup.set(input.group, draft);
    if (tag && !this.byTag.has(tag)) this.byTag.set(tag, draft);
    this.context.draftOf.set(r.address, draft);
    return draft;
  }
}

function outcomeOf(r: TfResource, context: ImportContext): Outcome {
  const importer = Object.hasOwn(AWS_IMPORTERS, r.type) ? AWS_IMPORTERS[r.type] : undefined;
  if (importer) return importer(r, context);
  const provider = r.type.split('_')[0];
  if (provider !== 'aws' && !OTHER_READ.has(r.type)) return { as: 'skip', reason: `provider "${provider}": only AWS resources (and Helm releases) are read` };
  return { as: 'skip', reason: `no kind for ${r.type} yet` };
}

/**
 * Turns what Terraform declares into component drafts: each resource through its importer,
 * modules from the registry through their inputs, then the wiring between components.
 */
export function importAws(input: TfInput): AwsImport {
  const context = new ImportContext(input);
  const drafts = new Drafts(context);
  const read: { address: string; purpose: string }[] = [];
  const notImported: NotImported[] = [];

  for (const call of input.moduleCalls) importModuleCall(call, context, drafts, read, notImported);

  const managed = input.resources.filter((r) => r.mode === 'managed');
  const outcomes = managed.map((r) => ({ r, outcome: outcomeOf(r, context) }));
  // Components first (supporting kinds last, so a tagged key can join the database it encrypts), then parts.
  const ordered = [
    ...outcomes.filter(({ outcome }) => outcome.as === 'component' && !SUPPORTING.has(outcome.kind)),
    ...outcomes.filter(({ outcome }) => outcome.as === 'component' && SUPPORTING.has(outcome.kind)),
  ];
  for (const { r, outcome } of ordered) {
    if (outcome.as !== 'component') continue;
    const tag = tagsOf(r)[COMPONENT_TAG];
    const owner = tag ? drafts.tagged(tag) : undefined;
    if (owner && owner.kind !== outcome.kind && SUPPORTING.has(outcome.kind)) {
      // The export tags a replica's key or a component's alarms with the component they serve.
      owner.resources.push(r.address);
      context.draftOf.set(r.address, owner);
      continue;
    }
    drafts.add(r, outcome.kind, outcome.input);
  }
  const parts = outcomes.filter(({ outcome }) => outcome.as === 'part');
  // Parts can own parts (a task definition's log group): resolve until nothing changes.
  let pending = parts;
  for (let round = 0; round < 4 && pending.length > 0; round += 1) {
    const next: typeof parts = [];
    for (const entry of pending) {
      const outcome = entry.outcome as Extract<Outcome, { as: 'part' }>;
      const owner = outcome.owners.map((address) => context.draft(address)).find((draft) => draft !== undefined) ?? drafts.tagged(tagsOf(entry.r)[COMPONENT_TAG] ?? '');
      if (!owner) {
        next.push(entry);
        continue;
      }
      owner.resources.push(entry.r.address);
      context.draftOf.set(entry.r.address, owner);
    }
    if (next.length === pending.length) break;
    pending = next;
  }
  for (const { r, outcome } of pending) {
    const what = (outcome as Extract<Outcome, { as: 'part' }>).what;
    const owners = (outcome as Extract<Outcome, { as: 'part' }>).owners;
    notImported.push({ address: r.address, type: r.type, reason: owners.length > 0 ? `${what} of ${owners.join(', ')}, which is not imported` : `${what}: the resource it belongs to is not in the input` });
  }
  // Patches run once every part has its owner, in the configuration's order.
  for (const { r, outcome } of parts) {
    if (outcome.as !== 'part' || !outcome.patch) continue;
    const owner = context.draft(r);
    if (owner) outcome.patch(owner, context);
  }
  for (const { r, outcome } of outcomes) {
    if (outcome.as === 'read') read.push({ address: r.address, purpose: outcome.purpose });
    if (outcome.as === 'skip') notImported.push({ address: r.address, type: r.type, reason: outcome.reason });
  }
  finishAurora(drafts.list, context);
  wire(context);
  const imported: ImportedResource[] = [];
  for (const [address, draft] of context.draftOf) imported.push({ address, component: draft.key });
  return { context, drafts: drafts.list, imported, read, notImported };
}

/** Aurora's shape from its instances: two or more fail over to a reader (a cluster); readers past the second are read replicas. */
function finishAurora(drafts: readonly Draft[], context: ImportContext): void {
  for (const draft of drafts) {
    const instances = draft.instances;
    if (draft.kind !== 'relational-db' || instances === undefined) continue;
    const engine = draft.props.engine;
    if (typeof engine === 'string' && !engine.startsWith('aurora')) continue;
    draft.props.ha = instances >= 2 ? 'cluster' : 'single';
    draft.props.readReplicas = Math.max(0, instances - 2);
    if (instances === 1) context.infer(draft.resources[0]!, 'replicas', 'an Aurora cluster with one instance: nothing to fail over to within the region', draft.taggedId);
  }
}

export { AWS_MODULES as MODULE_READERS };
