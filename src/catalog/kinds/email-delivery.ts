import { defineKind } from '../define-kind';

export const emailDelivery = defineKind({
  id: 'email-delivery',
  title: 'E-mail delivery',
  description: 'Sending transactional e-mail through the provider (SES, Azure Communication Services Email) or a delivery vendor: invitations, invoices, password resets. Send it from a queue, never in the request.',
  layer: 'integration',
  keywords: ['email', 'e-mail', 'smtp', 'ses', 'simple email service', 'communication services', 'sendgrid', 'postmark', 'mailgun', 'transactional'],
  services: { aws: ['Amazon SES'], azure: ['Azure Communication Services Email'], gcp: [] },
  capabilities: { stateful: false, placement: 'either', zoneRedundantService: true },
  props: [
    {
      key: 'provider',
      label: 'Sent by',
      help: 'The cloud provider\'s own service, or a delivery vendor (SendGrid, Postmark, Mailgun) that runs it on its own terms.',
      type: 'choice',
      choices: [
        { value: 'cloud', label: 'The cloud provider' },
        { value: 'vendor', label: 'A delivery vendor' },
      ],
      default: 'cloud',
    },
    { key: 'dedicatedIp', label: 'Dedicated sending IP', help: 'A sending address of your own, so another sender\'s reputation cannot get your mail blocked (billed per month).', type: 'boolean', default: false },
    { key: 'bounceHandling', label: 'Bounces and complaints handled', help: 'Bounces and complaints are fed back (SNS, Event Grid, a webhook) and the addresses suppressed. Providers pause accounts whose bounce rate climbs.', type: 'boolean', default: false },
    { key: 'messagesPerMonth', label: 'Messages', help: 'E-mails sent per month, for pricing.', type: 'number', min: 0, max: 1e11, default: 100_000 },
  ],
  initialProps: { provider: 'cloud', bounceHandling: true },
  traits: (props) => (props.provider === 'vendor' ? { operator: 'vendor', zoneRedundant: false, vendor: { system: 'email', maintenanceWindows: false } } : { operator: 'provider', runtime: 'managed-service' }),
  sla: (props, _component, { provider }) =>
    props.provider === 'vendor'
      ? { unknown: 'a delivery vendor\'s SLA is in its contract: model the vendor as an external system to enter it' }
      : { unknown: `no published ${provider === 'gcp' ? 'Google Cloud e-mail service exists' : 'SLA for the provider\'s e-mail sending is in the catalog'}` },
});
