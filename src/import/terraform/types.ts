import type { Value, ValueObject } from '../hcl/evaluate';

/** One file handed to the importer: its path relative to what was opened (`/`-separated) and its text. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/**
 * A resource instance of the configuration (or of a plan or state), whichever the input was:
 * what the AWS importers read. Values that only exist after apply are `Unknown`.
 */
export interface TfResource {
  /** `module.app.aws_ecs_service.web[0]`: as Terraform names it. */
  readonly address: string;
  /** The address without the instance key: `module.app.aws_ecs_service.web`. */
  readonly base: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** `''` for the root module, else `module.app` (or `module.app.module.db`). */
  readonly module: string;
  /** The provider configuration it uses (`aws`, `aws.eu`) and that configuration's region. */
  readonly provider: TfProvider | undefined;
  readonly attributes: ValueObject;
  /**
   * What each argument or block refers to, by path (`load_balancer`, `load_balancer.target_group_arn`;
   * list indexes left out): resource addresses and `module.x:output`.
   */
  readonly refs: ReadonlyMap<string, ReadonlySet<string>>;
  /** The file it is declared in, when the input was configuration. */
  readonly file?: string;
}

/** A provider configuration: its key in its module (`aws`, `aws.eu`) and its region. */
export interface TfProvider {
  readonly key: string;
  /** `aws.eu` in the root module; for configurations a child module inherits, the root's key. */
  readonly rootKey: string;
  readonly region: Value;
  /** Its `default_tags` with known values (the export names the design there). */
  readonly defaultTags: Readonly<Record<string, string>>;
  /** Where the region came from, for the inference list: `provider "aws" (alias eu)`. */
  readonly declaredAt: string;
}

/** A call of a module whose code is not in the input (the Terraform registry, git): read through its inputs. */
export interface TfModuleCall {
  /** `module.vpc` (or `module.app.module.vpc`). */
  readonly address: string;
  readonly source: string;
  readonly version?: string;
  readonly inputs: ValueObject;
  readonly refs: ReadonlyMap<string, ReadonlySet<string>>;
  readonly provider: TfProvider | undefined;
  readonly file?: string;
}

export interface UnsetVariable {
  /** `var.db_password` in the root module, `module.app.var.image` in a child. */
  readonly name: string;
  readonly description?: string;
  /** Addresses whose arguments read it. */
  readonly usedBy: readonly string[];
}

/** Everything the importers read, from configuration files or from `terraform show -json`. */
export interface TfInput {
  readonly kind: 'configuration' | 'plan' | 'state';
  readonly resources: readonly TfResource[];
  readonly moduleCalls: readonly TfModuleCall[];
  readonly providers: readonly TfProvider[];
  readonly unsetVariables: readonly UnsetVariable[];
  /** What reading the input noticed: counts that could not be resolved, modules not found. */
  readonly notes: readonly { readonly address: string; readonly message: string }[];
}
