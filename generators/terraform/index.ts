import type { Provider } from '../../src/model';
import type { DesignFacts } from '../design-facts';
import { TARGETS } from '../targets';
import type { GeneratedFile, Generator } from '../types';
import { generateAwsTerraform } from './aws';

export { AWS_PROVIDER_CHECKED, AWS_PROVIDER_CONSTRAINT, TERRAFORM_REQUIRED_VERSION } from './aws';

/**
 * Terraform per provider. A provider without an entry gets a clear "not generated yet" from the
 * target's `providers` (a test checks the two agree), never another provider's code.
 */
export const TERRAFORM_BY_PROVIDER: Readonly<Partial<Record<Provider, (facts: DesignFacts) => GeneratedFile[]>>> = {
  aws: generateAwsTerraform,
};

/** Terraform for the design's provider, or nothing when there is none yet. */
export function generateTerraform(facts: DesignFacts): GeneratedFile[] {
  return TERRAFORM_BY_PROVIDER[facts.design.provider]?.(facts) ?? [];
}

export const terraformTarget: Generator = {
  ...TARGETS.terraform,
  generate: ({ facts }) => generateTerraform(facts),
};
