import type { KindProps } from '../../../catalog';
import { kindOf } from '../../../catalog';
import { mapRange, type Estimator } from '../ledger';

/** Observability: logs ingested and kept, alarms, and tracing and synthetic checks where turned on. */
export const observability: Estimator<KindProps<'observability'>> = {
  estimate: (ledger) => {
    const { props, index } = ledger;
    const logs = ledger.usage({ name: 'logsGbPerMonth', label: 'Logs ingested', unit: 'GB/month', nature: 'usage', prop: 'logsGbPerMonth', default: 50 });
    if (logs) {
      ledger.charge({ what: 'Logs ingested', key: 'logs/ingest', quantity: logs });
      const retention = Number(props.logRetentionDays ?? 30);
      ledger.charge({ what: `Logs kept (${retention} days)`, key: 'logs/storage', quantity: mapRange(logs, (gb) => (gb * retention) / 30), notes: ['steady state: a month of logs for every 30 days retained'] });
    }
    if (props.alerting) {
      const watched = index.design.components.filter((c) => !kindOf(c).capabilities.external).length;
      const alarms = ledger.usage({ name: 'alarms', label: 'Alarms', unit: 'alarms', nature: 'provisioned', default: 2 * watched });
      if (alarms) ledger.charge({ what: 'Alarms', key: 'monitoring/alarm', quantity: alarms });
    }
    if (props.tracing) {
      const traces = ledger.usage({ name: 'tracesPerMonth', label: 'Traces recorded', unit: 'traces/month', nature: 'usage', default: 1_000_000 });
      if (traces) ledger.charge({ what: 'Traces recorded', key: 'tracing/traces', quantity: traces });
    }
    if (props.syntheticChecks) {
      // One check a minute, per journey (at least one).
      const journeys = Math.max(1, index.design.journeys.length);
      const runs = ledger.usage({ name: 'syntheticRunsPerMonth', label: 'Synthetic check runs', unit: 'runs/month', nature: 'provisioned', default: journeys * 30 * 24 * 60 });
      if (runs) ledger.charge({ what: 'Synthetic check runs', key: 'synthetics/runs', quantity: runs });
    }
  },
};
