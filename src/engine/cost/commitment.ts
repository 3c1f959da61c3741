import { olderDate } from './ledger';
import type { PriceBook } from './price-catalog';
import type { Commitment, LineItem } from './types';

export const COMMITMENT_TITLES: Readonly<Record<Commitment, string>> = {
  'on-demand': 'on-demand list prices',
  '1-year': '1-year commitments (savings plans, reserved instances, committed-use discounts)',
  '3-year': '3-year commitments (savings plans, reserved instances, committed-use discounts)',
};

/** What applying a commitment did: lines discounted, and lines that stay on-demand for want of a rate. */
export interface CommitmentOutcome {
  committed: number;
  onDemand: number;
  /** Services without a rate, for the report's note. */
  servicesWithoutRate: string[];
}

/**
 * Prices each priced line under a commitment profile: the SKU's own committed price where a
 * catalog (or an imported price list's reserved terms) has it, else a discount for the line's
 * service, each with its source. A line with neither stays at its on-demand price and says so;
 * nothing is discounted by a guessed rate.
 */
export function applyCommitment(lines: LineItem[], book: PriceBook, commitment: Commitment): CommitmentOutcome {
  const outcome: CommitmentOutcome = { committed: 0, onDemand: 0, servicesWithoutRate: [] };
  if (commitment === 'on-demand') return outcome;
  const without = new Set<string>();
  for (const line of lines) {
    if (line.status !== 'priced' || line.priceKey === undefined || line.service === undefined || line.priceRegion === undefined) continue;
    const serviceCode = line.service.slice(line.service.indexOf('/') + 1);
    const match = book.commitment(commitment, line.priceKey, serviceCode, line.priceRegion);
    if (!match) {
      outcome.onDemand += 1;
      without.add(line.service);
      line.notes.push(`no ${commitment} commitment rate for ${line.service} in the catalog: priced on-demand`);
      continue;
    }
    const { rate } = match;
    let factor: number;
    let described: string;
    if (rate.usd !== undefined) {
      const onDemand = book.find(line.priceKey, line.priceRegion)?.price.usd;
      if (!onDemand) continue;
      factor = rate.usd / onDemand;
      described = `${rate.plan}, ${commitment}: ${rate.usd} per ${line.priceUnit} instead of ${onDemand}`;
    } else {
      factor = 1 - (rate.percentOff ?? 0) / 100;
      described = `${rate.plan}, ${commitment}: ${rate.percentOff}% off on-demand`;
    }
    line.monthlyCents = { low: Math.round(line.monthlyCents.low * factor), expected: Math.round(line.monthlyCents.expected * factor), high: Math.round(line.monthlyCents.high * factor) };
    line.commitment = `${described} (${match.imported ? 'imported: ' : ''}${rate.source}, ${rate.asOf})`;
    line.asOf = olderDate(line.asOf, rate.asOf);
    outcome.committed += 1;
  }
  outcome.servicesWithoutRate = [...without].sort();
  return outcome;
}
