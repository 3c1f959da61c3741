import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';

/** CI/CD: build minutes. */
export const ciCd: Estimator<KindProps<'ci-cd'>> = {
  estimate: (ledger) => {
    const minutes = ledger.usage({ name: 'buildMinutesPerMonth', label: 'Build minutes', unit: 'minutes/month', nature: 'usage', prop: 'buildMinutesPerMonth', default: 3000 });
    if (minutes) ledger.charge({ what: 'Build minutes', key: 'cicd/build-minutes', quantity: minutes });
  },
};
