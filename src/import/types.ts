import type { Design } from '../model';
import type { UnsetVariable } from './terraform/types';

export type { SourceFile, UnsetVariable } from './terraform/types';

/** What an inference is about: where a component runs, what it is, how it is wired, how it recovers. */
export type InferenceTopic = 'kind' | 'region' | 'zones' | 'replicas' | 'props' | 'connection' | 'backup' | 'component';

/**
 * A guess the importer made: something Terraform does not say outright, read from what it does
 * say. Each names the resource it came from, so the user can check it, and the component it is
 * about, so the designer can show it.
 */
export interface Inference {
  /** The resource address (or provider, module) it was read from. */
  readonly address: string;
  /** The component it is about, when there is one. */
  readonly component?: string;
  readonly topic: InferenceTopic;
  readonly message: string;
}

/** A resource that became no part of the design, and why. */
export interface NotImported {
  readonly address: string;
  readonly type: string;
  readonly reason: string;
}

/** Which resources became (or joined) which component. */
export interface ImportedResource {
  readonly address: string;
  readonly component: string;
}

export interface ImportReport {
  /** `configuration` (.tf files), `plan` or `state` (`terraform show -json`). */
  readonly input: 'configuration' | 'plan' | 'state';
  readonly inferences: readonly Inference[];
  readonly imported: readonly ImportedResource[];
  /** Resources read for placement and wiring (VPCs, subnets, security groups, listeners), not components. */
  readonly read: readonly { readonly address: string; readonly purpose: string }[];
  readonly notImported: readonly NotImported[];
  readonly unsetVariables: readonly UnsetVariable[];
  /** What reading the input noticed: unknown counts, modules not found, files skipped. */
  readonly notes: readonly { readonly address: string; readonly message: string }[];
}

/** Why an input was refused: the file (or `.` for the whole input) and what is wrong with it. */
export interface ImportProblem {
  readonly file: string;
  readonly message: string;
}

export type ImportResult =
  | { readonly ok: true; readonly design: Design; readonly report: ImportReport }
  | { readonly ok: false; readonly problems: readonly ImportProblem[] };
