import { describe, expect, it } from 'vitest';
import { connectionId, parseConnectionId } from './ids';

describe('connection ids', () => {
  it('read back the ends and mode', () => {
    const connection = { from: 'web-2', to: 'db', mode: 'replication' as const };
    expect(parseConnectionId(connectionId(connection))).toEqual(connection);
  });

  it.each(['web->db', 'web->db:carrier-pigeon', 'web:db->x', '->db:sync', ''])('refuse %j', (text) => {
    expect(parseConnectionId(text)).toBeUndefined();
  });
});
