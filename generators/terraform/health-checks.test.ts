import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDesign } from '../../src/catalog';
import { formatProblem, type Design } from '../../src/model';
import { analyzeDesign, ASSUMPTIONS, parsePriceCatalog, type Assumption } from '../../src/engine';
import awsCatalog from '../../public/prices/aws.json';
import { designFacts } from '../design-facts';
import { buildProposal, documentText } from '../proposal';
import { generateTerraform } from './index';
import { parseFiles, type Parsed } from './testing';

/**
 * The recovery times Ninesmith states rest on health-check timings; the Terraform it exports
 * configures those checks. Both read src/catalog/health-checks.ts; this reads what each actually
 * says (the HCL as Terraform parses it, the engine's stated assumptions, the proposal's text) and
 * fails where they part.
 */

const templateDir = new URL('../../templates/', import.meta.url);
const templates = readdirSync(templateDir).filter((file) => file.endsWith('.yaml')).sort();
const catalogs = [parsePriceCatalog(awsCatalog, 'public/prices/aws.json')];

function load(url: URL): Design {
  const result = loadDesign(readFileSync(url, 'utf8'));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.design;
}

type Body = Record<string, unknown>;

/** Every resource of one type across the parsed files, by name. */
function resources(parsed: Map<string, Parsed>, type: string): [string, Body][] {
  const out: [string, Body][] = [];
  for (const content of parsed.values()) {
    const byName = ((content.resource ?? {}) as Record<string, Record<string, Body[]>>)[type] ?? {};
    for (const [name, bodies] of Object.entries(byName)) for (const body of bodies) out.push([name, body]);
  }
  return out;
}

const num = (value: unknown): number => {
  if (typeof value !== 'number') throw new Error(`expected a number, got ${JSON.stringify(value)}`);
  return value;
};

/** What an assumption's text says about the checks: "3 failed health checks 15 s apart: 45 s". */
function statedChecks(assumption: Assumption): { count: number; interval: number; seconds: number } | undefined {
  const match = /(\d+) failed (?:health )?checks? (\d+) s apart[^:]*: (\d+) s/.exec(assumption.text);
  return match ? { count: Number(match[1]), interval: Number(match[2]), seconds: Number(match[3]) } : undefined;
}

const EVICTION = { application: ASSUMPTIONS.healthCheckEviction, network: ASSUMPTIONS.healthCheckEvictionNetwork } as const;
const DNS_DETECTION_IDS: ReadonlySet<string> = new Set([ASSUMPTIONS.dnsFailoverDetection.id, ASSUMPTIONS.dnsFailoverDetectionStandard.id, ASSUMPTIONS.dnsFailoverAlarm.id]);

describe.each(templates)('health checks of %s: the Terraform and the engine agree', (template) => {
  const design = load(new URL(template, templateDir));
  const files = generateTerraform(designFacts(design));
  const analysis = analyzeDesign(design);
  const stated = analysis.assumptions;

  it('target groups check as often, and evict after as many failures, as the engine assumes', async () => {
    const parsed = await parseFiles(files);
    const groups = resources(parsed, 'aws_lb_target_group');
    for (const [name, group] of groups) {
      const check = (group.health_check as Body[])[0]!;
      const type = group.protocol === 'TCP' ? 'network' : 'application';
      const assumption = EVICTION[type];
      const written = { count: num(check.unhealthy_threshold), interval: num(check.interval), seconds: num(check.unhealthy_threshold) * num(check.interval) };
      expect({ group: name, ...written }).toEqual({ group: name, ...statedChecks(assumption) });
      expect(assumption.seconds).toBe(written.seconds);
    }
    // The engine assumes a network load balancer's checks only where the design has one in front.
    if (stated.some((a) => a.id === EVICTION.network.id)) expect(groups.some(([, group]) => group.protocol === 'TCP')).toBe(true);
  });

  it('Route 53 declares an entry point down after the time the engine assumes', async () => {
    const parsed = await parseFiles(files);
    const alarms = new Map(resources(parsed, 'aws_cloudwatch_metric_alarm'));
    const detections = resources(parsed, 'aws_route53_health_check').map(([name, check]) => {
      if (check.type === 'CLOUDWATCH_METRIC') {
        const alarmName = /aws_cloudwatch_metric_alarm\.([\w-]+)\.alarm_name/.exec(String(check.cloudwatch_alarm_name))?.[1];
        const alarm = alarms.get(alarmName ?? '');
        if (!alarm) throw new Error(`${name}: no alarm ${alarmName}`);
        return { name, seconds: num(alarm.period) * num(alarm.evaluation_periods), alarm: true };
      }
      return { name, seconds: num(check.request_interval) * num(check.failure_threshold), interval: num(check.request_interval), count: num(check.failure_threshold) };
    });
    const failoverRecords = resources(parsed, 'aws_route53_record').some(([, record]) => 'failover_routing_policy' in record || 'latency_routing_policy' in record);
    const dnsStated = stated.filter((a) => DNS_DETECTION_IDS.has(a.id));
    if (failoverRecords && detections.length > 0) expect(dnsStated.length, 'the analysis states how long DNS takes to detect a lost region').toBeGreaterThan(0);
    for (const assumption of dnsStated) {
      for (const detection of detections) {
        expect({ check: detection.name, seconds: detection.seconds }).toEqual({ check: detection.name, seconds: assumption.seconds });
        if (!detection.alarm) expect({ check: detection.name, ...statedChecks(assumption) }).toEqual({ check: detection.name, count: detection.count, interval: detection.interval, seconds: detection.seconds });
        else expect(assumption.id).toBe(ASSUMPTIONS.dnsFailoverAlarm.id);
      }
    }
  });

  it("states the same health-check assumptions in the proposal's assumptions", () => {
    const text = documentText(buildProposal(design, { catalogs }));
    for (const assumption of stated.filter((a) => DNS_DETECTION_IDS.has(a.id) || a.id.startsWith('health-check-eviction'))) expect(text).toContain(assumption.text);
  });
});
