import type { KindProps } from '../../../catalog';
import type { Estimator } from '../ledger';

/** A vendor's system (ERP, payroll): run and billed by the vendor under its own contract. */
export const externalSystem: Estimator<KindProps<'external-system'>> = {
  estimate: (ledger) => ledger.external(`External system (${String(ledger.props.system ?? 'other')})`, "run and billed by the vendor under its own contract: not in this estimate"),
};
