import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main';

async function run(args: string[], cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'ninesmith-cli-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const valid = `ninesmith: 1
name: CLI
regions:
  - { id: primary, location: us-east-1, zones: [a, b] }
components:
  - { id: users, kind: users }
  - { id: web, kind: app-service, region: primary, zones: [a, b], replicas: 2 }
connections:
  - { from: users, to: web }
`;

describe('ninesmith validate: the schema part', () => {
  const templates = readdirSync('templates').filter((f) => f.endsWith('.yaml'));
  it.each(templates)('accepts the template %s without a schema error', async (template) => {
    const { code, stderr } = await run(['validate', join('templates', template), '--fail-on', 'critical']);
    expect(stderr).toBe('');
    expect(code).not.toBe(2);
  });

  it('exits 2 for a dangling connection, naming it', async () => {
    const { code, stderr } = await run(['validate', file('dangling.yaml', valid.replace('to: web }', 'to: api }'))]);
    expect(code).toBe(2);
    expect(stderr).toContain('connections[0].to: no component with id "api"');
  });

  it('exits 2 for a zone that its region lacks, naming it', async () => {
    const { code, stderr } = await run(['validate', file('zone.yaml', valid.replace('zones: [a, b], replicas', 'zones: [a, d], replicas'))]);
    expect(code).toBe(2);
    expect(stderr).toContain('components[1].zones[1]: zone "d" is not a zone of region "primary"');
  });

  it('exits 2 for a syntax error, with its line', async () => {
    const { code, stderr } = await run(['validate', file('syntax.yaml', 'ninesmith: 1\nname: [oops\n')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/not valid YAML: line \d+/);
  });

  it('exits 2 for an alias bomb, quickly', async () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i += 1) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const { code, stderr } = await run(['validate', file('bomb.yaml', lines.join('\n'))]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/expands to more than/);
  });

  it('exits 2 for a missing file and for bad usage, with a message', async () => {
    expect(await run(['validate', join(dir, 'nope.yaml')])).toMatchObject({ code: 2, stderr: expect.stringContaining('no such file') });
    expect(await run(['validate'])).toMatchObject({ code: 2, stderr: expect.stringContaining('exactly one FILE') });
    expect(await run(['validate', 'x.yaml', '--format', 'xml'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format must be one of') });
    expect(await run(['frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
  });

  it('lists schema problems as JSON with --format json', async () => {
    const { code, stdout } = await run(['validate', file('json.yaml', valid.replace('replicas: 2', 'replicas: 0')), '--format', 'json']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({ valid: false, problems: [{ path: 'components[1].replicas', code: 'schema' }] });
  });
});
