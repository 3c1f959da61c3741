import type { CatalogPrice, CommitmentRate } from '../types';
import { attributeName, csvFields } from './csv';
import type { ImportedRow, RowMapper } from './types';

/** AWS location names, for price-list files older than the `regionCode` attribute. */
const LOCATIONS: Readonly<Record<string, string>> = {
  'US East (N. Virginia)': 'us-east-1',
  'US East (Ohio)': 'us-east-2',
  'US West (N. California)': 'us-west-1',
  'US West (Oregon)': 'us-west-2',
  'Canada (Central)': 'ca-central-1',
  'EU (Ireland)': 'eu-west-1',
  'EU (London)': 'eu-west-2',
  'EU (Paris)': 'eu-west-3',
  'EU (Frankfurt)': 'eu-central-1',
  'EU (Stockholm)': 'eu-north-1',
  'Europe (Ireland)': 'eu-west-1',
  'Europe (London)': 'eu-west-2',
  'Europe (Frankfurt)': 'eu-central-1',
  'Asia Pacific (Singapore)': 'ap-southeast-1',
  'Asia Pacific (Sydney)': 'ap-southeast-2',
  'Asia Pacific (Tokyo)': 'ap-northeast-1',
  'Asia Pacific (Seoul)': 'ap-northeast-2',
  'Asia Pacific (Mumbai)': 'ap-south-1',
  'South America (Sao Paulo)': 'sa-east-1',
};

const ENGINES: Readonly<Record<string, string>> = { PostgreSQL: 'postgres', 'Aurora PostgreSQL': 'aurora-postgresql', MySQL: 'mysql', 'Aurora MySQL': 'aurora-mysql' };
const DEPLOYMENTS: Readonly<Record<string, string>> = { 'Single-AZ': '', 'Multi-AZ': '-multi-az', 'Multi-AZ (readable standbys)': '-cluster' };

type Attributes = Readonly<Record<string, string>>;
interface Mapped {
  key: string;
  serviceCode: string;
  quantityUnit: string;
  per?: number;
}

/** The Ninesmith price key an AWS price-list product is, from its attributes (names normalised). */
export function awsKey(a: Attributes): Mapped | undefined {
  const family = a.productfamily ?? '';
  const usage = a.usagetype ?? '';
  const service = a.servicecode ?? '';
  if (family === 'Compute Instance' && a.operatingsystem === 'Linux' && a.tenancy === 'Shared' && (a.preinstalledsw ?? 'NA') === 'NA' && (a.capacitystatus ?? 'Used') === 'Used' && (a.licensemodel ?? 'No License required') === 'No License required') {
    return { key: `compute/${a.instancetype}`, serviceCode: 'ec2', quantityUnit: 'instance-hour' };
  }
  if (service === 'AmazonRDS' && family === 'Database Instance') {
    const engine = ENGINES[a.databaseengine ?? ''];
    const deployment = DEPLOYMENTS[a.deploymentoption ?? ''];
    if (engine === undefined || deployment === undefined || (a.licensemodel ?? 'No license required').toLowerCase() !== 'no license required') return undefined;
    return { key: `db/${engine}${deployment}/${a.instancetype}`, serviceCode: 'rds', quantityUnit: 'instance-hour' };
  }
  if (service === 'AmazonRDS' && family === 'Database Storage') {
    if (/Aurora:StorageUsage$/.test(usage)) return { key: 'db/aurora-storage', serviceCode: 'rds', quantityUnit: 'GB-month' };
    if ((a.volumetype ?? '') !== 'General Purpose-GP3' && (a.volumeapiname ?? '') !== 'gp3') return undefined;
    const deployment = DEPLOYMENTS[a.deploymentoption ?? ''];
    if (deployment === undefined) return undefined;
    return { key: `db/storage${deployment}`, serviceCode: 'rds', quantityUnit: 'GB-month' };
  }
  if (service === 'AmazonElastiCache' && family === 'Cache Instance' && /^Redis/.test(a.cacheengine ?? '')) {
    return { key: `cache/redis/${a.instancetype}`, serviceCode: 'elasticache', quantityUnit: 'node-hour' };
  }
  if (/NatGateway-Hours$/.test(usage)) return { key: 'nat/gateway', serviceCode: 'vpc', quantityUnit: 'gateway-hour' };
  if (/NatGateway-Bytes$/.test(usage)) return { key: 'nat/data', serviceCode: 'vpc', quantityUnit: 'GB' };
  if (/PublicIPv4:InUseAddress$/.test(usage)) return { key: 'network/public-ipv4', serviceCode: 'vpc', quantityUnit: 'address-hour' };
  if (family === 'Load Balancer-Application' || family === 'Load Balancer-Network') {
    const type = family.endsWith('Application') ? 'application' : 'network';
    if (/LoadBalancerUsage$/.test(usage)) return { key: `lb/${type}`, serviceCode: 'elb', quantityUnit: 'LB-hour' };
    if (/LCUUsage$/.test(usage)) return { key: `lb/${type}-lcu`, serviceCode: 'elb', quantityUnit: type === 'application' ? 'LCU-hour' : 'NLCU-hour' };
    return undefined;
  }
  if (/Fargate-vCPU-Hours:perCPU$/.test(usage)) return { key: 'containers/vcpu', serviceCode: 'fargate', quantityUnit: 'vCPU-hour' };
  if (/Fargate-GB-Hours$/.test(usage)) return { key: 'containers/memory', serviceCode: 'fargate', quantityUnit: 'GB-hour' };
  if (/AmazonEKS-Hours:perCluster$/.test(usage)) return { key: 'kubernetes/control-plane', serviceCode: 'eks', quantityUnit: 'cluster-hour' };
  if (service === 'AmazonS3' && /TimedStorage-ByteHrs$/.test(usage) && (a.volumetype ?? '') === 'Standard') return { key: 'object/standard', serviceCode: 's3', quantityUnit: 'GB-month' };
  if (family === 'Storage' && a.volumeapiname === 'gp3') return { key: 'storage/block', serviceCode: 'ebs', quantityUnit: 'GB-month' };
  return undefined;
}

/** One row of an AWS price list, in either form: a product's attributes and one price of one of its terms. */
interface AwsRow {
  sku: string;
  attributes: Attributes;
  termType: string;
  unit: string;
  usd: number;
  beginRange: string;
  lease?: string;
  purchaseOption?: string;
  offeringClass?: string;
  description: string;
}

function toImported(row: AwsRow, source: string, asOf: string): ImportedRow | undefined {
  const mapped = awsKey(row.attributes);
  if (!mapped) return undefined;
  const region = row.attributes.regioncode || LOCATIONS[row.attributes.location ?? ''];
  if (!region) return undefined;
  // Tiered prices: the first tier (volume discounts are not modelled).
  if (row.beginRange !== '' && Number(row.beginRange) !== 0) return { skipped: 'a higher tier' };
  if (row.termType === 'OnDemand') {
    const price: CatalogPrice = {
      key: mapped.key,
      serviceCode: mapped.serviceCode,
      service: row.attributes.servicecode ?? 'AWS',
      sku: `${row.sku}: ${row.description}`,
      region,
      usd: row.usd,
      unit: row.unit,
      quantityUnit: mapped.quantityUnit,
      per: mapped.per ?? 1,
      source,
      asOf,
      sourceKind: 'imported',
    };
    return { price };
  }
  if (row.termType === 'Reserved' && row.purchaseOption === 'No Upfront' && /^Hrs/.test(row.unit) && (row.offeringClass ?? 'standard') === 'standard') {
    const term = row.lease === '1yr' ? '1-year' : row.lease === '3yr' ? '3-year' : undefined;
    if (!term) return { skipped: 'an unknown lease' };
    const commitment: CommitmentRate = { term, plan: 'Reserved Instance, standard, no upfront', key: mapped.key, region, usd: row.usd, source, asOf, sourceKind: 'imported' };
    return { commitment };
  }
  return { skipped: 'a term other than on-demand or no-upfront reserved' };
}

const attributesOf = (raw: Readonly<Record<string, string>>): Record<string, string> => Object.fromEntries(Object.entries(raw).map(([k, v]) => [attributeName(k), v]));

/** Reads an AWS Price List bulk file in its JSON form (one service, one region or all). */
export const awsJson: RowMapper = (data, file) => {
  const offer = data as { offerCode?: string; publicationDate?: string; products?: Record<string, { sku: string; productFamily?: string; attributes?: Record<string, string> }>; terms?: Record<string, Record<string, Record<string, { priceDimensions?: Record<string, { unit: string; pricePerUnit: Record<string, string>; beginRange?: string; description?: string }>; termAttributes?: Record<string, string> }>>> };
  const asOf = (offer.publicationDate ?? '').slice(0, 10);
  const source = `${file} (AWS Price List, ${offer.offerCode ?? 'unknown offer'}, published ${asOf || 'undated'})`;
  const rows: ImportedRow[] = [];
  for (const [termType, bySku] of Object.entries(offer.terms ?? {})) {
    for (const [sku, terms] of Object.entries(bySku)) {
      const product = offer.products?.[sku];
      if (!product) continue;
      const attributes = { ...attributesOf(product.attributes ?? {}), productfamily: product.productFamily ?? '' };
      for (const term of Object.values(terms)) {
        const attrs = attributesOf(term.termAttributes ?? {});
        for (const dimension of Object.values(term.priceDimensions ?? {})) {
          const usd = Number(dimension.pricePerUnit.USD);
          if (!Number.isFinite(usd)) continue;
          const row = toImported({ sku, attributes, termType, unit: dimension.unit, usd, beginRange: dimension.beginRange ?? '0', lease: attrs.leasecontractlength, purchaseOption: attrs.purchaseoption, offeringClass: attrs.offeringclass, description: dimension.description ?? '' }, source, asOf);
          rows.push(row ?? { skipped: 'not a product Ninesmith prices' });
        }
      }
    }
  }
  return { rows, publishedAt: asOf || undefined, format: 'AWS Price List (JSON)' };
};

/** Reads an AWS Price List bulk file in its CSV form: five lines of metadata, a header, a row per price. */
export function awsCsv(lines: Iterable<string>, file: string): ReturnType<RowMapper> {
  const meta: Record<string, string> = {};
  let header: string[] | undefined;
  const rows: ImportedRow[] = [];
  let source = '';
  let asOf = '';
  for (const line of lines) {
    if (line.trim() === '') continue;
    const fields = csvFields(line);
    if (!header) {
      if (fields[0] === 'SKU') {
        header = fields.map(attributeName);
        asOf = (meta.publicationdate ?? '').slice(0, 10);
        source = `${file} (AWS Price List, ${meta.offercode ?? 'unknown offer'}, published ${asOf || 'undated'})`;
      } else if (fields.length >= 2) meta[attributeName(fields[0]!)] = fields[1]!;
      continue;
    }
    const record: Record<string, string> = {};
    header.forEach((name, i) => {
      record[name] = fields[i] ?? '';
    });
    const usd = Number(record.priceperunit);
    if (!Number.isFinite(usd) || record.currency !== 'USD') {
      rows.push({ skipped: 'not a USD price' });
      continue;
    }
    const row = toImported(
      { sku: record.sku ?? '', attributes: record, termType: record.termtype ?? '', unit: record.unit ?? '', usd, beginRange: record.startingrange ?? '0', lease: record.leasecontractlength, purchaseOption: record.purchaseoption, offeringClass: record.offeringclass, description: record.pricedescription ?? '' },
      source,
      asOf,
    );
    rows.push(row ?? { skipped: 'not a product Ninesmith prices' });
  }
  if (!header) throw new Error(`${file}: not an AWS Price List CSV file (no "SKU" header row)`);
  return { rows, publishedAt: asOf || undefined, format: 'AWS Price List (CSV)' };
}
