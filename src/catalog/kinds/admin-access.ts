import { AZURE_SLA, byProvider } from '../slas';
import { sizeProp } from '../common-props';
import { computeSla } from '../compute-sla';
import { defineKind } from '../define-kind';

export const adminAccess = defineKind({
  id: 'admin-access',
  title: 'Administrative access',
  description: 'How operators reach private instances and databases: a managed session service (Session Manager, Azure Bastion, IAP) or a bastion host the team runs. Needed most when everything else is broken.',
  layer: 'security',
  keywords: ['bastion', 'jump host', 'jumpbox', 'session manager', 'ssm', 'ssh', 'rdp', 'iap', 'azure bastion', 'break glass', 'admin'],
  services: { aws: ['AWS Systems Manager Session Manager', 'EC2 Instance Connect Endpoint'], azure: ['Azure Bastion'], gcp: ['Identity-Aware Proxy (IAP) TCP forwarding'] },
  capabilities: { stateful: false, placement: 'regional', instances: true },
  props: [
    {
      key: 'method',
      label: 'Method',
      help: 'Managed: the provider\'s session service, with no open inbound port and sessions logged. Bastion host: a virtual machine the team patches and keeps running, one per zone to survive a zone loss.',
      type: 'choice',
      choices: [
        { value: 'managed', label: 'Managed session service' },
        { value: 'bastion-host', label: 'Bastion host' },
      ],
      default: 'managed',
    },
    sizeProp('t3.micro', ['t3.micro', 't3.small', 't4g.micro']),
    { key: 'sessionLogging', label: 'Sessions logged', help: 'Every session and command is recorded to a log the operators cannot edit.', type: 'boolean', default: true },
    { key: 'breakGlass', label: 'Break-glass procedure', help: 'A tested way in when the identity provider or the session service is down (sealed credentials, a second path).', type: 'boolean', default: false },
  ],
  initialProps: { method: 'managed', sessionLogging: true },
  traits: (props, component) =>
    props.method === 'managed'
      ? { operator: 'provider', runtime: 'managed-service', zoneRedundant: true, zonalFailover: 'service', instanceUnits: 1 }
      : { operator: 'team', runtime: 'vm', instanceUnits: component.replicas ?? 1, zonalFailover: 'independent' },
  sla: (props, component, context) => {
    if (props.method === 'bastion-host') return computeSla(component.replicas, 'vm', context);
    return byProvider(
      context.provider,
      {
        aws: () => ({ unknown: 'no Session Manager SLA figure in the catalog' }),
        azure: () => AZURE_SLA.bastion,
        gcp: () => ({ unknown: 'no IAP SLA figure in the catalog' }),
      },
      'administrative access',
    );
  },
});
