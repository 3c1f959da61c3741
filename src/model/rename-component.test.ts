import { describe, expect, it } from 'vitest';
import { readDesignText } from './parse';
import { componentIdProblem, renameComponent } from './rename-component';
import { checkReferences } from './references';
import type { Design } from './schema';

function design(): Design {
  const result = readDesignText(`ninesmith: 1
name: Rename
regions:
- {id: primary, location: us-east-1, zones: [a, b]}
components:
- {id: users, kind: users}
- {id: cache-2, kind: cache, region: primary}
- {id: web, kind: app-service, region: primary}
connections:
- {from: users, to: web}
- {from: web, to: cache-2}
- {from: cache-2, to: web, mode: replication}
journeys:
- {id: sign-in, name: Sign in, from: users, needs: [web, cache-2]}
suppressions:
- {rule: single-zone, component: cache-2, reason: rebuilt in seconds}
- {rule: no-observability, reason: team-wide}
pricing:
  usage:
    web: {requestsPerMonth: 1000}
    cache-2: {nodes: 2}
assumptions:
  components:
    cache-2: {incidentsPerYear: 2}
layout:
  users: {x: 0, y: 0}
  cache-2: {x: 10, y: 20}
  web: {x: 30, y: 40}
`);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.design;
}

describe('renaming a component id', () => {
  it('updates every reference: connections, journeys, suppressions, usage, assumptions and layout', () => {
    const before = design();
    const after = renameComponent(before, 'cache-2', 'sessions');
    expect(after.components.map((c) => c.id)).toEqual(['users', 'sessions', 'web']);
    expect(after.connections.map((c) => `${c.from}->${c.to}`)).toEqual(['users->web', 'web->sessions', 'sessions->web']);
    expect(after.journeys[0]).toMatchObject({ from: 'users', needs: ['web', 'sessions'] });
    expect(after.suppressions).toEqual([
      { rule: 'single-zone', component: 'sessions', reason: 'rebuilt in seconds' },
      { rule: 'no-observability', reason: 'team-wide' },
    ]);
    expect(after.pricing?.usage).toEqual({ web: { requestsPerMonth: 1000 }, sessions: { nodes: 2 } });
    expect(Object.keys(after.pricing!.usage!)).toEqual(['web', 'sessions']);
    expect(after.assumptions?.components).toEqual({ sessions: { incidentsPerYear: 2 } });
    expect(Object.keys(after.layout!)).toEqual(['users', 'sessions', 'web']);
    expect(after.layout!.sessions).toEqual({ x: 10, y: 20 });
    expect(JSON.stringify(after)).not.toContain('cache-2');
    expect(checkReferences(after)).toEqual([]);
  });

  it('renames a journey entry point', () => {
    expect(renameComponent(design(), 'users', 'staff').journeys[0]!.from).toBe('staff');
  });

  it('leaves the input untouched', () => {
    const before = design();
    const copy = structuredClone(before);
    renameComponent(before, 'cache-2', 'sessions');
    expect(before).toEqual(copy);
  });

  it('refuses an id already taken, an invalid id, or an unknown component, and says why', () => {
    const d = design();
    expect(renameComponent(d, 'cache-2', 'web')).toBe(d);
    expect(componentIdProblem(d, 'cache-2', 'web')).toBe('"web" is already the id of a component in this design');
    expect(componentIdProblem(d, 'cache-2', 'primary')).toBe('"primary" is already the id of a region in this design');
    expect(componentIdProblem(d, 'cache-2', 'sign-in')).toBe('"sign-in" is already the id of a journey in this design');
    expect(componentIdProblem(d, 'cache-2', 'Sessions Cache')).toMatch(/^expected an id: lower-case letters/);
    expect(componentIdProblem(d, 'cache-2', '')).toMatch(/^expected an id/);
    expect(renameComponent(d, 'cache-2', 'Bad Id')).toBe(d);
    expect(renameComponent(d, 'nothing', 'sessions')).toBe(d);
    expect(componentIdProblem(d, 'cache-2', 'cache-2')).toBeUndefined();
    expect(renameComponent(d, 'cache-2', 'cache-2')).toBe(d);
  });
});
