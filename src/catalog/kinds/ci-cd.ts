import { defineKind } from '../define-kind';

export const ciCd = defineKind({
  id: 'ci-cd',
  title: 'CI/CD',
  description: 'The pipeline that builds, tests and releases (GitHub Actions, GitLab CI, CodePipeline, Argo CD). Most outages start with a change: release gradually and roll back automatically.',
  layer: 'operations',
  keywords: ['pipeline', 'deploy', 'release', 'github actions', 'gitlab', 'argo', 'canary', 'blue-green'],
  services: { aws: ['AWS CodePipeline', 'GitHub Actions'], azure: ['Azure Pipelines', 'GitHub Actions'], gcp: ['Cloud Build', 'Cloud Deploy'] },
  capabilities: { stateful: false, placement: 'global', foundation: 'delivery' },
  props: [
    {
      key: 'strategy',
      label: 'Release strategy',
      help: 'Rolling replaces instances in place. Blue-green switches traffic to a full new copy. Canary sends a small share of traffic to the new version first.',
      type: 'choice',
      choices: [
        { value: 'rolling', label: 'Rolling' },
        { value: 'blue-green', label: 'Blue-green' },
        { value: 'canary', label: 'Canary' },
      ],
      default: 'rolling',
    },
    { key: 'automatedRollback', label: 'Automated rollback', help: 'A release that trips its alarms is rolled back without waiting for a person.', type: 'boolean', default: false },
    { key: 'redundantRunners', label: 'Redundant runners', help: 'Deployments can run from more than one place (a second runner pool or region), so recovery does not wait on the pipeline.', type: 'boolean', default: false },
    { key: 'breakGlass', label: 'Break-glass path', help: 'A documented, tested way to deploy or roll back by hand when the pipeline itself is down.', type: 'boolean', default: false },
    { key: 'buildMinutesPerMonth', label: 'Build minutes', help: 'Build and deploy minutes per month; hosted runners are priced per minute.', type: 'number', min: 0, max: 1e8, default: 3000 },
  ],
  initialProps: { strategy: 'rolling', automatedRollback: false },
  traits: (props) => ({
    foundation: { role: 'delivery', strategy: props.strategy, automatedRollback: props.automatedRollback, redundantRunners: props.redundantRunners, breakGlass: props.breakGlass },
  }),
  remedies: {
    'progressive-delivery': () => ({ props: { strategy: 'canary', automatedRollback: true } }) as const,
    'break-glass': () => ({ props: { breakGlass: true } }),
  },
});
