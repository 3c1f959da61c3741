import { markdownText, type Region } from '../../../src/model';
import { ZONE_ID, zoneName, type ComponentFacts, type DesignFacts } from '../../design-facts';
import { attr, block, derivedIdentifier, HclFile, identifier, object, raw, ReferenceExpr, type Block, type BodyItem, type Expr, type RawExpr } from '../hcl';
import { awsRoles, type AwsRoleIndex } from './registry';
import { nameSuffix, type NamedArgument } from './names';

/** What a resource is named for: a component or region id, or the parts of a derived resource. */
export type Key = string | readonly string[];

/** The files of the Terraform export, in the order a reader meets them. */
export const TERRAFORM_FILES = [
  'versions.tf',
  'providers.tf',
  'variables.tf',
  'network.tf',
  'secrets.tf',
  'iam.tf',
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
  /** Conditions on the value (Terraform expressions), so a wrong input fails at plan with a clear message. */
  readonly validation?: readonly { readonly condition: string; readonly message: string }[];
  /** A value that passes the validation, for the shipped tests (`terraform test`) of inputs without a default. */
  readonly example?: Expr;
}

/** A promise of the design that the shipped tests check on the plan: a `run` block of `terraform test`. */
export interface DesignCheck {
  /** The run's name: what is checked, in snake case. */
  readonly run: string;
  readonly condition: string;
  readonly message: string;
}

/**
 * Collects the blocks of each file, the variables they need and the notes for the README while
 * the layer generators walk the design. Names of resources are allocated here so that two
 * components can never produce the same address.
 */
export class TerraformBuilder {
  /** The files the layer generators add blocks to, each written as its blocks come (outputs.tf is one). */
  readonly files = new Map<TerraformFile, HclFile>();
  readonly variables = new Map<string, VariableSpec>();
  /** Things the team must supply or decide, for the README. */
  readonly fillIns: string[] = [];
  /** Parts of the design this export does not turn into Terraform, and why. */
  readonly notGenerated: string[] = [];
  /** What the shipped tests assert on the plan, grouped into runs. */
  readonly checks: DesignCheck[] = [];
  /** Data sources whose mocked values must look real for the provider's own validation (a password's length). */
  readonly testOverrides: { readonly target: string; readonly values: Record<string, Expr> }[] = [];
  /**
   * Per resource type: the labels taken, and the label handed out per key, so a second lookup
   * returns the same address. A key of one part is looked up as itself (a component id, a string
   * that already exists and whose hash is cached); a key of several parts by its parts joined with a
   * character no id or word holds, so two keys never meet however their parts read once joined.
   */
  private readonly labelsByType = new Map<string, { readonly taken: Set<string>; readonly byKey: Map<string, string> }>();

  private readonly done = new Set<string>();
  private readonly memos = new Map<string, unknown>();

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

  /** The value made for `key` the first time it is asked for: resources that several emitters read (a database's secret). */
  memo<T>(key: string, make: () => T): T {
    const known = this.memos.get(key);
    if (known !== undefined || this.memos.has(key)) return known as T;
    const value = make();
    this.memos.set(key, value);
    return value;
  }

  /**
   * Adds blocks and comments to a file, a blank line after each block. A block is written out here
   * (see `HclFile`): a block added is final.
   */
  add(file: TerraformFile, ...items: (Block | BodyItem)[]): void {
    let written = this.files.get(file);
    if (!written) this.files.set(file, (written = new HclFile()));
    for (const item of items) written.add(item);
  }

  /** The names of the resources of `type` added to `file` so far, in the order they were added. */
  resourceNames(file: TerraformFile, type: string): readonly string[] {
    return this.files.get(file)?.resourceNames(type) ?? [];
  }

  /**
   * The resource name for `key` within a resource type: a component or region id, or the parts of
   * a derived resource (`[lb.id, target.id]`). The same key always gets the same name; different
   * keys never share one, even when their parts read the same once joined (`db` + `replica-1` and
   * a component `db-replica-1`): the later one gets a number.
   */
  label(type: string, key: Key): string {
    let labels = this.labelsByType.get(type);
    if (!labels) {
      labels = { taken: new Set(), byKey: new Map() };
      this.labelsByType.set(type, labels);
    }
    const lookup = typeof key === 'string' ? key : key.length === 1 ? key[0]! : key.join(KEY_SEPARATOR);
    const known = labels.byKey.get(lookup);
    if (known !== undefined) return known;
    const base = typeof key === 'string' ? identifier(key) : derivedIdentifier(key.join('-'));
    let name = base;
    for (let n = 2; labels.taken.has(name); n += 1) name = `${base}_${n}`;
    labels.taken.add(name);
    labels.byKey.set(lookup, name);
    return name;
  }

  /** `aws_vpc.primary.id` for the resource of `type` named for `key`. */
  ref(type: string, key: Key, attribute: string): RawExpr {
    return new ReferenceExpr(type, this.label(type, key), attribute);
  }

  /** `aws_vpc.primary` itself, for `depends_on`. */
  address(type: string, key: Key): RawExpr {
    return new ReferenceExpr(type, this.label(type, key), undefined);
  }

  variable(name: string, spec: VariableSpec): RawExpr {
    const existing = this.variables.get(name);
    if (!existing) {
      // Checked when declared: a name in the map passed. `_3d_api_image`: identifier() prefixes ids
      // that start with a digit with `_`, a valid first character.
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a variable name: ${name}`);
      this.variables.set(name, spec);
      // Descriptions carry design text (region locations): escaped for the README's Markdown.
      if (spec.default === undefined) this.fillIns.push(`\`${name}\`: ${markdownText(spec.description)}`);
    } else if (existing.description !== spec.description) {
      // Two inputs whose names coincide would silently share one value.
      throw new Error(`variable ${name} is declared twice with different meanings`);
    }
    return raw(`var.${name}`);
  }

  /** A promise of the design for the shipped tests: `condition` holds on the plan. */
  check(run: string, condition: string, message: string): void {
    if (!/^[a-z][a-z0-9_]*$/.test(run)) throw new Error(`not a run name: ${run}`);
    this.checks.push({ run, condition, message });
  }

  /** An output named for `key` and what it gives (`db` + `endpoint`: `db_endpoint`), never two with one name. */
  output(key: Key, what: string, description: string, value: Expr, sensitive = false): void {
    const parts = typeof key === 'string' ? [key] : key;
    const name = this.label('output', [...parts, what]);
    this.add('outputs.tf', block('output', [name], [attr('description', description), attr('value', value), sensitive && attr('sensitive', true)]));
  }

  /** The provider alias of a region. */
  provider(region: Region): RawExpr {
    let alias = this.providers.get(region.id);
    if (!alias) this.providers.set(region.id, (alias = raw(`aws.${identifier(region.id)}`)));
    return alias;
  }
  /** Each region's provider alias, made once: every resource of the region names it. */
  private readonly providers = new Map<string, RawExpr>();

  /** Global services (Route 53, CloudFront and its WAF, health check alarms) are managed from us-east-1. */
  globalProvider(): RawExpr {
    return raw('aws.global');
  }

  /**
   * `tagValue` of each name once: a component's resources all carry its name, and the conversion
   * runs Unicode-aware expressions. A name `tagValue` keeps as it is (most: ids, words and single
   * spaces) is seen to be so by one look at its characters, cheaper than finding it in a map of
   * every name of a large design.
   */
  private readonly tagValues = new Map<string, string>();
  private tagValueOf(text: string): string {
    if (isTagValue(text)) return text;
    let value = this.tagValues.get(text);
    if (value === undefined) this.tagValues.set(text, (value = tagValue(text)));
    return value;
  }

  /** Resource tags: the display name (in AWS's tag alphabet) and the component's id. */
  tags(c: ComponentFacts | undefined, name?: string, extra?: Record<string, Expr>): BodyItem {
    // A component's resources are made one after another and most carry its plain tags: the last
    // such tags are handed out again (a body item is never changed once made).
    const plain = c !== undefined && name === undefined && extra === undefined;
    if (plain && this.lastTagged === c) return this.lastTags!;
    const entries: [string, Expr][] = [['Name', this.tagValueOf(name ?? c?.name ?? this.facts.design.name)]];
    if (c) entries.push(['ninesmith:component', c.id]);
    if (extra) for (const [key, value] of Object.entries(extra)) entries.push([key, value]);
    const tags = attr('tags', object(entries));
    if (plain) {
      this.lastTagged = c;
      this.lastTags = tags;
    }
    return tags;
  }
  private lastTagged: ComponentFacts | undefined;
  private lastTags: BodyItem | undefined;

  /**
   * `${var.name_prefix}-<suffix>`, the name of an AWS resource in `argument`: the suffix is made of
   * ids and fixed words and shortened to fit that argument's rules (see names.ts).
   */
  name(argument: NamedArgument, ...parts: string[]): Expr {
    return { kind: 'template', parts: [raw('var.name_prefix'), `-${nameSuffix(argument, parts)}`] };
  }

  /** `${var.name_prefix}-<suffix><ending>`: a name that must end with fixed text (`.fifo`), kept out of the suffix's budget. */
  nameEnding(argument: NamedArgument, ending: string, ...parts: string[]): Expr {
    return { kind: 'template', parts: [raw('var.name_prefix'), `-${nameSuffix(argument, parts)}${ending}`] };
  }

  /** `${var.name_prefix}-<suffix>-`, for `name_prefix` and `bucket_prefix` arguments, after which AWS adds a unique part. */
  namePrefix(argument: NamedArgument, ...parts: string[]): Expr {
    return { kind: 'template', parts: [raw('var.name_prefix'), `-${nameSuffix(argument, parts)}-`] };
  }
}

/** Joins the parts of a key for lookup: ids are `[a-z0-9-]` and the words beside them plain text, so none holds it. */
const KEY_SEPARATOR = '\u0000';

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

/**
 * Whether `tagValue` returns `text` unchanged: 1 to 256 characters, all ASCII that AWS accepts in a
 * tag value (letters, digits and `_ . : / = + - @`), spaces single and not at either end.
 */
function isTagValue(text: string): boolean {
  const length = text.length;
  if (length === 0 || length > 256 || text.charCodeAt(0) === 0x20 || text.charCodeAt(length - 1) === 0x20) return false;
  let space = false;
  for (let i = 0; i < length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x20) {
      if (space) return false;
      space = true;
      continue;
    }
    space = false;
    if (code >= 0x80 || TAG_CHARACTER[code] !== 1) return false;
  }
  return true;
}

/** ASCII characters of a tag value other than the space, by code: 1 for those AWS accepts. */
const TAG_CHARACTER = new Uint8Array(128);
for (const range of ['az', 'AZ', '09']) for (let code = range.charCodeAt(0); code <= range.charCodeAt(1); code += 1) TAG_CHARACTER[code] = 1;
for (const ch of '_.:/=+-@') TAG_CHARACTER[ch.charCodeAt(0)] = 1;

/** Fixed availability zone arguments for a design zone: `a` in us-east-1 is `us-east-1a`. */
export function zoneArgument(region: Region, zone: string): BodyItem {
  return ZONE_ID.test(zone) ? attr('availability_zone_id', zone) : attr('availability_zone', zoneName(region, zone));
}
