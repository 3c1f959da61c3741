import { PROVIDER_FACTS, PROVIDERS, type Design } from '../src/model';
import type { ExportTarget, TargetInfo } from './types';

/**
 * What each target is, kept apart from the code that generates it so the export panel can show
 * the targets (and which of them a design's provider has) before any generator loads.
 */
export const TARGETS: { readonly [K in ExportTarget]: TargetInfo & { readonly id: K } } = {
  terraform: {
    id: 'terraform',
    label: 'Terraform',
    help: 'AWS, one file per layer, with a README of what to fill in',
    needs: { catalogs: false },
    providers: ['aws'],
  },
  helm: {
    id: 'helm',
    label: 'Helm values',
    help: 'for what runs on Kubernetes, with the chart they are for',
    needs: { catalogs: false },
    providers: PROVIDERS,
  },
  runbooks: {
    id: 'runbooks',
    label: 'Runbooks',
    help: 'one per failure the design can suffer',
    needs: { catalogs: false },
    providers: PROVIDERS,
  },
  proposal: {
    id: 'proposal',
    label: 'Client proposal',
    help: 'for the client: HTML, PDF, Word and Markdown, with the diagram, availability, recovery, cost, risks and next steps',
    needs: { catalogs: true },
    providers: PROVIDERS,
  },
};

/** Why a target writes nothing for this design, or undefined when it writes for its provider. */
export function unsupportedReason(target: ExportTarget, design: Pick<Design, 'provider'>): string | undefined {
  const info = TARGETS[target];
  if (info.providers.includes(design.provider)) return undefined;
  return `${info.label} for ${PROVIDER_FACTS[design.provider].label} is not generated yet (${info.providers.map((provider) => PROVIDER_FACTS[provider].label).join(', ')} only).`;
}
