import { defineKind } from '../define-kind';

export const externalSystem = defineKind({
  id: 'external-system',
  title: 'External system',
  description: 'A system someone else runs that the platform talks to: the ERP, a CRM, payroll, payments, e-mail. Its outages are not yours to fix, so call it through a queue.',
  layer: 'integration',
  keywords: ['erp', 'sap', 'dynamics', 'netsuite', 'crm', 'salesforce', 'payroll', 'payments', 'third party', 'vendor', 'integration'],
  services: { aws: [], azure: [], gcp: [] },
  capabilities: { stateful: true, placement: 'global', external: true },
  props: [
    {
      key: 'system',
      label: 'System',
      help: 'What it is; ERP, CRM and payroll systems are often the least available part of a professional-services platform.',
      type: 'choice',
      choices: [
        { value: 'erp', label: 'ERP' },
        { value: 'crm', label: 'CRM' },
        { value: 'payroll', label: 'Payroll' },
        { value: 'payments', label: 'Payments' },
        { value: 'email', label: 'E-mail delivery' },
        { value: 'other', label: 'Other' },
      ],
      default: 'erp',
    },
    { key: 'sla', label: 'Vendor SLA', help: "The vendor's availability commitment in percent, when known. Unknown is treated as unknown, not as perfect.", type: 'number', min: 0, max: 100, unit: '%' },
    { key: 'maintenanceWindows', label: 'Planned maintenance windows', help: 'The vendor takes the system down for maintenance (many ERPs do, often at night or weekends).', type: 'boolean', default: false },
  ],
  initialProps: { system: 'erp' },
  traits: (props) => ({ vendor: { system: props.system, maintenanceWindows: props.maintenanceWindows } }),
  sla: (props) =>
    typeof props.sla === 'number'
      ? { percent: props.sla, service: "The vendor's SLA, as entered in this design", source: 'design file', verified: false, note: 'Entered by the designer; check the contract.' }
      : { unknown: 'no vendor SLA entered (the `sla` prop)' },
});
