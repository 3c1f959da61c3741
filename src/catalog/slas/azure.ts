import type { SlaFigure } from '../types';

/** Microsoft publishes every Azure SLA in one document, the SLA for Online Services. */
const ONLINE_SERVICES = 'Microsoft, "Service Level Agreements (SLA) for Online Services", https://www.microsoft.com/licensing/docs/view/Service-Level-Agreements-SLA-for-Online-Services';
const NOT_REREAD = 'The figure as published in the SLA for Online Services; the stored copies read for this catalog did not include the document itself, so check it before quoting it to a client.';

/**
 * Published Azure SLAs (monthly uptime commitments, with service credits). Only the Cosmos DB and AKS figures
 * were read in first-party copies (Microsoft's documentation and announcement); the rest are marked unverified; the virtual machine figures were
 * checked against the SLA's version history (zone SLA added in version 1.8, March 2018) and a
 * quotation of its text.
 */
export const AZURE_SLA = {
  dns: { percent: 100, service: 'Azure DNS (valid queries answered by at least one name server)', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  frontDoor: { percent: 99.99, service: 'Azure Front Door Standard and Premium (CDN, and its WAF policies)', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  applicationGateway: { percent: 99.95, service: 'Azure Application Gateway v2 (and its WAF)', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  loadBalancer: { percent: 99.99, service: 'Azure Load Balancer Standard (two or more healthy instances)', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  apiManagement: { percent: 99.95, service: 'Azure API Management (Basic, Standard and Premium tiers)', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  natGateway: { percent: 99.99, service: 'Azure NAT Gateway', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  vmZones: { percent: 99.99, service: 'Azure Virtual Machines, two or more instances across two or more availability zones', source: 'https://azure.microsoft.com/support/legal/sla/virtual-machines/ (version history read; text quoted by 2azure.nl, 2019)', verified: false, note: NOT_REREAD },
  vmSingle: { percent: 99.9, service: 'Azure Virtual Machines, a single instance on Premium SSD or Ultra disks', source: 'https://azure.microsoft.com/support/legal/sla/virtual-machines/ (version history read; text quoted by 2azure.nl, 2019)', verified: false, note: `${NOT_REREAD} A single VM on Standard disks has a lower commitment.` },
  appService: { percent: 99.95, service: 'Azure App Service and Azure Container Apps', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  postgresZoneRedundantHa: { percent: 99.99, service: 'Azure Database for PostgreSQL or MySQL flexible server, zone-redundant high availability', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  postgresSameZoneHa: { percent: 99.95, service: 'Azure Database for PostgreSQL or MySQL flexible server, same-zone high availability', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  postgresNoHa: { percent: 99.9, service: 'Azure Database for PostgreSQL or MySQL flexible server, without high availability', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  redisStandard: { percent: 99.9, service: 'Azure Cache for Redis, Standard and Premium (replicated)', source: ONLINE_SERVICES, verified: false, note: `${NOT_REREAD} Zone-redundant Premium and Enterprise caches carry higher commitments; the Basic tier has none.` },
  storageHot: { percent: 99.9, service: 'Azure Storage (LRS or ZRS), hot tier reads and writes', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  storageCool: { percent: 99.0, service: 'Azure Storage (LRS or ZRS), cool tier reads and writes', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  serviceBus: { percent: 99.9, service: 'Azure Service Bus', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  keyVault: { percent: 99.99, service: 'Azure Key Vault (secrets and keys)', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  entraId: { percent: 99.99, service: 'Microsoft Entra ID (P1 and P2) authentication', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  synapse: { percent: 99.9, service: 'Azure Synapse Analytics (dedicated SQL pools)', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  functions: { percent: 99.95, service: 'Azure Functions (Consumption, Flex Consumption and Premium plans)', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  aksZones: { percent: 99.95, service: 'Azure Kubernetes Service, Standard tier with availability zones (API server)', source: 'Microsoft Tech Community, Apps on Azure blog, "AKS introduces Uptime SLA" (https://techcommunity.microsoft.com/t5/apps-on-azure-blog/aks-introduces-uptime-sla/ba-p/1350832)', verified: true, note: 'Read in Microsoft\'s May 2020 announcement of the Uptime SLA (since renamed the Standard tier; read 2026-11-30 from a stored copy); the SLA for Online Services itself was not in the stored material.' },
  aksNoZones: { percent: 99.9, service: 'Azure Kubernetes Service, Standard tier without availability zones (API server)', source: 'Microsoft Tech Community, Apps on Azure blog, "AKS introduces Uptime SLA" (https://techcommunity.microsoft.com/t5/apps-on-azure-blog/aks-introduces-uptime-sla/ba-p/1350832)', verified: true, note: 'Read in Microsoft\'s May 2020 announcement of the Uptime SLA (since renamed the Standard tier; read 2026-11-30 from a stored copy); the SLA for Online Services itself was not in the stored material. The Free tier has no SLA.' },
  eventHubs: { percent: 99.95, service: 'Azure Event Hubs (Basic and Standard)', source: ONLINE_SERVICES, verified: false, note: `${NOT_REREAD} Premium and Dedicated carry a higher commitment.` },
  eventGrid: { percent: 99.99, service: 'Azure Event Grid', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  cosmosSingleRegion: { percent: 99.99, service: 'Azure Cosmos DB, an account in one region', source: 'Microsoft Learn, "High availability in Azure Cosmos DB" (https://learn.microsoft.com/azure/cosmos-db/high-availability), its table of the SLA\'s availability guarantees', verified: true, note: 'Read in the Cosmos DB documentation (read 2026-11-30 from a stored copy); the SLA for Online Services itself was not in the stored material.' },
  cosmosMultiRegionWrites: { percent: 99.999, service: 'Azure Cosmos DB, an account in two or more regions with writes in each (reads and writes)', source: 'Microsoft Learn, "High availability in Azure Cosmos DB" (https://learn.microsoft.com/azure/cosmos-db/high-availability), its table of the SLA\'s availability guarantees', verified: true, note: 'Read in the Cosmos DB documentation (read 2026-11-30 from a stored copy); the SLA for Online Services itself was not in the stored material. With writes in one region only, writes commit 99.99%.' },
  aiSearch: { percent: 99.9, service: 'Azure AI Search, two or more replicas (reads; three for reads and writes)', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  containerRegistry: { percent: 99.9, service: 'Azure Container Registry', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  vpnGateway: { percent: 99.95, service: 'Azure VPN Gateway (VpnGw1 and above)', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  expressRoute: { percent: 99.95, service: 'Azure ExpressRoute (a circuit with its two connections)', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
  bastion: { percent: 99.95, service: 'Azure Bastion', source: ONLINE_SERVICES, verified: false, note: NOT_REREAD },
} as const satisfies Record<string, SlaFigure>;
