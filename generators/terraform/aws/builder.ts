import { markdownText, type Region } from '../../../src/model';
import { ZONE_ID, zoneName, type ComponentFacts, type DesignFacts } from '../../design-facts';
import { attr, block, identifier, object, raw, type Block, type BodyItem, type Expr, type RawExpr } from '../hcl';
import { awsRoles, type AwsRoleIndex } from './registry';

/** The files of the Terraform export, in the order a reader meets them. */
export const TERRAFORM_FILES = [
  'versions.tf',
  'providers.tf',
  'variables.tf',
  'network.tf',
  'edge.tf',
  'app.tf',
  'async.tf',
  'data.tf',
  'cache.tf',
  'storage.tf',
  'backup.tf',
  'observability.tf',
  'outputs.tf',
] as const;
export type TerraformFile = (typeof TERRAFORM_FILES)[number];

export interface VariableSpec {
  readonly description: string;
  /** A Terraform type constraint, e.g. `string`, `list(string)`, `number`. */
  readonly type: string;
  /** Absent: the team must supply a value (listed in the README). */
  readonly default?: Expr;
  readonly sensitive?: boolean;
}

/**
 * Collects the blocks of each file, the variables they need and the notes for the README while
 * the layer generators walk the design. Names of resources are allocated here so that two
 * components can never produce the same address.
 */
export class TerraformBuilder {
  readonly files = new Map<TerraformFile, BodyItem[]>();
  readonly variables = new Map<string, VariableSpec>();
  readonly outputs: Block[] = [];
  /** Things the team must supply or decide, for the README. */
  readonly fillIns: string[] = [];
  /** Parts of the design this export does not turn into Terraform, and why. */
  readonly notGenerated: string[] = [];
  private readonly labels = new Map<string, Set<string>>();
  /** Labels already handed out per (type, key), so a second lookup returns the same address. */
  private readonly assigned = new Map<string, string>();

  private readonly done = new Set<string>();

  /** Each component's role in this Terraform and the inputs its kind gave for it. */
  readonly roles: AwsRoleIndex;

  constructor(readonly facts: DesignFacts) {
    this.roles = awsRoles(facts);
  }

  /** True the first time a key is seen: for resources that several components share. */
  once(key: string): boolean {
    if (this.done.has(key)) return false;
    this.done.add(key);
    return true;
  }

  /** Adds a block to a file, preceded by a blank line when the file already has content. */
  add(file: TerraformFile, ...items: (Block | BodyItem)[]): void {
    const body = this.files.get(file) ?? [];
    for (const item of items) {
      const bodyItem: BodyItem = 'type' in item ? { kind: 'block', block: item } : item;
      if (body.length > 0 && bodyItem.kind === 'block' && body[body.length - 1]?.kind !== 'comment') body.push({ kind: 'blank' });
      if (body.length > 0 && bodyItem.kind === 'comment' && body[body.length - 1]?.kind !== 'comment') body.push({ kind: 'blank' });
      body.push(bodyItem);
    }
    this.files.set(file, body);
  }

  /**
   * The resource name for `key` (usually a component id plus a suffix) within a resource type:
   * the same key always gets the same name, different keys never share one.
   */
  label(type: string, key: string): string {
    const memo = `${type}\u0000${key}`;
    const existing = this.assigned.get(memo);
    if (existing) return existing;
    const taken = this.labels.get(type) ?? new Set<string>();
    const base = identifier(key);
    let name = base;
    for (let n = 2; taken.has(name); n += 1) name = `${base}_${n}`;
    taken.add(name);
    this.labels.set(type, taken);
    this.assigned.set(memo, name);
    return name;
  }

  /** `aws_vpc.primary.id` for the resource of `type` named for `key`. */
  ref(type: string, key: string, attribute: string): RawExpr {
    return raw(`${type}.${this.label(type, key)}.${attribute}`);
  }

  variable(name: string, spec: VariableSpec): RawExpr {
    // `_3d_api_image`: identifier() prefixes ids that start with a digit with `_`, a valid first character.
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a variable name: ${name}`);
    if (!this.variables.has(name)) {
      this.variables.set(name, spec);
      // Descriptions carry design text (region locations): escaped for the README's Markdown.
      if (spec.default === undefined) this.fillIns.push(`\`${name}\`: ${markdownText(spec.description)}`);
    }
    return raw(`var.${name}`);
  }

  output(name: string, description: string, value: Expr, sensitive = false): void {
    this.outputs.push(block('output', [name], [attr('description', description), attr('value', value), sensitive && attr('sensitive', true)]));
  }

  /** The provider alias of a region. */
  provider(region: Region): RawExpr {
    return raw(`aws.${identifier(region.id)}`);
  }

  /** Global services (Route 53, CloudFront and its WAF, health check alarms) are managed from us-east-1. */
  globalProvider(): RawExpr {
    return raw('aws.global');
  }

  /** Resource tags: the display name (in AWS's tag alphabet) and the component's id. */
  tags(c: ComponentFacts | undefined, name?: string, extra: Record<string, Expr> = {}): BodyItem {
    const entries: [string, Expr][] = [['Name', tagValue(name ?? c?.name ?? this.facts.design.name)]];
    if (c) entries.push(['ninesmith:component', c.id]);
    for (const [key, value] of Object.entries(extra)) entries.push([key, value]);
    return attr('tags', object(entries));
  }

  /** `${var.name_prefix}-<suffix>`, the name of an AWS resource. Suffixes are ids. */
  name(...suffix: string[]): Expr {
    return { kind: 'template', parts: [raw('var.name_prefix'), `-${suffix.join('-')}`] };
  }
}

/**
 * AWS accepts tag values of up to 256 letters, digits, spaces and `_ . : / = + - @`; anything else
 * in a display name becomes a space, so tags never fail to apply (the full name stays in the design).
 */
export function tagValue(text: string): string {
  return (
    text
      .replace(/[^\p{L}\p{N} _.:/=+\-@]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 256) || 'unnamed'
  );
}

/** Fixed availability zone arguments for a design zone: `a` in us-east-1 is `us-east-1a`. */
export function zoneArgument(region: Region, zone: string): BodyItem {
  return ZONE_ID.test(zone) ? attr('availability_zone_id', zone) : attr('availability_zone', zoneName(region, zone));
}
