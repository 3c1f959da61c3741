import { displayName } from '../../model';
import { zoneKey, type DesignGraph } from '../graph';
import { ASSUMPTIONS, type Assumption } from './assumptions';
import { applyFailure, type Failure, type FailureState } from './failure';
import { evaluateJourney, journeyPlans, type JourneyOutcome } from './journeys';
import { dataLoss, holdsRecords, latest, restoreTime, uniqueAssumptions, type Estimate } from './recovery';

export type ScenarioKind = 'component' | 'zone' | 'region' | 'external' | 'corruption';

/** Data a store would lose in a scenario. */
export interface DataLoss {
  component: string;
  /** Seconds of writes lost; 0 for none; null when the data cannot be recovered at all. */
  rpoSeconds: number | null;
}

export interface FailureScenario {
  /** `zone:primary/a`, `region:primary`, `component:web`, `external:erp`, `corruption:db`. */
  id: string;
  kind: ScenarioKind;
  title: string;
  failure: Failure;
  downComponents: string[];
  degradedComponents: string[];
  /** Journeys that do not work until recovery. */
  brokenJourneys: string[];
  /** Journeys that work again once failover partners take over. */
  failedOverJourneys: string[];
  journeys: JourneyOutcome[];
  /** Estimated time until every journey works again: 0 when none is affected, null when unbounded. */
  rtoSeconds: number | null;
  /** Worst data loss over the stores hit: 0 when none, null when some data is unrecoverable. */
  rpoSeconds: number | null;
  dataLoss: DataLoss[];
  assumptions: Assumption[];
}

function summarize(graph: DesignGraph, id: string, kind: ScenarioKind, title: string, failure: Failure, failed: FailureState, journeys: JourneyOutcome[], stores: readonly number[], corruption = false): FailureScenario {
  const losses: DataLoss[] = [];
  const estimates: Estimate[] = [];
  for (const i of stores) {
    const loss = dataLoss(graph, i, failed, corruption);
    estimates.push(loss);
    losses.push({ component: graph.components[i]!.id, rpoSeconds: loss.seconds });
  }
  const rpo = latest(estimates);
  const rto = latest(journeys.map((j) => ({ seconds: j.rtoSeconds, assumptions: j.assumptions })));
  const degradedComponents: string[] = [];
  for (const i of failed.lostZones.keys()) degradedComponents.push(graph.components[i]!.id);
  degradedComponents.sort();
  return {
    id,
    kind,
    title,
    failure,
    downComponents: failed.downIndices.map((i) => graph.components[i]!.id),
    degradedComponents,
    brokenJourneys: journeys.filter((j) => !j.up).map((j) => j.id),
    failedOverJourneys: journeys.filter((j) => j.up && j.servedByFailover).map((j) => j.id),
    journeys,
    rtoSeconds: rto.seconds,
    rpoSeconds: losses.length === 0 ? 0 : rpo.seconds,
    dataLoss: losses,
    assumptions: uniqueAssumptions([...rto.assumptions, ...rpo.assumptions]),
  };
}

const unaffected = (id: string, name: string): JourneyOutcome => ({ id, name, up: true, servedByFailover: false, rtoSeconds: 0, missing: [], failovers: [], deferred: [], assumptions: [] });

/**
 * Failure scenarios of a design: each zone of each region, each region, each component, each
 * external dependency, and corruption of each store. A component scenario evaluates only the
 * journeys whose routes pass through that component, so the whole set stays near-linear.
 */
export function failureScenarios(graph: DesignGraph): FailureScenario[] {
  const plans = journeyPlans(graph);
  const size = graph.components.length;
  // Which journeys each component can affect: the inverse of the plans' relevant sets.
  const journeysOf: number[][] = new Array(size);
  for (let i = 0; i < size; i += 1) journeysOf[i] = [];
  plans.forEach((plan, p) => {
    for (const i of plan.relevant) journeysOf[i]!.push(p);
  });
  const stores: number[] = [];
  for (let i = 0; i < size; i += 1) if (holdsRecords(graph, i)) stores.push(i);
  const scenarios: FailureScenario[] = [];
  const all = (failure: Failure) => {
    const failed = applyFailure(graph, failure);
    return { failed, journeys: plans.map((plan) => evaluateJourney(graph, plan, failed)) };
  };

  for (const region of graph.design.regions) {
    for (const zone of region.zones) {
      const failure: Failure = { zones: [zoneKey(region.id, zone)] };
      const { failed, journeys } = all(failure);
      const hit = stores.filter((i) => failed.down[i] || failed.lostZones.has(i));
      scenarios.push(summarize(graph, `zone:${region.id}/${zone}`, 'zone', `Zone ${zone} of ${region.name ?? region.id} fails`, failure, failed, journeys, hit));
    }
  }
  for (const region of graph.design.regions) {
    const failure: Failure = { regions: [region.id] };
    const { failed, journeys } = all(failure);
    const hit = stores.filter((i) => failed.down[i]);
    scenarios.push(summarize(graph, `region:${region.id}`, 'region', `Region ${region.name ?? region.id} (${region.location}) fails`, failure, failed, journeys, hit));
  }
  for (let i = 0; i < size; i += 1) {
    const component = graph.components[i]!;
    if (graph.kinds[i]!.capabilities.entryPoint) continue;
    const failure: Failure = { components: [component.id] };
    const failed = applyFailure(graph, failure);
    const affected = new Set(journeysOf[i]);
    const journeys = plans.map((plan, p) => (affected.has(p) ? evaluateJourney(graph, plan, failed) : unaffected(plan.journey.id, plan.journey.name)));
    const external = graph.kinds[i]!.capabilities.external === true;
    const name = displayName(component);
    scenarios.push(
      summarize(graph, `${external ? 'external' : 'component'}:${component.id}`, external ? 'external' : 'component', external ? `External dependency ${name} is unavailable` : `${name} fails`, failure, failed, journeys, holdsRecords(graph, i) ? [i] : []),
    );
  }
  const healthy = applyFailure(graph, {});
  for (const i of stores) {
    const component = graph.components[i]!;
    const affected = new Set(journeysOf[i]);
    // Restoring a corrupted store takes it out of service: replicas copied the corruption.
    const restore: Estimate =
      graph.kinds[i]!.capabilities.dataRole === 'files'
        ? graph.props[i]!.versioning === true
          ? { seconds: ASSUMPTIONS.restoreBase.seconds, assumptions: [ASSUMPTIONS.restoreBase] }
          : { seconds: null, assumptions: [] }
        : restoreTime(graph, i, applyFailure(graph, { components: [component.id] }));
    const journeys = plans.map((plan, p) =>
      affected.has(p) && plan.needed.includes(i)
        ? { ...unaffected(plan.journey.id, plan.journey.name), up: false, rtoSeconds: restore.seconds, missing: [component.id], assumptions: restore.assumptions }
        : unaffected(plan.journey.id, plan.journey.name),
    );
    const scenario = summarize(graph, `corruption:${component.id}`, 'corruption', `Data in ${displayName(component)} is corrupted or deleted`, { components: [component.id] }, healthy, journeys, [i], true);
    scenario.downComponents = [component.id];
    scenario.assumptions = uniqueAssumptions([...scenario.assumptions, ...restore.assumptions, ASSUMPTIONS.pitrRecoveryPoint]);
    scenarios.push(scenario);
  }
  return scenarios;
}
