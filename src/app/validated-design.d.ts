/** A design file validated at build time (scripts/validated-design.ts), as parsed data. */
declare module '*.yaml?validated-design' {
  // A wildcard module declaration cannot import (it must stay a global script), so the type is named inline.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const design: import('../model').Design;
  export default design;
}
