import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../catalog';
import { checkDesign } from '../analysis/analyze';
import { RULES } from './index';

/** Rules written before these kinds existed find them through their traits, unchanged. */
function findings(components: string, rule: keyof typeof RULES) {
  const result = loadDesign(`ninesmith: 1
name: Reach
tier: standard
regions:
- {id: main, location: us-east-1, zones: [a, b, c]}
components:
- {id: web, kind: app-service, region: main, zones: [a, b, c], replicas: 3}
${components}
`);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return checkDesign(result.design, [RULES[rule]]).map((f) => f.components);
}

describe('existing rules reach the new kinds through their traits', () => {
  it('a notification topic and an event stream without a dead-letter destination', () => {
    expect(findings('- {id: topic, kind: notification-topic, region: main, props: {deadLetter: false}}\n- {id: events, kind: event-stream, region: main, props: {failureDestination: false}}', 'queue-without-dead-letter')).toEqual([['topic'], ['events']]);
    expect(findings('- {id: topic, kind: notification-topic, region: main, props: {deadLetter: true}}', 'queue-without-dead-letter')).toEqual([]);
  });

  it('a key-value database and a shared file system without backups', () => {
    expect(findings('- {id: table, kind: key-value-db, region: main, props: {backup: {enabled: false, pitr: false}}}\n- {id: share, kind: shared-file-system, region: main, props: {backup: {enabled: false}}}', 'no-backup')).toEqual([['table'], ['share']]);
  });

  it('a bastion host in one zone', () => {
    expect(findings('- {id: bastion, kind: admin-access, region: main, zones: [a], replicas: 1, props: {method: bastion-host}}', 'single-zone')).toEqual([['bastion']]);
  });
});
