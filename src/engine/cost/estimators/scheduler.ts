import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';

/** Scheduler: priced per invocation. */
export const scheduler: Estimator<KindProps<'scheduler'>> = {
  estimate: (ledger) => {
    const runs = ledger.usage({ name: 'invocationsPerMonth', label: 'Invocations', unit: 'invocations/month', nature: 'usage', prop: 'invocationsPerMonth', default: 10_000 });
    if (runs) ledger.charge({ what: 'Scheduled invocations', key: 'scheduler/invocations', quantity: runs });
  },
};
