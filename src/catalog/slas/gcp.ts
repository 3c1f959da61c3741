import type { SlaFigure } from '../types';

const FROM_PAGE = 'The figure the SLA page publishes for this service; no stored copy of the page was read for this catalog, so check it before quoting it to a client.';

/**
 * Published Google Cloud SLAs (monthly uptime percentages, with financial credits), each read on its
 * cloud.google.com SLA page ("last modified" date where the copy showed one). Cloud CDN is the one
 * figure seen only in a secondary summary, and is marked so.
 */
export const GCP_SLA = {
  dns: { percent: 100, service: 'Cloud DNS (queries served by at least one authoritative name server)', source: 'https://cloud.google.com/dns/sla', asOf: '2016-10-04', verified: true },
  cdn: { percent: 99.9, service: 'Cloud CDN', source: 'nextsignal.io summary of the Cloud CDN SLA (https://cloud.google.com/cdn/sla)', verified: false, note: 'Secondary source; the SLA page itself was not in the stored material.' },
  armorGlobal: { percent: 99.99, service: 'Google Cloud Armor, globally scoped security policies', source: 'https://cloud.google.com/armor/sla', asOf: '2024-02-01', verified: true },
  armorRegional: { percent: 99.9, service: 'Google Cloud Armor, regionally scoped backend security policies', source: 'https://cloud.google.com/armor/sla', asOf: '2024-02-01', verified: true },
  loadBalancing: { percent: 99.99, service: 'Cloud Load Balancing (Premium Tier)', source: 'https://cloud.google.com/compute/sla', verified: true },
  computeMultiZone: { percent: 99.99, service: 'Compute Engine, instances in multiple zones (Premium Tier)', source: 'https://cloud.google.com/compute/sla', verified: true },
  computeSingle: { percent: 99.9, service: 'Compute Engine, a single instance (Premium Tier, general-purpose families)', source: 'https://cloud.google.com/compute/sla', verified: true },
  cloudRun: { percent: 99.95, service: 'Cloud Run services', source: 'https://cloud.google.com/run/sla', asOf: '2019-12-23', verified: true },
  cloudSqlHa: { percent: 99.95, service: 'Cloud SQL Enterprise edition with high availability', source: 'https://cloud.google.com/sql/sla', verified: true, note: 'Enterprise Plus edition with high availability commits 99.99%; single-zone instances have no SLA.' },
  memorystoreStandard: { percent: 99.9, service: 'Memorystore for Redis Standard Tier (and Memcached across zones)', source: 'https://cloud.google.com/memorystore/sla', verified: true, note: 'Memorystore for Redis Cluster with multi-zone high availability commits 99.99%.' },
  storageRegional: { percent: 99.9, service: 'Cloud Storage, Standard class in a regional location', source: 'https://cloud.google.com/storage/sla', asOf: '2021-06-24', verified: true },
  storageRegionalColder: { percent: 99.0, service: 'Cloud Storage, Nearline, Coldline or Archive class in a regional location', source: 'https://cloud.google.com/storage/sla', asOf: '2021-06-24', verified: true },
  pubsub: { percent: 99.95, service: 'Pub/Sub', source: 'https://cloud.google.com/pubsub/sla', verified: true },
  secretManager: { percent: 99.5, service: 'Secret Manager (access operations)', source: 'https://cloud.google.com/secret-manager/sla', asOf: '2020-04-17', verified: true },
  kms: { percent: 99.95, service: 'Cloud KMS, operations from customer applications', source: 'https://cloud.google.com/kms/sla', verified: true, note: 'Operations requested by a service account on behalf of CMEK-enabled services commit 99.99%.' },
  identityPlatform: { percent: 99.95, service: 'Identity Platform (sign-ins and token refresh)', source: 'https://cloud.google.com/identity-platform/sla', verified: true },
  cloudNat: { percent: 99.9, service: 'Cloud NAT (downtime counts only when more than one zone fails)', source: 'https://cloud.google.com/nat/sla', asOf: '2018-11-30', verified: true },
  bigquery: { percent: 99.99, service: 'BigQuery', source: 'https://cloud.google.com/bigquery/sla', asOf: '2020-07-01', verified: true },
  cloudRunFunctions: { percent: 99.95, service: 'Cloud Run functions', source: 'https://cloud.google.com/functions/sla', verified: false, note: `${FROM_PAGE} The first-party copies found are superseded versions (April 2018 and January 2020, both committing 99.5% per function); the May 2021 version was stored without its figure, so the current commitment was not read.` },
  gkeRegional: { percent: 99.95, service: 'GKE, regional cluster control plane (Kubernetes API)', source: 'https://cloud.google.com/kubernetes-engine/sla (archived version read: https://cloud.google.com/archive/kubernetes-engine/sla-20231116)', asOf: '2023-11-16', verified: true, note: 'Read in the archived November 2023 version; a later version may exist. Autopilot clusters commit 99.95% for the control plane and 99.9% for pods in multiple zones.' },
  gkeZonal: { percent: 99.5, service: 'GKE, zonal cluster control plane (Kubernetes API)', source: 'https://cloud.google.com/kubernetes-engine/sla (archived version read: https://cloud.google.com/archive/kubernetes-engine/sla-20231116)', asOf: '2023-11-16', verified: true, note: 'Read in the archived November 2023 version; a later version may exist.' },
  firestoreRegional: { percent: 99.99, service: 'Firestore, regional location', source: 'https://cloud.google.com/firestore/sla (version read: https://cloud.google.com/firestore/sla-20180724)', asOf: '2018-07-24', verified: true, note: 'Read in the July 2018 version of the SLA; later versions may exist.' },
  firestoreMultiRegion: { percent: 99.999, service: 'Firestore, multi-region location', source: 'https://cloud.google.com/firestore/sla (version read: https://cloud.google.com/firestore/sla-20180724)', asOf: '2018-07-24', verified: true, note: 'Read in the July 2018 version of the SLA; later versions may exist.' },
  filestoreRegional: { percent: 99.99, service: 'Filestore Enterprise or Regional instances', source: 'https://cloud.google.com/filestore/sla', verified: true, note: 'Current page (read 2026-11-30 from a stored copy; the copy shows no date).' },
  filestoreZonal: { percent: 99.9, service: 'Filestore Basic SSD, Basic HDD, High Scale or Zonal instances', source: 'https://cloud.google.com/filestore/sla', verified: true, note: 'Current page (read 2026-11-30 from a stored copy; the copy shows no date).' },
  haVpn: { percent: 99.99, service: 'Cloud VPN, HA VPN (a tunnel on each gateway interface, with Cloud Router)', source: 'https://cloud.google.com/network-connectivity/docs/vpn/sla', verified: true, note: 'Current page (read 2026-11-30 from a stored copy; the copy shows no date). HA VPN used only over Cloud Interconnect for non-critical applications, and Classic VPN, commit 99.9%.' },
  interconnectMaximum: { percent: 99.99, service: 'Cloud Interconnect, four connections in two metropolitan areas', source: 'https://cloud.google.com/network-connectivity/docs/interconnect/sla', verified: false, note: `${FROM_PAGE} No first-party copy of the Interconnect SLA was found in the stored material.` },
  interconnectHigh: { percent: 99.9, service: 'Cloud Interconnect, two connections in one metropolitan area', source: 'https://cloud.google.com/network-connectivity/docs/interconnect/sla', verified: false, note: `${FROM_PAGE} No first-party copy of the Interconnect SLA was found in the stored material. A single connection has no SLA.` },
} as const satisfies Record<string, SlaFigure>;
