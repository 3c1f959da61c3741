import { formatDuration, primaryRegion, type Region } from '../../src/model';
import { alarmDetectionSeconds, DNS_ALARM_CHECK, dnsDetectionSeconds, dnsEndpointCheck, kindContext } from '../../src/catalog';
import { backupOf, targetsOf, sourcesOf, type ComponentFacts, type DesignFacts } from '../design-facts';
import { markdownText } from '../text';
import { counterpartOf, runbookCommands, type RunbookCommands } from './commands';
import { TARGETS } from '../targets';
import type { GeneratedFile, Generator } from '../types';
import { failureModesOf, type FailureMode, type FailureModeId } from './failure-modes';

export { failureModesOf, FAILURE_MODES, type FailureMode, type FailureModeId } from './failure-modes';

/** A fact only the team can supply: clearly marked, so it is found and filled, never mistaken for advice. */
const fill = (what: string) => `\`[FILL IN: ${what}]\``;

const TITLES: Record<FailureModeId, string> = {
  'database-failover': 'Database failover',
  'zone-loss': 'Loss of an availability zone',
  'region-failover': 'Region failover',
  'queue-backlog': 'Queue backlog',
  'cache-loss': 'Cache loss',
  'certificate-expiry': 'Certificate expiry',
  'identity-provider-outage': 'Identity provider outage',
  'external-integration-degraded': 'Degraded external integration',
  'restore-from-backup': 'Restore from backup',
  'release-rollback': 'Release rollback',
  'cluster-upgrade': 'Kubernetes cluster upgrade',
  'private-link-down': 'Private link down',
};

/**
 * List items made from each of a list of things, made only as the runbook writes the list (see
 * `joinInBatches`): a design of thousands of components gives lists of thousands of items.
 */
class Each {
  constructor(readonly items: () => Iterable<string>) {}
}

function each<T>(things: readonly T[], item: (thing: T) => string): Each {
  return new Each(function* () {
    for (const thing of things) yield item(thing);
  });
}

/** A list's items: written out, or made from each of a list of things. */
type Items = readonly (string | Each)[];

function* itemsOf(items: Items): Iterable<string> {
  for (const entry of items) {
    if (typeof entry === 'string') yield entry;
    else yield* entry.items();
  }
}

interface Sections {
  alert: Items;
  triage: Items;
  recovery: Items;
  verification: Items;
  communication?: Items;
  checklist: string[];
  /** How the components recover, in words; the figures come from the engine's estimates. */
  mechanism?: string;
  /** Whose dashboards to list, when more than the runbook's components (the standby region's). */
  watch?: readonly ComponentFacts[];
}

class Writer {
  /** The provider's commands, or the same steps in words where none are generated. */
  readonly cmd: RunbookCommands;
  /** Each region's location escaped for Markdown once: thousands of components share a few regions. */
  readonly #locations = new Map<Region, string>();
  constructor(readonly facts: DesignFacts) {
    this.cmd = runbookCommands(facts);
  }

  c(id: string): ComponentFacts {
    return this.facts.byId.get(id)!;
  }

  /** `` `db` (PostgreSQL primary) `` */
  ref(c: ComponentFacts): string {
    return c.name === c.id ? `\`${c.id}\`` : `\`${c.id}\` (${markdownText(c.name)})`;
  }

  where(c: ComponentFacts): string {
    if (!c.region) return 'global';
    return `region \`${c.region.id}\` (${this.location(c.region)}), zone${c.zones.length > 1 ? 's' : ''} ${c.zones.join(', ')}`;
  }

  location(region: Region): string {
    let location = this.#locations.get(region);
    if (location === undefined) this.#locations.set(region, (location = markdownText(region.location)));
    return location;
  }

  region(region: Region): string {
    return `\`${region.id}\` (${this.location(region)}, ${region.role})`;
  }

  alarms(c: ComponentFacts): string {
    return this.cmd.alarms(c);
  }
}

function joinIds(list: readonly ComponentFacts[]): string {
  return list.map((c) => `\`${c.id}\``).join(', ');
}

function databaseSections(w: Writer, dbs: readonly ComponentFacts[]): Sections {
  // A replica of another database, unless it replicates back to it (two writers, active-active).
  const sources = new Map<ComponentFacts, ComponentFacts>();
  for (const db of dbs) {
    const source = sourcesOf(w.facts, db.id, 'replication').find((s) => s.traits.data?.role === 'records' && !targetsOf(w.facts, db.id, 'replication').some((t) => t.id === s.id));
    if (source) sources.set(db, source);
  }
  const mechanisms = dbs.map((db) => {
    const source = sources.get(db);
    return source ? `${w.ref(db)}: a replica of \`${source.id}\`; it takes writes only once promoted in a [region failover](region-failover.md).` : `${w.ref(db)}: ${w.cmd.databaseMechanism(db)}`;
  });
  const clients = [...new Set(dbs.flatMap((db) => sourcesOf(w.facts, db.id, 'sync')))];
  return {
    mechanism: `${mechanisms.join(' ')} The estimates below are for losing the database as a whole, not one instance.`,
    alert: [
      each(dbs, (db) => `${w.ref(db)} in ${w.where(db)}: ${db.traits.runtime === 'kubernetes' ? 'the CloudNativePG PrometheusRule alerts (instance down, replication broken), once the Prometheus Operator is installed and the rule enabled in its values' : w.alarms(db)}.`),
      'Connection errors or timeouts from the services that use it; login and write journeys failing while reads from a cache may still work.',
    ],
    triage: [
      'Is the database down, or slow? A saturated primary (CPU, I/O, connections, locks) fails over to an equally saturated standby: find the cause (a runaway report, a migration, a noisy tenant) before failing over.',
      `Check connection pools of ${clients.length > 0 ? joinIds(clients) : 'the services'}: after a failover they must reconnect; stale pools keep failing after the database is back.`,
      'Check the provider\'s health dashboard for the region before assuming the fault is yours.',
    ],
    recovery: [
      each(dbs, (db) => {
        const source = sources.get(db);
        return source
          ? `For ${w.ref(db)}: a replica of \`${source.id}\`. If it fails, rebuild it from \`${source.id}\` (recreate the replica) before the next region failover depends on it.`
          : `For ${w.ref(db)}: ${w.cmd.databaseFailover(db)}`;
      }),
      each(
        dbs.filter((db) => !sources.has(db)),
        (db) => w.cmd.databaseStorage(db),
      ),
      `Restart or recycle the connection pools of ${clients.length > 0 ? joinIds(clients) : 'the services'} if they do not recover within a minute of the new primary accepting writes${clients.length > 0 ? `: ${clients.map((c) => `${w.ref(c)} with ${w.cmd.restart(c)}`).join('; ')}` : ''}.`,
      'If writes were lost (asynchronous replicas promoted), record the window and reconcile from the outbox, queue or ERP.',
    ],
    verification: [
      'A write journey succeeds end to end (synthetic check green), not only the health endpoint.',
      'Replication is back: the standby or replicas are streaming again and lag is near zero.',
      'Error rate and latency of the services are back at their baseline.',
    ],
    checklist: [
      'Was the failover automatic? How long did clients take to reconnect?',
      'Was the cause load (a query, a tenant, a migration)? Add the guardrail: query timeout, read replica routing, per-tenant limits.',
      'Record the measured failover time against the RTO in the table above.',
      `Schedule the next failover test under load: ${fill('date of the next failover test')}.`,
    ],
  };
}

function zoneSections(w: Writer, components: readonly ComponentFacts[]): Sections {
  const single = components.filter((c) => c.zones.length < 2 && !c.kind.capabilities.external && c.kind.layer !== 'operations' && !c.traits.zoneRedundant);
  const nats = components.filter((c) => c.kind.capabilities.egress);
  const shift = w.cmd.zonalShift(components);
  return {
    alert: [
      'Unhealthy targets or running tasks below their floor in one zone; DNS health checks or synthetic checks failing from one zone\'s endpoints; the provider\'s health dashboard naming a zone.',
    ],
    triage: [
      'Confirm it is one zone: compare error rates and unhealthy hosts per zone (load balancer metrics by zone, pod status by node zone).',
      single.length > 0
        ? `Components that run in one zone only, and are down with it: ${single.map((c) => `${w.ref(c)} (${w.where(c)})`).join('; ')}.`
        : 'Every compute and data component runs in two or more zones: expect degraded capacity, not an outage.',
      nats.length > 0 ? `Egress: NAT ${joinIds(nats)}; a private subnet whose NAT is in the lost zone loses outbound access unless each zone has its own.` : 'Egress: the design has no NAT gateway; check how private workloads reach the internet.',
    ],
    recovery: [
      ...shift.start,
      'Let autoscaling replace the lost capacity in the remaining zones; raise the minimums if it does not (static stability: the remaining zones must carry peak load).',
      'Databases and caches with a standby in another zone fail over by themselves; follow [database failover](database-failover.md) if one does not.',
      'Do not deploy during the incident unless the release is the fix.',
      shift.end,
    ],
    verification: ['Unhealthy target counts at zero, running tasks or pods at their desired counts in every zone.', 'Journeys green on synthetic checks from more than one location.'],
    checklist: ['Did the remaining zones carry the load without manual scaling?', 'Which component had no redundancy across zones? Fix it in the design.', `Next game day that drops a zone: ${fill('date')}.`],
  };
}

/** How long the exported DNS health checks take to declare a region down, as the Terraform configures them. */
function dnsDetection(facts: DesignFacts, ttl: number): string {
  if (facts.components.some((c) => c.kind.id === 'cdn')) {
    return `${alarmDetectionSeconds(DNS_ALARM_CHECK)} s: an alarm on the load balancer's healthy targets, evaluated over ${DNS_ALARM_CHECK.evaluationPeriods} period of ${DNS_ALARM_CHECK.periodSeconds} s`;
  }
  const check = dnsEndpointCheck(ttl);
  return `${dnsDetectionSeconds(check)} s: ${check.failureThreshold} failed checks ${check.requestIntervalSeconds} s apart`;
}

function regionSections(w: Writer, replicated: readonly ComponentFacts[]): Sections {
  const regions = w.facts.regions;
  const primary = primaryRegion(w.facts)!;
  const dns = w.facts.components.map((c) => c.traits.foundation).find((f) => f?.role === 'dns');
  // The exported DNS adds health checks to failover records, so the records alone make it automatic.
  const automatic = dns?.failoverRecords === true;
  const ttl = dns?.ttlSeconds ?? 300;
  const active = regions.every((r) => r.role === 'active');
  // The writers in the lost region, each with its replicas elsewhere: those are promoted.
  const promotions = replicated
    .filter((db) => db.traits.data?.role === 'records' && db.region?.id === primary.id)
    .flatMap((writer) => targetsOf(w.facts, writer.id, 'replication').filter((t) => t.traits.data?.role === 'records' && t.region !== undefined && t.region.id !== primary.id).map((replica) => ({ writer, replica })));
  // A replica that replicates onwards is a writer of its own (active-active): its services keep using it, and the lost writer's data is promoted beside it.
  const promoted = new Set(promotions.map((p) => p.replica).filter((replica) => !targetsOf(w.facts, replica.id, 'replication').some((t) => t.traits.data?.role === 'records')).map((replica) => replica.id));
  const standby = w.facts.components.filter((c) => c.kind.capabilities.deployable && c.region !== undefined && c.region.id !== primary.id);
  // Services of the standby regions that use a promoted database must reconnect to it as the writer.
  const reconnect = standby.filter((c) => targetsOf(w.facts, c.id, 'sync').some((t) => promoted.has(t.id)));
  const watched = [...replicated, ...standby, ...promotions.map((p) => p.replica)];
  return {
    watch: [...new Set(watched)],
    mechanism: automatic
      ? `${active ? 'Every region serves; traffic leaves the lost one' : 'The standby is promoted and scaled up; traffic moves to it'} once the DNS health checks declare the region down (${dnsDetection(w.facts, ttl)}), plus DNS propagation (TTL ${ttl}s).`
      : `${active ? 'Every region serves; traffic leaves the lost one when the records are changed, plus' : 'The standby is promoted and scaled up, then'} DNS propagation (TTL ${ttl}s).`,
    alert: [`DNS health checks of the entry points failing in region ${w.region(primary)}; synthetic checks failing from every location; the provider's dashboard naming the region.`],
    triage: [
      'Decide, do not drift: a region failover costs data (the replication lag at the moment of failure) and time. Name the incident lead and take the decision within 15 minutes.',
      `Check replication lag of ${joinIds(replicated)} before promoting: that lag is the data you will lose (compare it with the RPO above).`,
      'Check that the standby region is healthy and that its secrets, certificates and images are current.',
      ...w.facts.components
        .filter((c) => c.traits.images !== undefined && c.region !== undefined)
        .map((c) => {
          const copies = c.traits.images!.replicatedToRegions;
          return copies.length > 0 ? `${w.ref(c)} replicates images to ${copies.map((id) => `\`${id}\``).join(', ')}: confirm the tags the standby deploys are there.` : `${w.ref(c)} holds images only in \`${c.region!.id}\`: if that region is lost, the standby cannot pull images to start or scale; push them to a registry there first.`;
        }),
    ],
    recovery: [
      ...promotions.map(({ writer, replica }) => w.cmd.promote(writer, replica)),
      each(standby, (c) => `Scale ${w.region(c.region!)} to full capacity: ${w.cmd.scale(c, counterpartOf(w.facts, c)?.replicas ?? c.replicas)}`),
      ...(reconnect.length > 0
        ? [`Point the standby services at the promoted writer${promotions.length > 1 ? 's' : ''}: ${reconnect.map((c) => `${w.ref(c)} already names ${joinIds(targetsOf(w.facts, c.id, 'sync').filter((t) => promoted.has(t.id)))} (its endpoint stays the same on promotion); restart it so its connections are opened against the writer: ${w.cmd.restart(c)}`).join('; ')}.`]
        : []),
      automatic
        ? 'DNS: the failover records move traffic when the primary\'s health checks fail. If they have not, invert them by hand (set the primary\'s health check to inverted, or change the records).'
        : 'DNS: the design has no automatic failover routing; change the records to the standby region\'s entry point by hand.',
      'Rotate or confirm secrets and keys the standby needs; start the workers in the standby region only after its database is the writer.',
    ],
    verification: ['Every journey green from several locations against the standby region.', 'Writes land in the promoted database; queues drain in the standby region.'],
    checklist: [
      'Measured time from detection to recovery, against the RTO.',
      'Data lost (replication lag at failover), against the RPO.',
      'Plan the failback: re-establish replication towards the old primary before moving back.',
      `Record the date of this failover as the region's last tested failover: ${fill('date')}.`,
    ],
  };
}

function queueSections(w: Writer, queues: readonly ComponentFacts[]): Sections {
  const consumers = [...new Set(queues.flatMap((q) => targetsOf(w.facts, q.id, 'async').concat(targetsOf(w.facts, q.id, 'sync'))))];
  return {
    alert: [each(queues, (q) => `${w.ref(q)}: ${q.traits.operator === 'provider' ? `${w.alarms(q)} (oldest message age, dead letters)` : 'the broker\'s queue depth and age alerts'}.`)],
    triage: [
      `Are the consumers ${consumers.length > 0 ? joinIds(consumers) : '(none in the design)'} running and healthy? A backlog is usually a consumer problem: crashed, scaled to zero, or blocked on a slow dependency (the ERP, the database).`,
      'Is the inflow unusual (a bulk import, month-end billing, a retry storm)? Identify the tenant or job.',
      each(queues, (q) => (q.traits.data?.deadLetter ? `${w.ref(q)}: read a sample from its dead-letter queue: poison messages show up there.` : `${w.ref(q)} has no dead-letter queue: a poison message blocks or is retried forever; find it in the consumer logs.`)),
    ],
    recovery: [
      'Fix or restart the consumers; scale them out if the backlog is inflow, within what the database can take.',
      'Pause the producer of a retry storm, or throttle the tenant behind a bulk job.',
      each(
        queues.filter((q) => q.traits.data?.deadLetter),
        (q) => `${w.ref(q)}: ${w.cmd.redrive(q)}`,
      ),
      each(queues, (q) => `Messages in ${w.ref(q)} expire after ${q.traits.data?.messageRetentionDays ?? 4} days: recover before then or export them.`),
    ],
    verification: ['Oldest message age back to normal and falling; dead-letter queues empty or explained.', 'Downstream effects present (invoices generated, ERP records synchronised) for a sample of the backlog.'],
    checklist: ['Were any messages lost or processed twice? Reconcile with the system of record.', 'Add a guardrail: per-tenant queue partitioning, consumer autoscaling on queue age.'],
  };
}

function cacheSections(w: Writer, caches: readonly ComponentFacts[]): Sections {
  return {
    alert: [each(caches, (c) => `${w.ref(c)} in ${w.where(c)}: ${c.traits.operator === 'provider' ? w.alarms(c) : 'Redis Sentinel and pod alerts'}; errors or latency in the services that use it.`)],
    triage: [
      each(caches, (c) =>
        c.traits.data?.irreplaceable
          ? `${w.ref(c)} holds data kept nowhere else (sessions or counters): treat its loss as data loss.`
          : `${w.ref(c)} is rebuildable: its loss costs latency and load on the database, not data.`,
      ),
      'Watch the database: a cold cache sends every read to it (a thundering herd).',
    ],
    recovery: [
      each(caches, (c) => `${w.ref(c)}: ${w.cmd.cacheFailover(c)}`),
      'If the database is overloaded by a cold cache, shed load: rate-limit expensive endpoints, warm the cache from the hottest keys first.',
    ],
    verification: ['Hit rate recovering towards its baseline; database load back to normal.', 'Signed-in users still signed in (where sessions live in the cache).'],
    checklist: ['Did clients reconnect by themselves?', 'Should the cache be durable (persistence, replicas), or the application tolerate its loss better?'],
  };
}

function certificateSections(w: Writer, components: readonly ComponentFacts[]): Sections {
  return {
    alert: [w.cmd.certificates.alarm],
    triage: [
      `Where TLS terminates in this design: ${components.map((c) => `${w.ref(c)} (${w.where(c)})`).join('; ')}.`,
      'Which certificate expired or is about to, on which name? Check each endpoint: `openssl s_client -connect \'[FILL IN: host]\':443 -servername \'[FILL IN: host]\' | openssl x509 -noout -enddate`.',
      'Certificates that renew by themselves (ACM, cert-manager) do so only while their validation still works (DNS records, HTTP challenge): check it first.',
    ],
    recovery: [
      w.cmd.certificates.renew,
      w.cmd.certificates.deploy,
      'Client systems that pin certificates need the new one: tell them before you rotate.',
    ],
    verification: ['Every public name serves a certificate valid for more than 30 days.', 'Synthetic checks green; no TLS errors in client logs.'],
    checklist: ['Alert 30 days before expiry on every certificate, not only the ones that expired.', `Owner of certificate renewals: ${fill('team or person')}.`],
  };
}

function identitySections(w: Writer, idps: readonly ComponentFacts[]): Sections {
  return {
    alert: ['Login success rate falling; token endpoint errors; the identity provider\'s status page.'],
    triage: [
      ...idps.map((idp) =>
        idp.traits.foundation?.role === 'identity' && idp.traits.foundation.tokensValidatedLocally
          ? `${w.ref(idp)}: services validate tokens locally, so signed-in users keep working; new sign-ins and token refreshes fail.`
          : `${w.ref(idp)}: services call it on every request, so every journey fails with it.`,
      ),
      'Is it the provider, or our side (expired client secret, rotated signing keys not picked up, a broken redirect URI after a release)?',
    ],
    recovery: [
      'If our side: roll back the change or restore the secret; refresh cached signing keys.',
      'If the provider: extend session lifetimes temporarily where the policy allows, so signed-in users are not logged out; show a clear sign-in message.',
      ...idps.filter((idp) => idp.traits.foundation?.role === 'identity' && idp.traits.foundation.multiRegion).map((idp) => `${w.ref(idp)} is multi-region: move sign-in to the secondary issuer if the primary region is the cause.`),
    ],
    verification: ['Login success rate back at baseline; token refreshes succeeding.'],
    checklist: ['Did signed-in users keep working? If not, validate tokens locally.', `Break-glass access for operators during an identity outage: ${fill('procedure and who holds it')}.`],
  };
}

function externalSections(w: Writer, systems: readonly ComponentFacts[]): Sections {
  return {
    alert: ['Integration lag, retry rates and reconciliation backlog growing; the vendor\'s status page; dead letters on the integration queue.'],
    triage: [
      ...systems.map((s) => {
        const callers = sourcesOf(w.facts, s.id, 'sync');
        const viaQueue = callers.every((c) => c.kind.layer === 'async' || c.kind.capabilities.egress);
        const sla = s.kind.slaOf(s.component, kindContext(w.facts.design, s.component))?.percent;
        return `${w.ref(s)} (${s.traits.vendor?.system ?? 'external'}${sla !== undefined ? `, vendor SLA ${sla}%` : ', no known SLA'}): ${viaQueue ? 'called from workers behind a queue, so users are not blocked; work waits' : `called synchronously by ${joinIds(callers)}: users wait on it and fail with it`}.`;
      }),
      'Slow, failing or rate-limited? Each needs a different response: back off on 429s, do not retry harder.',
      ...systems.filter((s) => s.traits.vendor?.maintenanceWindows).map((s) => `${w.ref(s)} has planned maintenance windows: check whether one is running.`),
    ],
    recovery: [
      'Open the circuit: stop calling the vendor while it fails, keep outbound events in the outbox or queue.',
      'Tell users what is delayed (invoices, payroll exports) rather than failing their transactions.',
      'When it recovers, drain the backlog at the vendor\'s rate limit; run the reconciliation for records that failed or may have been duplicated.',
    ],
    verification: ['Backlog drained; reconciliation shows no missing or duplicated records for the time of the incident.'],
    communication: [`Vendor support contact and contract reference: ${fill('vendor support and escalation')}.`],
    checklist: ['Every record that failed during the incident is reconciled.', 'Calls that blocked users move behind a queue.'],
  };
}

function restoreSections(w: Writer, components: readonly ComponentFacts[]): Sections {
  const lines = each(components, (c) => {
    const backup = backupOf(c);
    if (backup?.enabled) {
      const tested = backup.restoreTestedDays === null ? 'never tested' : `last tested ${backup.restoreTestedDays} days ago`;
      const copies = [backup.copyToRegion && `copies in region \`${backup.copyToRegion}\``, backup.separateAccount && 'copies in the separate backup account'].filter(Boolean).join(', ');
      return `${w.ref(c)}: kept ${backup.retentionDays} days${backup.pitr ? ', point-in-time' : `, every ${backup.intervalHours} hours`}${copies ? `, ${copies}` : ''}; restore ${tested}.`;
    }
    if (c.traits.data?.role === 'files') return `${w.ref(c)}: versioned; restore objects by copying back a previous version.`;
    return `${w.ref(c)}: backup vault${c.traits.data?.vault?.locked ? ' with vault lock' : ''}.`;
  });
  return {
    alert: ['Data corruption, accidental deletion, a bad migration or job, or ransomware through compromised credentials: high availability replicates the damage, only a backup undoes it.'],
    triage: [
      'Stop the damage first: pause the job, revoke the credentials, put the affected feature in maintenance.',
      'Find the last good point in time, and what changed after it that must be replayed (queue messages, ERP records).',
      lines,
    ],
    recovery: [
      'Restore into a new, clean environment (a new instance or cluster), never over the damaged one.',
      each(
        components.filter((c) => c.traits.data?.role === 'records'),
        (db) => `${w.ref(db)}: ${w.cmd.databaseRestore(db)}`,
      ),
      'Check the restored data (row counts, the damaged records, recent business transactions) before switching.',
      'Switch the application to the restored database, or copy the repaired data back; replay what happened after the restore point.',
      `Measured restore time (start of restore to service back): ${fill('measured restore time, hh:mm')} against the RTO above.`,
    ],
    verification: ['The damaged records are correct; journeys green; the restored database is being backed up itself.'],
    checklist: ['Record the measured restore time and the data lost.', 'Was the last good backup where we expected, in the other account or region?', `Next scheduled restore test: ${fill('date')}.`],
  };
}

function releaseSections(w: Writer, deployables: readonly ComponentFacts[]): Sections {
  const pipeline = w.facts.components.find((c) => c.traits.foundation?.role === 'delivery');
  const delivery = pipeline?.traits.foundation?.role === 'delivery' ? pipeline.traits.foundation : undefined;
  return {
    alert: ['Error rate or latency rising within minutes of a deployment; a deployment circuit breaker or canary analysis failing.'],
    triage: [
      'Did a release, a configuration change or a feature flag change go out in the last hour? Most outages start with a change.',
      `Deployed in this design: ${deployables.map((c) => `${w.ref(c)} (${c.traits.runtime ?? 'containers'}, ${w.where(c)})`).join('; ')}.`,
      pipeline ? `Pipeline ${w.ref(pipeline)}: ${delivery?.strategy ?? 'rolling'} releases${delivery?.automatedRollback ? ', rolled back automatically when alarms trip' : ', no automated rollback'}.` : 'The design has no CI/CD component: find out how the change was deployed.',
    ],
    recovery: [
      w.cmd.rollback(deployables),
      'If a database migration shipped with the release: roll back the application only if the schema stays backward compatible; otherwise roll forward with a fix.',
      'Turn off the feature flag if the change is behind one.',
      delivery?.breakGlass ? 'If the pipeline itself is down, use the documented break-glass path.' : `If the pipeline itself is down: ${fill('break-glass deployment procedure')}.`,
    ],
    verification: ['Error rate and latency back at the pre-release baseline; the running version is the previous one everywhere (all regions, all zones).'],
    checklist: ['Why did tests and the canary not catch it?', 'Freeze further releases until the fix is reviewed.'],
  };
}

function clusterUpgradeSections(w: Writer, clusters: readonly ComponentFacts[]): Sections {
  return {
    alert: ['A planned change, not an alert: the provider\'s end-of-support notice for the cluster\'s version, or a forced upgrade date.'],
    triage: clusters.map((c) => {
      const cluster = c.traits.cluster!;
      const zones = new Set(cluster.nodeZones).size;
      const risks = [
        zones < 2 ? `every node is in zone ${cluster.nodeZones.join(', ')}, so drained pods have no other zone to go to` : `nodes in ${zones} zones`,
        cluster.upgrade === 'in-place' ? 'nodes are replaced in place, so capacity dips while each drains' : cluster.upgrade === 'surge' ? 'surge nodes come up before old ones drain' : 'a new node group is built beside the old one',
        cluster.disruptionBudgets ? 'pod disruption budgets hold each workload\'s minimum' : 'no pod disruption budgets: a drain can take every replica of a service at once',
      ];
      return `${w.ref(c)} in ${w.where(c)}: ${risks.join('; ')}.`;
    }),
    recovery: [
      'Read the release notes for removed APIs; check manifests and charts against them before anything else.',
      'Upgrade the control plane first (one minor version at a time), then the add-ons (CNI, DNS, proxy, CSI drivers), then the node groups.',
      ...clusters.map((c) => (c.traits.cluster!.upgrade === 'blue-green' ? `${w.ref(c)}: create the new node group, cordon the old one, move workloads, keep the old group until the new one is proven, then delete it.` : `${w.ref(c)}: upgrade one node group at a time, watching each drain; stop if pods stay pending.`)),
      `To roll back node groups, move workloads back to nodes of the previous version; the control plane cannot be downgraded: ${fill('the restore plan for the control plane (a cluster rebuilt from code)')}.`,
    ],
    verification: ['Every node on the new version and Ready; no pods Pending or CrashLooping; error rates and latency at their baseline through the drain.'],
    checklist: ['Were any services below their minimum replicas during the drain?', 'Schedule the next upgrade before the version leaves standard support.'],
  };
}

function privateLinkSections(w: Writer, links: readonly ComponentFacts[]): Sections {
  return {
    alert: links.map((l) => `${w.ref(l)}: ${w.alarms(l)} (tunnel or BGP session state); calls through it timing out.`),
    triage: [
      ...links.map((l) => {
        const link = l.traits.privateLink!;
        const behind = targetsOf(w.facts, l.id, 'sync').concat(targetsOf(w.facts, l.id, 'async'));
        return `${w.ref(l)} (${link.medium === 'vpn' ? 'VPN' : 'dedicated circuit'}, ${link.paths} independent connection${link.paths === 1 ? '' : 's'}) carries traffic to ${behind.length > 0 ? joinIds(behind) : 'systems outside the design'}.${link.paths < 2 ? ' It is the only path: nothing fails over.' : ' Check whether one connection or all are down.'}`;
      }),
      `Is it our side? Check the on-premises device and the carrier: ${fill('network team and carrier contacts')}.`,
    ],
    recovery: [
      'Confirm that traffic moved to the surviving connections (BGP routes withdrawn from the failed one).',
      'With no path left: queue work for the systems behind the link and tell users what is delayed; do not retry harder.',
      `Open a case with the provider and the carrier: ${fill('circuit ids and support contracts')}.`,
    ],
    verification: ['Every tunnel or BGP session up; the queued work drained to the systems behind the link.'],
    checklist: ['Would a second connection (another device, location or a VPN as backup) have carried the traffic?'],
  };
}

function sectionsFor(w: Writer, mode: FailureMode, components: readonly ComponentFacts[]): Sections {
  switch (mode.id) {
    case 'database-failover':
      return databaseSections(w, components);
    case 'zone-loss':
      return zoneSections(w, components);
    case 'region-failover':
      return regionSections(w, components);
    case 'queue-backlog':
      return queueSections(w, components);
    case 'cache-loss':
      return cacheSections(w, components);
    case 'certificate-expiry':
      return certificateSections(w, components);
    case 'identity-provider-outage':
      return identitySections(w, components);
    case 'external-integration-degraded':
      return externalSections(w, components);
    case 'restore-from-backup':
      return restoreSections(w, components);
    case 'cluster-upgrade':
      return clusterUpgradeSections(w, components);
    case 'private-link-down':
      return privateLinkSections(w, components);
    case 'release-rollback':
      return releaseSections(w, components);
  }
}

function impactLines(w: Writer, components: readonly ComponentFacts[]): string[] {
  // Only components that journeys need can be among their needs: a set of those, not of every component.
  const ids = new Set(components.filter((c) => c.journeys.length > 0).map((c) => c.id));
  const journeys = w.facts.design.journeys.filter((j) => j.needs.some((id) => ids.has(id)));
  if (journeys.length === 0) return ['No journey of the design needs these components directly; expect delayed background work rather than failed user transactions.'];
  return journeys.map((j) => {
    const needed = j.needs.filter((id) => ids.has(id)).map((id) => `\`${id}\``);
    const target = j.target ?? w.facts.tier.availability;
    return `**${markdownText(j.name)}** (\`${j.id}\`, target ${target}%): needs ${needed.join(', ')}.`;
  });
}

const MAX_ESTIMATE_ROWS = 40;

const duration = (seconds: number | null) => (seconds === null ? 'not recoverable as designed' : seconds === 0 ? 'none' : formatDuration(seconds));

/** The engine's estimates for the scenarios this runbook covers, against the tier's targets. */
function estimateLines(w: Writer, mode: FailureMode): string[] {
  const scenarios = mode.scenarios;
  if (!scenarios || scenarios.length === 0) return [];
  const { rtoSeconds, rpoSeconds } = w.facts.tier;
  const verdict = (value: number | null, target: number) => (value === null || value > target ? ' (over target)' : '');
  const lines = [
    '## Estimates for this design',
    '',
    'From Ninesmith\'s failure simulation of the design (estimates, not measurements: replace them with what your tests measure).',
    '',
    '| scenario | journeys affected | estimated recovery | data loss |',
    '| --- | --- | --- | --- |',
    ...scenarios.slice(0, MAX_ESTIMATE_ROWS).map((s) => {
      const affected = [...s.brokenJourneys.map((id) => `\`${id}\` (until repaired)`), ...s.failedOverJourneys.map((id) => `\`${id}\` (until failover)`)];
      const broken = affected.length > 0 ? affected.join(', ') : 'none';
      return `| ${markdownText(s.title)} | ${broken} | ${duration(s.rtoSeconds)}${verdict(s.rtoSeconds, rtoSeconds)} | ${duration(s.rpoSeconds)}${verdict(s.rpoSeconds, rpoSeconds)} |`;
    }),
  ];
  if (scenarios.length > MAX_ESTIMATE_ROWS) lines.push('', `And ${scenarios.length - MAX_ESTIMATE_ROWS} more scenarios of the same kind.`);
  lines.push('');
  return lines;
}

/** How many lines `joinInBatches` joins at a time. */
const BATCH = 256;

/**
 * `[...things].map(line).join(separator)`, joined a batch at a time as the lines are made. A design
 * of thousands of components gives lists of thousands of lines: made all before the join, their
 * pieces outlive the young heap, and the collector copies them before the join copies them again.
 */
function joinInBatches<T>(things: Iterable<T>, line: (thing: T, index: number) => string, separator: string): string {
  let text = '';
  let joined = false;
  let index = 0;
  const batch: string[] = [];
  const flush = () => {
    text = joined ? `${text}${separator}${batch.join(separator)}` : batch.join(separator);
    joined = true;
    batch.length = 0;
  };
  for (const thing of things) {
    batch.push(line(thing, index));
    index += 1;
    if (batch.length === BATCH) flush();
  }
  if (batch.length > 0) flush();
  return text;
}

/** A list's lines, as one line of the runbook's lines; none for an empty list. */
const numbered = (items: Items): string[] => {
  const text = joinInBatches(itemsOf(items), (item, index) => `${index + 1}. ${item}`, '\n');
  return text === '' ? [] : [text];
};
const bullets = (items: Items): string[] => {
  const text = joinInBatches(itemsOf(items), (item) => `- ${item}`, '\n');
  return text === '' ? [] : [text];
};

function dashboardLines(w: Writer, components: readonly ComponentFacts[]): string[] {
  // The AWS links are made a line at a time as they are joined: at 5,000 components they are a third of the runbooks.
  const lines = joinInBatches(w.cmd.dashboards(components), (line) => `- ${line}`, '\n');
  return lines !== '' ? ['## Dashboards and logs', '', lines, ''] : [];
}

function renderRunbook(w: Writer, mode: FailureMode): string {
  const { design, tier } = w.facts;
  const components = mode.components.map((id) => w.c(id));
  const s = sectionsFor(w, mode, components);
  const regions = mode.regions.map((id) => w.facts.regionById.get(id)).filter((r): r is Region => r !== undefined);
  const lines = [
    `# Runbook: ${TITLES[mode.id]}`,
    '',
    `Design: ${markdownText(design.name)} (\`${w.facts.slug}\`). Generated by Ninesmith; keep it next to the alerts that link to it.`,
    '',
    '| | |',
    '| --- | --- |',
    `| Targets | tier \`${design.tier}\`: availability ${tier.availability}%, RTO ${formatDuration(tier.rtoSeconds)}, RPO ${formatDuration(tier.rpoSeconds)} |`,
    `| Components | ${joinInBatches(components, (c) => `${w.ref(c)}: ${c.kind.title.toLowerCase()}, ${w.where(c)}`, '<br>')} |`,
    `| Regions | ${regions.length > 0 ? regions.map((r) => w.region(r)).join(', ') : 'global services only'} |`,
    ...(s.mechanism ? [`| How it recovers | ${s.mechanism} |`] : []),
    `| On-call | ${fill('on-call rotation and paging policy')} |`,
    `| Incident lead | ${fill('who leads incidents of this kind')} |`,
    '',
    ...(w.cmd.notice ? [w.cmd.notice, ''] : []),
    '## Access needed',
    '',
    ...bullets(w.cmd.access(components)),
    '',
    '## When it applies',
    '',
    ...bullets(s.alert),
    '',
    ...dashboardLines(w, s.watch ?? components),
    '## Impact on the journeys',
    '',
    ...bullets(impactLines(w, components)),
    '',
    ...estimateLines(w, mode),
    '## Triage',
    '',
    ...numbered(s.triage),
    '',
    '## Recovery',
    '',
    ...numbered(s.recovery),
    '',
    '## Verification',
    '',
    ...bullets(s.verification),
    '',
    '## Communication',
    '',
    ...bullets([
      `Open the incident channel and post the first status within 15 minutes: ${fill('incident channel')}.`,
      `Status page for clients: ${fill('status page URL')}; say which journeys are affected, not which components.`,
      'Update every 30 minutes until resolved, then post the resolution and the follow-ups.',
      ...(s.communication ?? []),
    ]),
    '',
    '## Post-incident checklist',
    '',
    ...s.checklist.map((item) => `- [ ] ${item}`),
    '- [ ] Timeline written; blameless review held within five working days.',
    `- [ ] Measured recovery time ${fill('minutes')} against the RTO of ${formatDuration(tier.rtoSeconds)}; data lost ${fill('minutes of data')} against the RPO of ${formatDuration(tier.rpoSeconds)}.`,
    '- [ ] This runbook updated with what was missing.',
    '',
  ];
  return lines.join('\n');
}

function indexFile(w: Writer, modes: readonly FailureMode[]): string {
  const { tier } = w.facts;
  return [
    `# Runbooks for ${markdownText(w.facts.design.name)}`,
    '',
    `One runbook per failure this design can suffer. Targets: availability ${tier.availability}%, RTO ${formatDuration(tier.rtoSeconds)}, RPO ${formatDuration(tier.rpoSeconds)}.`,
    'Fill every `[FILL IN: ...]` field before relying on a runbook, and rehearse each one at least once a year.',
    '',
    '| runbook | about |',
    '| --- | --- |',
    ...modes.map((m) => `| [${TITLES[m.id]}](${m.id}.md) | ${m.components.map((id) => `\`${id}\``).join(', ')} |`),
    '',
  ].join('\n');
}

/**
 * Runbook skeletons in Markdown, one per failure mode. `modes` defaults to what the design and the
 * kinds' capabilities say it can suffer (`failureModesOf`); the export passes the modes with the
 * engine's scenarios, so each runbook quotes its recovery estimates.
 */
export function generateRunbooks(facts: DesignFacts, modes: readonly FailureMode[] = failureModesOf(facts)): GeneratedFile[] {
  if (modes.length === 0) return [];
  const w = new Writer(facts);
  return [{ path: 'runbooks/README.md', contents: indexFile(w, modes) }, ...modes.map((mode) => ({ path: `runbooks/${mode.id}.md`, contents: renderRunbook(w, mode) }))];
}

export const runbooksTarget: Generator = {
  ...TARGETS.runbooks,
  generate: ({ facts, scenarios }) => generateRunbooks(facts, failureModesOf(facts, scenarios())),
};
