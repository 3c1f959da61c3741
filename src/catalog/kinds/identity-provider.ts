import { AWS_SLA, AZURE_SLA, GCP_SLA } from '../slas';
import { defineKind } from '../define-kind';

export const identityProvider = defineKind({
  id: 'identity-provider',
  title: 'Identity provider',
  description: 'Sign-in and tokens (Cognito, Entra ID, Okta, Auth0, Keycloak). Every journey depends on it: validate tokens locally so an outage does not stop signed-in users.',
  layer: 'security',
  keywords: ['idp', 'sso', 'oidc', 'saml', 'cognito', 'entra', 'okta', 'auth0', 'keycloak', 'login'],
  services: { aws: ['Amazon Cognito'], azure: ['Microsoft Entra ID', 'Entra External ID'], gcp: ['Identity Platform'] },
  capabilities: { stateful: true, placement: 'either', foundation: 'identity' },
  props: [
    {
      key: 'product',
      label: 'Product',
      help: 'Which identity provider. A managed service carries its vendor\'s SLA; a self-hosted one carries yours.',
      type: 'choice',
      choices: [
        { value: 'cognito', label: 'Amazon Cognito' },
        { value: 'entra', label: 'Microsoft Entra ID' },
        { value: 'identity-platform', label: 'Google Cloud Identity Platform' },
        { value: 'okta', label: 'Okta' },
        { value: 'auth0', label: 'Auth0' },
        { value: 'keycloak', label: 'Keycloak (self-hosted)' },
      ],
      default: 'cognito',
    },
    { key: 'localTokenValidation', label: 'Tokens validated locally', help: 'Services validate signed tokens with cached keys instead of calling the provider on every request, so signed-in users keep working through its outage.', type: 'boolean', default: false },
    { key: 'multiRegion', label: 'Multi-region', help: 'The identity provider serves from more than one region, or a secondary issuer is ready.', type: 'boolean', default: false },
    { key: 'monthlyActiveUsers', label: 'Monthly active users', help: 'Users who sign in at least once a month; identity services price per active user.', type: 'number', min: 0, max: 1e9, default: 10_000 },
  ],
  initialProps: { product: 'cognito', localTokenValidation: true },
  traits: (props) => ({
    operator: props.product === 'keycloak' ? 'team' : 'provider',
    foundation: { role: 'identity', tokensValidatedLocally: props.localTokenValidation, multiRegion: props.multiRegion },
  }),
  remedies: { 'local-token-validation': () => ({ props: { localTokenValidation: true } }) },
  // The product's own SLA, whichever cloud the rest of the design runs on.
  sla: (props) => {
    switch (props.product) {
      case 'cognito':
        return AWS_SLA.cognito;
      case 'entra':
        return AZURE_SLA.entraId;
      case 'identity-platform':
        return GCP_SLA.identityPlatform;
      case 'keycloak':
        return { unknown: 'Keycloak is self-hosted: no provider publishes an SLA for an identity provider your team runs' };
      default:
        return { unknown: `${props.product === 'okta' ? 'Okta' : 'Auth0'} publishes its SLA per subscription; it is not in the catalog` };
    }
  },
});
