import { sarifText } from '../../model';
import { ALL_RULES, ruleSeverity, type Finding, type Severity } from '../../engine';
import { writeJsonTo } from './json-writer';
import type { TextOutput } from './line-writer';
import { componentLines, journeyFigures, type ValidationReport } from './report';

/** SARIF levels: errors for what breaks journeys or loses data, warnings for the rest that matters. */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub code scanning shows problem.severity for non-security rules. */
const PROBLEM: Record<Severity, 'error' | 'warning' | 'recommendation'> = { critical: 'error', high: 'error', medium: 'warning', low: 'recommendation', info: 'recommendation' };

/** FNV-1a, 32 bits: a stable fingerprint so code scanning tracks a finding across runs. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Where the tool and its rules are documented (docs/rules.md has an anchor per rule id). */
const INFORMATION_URI = 'https://github.com/ninesmith/ninesmith';
const ruleHelpUri = (id: string) => `${INFORMATION_URI}/blob/main/docs/rules.md#${id}`;

/** The tool, in every run this command writes. */
const driver = (rules: unknown[]) => ({ name: 'ninesmith', informationUri: INFORMATION_URI, semanticVersion: '0.1.0', version: '0.1.0', rules });

/** `uri` values are relative to the repository root (GitHub resolves them from there), named by %SRCROOT%. */
const ORIGINAL_URI_BASE_IDS = { '%SRCROOT%': { description: { text: 'The root of the repository the design file is in (or the working directory outside a repository).' } } };

const pascal = (id: string) => id.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/**
 * SARIF 2.1.0 for GitHub code scanning: one rule descriptor per engine rule (help, default level,
 * tags), one result per finding located at the line of its first component in the design file,
 * and suppressed findings carried as SARIF suppressions rather than dropped.
 */
export function writeSarif(report: ValidationReport, output: TextOutput): void {
  const lines = componentLines(report.text);
  const tierClass = report.analysis.scorecard.tier.class;
  const ruleIndex = new Map(ALL_RULES.map((rule, index) => [rule.id, index]));
  const rules = ALL_RULES.map((rule) => {
    const severity = ruleSeverity(rule, tierClass);
    return {
      id: rule.id,
      name: pascal(rule.id),
      helpUri: ruleHelpUri(rule.id),
      shortDescription: { text: rule.title },
      fullDescription: { text: rule.rationale },
      help: {
        text: `${rule.rationale}\n\nFix: ${rule.fix}\n\nSources: ${rule.sources.join('; ')}`,
        markdown: `${rule.rationale}\n\n**Fix:** ${rule.fix}\n\n**Sources:** ${rule.sources.map((s) => `\n- ${s}`).join('')}`,
      },
      defaultConfiguration: { level: LEVEL[severity] },
      properties: { tags: ['reliability', 'ninesmith', rule.category], precision: 'high', 'problem.severity': PROBLEM[severity], severity },
    };
  });
  const result = (f: Finding) => {
    const line = f.components.map((id) => lines.get(id)).find((n) => n !== undefined) ?? 1;
    return {
      ruleId: f.rule,
      ruleIndex: ruleIndex.get(f.rule),
      level: LEVEL[f.severity],
      message: { text: sarifText(`${f.message} Fix: ${f.fix}`) },
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: report.uri, uriBaseId: '%SRCROOT%' }, region: { startLine: line } },
          logicalLocations: f.components.slice(0, 1).map((id) => ({ name: id, kind: 'object', fullyQualifiedName: `components.${id}` })),
        },
      ],
      // primaryLocationLineHash is the key code scanning reads; it hashes the finding, not the line, so edits elsewhere in the file keep the alert.
      partialFingerprints: { primaryLocationLineHash: `${fingerprint(`${f.rule}|${f.components.join(',')}|${f.connections.join(',')}`)}:1`, 'ninesmithFinding/v1': fingerprint(`${f.rule}|${f.components.join(',')}|${f.connections.join(',')}`) },
      properties: { severity: f.severity, components: f.components, connections: f.connections, category: f.category },
      ...(f.suppressed ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: f.suppressed.reason }] } : {}),
    };
  };
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: driver(rules) },
        originalUriBaseIds: ORIGINAL_URI_BASE_IDS,
        invocations: [{ executionSuccessful: true }],
        artifacts: [{ location: { uri: report.uri, uriBaseId: '%SRCROOT%' } }],
        results: report.analysis.findings.map(result),
        columnKind: 'utf16CodeUnits',
        // Each journey's SLA floor and modelled availability, with what caps it, for dashboards that read the run.
        properties: { journeys: report.analysis.journeys.map(journeyFigures) },
      },
    ],
  };
  // Written a result at a time (the results are the fourth level): 40 MB at 20,000 components.
  writeJsonTo(output, sarif, 4);
}

/**
 * SARIF for a design that could not be read or does not fit the format: a run whose invocation
 * failed, with each problem as a tool execution notification, so an upload step still gets a
 * valid file (and shows the failure) instead of an empty one.
 */
export function formatUnreadableSarif(uri: string, problems: readonly { path: string; code: string; message: string }[]): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: driver([]) },
        originalUriBaseIds: ORIGINAL_URI_BASE_IDS,
        invocations: [
          {
            executionSuccessful: false,
            toolExecutionNotifications: problems.map((p) => ({
              level: 'error',
              descriptor: { id: p.code },
              message: { text: sarifText(p.path ? `${p.path}: ${p.message}` : p.message) },
              locations: [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' } } }],
            })),
          },
        ],
        results: [],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
