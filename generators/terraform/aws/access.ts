import type { ComponentFacts } from '../../design-facts';
import { sourcesOf, targetsOf } from '../../design-facts';
import type { TerraformBuilder } from './builder';
import { call, identifier, template, type Expr } from '../hcl';
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
        { sid: sid(target, 'Objects'), actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:GetObjectVersion'], resources: [template(bucket.arn, '/*')] },
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

/**
 * `Sid` of a statement: letters and digits only, the id's words capitalised (`api-2` + `Send`:
 * `Api2Send`). Made by a pass over the characters rather than two regular expressions, a callback
 * per word and the strings between: a service of a large design has several statements.
 */
function sid(c: ComponentFacts, what: string): string {
  const codes: number[] = [];
  // What `id.replace(/(^|-)([a-z0-9])/g, upper)` and then dropping all but [A-Za-z0-9] keep.
  let wordStart = true;
  for (let i = 0; i < c.id.length; i += 1) {
    const code = c.id.charCodeAt(i);
    if (code === 0x2d) {
      wordStart = true;
      continue;
    }
    const lower = code >= 0x61 && code <= 0x7a;
    if (lower) codes.push(wordStart ? code - 0x20 : code);
    else if ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)) codes.push(code);
    wordStart = false;
  }
  for (let i = 0; i < what.length; i += 1) {
    const code = what.charCodeAt(i);
    if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)) codes.push(code);
  }
  return String.fromCharCode(...codes);
}
