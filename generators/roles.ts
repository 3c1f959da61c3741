import type { KindId, KindProps } from '../src/catalog';
import type { ComponentFacts, DesignFacts } from './design-facts';

/**
 * What one target does with one component, decided by its kind's entry in the target's registry:
 * generate it in one of the target's roles, with inputs read from the kind's typed props; say
 * why it is not generated (listed in the export's README); or nothing, for what this target
 * never deploys (the users who call the platform, a vendor's system).
 */
export type Resolution<Roles> =
  | { readonly [R in keyof Roles]: { readonly role: R; readonly spec: Roles[R] } }[keyof Roles]
  | { readonly role: 'not-generated'; readonly reason: string }
  | { readonly role: 'outside' };

/**
 * A target's registry: one entry per kind, so adding a kind to the catalog without deciding what
 * each target does with it is a compile error naming the registry.
 */
export type TargetRegistry<Roles> = { readonly [K in KindId]: (props: KindProps<K>, c: ComponentFacts) => Resolution<Roles> };

export const notGenerated = (reason: string) => ({ role: 'not-generated', reason }) as const;
export const outside = () => ({ role: 'outside' }) as const;

/** A component in a role, with the inputs its kind gave for it. */
export interface Member<Spec> {
  readonly c: ComponentFacts;
  readonly spec: Spec;
}

/** Every component's role in one target, resolved once per export, in design order. */
export class RoleIndex<Roles> {
  private readonly byRole = new Map<keyof Roles, Member<unknown>[]>();
  /** Each component's resolution at its position in the design (ComponentFacts.index): no lookup by id for a component at hand. */
  private readonly resolutions: Resolution<Roles>[];
  /** Components the target does not generate, with the reason, in design order. */
  readonly notGenerated: readonly { readonly c: ComponentFacts; readonly reason: string }[];

  constructor(
    registry: TargetRegistry<Roles>,
    private readonly facts: DesignFacts,
  ) {
    const skipped: { readonly c: ComponentFacts; readonly reason: string }[] = [];
    this.notGenerated = skipped;
    const entries = registry as unknown as Readonly<Record<string, (props: unknown, c: ComponentFacts) => Resolution<Roles>>>;
    const components = facts.components;
    this.resolutions = new Array<Resolution<Roles>>(components.length);
    for (let index = 0; index < components.length; index += 1) {
      const c = components[index]!;
      const entry = Object.hasOwn(entries, c.kind.id) ? entries[c.kind.id] : undefined;
      // Only a kind outside the catalog can miss its entry (the registry's type lists every kind).
      const resolution: Resolution<Roles> = entry
        ? entry(c.kind.propsOf(c.component), c)
        : notGenerated(`\`${c.id}\` (${c.kind.title.toLowerCase()}): kind "${c.kind.id}" has no entry in this target's registry, so nothing is generated for it.`);
      this.resolutions[index] = resolution;
      if (resolution.role === 'not-generated') skipped.push({ c, reason: (resolution as { reason: string }).reason });
      else if (resolution.role !== 'outside') {
        const { role, spec } = resolution as { role: keyof Roles; spec: unknown };
        const list = this.byRole.get(role);
        if (list) list.push({ c, spec });
        else this.byRole.set(role, [{ c, spec }]);
      }
    }
  }

  private resolutionOf(c: ComponentFacts | string): Resolution<Roles> | undefined {
    if (typeof c !== 'string' && this.facts.components[c.index] === c) return this.resolutions[c.index];
    // An id, or facts of another export: as a lookup by id, where the last component of an id answers.
    const found = this.facts.byId.get(typeof c === 'string' ? c : c.id);
    return found === undefined ? undefined : this.resolutions[found.index];
  }

  /** The components in a role, in design order. */
  members<R extends keyof Roles>(role: R): readonly Member<Roles[R]>[] {
    return (this.byRole.get(role) ?? []) as Member<Roles[R]>[];
  }

  /** The role a component plays in this target. */
  roleOf(c: ComponentFacts | string): keyof Roles | 'not-generated' | 'outside' | undefined {
    return this.resolutionOf(c)?.role;
  }

  is(c: ComponentFacts | string, role: keyof Roles): boolean {
    return this.roleOf(c) === role;
  }

  /** The inputs of a component in a role, or undefined when it plays another. */
  spec<R extends keyof Roles>(c: ComponentFacts | string, role: R): Roles[R] | undefined {
    const resolution = this.resolutionOf(c);
    return resolution && resolution.role === role ? (resolution as unknown as { spec: Roles[R] }).spec : undefined;
  }
}
