/**
 * What a file picker for design files offers. Apart from file-io.ts, which reads files with the
 * full validator, so the toolbar paints without loading it.
 */
export const DESIGN_FILE_ACCEPT = '.yaml,.yml,.json,application/json,application/yaml,text/yaml';
