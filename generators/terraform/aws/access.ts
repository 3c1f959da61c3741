import type { ComponentFacts } from '../../design-facts';
import { sourcesOf, targetsOf } from '../../design-facts';
import type { TerraformBuilder } from './builder';
import { call, identifier, raw, template, type Expr } from '../hcl';
import type { PolicyStatement } from './iam';
import { CACHE_PORT, cacheEndpoint, cacheToken, databaseCredentials, databaseEndpoint, databasePort, queueRef } from './data';
import { bucketRef } from './storage';

/**
 * What a deployed service needs to reach what the design connects it to: IAM permissions for its
 * task or pod role, environment variables with the endpoints, and secrets (database credentials,
 * cache tokens) that the container reads at start. Derived from the design's connections only.
 */
export interface Access {
  readonly statements: PolicyStatement[];
  readonly environment: [string, Expr][];
  /** Secret values the container gets, with the secret each comes from (the execution role reads them). */
  readonly secrets: { readonly name: string; readonly valueFrom: Expr; readonly secretArn: Expr }[];
}

const envName = (c: ComponentFacts, what: string) => `${identifier(c.id).toUpperCase()}_${what}`;

export function accessOf(b: TerraformBuilder, c: ComponentFacts): Access {
  const access: Access = { statements: [], environment: [], secrets: [] };
  const seen = new Set<string>();
  const once = (id: string) => !seen.has(id) && Boolean(seen.add(id));
  for (const target of targetsOf(b.facts, c.id, 'sync')) {
    if (!once(target.id)) continue;
    const database = b.roles.spec(target, 'database');
    const cache = b.roles.spec(target, 'cache');
    if (database) {
      const credentials = databaseCredentials(b, { c: target, spec: database });
      const arn = credentials.secretArn(c.region);
      access.environment.push([envName(target, 'HOST'), databaseEndpoint(b, { c: target, spec: database })], [envName(target, 'PORT'), String(databasePort(database))]);
      access.secrets.push(
        { name: envName(target, 'USERNAME'), valueFrom: call('format', '%s:username::', arn), secretArn: arn },
        { name: envName(target, 'PASSWORD'), valueFrom: call('format', '%s:password::', arn), secretArn: arn },
      );
    } else if (cache) {
      const token = cacheToken(b, { c: target, spec: cache });
      access.environment.push([envName(target, 'HOST'), cacheEndpoint(b, { c: target, spec: cache })], [envName(target, 'PORT'), String(CACHE_PORT)], [envName(target, 'TLS'), 'true']);
      access.secrets.push({ name: envName(target, 'AUTH_TOKEN'), valueFrom: token.arnIn(c.region), secretArn: token.arnIn(c.region) });
    } else if (b.roles.is(target, 'bucket')) {
      const bucket = bucketRef(b, target);
      access.environment.push([envName(target, 'BUCKET'), bucket.name]);
      access.statements.push(
        { sid: sid(target, 'Objects'), actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:GetObjectVersion'], resources: [template(raw(bucket.arn.code), '/*')] },
        { sid: sid(target, 'List'), actions: ['s3:ListBucket', 's3:GetBucketLocation'], resources: [bucket.arn] },
      );
    }
  }
  for (const queue of targetsOf(b.facts, c.id, 'async')) {
    if (!b.roles.is(queue, 'queue') || !once(`send:${queue.id}`)) continue;
    const ref = queueRef(b, queue);
    if (!seen.has(`url:${queue.id}`)) access.environment.push([envName(queue, 'QUEUE_URL'), ref.url]);
    seen.add(`url:${queue.id}`);
    access.statements.push({ sid: sid(queue, 'Send'), actions: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], resources: [ref.arn] });
  }
  for (const queue of sourcesOf(b.facts, c.id, 'async')) {
    if (!b.roles.is(queue, 'queue') || !once(`receive:${queue.id}`)) continue;
    const ref = queueRef(b, queue);
    if (!seen.has(`url:${queue.id}`)) access.environment.push([envName(queue, 'QUEUE_URL'), ref.url]);
    seen.add(`url:${queue.id}`);
    access.statements.push({ sid: sid(queue, 'Receive'), actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], resources: [ref.arn] });
  }
  return access;
}

/** `Sid` of a statement: letters and digits only. */
function sid(c: ComponentFacts, what: string): string {
  return `${c.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, ch: string) => ch.toUpperCase())}${what}`.replace(/[^A-Za-z0-9]/g, '');
}
