import { describe, expect, it } from 'vitest';
import { priceFile } from '../testing';
import { detectFormat, importPriceFile, mergeImported } from './index';

describe('price files in the providers\' official shapes', () => {
  it('tells the formats apart by their content', () => {
    expect(detectFormat(priceFile('aws-ec2-eu-central-1.csv'))).toBe('aws-csv');
    expect(detectFormat(priceFile('aws-rds-us-east-1.json'))).toBe('aws-json');
    expect(detectFormat(priceFile('azure-retail-westeurope.json'))).toBe('azure-retail');
    expect(detectFormat(priceFile('gcp-cloud-sql-skus.json'))).toBe('gcp-skus');
    expect(detectFormat(priceFile('negotiated.csv'))).toBe('negotiated-csv');
    expect(detectFormat('{"hello": 1}')).toBeUndefined();
  });

  it('AWS bulk CSV: Linux shared-tenancy on-demand and no-upfront standard reserved rates; Windows, dedicated and upfront fees left out', () => {
    const result = importPriceFile('ec2.csv', priceFile('aws-ec2-eu-central-1.csv'));
    expect(result).toMatchObject({ provider: 'aws', publishedAt: '2026-11-02' });
    expect(result.prices.map((p) => [p.key, p.region, p.usd])).toEqual([
      ['compute/m5.large', 'eu-central-1', 0.115],
      ['nat/gateway', 'eu-central-1', 0.052],
    ]);
    expect(result.commitments).toEqual([expect.objectContaining({ term: '1-year', key: 'compute/m5.large', region: 'eu-central-1', usd: 0.072, plan: 'Reserved Instance, standard, no upfront' })]);
    expect(Object.values(result.skipped).reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('AWS bulk JSON: a Multi-AZ DB cluster instance and its storage; a bring-your-own-licence engine left out', () => {
    const result = importPriceFile('rds.json', priceFile('aws-rds-us-east-1.json'));
    expect(result.prices.map((p) => [p.key, p.usd, p.unit])).toEqual([
      ['db/postgres-cluster/db.r6gd.large', 0.2875, 'Hrs'],
      ['db/storage-cluster', 0.138, 'GB-Mo'],
    ]);
    expect(result.prices[0]!.source).toBe('rds.json (AWS Price List, AmazonRDS, published 2026-11-02)');
  });

  it('Azure Retail Prices: Linux pay-as-you-go, savings plans per hour, a reservation spread over its term; Windows and Spot left out', () => {
    const result = importPriceFile('azure.json', priceFile('azure-retail-westeurope.json'));
    expect(result.provider).toBe('azure');
    expect(result.prices.map((p) => [p.key, p.region, p.usd])).toEqual([
      ['compute/Standard_D2s_v5', 'westeurope', 0.115],
      ['nat/gateway', 'westeurope', 0.05],
    ]);
    const rates = result.commitments.map((c) => [c.term, c.plan, Number(c.usd!.toFixed(6))]);
    // 1-year reservation $604 for the term: 604 / 8,760 h = $0.068950 an hour.
    expect(rates).toEqual([
      ['1-year', 'Azure savings plan for compute', 0.0789],
      ['3-year', 'Azure savings plan for compute', 0.0529],
      ['1-year', 'Azure reservation', 0.06895],
    ]);
    expect(result.skipped).toEqual({ 'not a product Ninesmith prices': 2 });
  });

  it('GCP Cloud Billing SKUs: Cloud SQL regional vCPU per hour, memory per GB-month (x 730), a 1-year commitment', () => {
    const result = importPriceFile('gcp.json', priceFile('gcp-cloud-sql-skus.json'));
    expect(result.prices.map((p) => [p.key, p.region, Number(p.usd.toFixed(6))])).toEqual([
      ['db/vcpu-ha', 'europe-west3', 0.1064],
      // $0.018 per GiB-hour x 730 h = $13.14 per GB-month.
      ['db/memory-ha', 'europe-west3', 13.14],
    ]);
    expect(result.commitments).toEqual([expect.objectContaining({ term: '1-year', key: 'db/vcpu-ha', usd: 0.0798 })]);
  });

  it('merges imports: a later price replaces one of the same key and region, and each file is listed once', () => {
    const first = importPriceFile('a.csv', priceFile('negotiated.csv'));
    const book = mergeImported(undefined, first, 'a.csv');
    const again = mergeImported(book, { ...first, prices: [{ ...first.prices[0]!, usd: 0.08 }] }, 'a.csv');
    expect(again.prices.find((p) => p.key === 'compute/m5.large')?.usd).toBe(0.08);
    expect(again.prices).toHaveLength(book.prices.length);
    expect(again.imports?.map((i) => i.file)).toEqual(['a.csv']);
  });
});
