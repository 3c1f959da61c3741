import type { CatalogPrice, CommitmentRate } from '../types';
import type { ImportedRow, RowMapper } from './types';

interface AzureItem {
  serviceName?: string;
  productName?: string;
  skuName?: string;
  armSkuName?: string;
  meterName?: string;
  armRegionName?: string;
  retailPrice?: number;
  unitPrice?: number;
  unitOfMeasure?: string;
  type?: string;
  reservationTerm?: string;
  effectiveStartDate?: string;
  currencyCode?: string;
  tierMinimumUnits?: number;
  savingsPlan?: { term?: string; retailPrice?: number | string; unitPrice?: number | string }[];
}

interface Mapped {
  key: string;
  serviceCode: string;
  quantityUnit: string;
}

/** The Ninesmith price key of an Azure Retail Prices item. */
export function azureKey(item: AzureItem): Mapped | undefined {
  const service = item.serviceName ?? '';
  const product = item.productName ?? '';
  const meter = item.meterName ?? '';
  if (service === 'Virtual Machines' && item.armSkuName && !/Windows/.test(product) && !/Spot|Low Priority/.test(meter) && !/Cloud Services/.test(product)) {
    return { key: `compute/${item.armSkuName}`, serviceCode: 'virtual-machines', quantityUnit: 'instance-hour' };
  }
  if (service === 'NAT Gateway' && /Gateway$/.test(meter)) return { key: 'nat/gateway', serviceCode: 'nat-gateway', quantityUnit: 'gateway-hour' };
  if (service === 'NAT Gateway' && /Data Processed$/.test(meter)) return { key: 'nat/data', serviceCode: 'nat-gateway', quantityUnit: 'GB' };
  if (service === 'Virtual Network' && /IPv4 Static Public IP$/.test(meter) && /Standard/.test(product + meter)) return { key: 'network/public-ipv4', serviceCode: 'virtual-network', quantityUnit: 'address-hour' };
  if (service === 'Azure Kubernetes Service' && /Uptime SLA|Standard/.test(meter) && /hour/i.test(item.unitOfMeasure ?? '')) return { key: 'kubernetes/control-plane', serviceCode: 'aks', quantityUnit: 'cluster-hour' };
  return undefined;
}

const years = (term: string | undefined): number | undefined => (term === '1 Year' ? 1 : term === '3 Years' ? 3 : undefined);
const termOf = (n: number): '1-year' | '3-year' => (n === 1 ? '1-year' : '3-year');

/** Reads a page (or pages, concatenated into one `Items` array) of the Azure Retail Prices API. */
export const azureRetail: RowMapper = (data, file) => {
  const page = data as { Items?: AzureItem[]; BillingCurrency?: string };
  const rows: ImportedRow[] = [];
  let newest = '';
  for (const item of page.Items ?? []) {
    const mapped = azureKey(item);
    const region = item.armRegionName;
    if (!mapped || !region) {
      rows.push({ skipped: 'not a product Ninesmith prices' });
      continue;
    }
    if ((item.currencyCode ?? page.BillingCurrency ?? 'USD') !== 'USD') {
      rows.push({ skipped: 'not a USD price' });
      continue;
    }
    if ((item.tierMinimumUnits ?? 0) > 0) {
      rows.push({ skipped: 'a higher tier' });
      continue;
    }
    const asOf = (item.effectiveStartDate ?? '').slice(0, 10);
    if (asOf > newest) newest = asOf;
    const source = `${file} (Azure Retail Prices API, ${item.productName ?? ''} ${item.meterName ?? ''})`;
    const usd = Number(item.unitPrice ?? item.retailPrice);
    if (item.type === 'Consumption') {
      const price: CatalogPrice = { key: mapped.key, serviceCode: mapped.serviceCode, service: item.serviceName ?? 'Azure', sku: `${item.skuName ?? ''} ${item.meterName ?? ''}`.trim(), region, usd, unit: item.unitOfMeasure ?? '', quantityUnit: mapped.quantityUnit, per: 1, source, asOf, sourceKind: 'imported' };
      rows.push({ price });
      for (const plan of item.savingsPlan ?? []) {
        const n = years(plan.term);
        const hourly = Number(plan.unitPrice ?? plan.retailPrice);
        if (n === undefined || !Number.isFinite(hourly)) continue;
        const commitment: CommitmentRate = { term: termOf(n), plan: 'Azure savings plan for compute', key: mapped.key, region, usd: hourly, source, asOf, sourceKind: 'imported' };
        rows.push({ commitment });
      }
    } else if (item.type === 'Reservation') {
      const n = years(item.reservationTerm);
      if (n === undefined) {
        rows.push({ skipped: 'an unknown reservation term' });
        continue;
      }
      // A reservation's price is for the whole term: per hour, over the term's hours.
      const commitment: CommitmentRate = { term: termOf(n), plan: 'Azure reservation', key: mapped.key, region, usd: usd / (n * 8760), source, asOf, sourceKind: 'imported' };
      rows.push({ commitment });
    } else rows.push({ skipped: `a ${item.type ?? 'untyped'} price` });
  }
  return { rows, publishedAt: newest || undefined, format: 'Azure Retail Prices API (JSON)' };
};
