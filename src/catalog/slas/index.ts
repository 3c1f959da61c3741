import type { Provider } from '../../model';
import type { SlaAnswer } from '../types';

export { AWS_SLA } from './aws';
export { AZURE_SLA } from './azure';
export { GCP_SLA } from './gcp';

/**
 * A kind's SLA for the design's provider: each kind says, per provider, which published figure
 * applies to it as configured (or why none does). Providers a kind has no entry for get the reason.
 */
const PROVIDER_NAMES: Readonly<Record<Provider, string>> = { aws: 'AWS', azure: 'Azure', gcp: 'Google Cloud' };

export function byProvider(provider: Provider, answers: Partial<Record<Provider, () => SlaAnswer>>, title: string): SlaAnswer {
  const answer = answers[provider];
  return answer ? answer() : { unknown: `no published ${PROVIDER_NAMES[provider]} SLA for a ${title} in the catalog` };
}
