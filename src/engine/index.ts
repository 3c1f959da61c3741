/**
 * The engine's public API: graph indexes, the rules, journey availability, failure simulation and
 * recovery estimates. Plain TypeScript over the model and the catalog; the app and the command
 * line both call it. Keep this file a plain list of re-exports.
 */
export { analyzeDesign, checkDesign, ruleContext, ruleSeverity, tierClassOf, type DesignAnalysis, type Scorecard, type ObjectiveCheck } from './analysis/analyze';
export { analyzeChange, analyzeChangeFigures, designFigures, touchedComponents, type DesignFigures } from './analysis/change';
export { findingsChange, type FindingsChange } from './analysis/findings';
export { simulateFailure, journeyPlans, type SimulationResult, type JourneyOutcome, type JourneyPlan } from './analysis/journeys';
export { failureScenarios, simulateScenario, type FailureScenario, type ScenarioKind, type DataLoss } from './analysis/scenarios';
export { journeysAvailability, componentSla, type JourneyAvailability, type AvailabilityTerm, type FloorStatus } from './analysis/availability';
export { weakestJourney } from './analysis/weakest-journey';
export { modelledAvailability, MAX_CONTRIBUTORS, type ModelledAvailability, type Contributor, type ContributorKind } from './analysis/modelled';
export { modelInputs, DEFAULT_RATES, DEFAULT_DURATIONS, DEFAULT_DEPLOYMENTS_PER_MONTH, type ModelInputs, type Rate } from './analysis/rates';
export { ASSUMPTIONS, SECONDS_PER_MONTH, type Assumption } from './analysis/assumptions';
export type { Failure } from './analysis/failure';
export { buildGraph, graphOf, zoneKey, type DesignGraph } from './graph';
export { RULES, ALL_RULES, type RuleId } from './rules';
export * from './rules/types';
export * from './cost';
export * from './compare';
export * from './format';
