import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main';
import { componentLines } from './format/report';

const root = resolve(import.meta.dirname, '..', '..');
const fixtures = 'src/engine/rules/__fixtures__';

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: root });
  return { code, stdout, stderr };
}

describe('ninesmith validate', () => {
  it('exits 1 when a finding reaches --fail-on (default high), 0 when none does', async () => {
    expect((await run('validate', 'templates/first-launch-common-mistakes.yaml')).code).toBe(1);
    expect((await run('validate', 'templates/multi-region-active-passive.yaml')).code).toBe(0);
    expect((await run('validate', 'templates/multi-region-active-passive.yaml', '--fail-on', 'info')).code).toBe(1);
    expect((await run('validate', 'templates/first-launch-common-mistakes.yaml', '--fail-on', 'critical')).code).toBe(1);
    expect((await run('validate', 'templates/single-region-multi-az.yaml', '--fail-on', 'critical')).code).toBe(0);
  });

  it('exits 2 for a file that cannot be read or does not fit the format, and for bad options', async () => {
    const missing = await run('validate', 'no/such/file.yaml');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const dir = mkdtempSync(join(tmpdir(), 'ninesmith-'));
    writeFileSync(join(dir, 'bad.yaml'), 'ninesmith: 1\nname: Bad\ncomponents:\n  - { id: web, kind: app-service }\n');
    const invalid = await run('validate', join(dir, 'bad.yaml'), '--format', 'json');
    expect(invalid.code).toBe(2);
    expect(JSON.parse(invalid.stdout)).toMatchObject({ valid: false, problems: [{ path: 'components[0].region', code: 'region-required' }] });
    expect((await run('validate', 'templates/first-launch-common-mistakes.yaml', '--fail-on', 'severe')).code).toBe(2);
    expect((await run('validate', 'templates/first-launch-common-mistakes.yaml', '--format', 'xml')).code).toBe(2);
  });

  it('writes the JSON shape of docs/cli.md, durations in seconds', async () => {
    const { code, stdout } = await run('validate', 'templates/first-launch-common-mistakes.yaml', '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      findings: { rule: string; severity: string; components: string[]; message: string; fix: string }[];
      journeys: { id: string; availability: number | null; downtimeMinutesPerMonth: number | null; target: number }[];
      recovery: { scenario: string; rto: number | null; rpo: number | null }[];
    };
    expect(report.findings[0]).toEqual(expect.objectContaining({ rule: 'rpo-exceeds-target', severity: 'critical', components: ['files'], message: expect.any(String), fix: expect.any(String) }));
    expect(report.findings.map((f) => f.rule)).toContain('single-point-of-failure');
    expect(report.journeys.map((j) => j.id)).toEqual(['sign-in', 'submit-timesheet']);
    // availability: the SLA floor; modelled: the expected figure, its range and what caps it.
    expect(report.journeys[0]).toEqual(
      expect.objectContaining({
        id: 'sign-in',
        availability: expect.closeTo(98.9035, 3),
        downtimeMinutesPerMonth: expect.any(Number),
        target: 99.9,
        modelled: expect.objectContaining({ availability: expect.any(Number), downtimeMinutesPerMonth: expect.any(Number), low: expect.any(Number), high: expect.any(Number) }),
      }),
    );
    const modelled = (report.journeys[0] as unknown as { modelled: { low: number; availability: number; high: number; contributors: { scenario: string; components: string[]; minutesPerMonth: number }[] } }).modelled;
    expect(modelled.low).toBeLessThan(modelled.availability);
    expect(modelled.high).toBeGreaterThan(modelled.availability);
    expect(modelled.contributors[0]).toEqual(expect.objectContaining({ scenario: 'deployment:web', components: ['web'], minutesPerMonth: expect.any(Number) }));
    // RDS uploads its logs every five minutes whenever automated backups are on.
    expect(report.recovery).toContainEqual(expect.objectContaining({ scenario: 'zone:primary/a', kind: 'zone', components: ['alb', 'web', 'db', 'files'], rto: 3960, rpo: 300 }));
    expect(report.recovery).toContainEqual(expect.objectContaining({ scenario: 'region:primary', kind: 'region', rto: null, rpo: null }));
    expect(report.recovery).toContainEqual(expect.objectContaining({ scenario: 'deployment:web', kind: 'deployment', components: ['web'], rto: 3600 }));
    // Route 53 commits to 100%: its failure waits for AWS (about 3 h) and is not counted as the worst case.
    expect(report.recovery).toContainEqual(expect.objectContaining({ scenario: 'component:dns', rto: 10800, unlikely: expect.stringContaining('100%') }));
  });

  it('writes SARIF 2.1.0 with rule descriptors, levels, file locations at the component and suppressions', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ninesmith-'));
    const file = join(dir, 'design.yaml');
    writeFileSync(
      file,
      `${readFileSync(join(root, fixtures, 'stateful-app-tier.fail.yaml'), 'utf8')}suppressions:\n  - { rule: stateful-app-tier, component: web, reason: Sticky sessions until the Redis move in Q3. }\n`,
    );
    const { code, stdout } = await run('validate', file, '--format', 'sarif');
    expect(code).toBe(0);
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toContain('sarif-2.1.0');
    const run0 = sarif.runs[0];
    expect(run0.tool.driver.name).toBe('ninesmith');
    expect(run0.tool.driver.rules).toHaveLength(31);
    expect(run0.tool.driver.rules[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), shortDescription: { text: expect.any(String) }, help: { text: expect.any(String), markdown: expect.any(String) }, properties: expect.objectContaining({ tags: expect.any(Array) }) }),
    );
    const result = run0.results.find((r: { ruleId: string }) => r.ruleId === 'stateful-app-tier');
    expect(result.level).toBe('error');
    expect(result.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'Sticky sessions until the Redis move in Q3.' }]);
    const location = result.locations[0].physicalLocation;
    expect(location.artifactLocation.uri.endsWith('design.yaml')).toBe(true);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[location.region.startLine - 1]).toMatch(/id: web$/);
    expect(run0.tool.driver.rules[result.ruleIndex].id).toBe('stateful-app-tier');
    // Each journey's two figures and what caps it ride along in the run's property bag.
    expect(run0.properties.journeys[0]).toEqual(expect.objectContaining({ id: expect.any(String), availability: expect.any(Number), modelled: expect.objectContaining({ contributors: expect.any(Array) }) }));
    expect(run0.properties.journeys[0].modelled.contributors[0]).toEqual(expect.objectContaining({ scenario: expect.any(String), components: expect.any(Array), minutesPerMonth: expect.any(Number) }));
  });

  it('SARIF for code scanning: paths from the repository root, a line hash, a help link per rule, and a file even when the design cannot be read', async () => {
    // Run from elsewhere: the location is still relative to the repository that holds the design.
    const elsewhere = mkdtempSync(join(tmpdir(), 'ninesmith-cwd-'));
    const fromElsewhere = async (...argv: string[]) => {
      let stdout = '';
      const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: () => {}, cwd: elsewhere });
      return { code, sarif: JSON.parse(stdout) };
    };
    const { sarif } = await fromElsewhere('validate', join(root, 'templates/first-launch-common-mistakes.yaml'), '--format', 'sarif');
    const run0 = sarif.runs[0];
    expect(run0.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'templates/first-launch-common-mistakes.yaml', uriBaseId: '%SRCROOT%' });
    expect(run0.originalUriBaseIds['%SRCROOT%']).toBeDefined();
    expect(run0.invocations).toEqual([{ executionSuccessful: true }]);
    for (const result of run0.results) expect(result.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{8}:1$/);
    const rulesDoc = readFileSync(join(root, 'docs/rules.md'), 'utf8');
    for (const rule of run0.tool.driver.rules) {
      expect(rule.helpUri).toBe(`https://github.com/ninesmith/ninesmith/blob/main/docs/rules.md#${rule.id}`);
      expect(rulesDoc, rule.id).toContain(`<a id="${rule.id}"></a>`);
    }
    // Outside any repository: relative to the working directory.
    const loose = join(elsewhere, 'design.yaml');
    writeFileSync(loose, readFileSync(join(root, 'templates/single-region-multi-az.yaml')));
    expect((await fromElsewhere('validate', loose, '--format', 'sarif')).sarif.runs[0].artifacts[0].location.uri).toBe('design.yaml');
    // A design that cannot be read: exit 2, and still a SARIF file that says the run failed and why.
    writeFileSync(join(elsewhere, 'bad.yaml'), 'ninesmith: 1\nname: Bad\ncomponents:\n  - { id: web, kind: app-service }\n');
    const bad = await fromElsewhere('validate', join(elsewhere, 'bad.yaml'), '--format', 'sarif');
    expect(bad.code).toBe(2);
    expect(bad.sarif.version).toBe('2.1.0');
    expect(bad.sarif.runs[0].results).toEqual([]);
    expect(bad.sarif.runs[0].invocations[0]).toMatchObject({ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', descriptor: { id: 'region-required' }, message: { text: expect.stringContaining('region: required') } }] });
    const missing = await fromElsewhere('validate', join(elsewhere, 'missing.yaml'), '--format', 'sarif');
    expect(missing.code).toBe(2);
    expect(missing.sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
  });

  it('prints text grouped by severity, most severe first', async () => {
    const { stdout } = await run('validate', 'templates/first-launch-common-mistakes.yaml');
    const headings = stdout.split('\n').filter((line) => /^(CRITICAL|HIGH|MEDIUM|LOW|INFO) \(\d+\)$/.test(line));
    expect(headings).toEqual(['CRITICAL (4)', 'HIGH (15)', 'MEDIUM (5)']);
    expect(stdout).toContain('JOURNEYS');
    expect(stdout).toMatch(/Sign in: modelled 99\.\d+% \(99\.\d+% to 99\.\d+%\), [\d.]+ min\/month expected down, (meets|BELOW) target 99\.9%/);
    expect(stdout).toMatch(/SLA floor: 100% \(dns\) × 99\.9% \(alb\) × .* = 98\.9035% \(\d+ h \d+ min\/month\)/);
    expect(stdout).toMatch(/What caps it: A bad release of Web server [\d.]+ min\/month \[web\]/);
    expect(stdout).toContain('Zone a of US East fails: breaks sign-in, submit-timesheet; RTO 1h6m, RPO 5m');
  });
});

describe('component lines for SARIF locations', () => {
  it('finds components in YAML block and flow style, and in JSON', () => {
    const yaml = 'ninesmith: 1\nname: x\ncomponents:\n  - id: web\n    kind: app-service\n  - { id: db, kind: relational-db }\nconnections:\n  - { from: web, to: db }\n';
    expect([...componentLines(yaml)]).toEqual([['web', 4], ['db', 6]]);
    const json = '{\n  "ninesmith": 1,\n  "components": [\n    {\n      "id": "web"\n    },\n    { "id": "db" }\n  ],\n  "journeys": [ { "id": "j" } ]\n}\n';
    expect([...componentLines(json)]).toEqual([['web', 5], ['db', 7]]);
  });
});
