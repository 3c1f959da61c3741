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

const ICONS: Readonly<Record<string, ProviderIcons>> = {
  'users': { aws: { shape: 'users', fill: '#232F3D' }, azure: 'identity/Users.svg', gcp: { shape: 'users', fill: '#757575' } },
  'dns': { aws: { resIcon: 'route_53', fill: '#8C4FFF' }, azure: 'networking/DNS_Zones.svg', gcp: { shape: 'cloud_dns', fill: '#5184F3' } },
  'cdn': { aws: { resIcon: 'cloudfront', fill: '#8C4FFF' }, azure: 'networking/Front_Doors.svg', gcp: { shape: 'cloud_cdn', fill: '#5184F3' } },
  'waf': { aws: { resIcon: 'waf', fill: '#DD344C' }, azure: 'networking/Web_Application_Firewall_Policies_WAF.svg', gcp: { shape: 'cloud_armor', fill: '#5184F3' } },
  'load-balancer': { aws: { resIcon: 'elastic_load_balancing', fill: '#8C4FFF' }, azure: 'networking/Load_Balancers.svg', gcp: { shape: 'cloud_load_balancing', fill: '#5184F3' } },
  'api-gateway': { aws: { resIcon: 'api_gateway', fill: '#E7157B' }, azure: 'app_services/API_Management_Services.svg', gcp: { shape: 'apigee_api_platform', fill: '#5184F3' } },
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
};

/** draw.io's style for `kind`'s icon on `provider`, or undefined when draw.io has none. */
export function drawioProviderIconStyle(kind: string, provider: Provider): string | undefined {
  const icons = ICONS[kind];
  if (!icons) return undefined;
  if (provider === 'aws' && icons.aws) {
    const shape = 'resIcon' in icons.aws ? `shape=mxgraph.aws4.resourceIcon;resIcon=mxgraph.aws4.${icons.aws.resIcon};strokeColor=#ffffff` : `shape=mxgraph.aws4.${icons.aws.shape};strokeColor=none`;
    return `${shape};fillColor=${icons.aws.fill};outlineConnect=0;aspect=fixed;`;
  }
  if (provider === 'azure' && icons.azure) return `image;aspect=fixed;image=img/lib/azure2/${icons.azure};`;
  if (provider === 'gcp' && icons.gcp) return `shape=mxgraph.gcp2.${icons.gcp.shape};fillColor=${icons.gcp.fill};strokeColor=none;aspect=fixed;`;
  return undefined;
}
