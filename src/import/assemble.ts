import { BUILT_IN_TIERS, CURRENT_FORMAT_VERSION, uniqueId, type Component, type Connection, type Design, type Region, type RegionRole } from '../model';
import { KINDS, propsSchema } from '../catalog';
import { block, regionOfZone, regionRefLocation, str, type Draft, type ImportContext } from './aws/context';
import type { AwsImport } from './aws';
import type { TfInput } from './terraform/types';

/** What the assembler needs to know beyond the drafts: a name for the design when Terraform gives none. */
export interface AssembleOptions {
  readonly name: string;
}

const ZONE_ID = /^[a-z]{2,}[0-9]+-az[0-9]+$/;

/** `us-east-1a` in us-east-1 -> `a`; a zone id (`use1-az1`) stays as it is. */
function zoneKey(location: string, zone: string): string | undefined {
  if (ZONE_ID.test(zone)) return zone;
  if (zone.startsWith(location) && /^[a-z]$/.test(zone.slice(location.length))) return zone.slice(location.length);
  return undefined;
}

const idOf = (text: string) => text.toLowerCase().replace(/_/g, '-');

interface RegionPlan {
  location: string;
  id: string;
  zones: string[];
  role: RegionRole;
  components: number;
}

/** Regions from the locations the drafts live in, named after the provider alias that places most of them. */
function planRegions(drafts: readonly Draft[], input: TfInput, context: ImportContext): Map<string, RegionPlan> {
  const plans = new Map<string, RegionPlan>();
  const aliasVotes = new Map<string, Map<string, number>>();
  for (const draft of drafts) {
    if (draft.global || !draft.location) continue;
    const plan = plans.get(draft.location) ?? { location: draft.location, id: '', zones: [], role: 'primary', components: 0 };
    plan.components += 1;
    plans.set(draft.location, plan);
    const alias = draft.providerKey?.split('.').slice(-1)[0];
    if (draft.providerKey?.includes('.') && alias) {
      const votes = aliasVotes.get(draft.location) ?? new Map<string, number>();
      votes.set(alias, (votes.get(alias) ?? 0) + 1);
      aliasVotes.set(draft.location, votes);
    }
  }
  const taken = new Set<string>();
  for (const plan of plans.values()) {
    const votes = [...(aliasVotes.get(plan.location)?.entries() ?? [])].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    plan.id = uniqueId(idOf(votes[0]?.[0] ?? plan.location), taken);
    taken.add(plan.id);
  }
  // Zones: every subnet of the region, and every zone a component uses.
  for (const resource of input.resources) {
    if (resource.type !== 'aws_subnet') continue;
    const zone = str(resource.attributes.availability_zone) ?? str(resource.attributes.availability_zone_id);
    const location = context.locationOf(resource) ?? (zone ? regionOfZone(zone) : undefined);
    const plan = location ? plans.get(location) : undefined;
    const key = plan && zone ? zoneKey(plan.location, zone) : undefined;
    if (plan && key && !plan.zones.includes(key)) plan.zones.push(key);
  }
  for (const draft of drafts) {
    const plan = draft.location ? plans.get(draft.location) : undefined;
    if (!plan || draft.global) continue;
    for (const zone of draft.zones) {
      const key = zoneKey(plan.location, zone);
      if (key && !plan.zones.includes(key)) plan.zones.push(key);
    }
  }
  for (const plan of plans.values()) {
    plan.zones.sort();
    if (plan.zones.length === 0) {
      plan.zones.push('a');
      context.infer(`provider region ${plan.location}`, 'zones', `no subnet or zone in ${plan.location} is known before plan: one zone, "a", assumed`);
    }
  }
  return plans;
}

/** Roles from Route 53: failover records name the primary and secondary, latency records make regions active. */
function assignRoles(plans: Map<string, RegionPlan>, context: ImportContext): void {
  const roles = new Map<string, RegionRole>();
  for (const record of context.resources.filter((r) => r.type === 'aws_route53_record')) {
    const type = str(block(record.attributes.failover_routing_policy)?.type);
    const latency = block(record.attributes.latency_routing_policy) !== undefined;
    for (const target of context.refsOf(record, 'alias', 'records')) {
      const location = context.draft(target)?.location ?? context.locationOf(target);
      if (!location || !plans.has(location)) continue;
      const role: RegionRole | undefined = latency ? 'active' : type === 'PRIMARY' ? 'primary' : type === 'SECONDARY' ? 'secondary' : undefined;
      if (role) {
        roles.set(location, role);
        context.infer(record.address, 'region', `${latency ? 'latency' : 'failover'} record: region ${plans.get(location)!.id} is ${role}`);
      }
    }
  }
  const ordered = [...plans.values()].sort((a, b) => b.components - a.components);
  ordered.forEach((plan, index) => {
    const role = roles.get(plan.location);
    if (role) plan.role = role;
    else if (ordered.length > 1) {
      plan.role = index === 0 && ![...roles.values()].includes('primary') ? 'primary' : 'secondary';
      context.infer(`provider region ${plan.location}`, 'region', `no failover or latency records name region ${plan.id}: ${plan.role === 'primary' ? 'primary, as it holds the most components' : 'a secondary (standby) region'}`);
    }
  });
}

/** Props that fit the kind's declared types; others are dropped with an inference (a value outside the kind's range). */
function checkedProps(draft: Draft, regionIds: Map<string, string>, context: ImportContext): Record<string, unknown> {
  const kind = KINDS[draft.kind];
  const resolve = (value: unknown): unknown => {
    const location = regionRefLocation(value);
    if (location !== undefined) return regionIds.get(location);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => {
        const resolved = resolve(inner);
        return resolved === undefined ? [] : [[key, resolved]];
      }));
    }
    return value;
  };
  const props: Record<string, unknown> = {};
  const schema = propsSchema(kind);
  for (const [key, raw] of Object.entries(draft.props)) {
    const value = resolve(raw);
    if (value === undefined) continue;
    if (schema.safeParse({ [key]: value }).success) props[key] = value;
    else context.infer(draft.resources[0]!, 'props', `${key} = ${JSON.stringify(value)} does not fit ${kind.title.toLowerCase()} props: left to the default`, draft.taggedId);
  }
  return props;
}

/** Users where traffic enters: in front of DNS, else the CDN, else internet-facing load balancers nothing else reaches. */
function entryTargets(components: readonly Component[], connections: readonly Connection[]): Component[] {
  const reached = new Set(connections.map((c) => c.to));
  const dns = components.filter((c) => c.kind === 'dns');
  if (dns.length > 0) return dns;
  const cdn = components.filter((c) => c.kind === 'cdn');
  if (cdn.length > 0) return cdn;
  return components.filter(
    (c) => !reached.has(c.id) && (c.kind === 'api-gateway' || (c.kind === 'load-balancer' && (c.props?.scheme ?? 'internet-facing') === 'internet-facing') || (c.kind === 'waf' && c.region === undefined)),
  );
}

/** Drops `dns -> X` when the CDN that DNS points at already reaches X: that record names the CDN's origin, not where users go. */
function dropOriginRecords(connections: Connection[], components: readonly Component[]): Connection[] {
  const kindOf = new Map(components.map((c) => [c.id, c.kind]));
  const through = (from: string, seen = new Set<string>()): Set<string> => {
    for (const c of connections) {
      if (c.from !== from || seen.has(c.to)) continue;
      seen.add(c.to);
      if (kindOf.get(c.to) === 'waf' || kindOf.get(c.to) === 'cdn') through(c.to, seen);
    }
    return seen;
  };
  return connections.filter((c) => {
    if (kindOf.get(c.from) !== 'dns' || kindOf.get(c.to) === 'cdn') return true;
    const cdns = connections.filter((other) => other.from === c.from && kindOf.get(other.to) === 'cdn').map((other) => other.to);
    return !cdns.some((cdn) => through(cdn).has(c.to));
  });
}

/**
 * A web ACL associated with a load balancer sits in front of it: what DNS or the CDN sends to the
 * balancer passes the WAF first, so `dns -> lb` becomes `dns -> waf` (the design's path).
 */
function routeThroughWaf(connections: Connection[], components: readonly Component[]): Connection[] {
  const kindOf = new Map(components.map((c) => [c.id, c.kind]));
  const wafsInFront = new Map<string, string[]>();
  for (const c of connections) if (kindOf.get(c.from) === 'waf') wafsInFront.set(c.to, [...(wafsInFront.get(c.to) ?? []), c.from]);
  const out: Connection[] = [];
  const seen = new Set<string>();
  for (const c of connections) {
    const wafs = wafsInFront.get(c.to);
    const edge = kindOf.get(c.from) === 'dns' || kindOf.get(c.from) === 'cdn';
    const replaced = edge && wafs && !wafs.includes(c.from) ? wafs.map((waf) => ({ ...c, to: waf })) : [c];
    for (const connection of replaced) {
      const key = `${connection.from}->${connection.to}:${connection.mode}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(connection);
    }
  }
  return out;
}

/** The design from the drafts: regions, components with ids, connections, and users in front. */
export function assembleDesign(result: AwsImport, input: TfInput, options: AssembleOptions): { design: Design; idOf: Map<string, string> } {
  const { context, drafts } = result;
  // Regional components whose provider's region is not known go to the region most others use.
  const unplaced = drafts.filter((d) => !d.global && !d.location && KINDS[d.kind].capabilities.placement === 'regional');
  if (unplaced.length > 0) {
    const counts = new Map<string, number>();
    for (const d of drafts) if (d.location) counts.set(d.location, (counts.get(d.location) ?? 0) + 1);
    const fallback = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'us-east-1';
    const unknownRegion = input.providers.find((p) => typeof p.region !== 'string');
    for (const d of unplaced) d.location = fallback;
    context.infer(
      unknownRegion?.declaredAt ?? 'provider "aws"',
      'region',
      counts.size > 0
        ? `the region of ${unplaced.length} component(s) is not known before plan: placed in ${fallback}, where the others are`
        : `no provider region is known (not set, or a variable without a value): ${fallback} assumed; set it in the Design tab`,
    );
  }
  const plans = planRegions(drafts, input, context);
  assignRoles(plans, context);
  const regionIds = new Map([...plans.values()].map((plan) => [plan.location, plan.id]));
  // Regions that props refer to (backup copies, replicas) but nothing runs in still become regions.
  for (const draft of drafts) {
    for (const value of Object.values(draft.props).flatMap((v) => (v !== null && typeof v === 'object' ? Object.values(v as Record<string, unknown>) : [v]))) {
      const location = regionRefLocation(value);
      if (!location || regionIds.has(location)) continue;
      const id = uniqueId(idOf(location), new Set(regionIds.values()));
      regionIds.set(location, id);
      plans.set(location, { location, id, zones: ['a'], role: 'secondary', components: 0 });
      context.infer(draft.resources[0]!, 'region', `copies go to ${location}, where nothing else runs: region ${id} added to hold them`, draft.taggedId);
    }
  }

  const taken = new Set<string>([...regionIds.values()]);
  const idOfDraft = new Map<string, string>();
  // Tagged ids first (the export's own), so a generated id never takes one.
  const ordered = [...drafts.filter((d) => d.taggedId), ...drafts.filter((d) => !d.taggedId)];
  for (const draft of ordered) {
    const wanted = draft.taggedId && /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/.test(draft.taggedId) && !taken.has(draft.taggedId) ? draft.taggedId : uniqueId(idOf(draft.idHint), taken);
    taken.add(wanted);
    idOfDraft.set(draft.key, wanted);
  }

  const components: Component[] = drafts.map((draft) => {
    const id = idOfDraft.get(draft.key)!;
    const kind = KINDS[draft.kind];
    const placement = kind.capabilities.placement;
    const plan = !draft.global && placement !== 'global' ? (draft.location ? plans.get(draft.location) : [...plans.values()][0]) : undefined;
    if (!draft.global && placement !== 'global' && !draft.location && plan) {
      context.infer(draft.resources[0]!, 'region', `its provider's region is not known before plan: placed in ${plan.id}`, id);
    }
    const zones = plan ? [...draft.zones].map((zone) => zoneKey(plan.location, zone)).filter((zone): zone is string => zone !== undefined && plan.zones.includes(zone)) : [];
    const ordered = plan ? plan.zones.filter((zone) => zones.includes(zone)) : [];
    const instances = kind.capabilities.instances === true || draft.kind === 'nat-gateway';
    const replicas = instances && draft.replicas !== undefined && draft.replicas >= 1 ? Math.round(draft.replicas) : undefined;
    const props = checkedProps(draft, regionIds, context);
    return {
      id,
      kind: draft.kind,
      ...(draft.name ? { name: draft.name.slice(0, 200) } : {}),
      ...(plan ? { region: plan.id } : {}),
      ...(ordered.length > 0 && !(kind.capabilities.zoneRedundantService && draft.kind !== 'nat-gateway' && (props.hosting ?? 'managed') === 'managed') ? { zones: ordered } : {}),
      ...(replicas !== undefined ? { replicas } : {}),
      ...(Object.keys(props).length > 0 ? { props } : {}),
    };
  });

  const seen = new Set<string>();
  let connections: Connection[] = [];
  for (const pending of context.connections) {
    const from = drafts.find((d) => d.key === pending.from);
    const to = drafts.find((d) => d.key === pending.to);
    if (!from || !to) continue;
    const connection: Connection = { from: idOfDraft.get(from.key)!, to: idOfDraft.get(to.key)!, mode: pending.mode };
    const key = `${connection.from}->${connection.to}:${connection.mode}`;
    if (connection.from === connection.to || seen.has(key)) continue;
    seen.add(key);
    connections.push(connection);
    if (pending.guess) context.infer(pending.address, 'connection', `${connection.from} -> ${connection.to} (${connection.mode}): ${pending.guess}`, connection.from);
  }
  connections = dropOriginRecords(routeThroughWaf(connections, components), components);

  const entries = entryTargets(components, connections);
  if (entries.length > 0) {
    const users = uniqueId('users', taken);
    components.unshift({ id: users, kind: 'users', name: 'Users' });
    for (const entry of entries) connections.unshift({ from: users, to: entry.id, mode: 'sync' });
    context.infer(entries[0]!.id, 'component', `users added in front of ${entries.map((e) => e.id).join(', ')}: Terraform holds no users, but ${entries.length > 1 ? 'these face' : 'this faces'} the internet`, users);
  }

  const tags = input.providers.find((provider) => provider.defaultTags['ninesmith:design-name'])?.defaultTags;
  const tier = tags?.['ninesmith:tier'];
  const regionsInOrder = [...plans.values()].sort((a, b) => (a.role === b.role ? 0 : a.role === 'primary' ? -1 : b.role === 'primary' ? 1 : 0));
  const regions: Region[] = regionsInOrder.map((plan) => ({ id: plan.id, location: plan.location, role: plan.role, zones: plan.zones }));
  const design: Design = {
    ninesmith: CURRENT_FORMAT_VERSION,
    name: (tags?.['ninesmith:design-name'] ?? options.name).slice(0, 200) || 'Imported from Terraform',
    description: `Imported from Terraform (${input.kind === 'configuration' ? 'configuration files' : `terraform show -json of a ${input.kind}`}). Every guess the importer made is listed with the resource it came from; journeys are not in Terraform and are yours to add.`,
    provider: 'aws',
    tier: tier !== undefined && Object.hasOwn(BUILT_IN_TIERS, tier) ? tier : 'standard',
    tenancy: 'shared',
    regions,
    components,
    connections,
    journeys: [],
  };
  return { design, idOf: idOfDraft };
}
