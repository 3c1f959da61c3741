/** The catalog of component kinds: layer, capabilities, props, defaults and published SLAs. */
export * from './types';
export { KINDS, ALL_KINDS, findKind, kindOf, type KindId } from './registry';
export { propsSchema, propDefaults, effectiveProps, findPropSpec, regionPropPaths } from './props';
export { checkAgainstCatalog, loadDesign, loadDesignDocument } from './validate';
export { AWS_SLA } from './aws-slas';
export { syntheticDesign } from './synthetic-design';
