import type { Region } from '../../../src/model';
import type { Key, TerraformBuilder } from './builder';
import { attr, block, call, fixed, list, object, raw, reference, template, type Expr, type RawExpr } from '../hcl';

/** One statement of an IAM policy: what may be done, on what. */
export interface PolicyStatement {
  readonly sid: string;
  readonly actions: readonly string[];
  readonly resources: readonly Expr[];
}

/** Who may assume a role: an AWS service, or a Kubernetes service account through the cluster's OIDC provider (IRSA). */
export type RolePrincipal =
  | { readonly service: string }
  | { readonly cluster: Region; readonly namespace: string | RawExpr; readonly serviceAccount: string };

function policyDocument(statements: readonly PolicyStatement[]): Expr {
  // Statement ids must be unique in a policy; two components can spell the same one.
  const used = new Set<string>();
  const sids = statements.map((s) => {
    let sid = s.sid;
    for (let n = 2; used.has(sid); n += 1) sid = `${s.sid}${n}`;
    used.add(sid);
    return sid;
  });
  return call(
    'jsonencode',
    object([
      ['Version', '2012-10-17'],
      [
        'Statement',
        list(
          statements.map((s, index) =>
            object([
              ['Sid', sids[index]!],
              ['Effect', 'Allow'],
              ['Action', list([...s.actions])],
              ['Resource', list([...s.resources])],
            ]),
          ),
        ),
      ],
    ]),
  );
}

/** The cluster's OIDC issuer without its scheme, as IAM condition keys name it. */
export function oidcIssuerHost(b: TerraformBuilder, cluster: Region): RawExpr {
  return raw(`replace(aws_iam_openid_connect_provider.${b.label('aws_iam_openid_connect_provider', cluster.id)}.url, "https://", "")`);
}

function trustPolicy(b: TerraformBuilder, principal: RolePrincipal): Expr {
  // The same for every role a service assumes (two per ECS service): made and written out once.
  if ('service' in principal) return b.memo(`trust-policy:${principal.service}`, () => fixed(servicePolicy(principal.service)));
  const host = oidcIssuerHost(b, principal.cluster);
  return call(
    'jsonencode',
    object([
      ['Version', '2012-10-17'],
      [
        'Statement',
        list([
          object([
            ['Effect', 'Allow'],
            ['Principal', object([['Federated', b.ref('aws_iam_openid_connect_provider', principal.cluster.id, 'arn')]])],
            ['Action', 'sts:AssumeRoleWithWebIdentity'],
            [
              'Condition',
              object([
                [
                  'StringEquals',
                  {
                    kind: 'object',
                    entries: [
                      [template(host, ':sub'), typeof principal.namespace === 'string' ? `system:serviceaccount:${principal.namespace}:${principal.serviceAccount}` : template('system:serviceaccount:', principal.namespace, `:${principal.serviceAccount}`)],
                      [template(host, ':aud'), 'sts.amazonaws.com'],
                    ],
                  },
                ],
              ]),
            ],
          ]),
        ]),
      ],
    ]),
  );
}

/** The trust policy of a role that an AWS service assumes. */
function servicePolicy(service: string): Expr {
  return call(
    'jsonencode',
    object([
      ['Version', '2012-10-17'],
      ['Statement', list([object([['Effect', 'Allow'], ['Principal', object([['Service', service]])], ['Action', 'sts:AssumeRole']])])],
    ]),
  );
}

/**
 * An IAM role the export creates, with the inline policy of what the design connects it to and
 * AWS managed policies by ARN. IAM is global; the role is managed through `region`'s provider.
 */
export function iamRole(
  b: TerraformBuilder,
  options: { key: Key; region: Region; nameParts: readonly string[]; description: string; principal: RolePrincipal; statements?: readonly PolicyStatement[]; managedPolicies?: readonly ManagedPolicy[] },
): RawExpr {
  const provider = b.provider(options.region);
  const label = b.label('aws_iam_role', options.key);
  b.add(
    'iam.tf',
    block('resource', ['aws_iam_role', label], [
      attr('provider', provider),
      attr('name', b.name('aws_iam_role.name', ...options.nameParts)),
      attr('description', options.description),
      attr('assume_role_policy', trustPolicy(b, options.principal)),
      b.tags(undefined, options.description.slice(0, 200)),
    ]),
  );
  if (options.statements && options.statements.length > 0) {
    b.add(
      'iam.tf',
      block('resource', ['aws_iam_role_policy', b.label('aws_iam_role_policy', options.key)], [
        attr('provider', provider),
        attr('name', b.name('aws_iam_role_policy.name', ...options.nameParts)),
        attr('role', reference('aws_iam_role', label, 'id')),
        attr('policy', policyDocument(options.statements)),
      ]),
    );
  }
  for (const policy of options.managedPolicies ?? []) {
    b.add(
      'iam.tf',
      block('resource', ['aws_iam_role_policy_attachment', b.label('aws_iam_role_policy_attachment', [...(typeof options.key === 'string' ? [options.key] : options.key), policy.key])], [
        attr('provider', provider),
        attr('role', reference('aws_iam_role', label, 'name')),
        attr('policy_arn', policy.arn),
      ]),
    );
  }
  return reference('aws_iam_role', label, 'arn');
}

/** An AWS managed policy: its ARN (the `aws` partition), and the short name its attachment is labelled with. */
export interface ManagedPolicy {
  readonly key: string;
  readonly arn: string;
}

export const MANAGED_POLICIES = {
  ecsTaskExecution: { key: 'ecs-task-execution', arn: 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy' },
  ebsCsiDriver: { key: 'ebs-csi-driver', arn: 'arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy' },
} as const satisfies Record<string, ManagedPolicy>;
