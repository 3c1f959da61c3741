import type { CatalogPrice, CommitmentRate } from '../types';
import type { ImportedRow, RowMapper } from './types';

interface GcpSku {
  skuId?: string;
  description?: string;
  category?: { serviceDisplayName?: string; resourceFamily?: string; resourceGroup?: string; usageType?: string };
  serviceRegions?: string[];
  pricingInfo?: { effectiveTime?: string; pricingExpression?: { usageUnit?: string; tieredRates?: { startUsageAmount?: number; unitPrice?: { currencyCode?: string; units?: string | number; nanos?: number } }[] } }[];
}

interface Mapped {
  key: string;
  serviceCode: string;
  quantityUnit: string;
  /** Multiplies the SKU's price into the unit the estimators count (per GiB-hour to per GB-month: 730). */
  factor: number;
}

/** The Ninesmith price key of a Cloud Billing Catalog SKU. */
export function gcpKey(sku: GcpSku): Mapped | undefined {
  const service = sku.category?.serviceDisplayName ?? '';
  const description = sku.description ?? '';
  if (service === 'Compute Engine') {
    const core = /^(\w+) Instance Core running in /.exec(description);
    if (core) return { key: `compute-core/${core[1]!.toLowerCase()}`, serviceCode: 'compute-engine', quantityUnit: 'vCPU-hour', factor: 1 };
    const ram = /^(\w+) Instance Ram running in /.exec(description);
    if (ram) return { key: `compute-ram/${ram[1]!.toLowerCase()}`, serviceCode: 'compute-engine', quantityUnit: 'GB-hour', factor: 1 };
    return undefined;
  }
  if (service === 'Cloud SQL') {
    const ha = /Regional/.test(description) ? '-ha' : /Zonal/.test(description) ? '' : undefined;
    if (ha === undefined) return undefined;
    if (/vCPU/.test(description)) return { key: `db/vcpu${ha}`, serviceCode: 'cloud-sql', quantityUnit: 'vCPU-hour', factor: 1 };
    if (/RAM/.test(description)) return { key: `db/memory${ha}`, serviceCode: 'cloud-sql', quantityUnit: 'GB-month', factor: 730 };
    return undefined;
  }
  if (service === 'Kubernetes Engine' && /cluster management fee/i.test(description)) return { key: 'kubernetes/control-plane', serviceCode: 'gke', quantityUnit: 'cluster-hour', factor: 1 };
  return undefined;
}

const money = (p: { units?: string | number; nanos?: number } | undefined): number => Number(p?.units ?? 0) + (p?.nanos ?? 0) / 1e9;

/** Reads a Cloud Billing Catalog API SKU list (`{ skus: [...] }`), as `gcloud` or the API exports it. */
export const gcpSkus: RowMapper = (data, file) => {
  const list = data as { skus?: GcpSku[] };
  const rows: ImportedRow[] = [];
  let newest = '';
  for (const sku of list.skus ?? []) {
    const mapped = gcpKey(sku);
    const info = sku.pricingInfo?.[0];
    const rate = info?.pricingExpression?.tieredRates?.find((t) => (t.startUsageAmount ?? 0) === 0) ?? info?.pricingExpression?.tieredRates?.[0];
    if (!mapped || !rate) {
      rows.push({ skipped: 'not a product Ninesmith prices' });
      continue;
    }
    if ((rate.unitPrice?.currencyCode ?? 'USD') !== 'USD') {
      rows.push({ skipped: 'not a USD price' });
      continue;
    }
    const asOf = (info?.effectiveTime ?? '').slice(0, 10);
    if (asOf > newest) newest = asOf;
    const usd = money(rate.unitPrice) * mapped.factor;
    const source = `${file} (GCP Cloud Billing Catalog, SKU ${sku.skuId ?? '?'}: ${sku.description ?? ''})`;
    const usage = sku.category?.usageType ?? 'OnDemand';
    for (const region of sku.serviceRegions ?? []) {
      if (usage === 'OnDemand') {
        const price: CatalogPrice = { key: mapped.key, serviceCode: mapped.serviceCode, service: sku.category?.serviceDisplayName ?? 'GCP', sku: `${sku.skuId ?? ''}: ${sku.description ?? ''}`, region, usd, unit: mapped.quantityUnit, quantityUnit: mapped.quantityUnit, per: 1, source, asOf, sourceKind: 'imported' };
        rows.push({ price });
      } else if (usage === 'Commit1Yr' || usage === 'Commit3Yr') {
        const commitment: CommitmentRate = { term: usage === 'Commit1Yr' ? '1-year' : '3-year', plan: 'committed use discount', key: mapped.key, region, usd, source, asOf, sourceKind: 'imported' };
        rows.push({ commitment });
      } else rows.push({ skipped: `a ${usage} price` });
    }
  }
  return { rows, publishedAt: newest || undefined, format: 'GCP Cloud Billing Catalog SKUs (JSON)' };
};
