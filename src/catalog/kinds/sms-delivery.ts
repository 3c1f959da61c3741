import { defineKind } from '../define-kind';

export const smsDelivery = defineKind({
  id: 'sms-delivery',
  title: 'SMS delivery',
  description: 'Text messages for one-time codes and alerts (AWS End User Messaging SMS, Azure Communication Services SMS, or a vendor such as Twilio). Carriers deliver them, so delivery is never guaranteed.',
  layer: 'integration',
  keywords: ['sms', 'text message', 'otp', 'one-time code', 'mfa', 'pinpoint', 'end user messaging', 'twilio', 'vonage', 'communication services'],
  services: { aws: ['AWS End User Messaging SMS', 'Amazon SNS SMS'], azure: ['Azure Communication Services SMS'], gcp: [] },
  capabilities: { stateful: false, placement: 'either', zoneRedundantService: true },
  props: [
    {
      key: 'provider',
      label: 'Sent by',
      help: 'The cloud provider\'s own service, or an SMS vendor (Twilio, Vonage) that runs it on its own terms.',
      type: 'choice',
      choices: [
        { value: 'cloud', label: 'The cloud provider' },
        { value: 'vendor', label: 'An SMS vendor' },
      ],
      default: 'cloud',
    },
    { key: 'fallbackChannel', label: 'Fallback channel', help: 'Codes can also go by e-mail, voice or an authenticator app, so a carrier outage does not lock users out.', type: 'boolean', default: false },
    { key: 'messagesPerMonth', label: 'Messages', help: 'Text messages sent per month, for pricing (prices differ by destination country).', type: 'number', min: 0, max: 1e10, default: 10_000 },
  ],
  initialProps: { provider: 'cloud', fallbackChannel: true },
  traits: (props) => (props.provider === 'vendor' ? { operator: 'vendor', zoneRedundant: false, vendor: { system: 'sms', maintenanceWindows: false } } : { operator: 'provider', runtime: 'managed-service' }),
  sla: (props) =>
    props.provider === 'vendor'
      ? { unknown: 'an SMS vendor\'s SLA is in its contract: model the vendor as an external system to enter it' }
      : { unknown: 'carriers deliver the messages, and no provider publishes an SLA for delivery; none for the sending API is in the catalog' },
});
