import { AZURE_SLA, GCP_SLA, byProvider } from '../slas';
import { defineKind } from '../define-kind';

export const dataWarehouse = defineKind({
  id: 'data-warehouse',
  title: 'Data warehouse',
  description: 'An analytics store (Redshift, Synapse, BigQuery) fed from the operational database, so reporting never loads the primary.',
  layer: 'data',
  keywords: ['redshift', 'bigquery', 'synapse', 'analytics', 'reporting', 'bi'],
  services: { aws: ['Amazon Redshift'], azure: ['Azure Synapse Analytics'], gcp: ['BigQuery'] },
  capabilities: { stateful: true, placement: 'either', dataRole: 'analytics' },
  props: [
    { key: 'storageGb', label: 'Stored', help: 'Gigabytes stored, for pricing.', type: 'number', min: 0, max: 1e9, default: 500, unit: 'GB' },
    { key: 'rebuildable', label: 'Rebuildable from sources', help: 'Everything in it can be reloaded from the operational systems, so it needs no backup of its own.', type: 'boolean', default: true },
  ],
  traits: (props) => ({ data: { role: 'analytics', irreplaceable: !props.rebuildable, sizeGb: props.storageGb } }),
  sla: (_props, _component, { provider }) =>
    byProvider(
      provider,
      { aws: () => ({ unknown: 'the Amazon Redshift SLA was not read for this catalog' }), azure: () => AZURE_SLA.synapse, gcp: () => GCP_SLA.bigquery },
      'data warehouse',
    ),
});
