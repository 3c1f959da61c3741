import type { KindId } from '../catalog';
import type { Provider } from '../model';

/**
 * The providers' own architecture icons in draw.io files, by reference to the shape libraries
 * draw.io ships (AWS4, Azure2 and GCP2), so a `.drawio` export of an AWS, Azure or Google Cloud
 * design opens with each provider's icons without Ninesmith copying any icon file. Names were read
 * from draw.io's sidebar sources (jgraph/drawio src/main/webapp/js/diagramly/sidebar/
 * Sidebar-AWS4.js @0031495, Sidebar-Azure2.js @4231dfb, Sidebar-GCP2.js @03464d1; Azure paths also
 * checked against img/lib/azure2 in draw.io's tree), each with the fill colour its palette uses.
 * A kind with no shape of its own for a provider (an ingress controller, an external system, a
 * Google Cloud product GCP2 lacks) keeps the neutral symbol.
 *
 * The canvas, SVG and PNG keep the neutral set for every provider: Microsoft's terms allow its icons
 * in diagrams and documentation but not in user interfaces without permission, and one set keeps
 * designs comparable across providers (docs/cli.md, `diagram`, "Icons").
 */

type Aws = { resIcon: string; fill: string } | { shape: string; fill: string };
interface ProviderIcons {
  aws?: Aws;
  /** A path under draw.io's img/lib/azure2/. */
  azure?: string;
  gcp?: { shape: string; fill: string };
}

/** Every kind has an entry, so the compiler asks for one when a kind is added; `{}` where draw.io has no shape. */
const ICONS: Readonly<Record<KindId, ProviderIcons>> = {
  'users': { aws: { shape: 'users', fill: '#232F3D' }, azure: 'identity/Users.svg', gcp: { shape: 'users', fill: '#757575' } },
  'dns': { aws: { resIcon: 'route_53', fill: '#8C4FFF' }, azure: 'networking/DNS_Zones.svg', gcp: { shape: 'cloud_dns', fill: '#5184F3' } },
  'cdn': { aws: { resIcon: 'cloudfront', fill: '#8C4FFF' }, azure: 'networking/Front_Doors.svg', gcp: { shape: 'cloud_cdn', fill: '#5184F3' } },
  'waf': { aws: { resIcon: 'waf', fill: '#DD344C' }, azure: 'networking/Web_Application_Firewall_Policies_WAF.svg', gcp: { shape: 'cloud_armor', fill: '#5184F3' } },
  'load-balancer': { aws: { resIcon: 'elastic_load_balancing', fill: '#8C4FFF' }, azure: 'networking/Load_Balancers.svg', gcp: { shape: 'cloud_load_balancing', fill: '#5184F3' } },
  'api-gateway': { aws: { resIcon: 'api_gateway', fill: '#E7157B' }, azure: 'app_services/API_Management_Services.svg', gcp: { shape: 'apigee_api_platform', fill: '#5184F3' } },
  ingress: {},
  'external-system': {},
  'nat-gateway': { aws: { shape: 'nat_gateway', fill: '#8C4FFF' }, azure: 'networking/NAT.svg', gcp: { shape: 'nat', fill: '#757575' } },
  'app-service': { aws: { resIcon: 'ecs', fill: '#ED7100' }, azure: 'app_services/App_Services.svg' },
  'worker-pool': { aws: { resIcon: 'auto_scaling2', fill: '#ED7100' }, azure: 'compute/VM_Scale_Sets.svg', gcp: { shape: 'compute_engine', fill: '#5184F3' } },
  'scheduler': { aws: { shape: 'eventbridge_scheduler', fill: '#E7157B' }, azure: 'integration/Logic_Apps.svg' },
  'queue': { aws: { resIcon: 'sqs', fill: '#E7157B' }, azure: 'integration/Service_Bus.svg', gcp: { shape: 'cloud_pubsub', fill: '#5184F3' } },
  'relational-db': { aws: { resIcon: 'rds', fill: '#C925D1' }, azure: 'databases/Azure_Database_PostgreSQL_Server.svg', gcp: { shape: 'cloud_sql', fill: '#5184F3' } },
  'cache': { aws: { resIcon: 'elasticache', fill: '#C925D1' }, azure: 'databases/Cache_Redis.svg', gcp: { shape: 'cloud_memorystore', fill: '#5184F3' } },
  'data-warehouse': { aws: { resIcon: 'redshift', fill: '#8C4FFF' }, azure: 'analytics/Azure_Synapse_Analytics.svg', gcp: { shape: 'bigquery', fill: '#5184F3' } },
  'object-storage': { aws: { resIcon: 's3', fill: '#7AA116' }, azure: 'storage/Storage_Accounts.svg', gcp: { shape: 'cloud_storage', fill: '#5184F3' } },
  'backup-vault': { aws: { resIcon: 'backup', fill: '#7AA116' }, azure: 'storage/Recovery_Services_Vaults.svg' },
  'identity-provider': { aws: { resIcon: 'cognito', fill: '#DD344C' }, azure: 'identity/Azure_Active_Directory.svg' },
  'secrets-manager': { aws: { resIcon: 'secrets_manager', fill: '#DD344C' }, azure: 'security/Key_Vaults.svg' },
  'key-management': { aws: { resIcon: 'key_management_service', fill: '#DD344C' }, azure: 'security/Key_Vaults.svg', gcp: { shape: 'key_management_service', fill: '#5184F3' } },
  'observability': { aws: { resIcon: 'cloudwatch_2', fill: '#E7157B' }, azure: 'management_governance/Monitor.svg', gcp: { shape: 'stackdriver', fill: '#5184F3' } },
  'ci-cd': { aws: { resIcon: 'codepipeline', fill: '#C925D1' }, azure: 'devops/Azure_DevOps.svg', gcp: { shape: 'container_builder', fill: '#5184F3' } },
  'serverless-function': { aws: { resIcon: 'lambda', fill: '#ED7100' }, azure: 'compute/Function_Apps.svg', gcp: { shape: 'cloud_functions', fill: '#5184F3' } },
  'kubernetes-cluster': { aws: { resIcon: 'eks', fill: '#ED7100' }, azure: 'compute/Kubernetes_Services.svg', gcp: { shape: 'container_engine', fill: '#5184F3' } },
  'event-stream': { aws: { resIcon: 'kinesis_data_streams', fill: '#8C4FFF' }, azure: 'analytics/Event_Hubs.svg', gcp: { shape: 'cloud_pubsub', fill: '#5184F3' } },
  'notification-topic': { aws: { resIcon: 'sns', fill: '#E7157B' }, azure: 'integration/Event_Grid_Topics.svg', gcp: { shape: 'cloud_pubsub', fill: '#5184F3' } },
  'key-value-db': { aws: { resIcon: 'dynamodb', fill: '#C925D1' }, azure: 'databases/Azure_Cosmos_DB.svg' },
  'search-cluster': { aws: { resIcon: 'elasticsearch_service', fill: '#8C4FFF' }, azure: 'app_services/Search_Services.svg' },
  'shared-file-system': { aws: { resIcon: 'elastic_file_system', fill: '#7AA116' }, azure: 'storage/Azure_Fileshare.svg', gcp: { shape: 'cloud_filestore', fill: '#5184F3' } },
  'container-registry': { aws: { resIcon: 'ecr', fill: '#ED7100' }, azure: 'containers/Container_Registries.svg' },
  'email-delivery': { aws: { resIcon: 'simple_email_service', fill: '#DD344C' }, azure: 'other/Azure_Communication_Services.svg' },
  'private-connectivity': { aws: { resIcon: 'direct_connect', fill: '#8C4FFF' }, azure: 'networking/ExpressRoute_Circuits.svg', gcp: { shape: 'dedicated_interconnect', fill: '#5184F3' } },
  'admin-access': { aws: { shape: 'systems_manager_session_manager', fill: '#E7157B' }, azure: 'networking/Bastions.svg', gcp: { shape: 'identity_aware_proxy', fill: '#5184F3' } },
  // AWS End User Messaging SMS was Amazon Pinpoint's SMS channel; Azure Communication Services sends both e-mail and SMS.
  'sms-delivery': { aws: { resIcon: 'pinpoint', fill: '#DD344C' }, azure: 'other/Azure_Communication_Services.svg' },
};

/** draw.io's style for `kind`'s icon on `provider`, or undefined when draw.io has none. */
export function drawioProviderIconStyle(kind: string, provider: Provider): string | undefined {
  const icons = (ICONS as Readonly<Record<string, ProviderIcons | undefined>>)[kind];
  if (!icons) return undefined;
  if (provider === 'aws' && icons.aws) {
    const shape = 'resIcon' in icons.aws ? `shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.${icons.aws.resIcon};strokeColor=#ffffff` : `shape=mxgraph.aws4.${icons.aws.shape};strokeColor=none`;
    return `${shape};fillColor=${icons.aws.fill};outlineConnect=0;aspect=fixed;`;
  }
  if (provider === 'azure' && icons.azure) return `image;aspect=fixed;image=img/lib/azure2/${icons.azure};`;
  if (provider === 'gcp' && icons.gcp) return `shape=mxgraph.gcp2.${icons.gcp.shape};fillColor=${icons.gcp.fill};strokeColor=none;aspect=fixed;`;
  return undefined;
}
