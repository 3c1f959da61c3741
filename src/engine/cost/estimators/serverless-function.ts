import type { KindProps } from '../../../catalog';
import { mapRange, type Estimator } from '../ledger';

/** Functions: invocations, and duration in GB-seconds (memory x run time), the way every provider bills them. */
export const serverlessFunction: Estimator<KindProps<'serverless-function'>> = {
  estimate: (ledger) => {
    const { props } = ledger;
    const invocations = ledger.usage({ name: 'invocationsPerMonth', label: 'Invocations', unit: 'invocations/month', nature: 'usage', prop: 'invocationsPerMonth', default: 10_000_000 });
    if (!invocations) return;
    ledger.charge({ what: 'Invocations', key: 'functions/requests', quantity: invocations });
    const gbSeconds = mapRange(invocations, (n) => (n * props.averageDurationMs * props.memoryMb) / 1000 / 1024);
    ledger.charge({ what: 'Duration', key: 'functions/duration', quantity: gbSeconds, notes: [`${props.memoryMb} MB x ${props.averageDurationMs} ms per invocation, in GB-seconds`] });
  },
};
