import { defineKind } from '../define-kind';

export const users = defineKind({
  id: 'users',
  title: 'Users',
  description: 'Where journeys start: people on the internet, staff on the office network, or client systems calling the API.',
  layer: 'edge',
  keywords: ['clients', 'customers', 'browser', 'entry', 'traffic'],
  services: { aws: [], azure: [], gcp: [] },
  capabilities: { stateful: false, placement: 'global', entryPoint: true, external: true },
  props: [
    {
      key: 'audience',
      label: 'Audience',
      help: 'Who they are: the public internet, an internal network, or client systems integrating by API.',
      type: 'choice',
      choices: [
        { value: 'internet', label: 'Internet users' },
        { value: 'internal', label: 'Internal users' },
        { value: 'client-systems', label: 'Client systems (API)' },
      ],
      default: 'internet',
    },
    { key: 'peakRequestsPerSecond', label: 'Peak requests per second', help: 'Traffic at the busiest hour; sizes capacity checks and usage-based prices.', type: 'number', min: 0, max: 10_000_000, default: 100, unit: 'req/s' },
  ],
  initialProps: { audience: 'internet' },
  traits: (props) => ({ audience: props.audience }),
});
