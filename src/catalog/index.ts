/** The catalog of component kinds: layer, capabilities, typed props, defaults, answers and published SLAs. */
export * from './types';
export { KINDS, ALL_KINDS, findKind, kindOf, type KindId, type KindProps } from './registry';
export { defineKind, kindContext, type KindDefinition } from './define-kind';
export { propsSchema } from './props-schema';
export { propDefaults, effectiveProps, findPropSpec, regionPropPaths } from './props';
export { checkAgainstCatalog, loadDesign, loadDesignDocument } from './validate';
export { AWS_SLA, AZURE_SLA, GCP_SLA } from './slas';
export { syntheticDesign } from './synthetic-design';
export * from './health-checks';
