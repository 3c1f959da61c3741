/**
 * The engine's public API: graph indexes, the rules, journey availability, failure simulation and
 * recovery estimates. Plain TypeScript over the model and the catalog; the app and the command
 * line both call it. Keep this file a plain list of re-exports.
 */
export { analyzeDesign, checkDesign, ruleContext, ruleSeverity, tierClassOf, type DesignAnalysis, type Scorecard, type ObjectiveCheck } from './analysis/analyze';
export { simulateFailure, journeyPlans, type SimulationResult, type JourneyOutcome, type JourneyPlan } from './analysis/journeys';
export { failureScenarios, simulateScenario, type FailureScenario, type ScenarioKind, type DataLoss } from './analysis/scenarios';
export { journeysAvailability, componentSla, type JourneyAvailability, type AvailabilityTerm } from './analysis/availability';
export { weakestJourney } from './analysis/weakest-journey';
export { ASSUMPTIONS, SECONDS_PER_MONTH, type Assumption } from './analysis/assumptions';
export type { Failure } from './analysis/failure';
export { buildGraph, graphOf, zoneKey, type DesignGraph } from './graph';
export { RULES, ALL_RULES, type RuleId } from './rules';
export * from './rules/types';
export * from './cost';
export * from './compare';
export * from './format';
