/** Designs side by side: cost, availability per journey, recovery per scenario class, findings, and what each added nine costs. */
export * from './types';
export { compareDesigns, matchJourneys, recoveryByClass, MIN_COMPARED, MAX_COMPARED, type CompareEntry, type CompareOptions } from './compare';
export { costPerNine, ninesOf, NINES_EPSILON, type NineInputs } from './cost-per-nine';
export { describeCostPerNine, shortCostPerNine } from './describe';
export { compareSections, compareVerdicts, type CompareRow, type CompareSection } from './rows';
export { compareMarkdown } from './markdown';
