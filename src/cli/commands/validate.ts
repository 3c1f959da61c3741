import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { analyzeDesign, SEVERITIES, type Severity } from '../../engine';
import { EXIT, UsageError, terminalLine, type Command } from '../context';
import { readDesignFile, reportUnreadableDesign } from '../read-design-file';
import { formatPath } from '../../model';
import { writeJson } from '../format/json';
import { stdoutOutput, type TextOutput } from '../format/line-writer';
import { formatUnreadableSarif, writeSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { failingFindings, type ValidationReport } from '../format/report';

/** One formatter per output format (architecture.md); JSON and SARIF are written in pieces (27 and 40 MB at 20,000 components). */
const FORMATTERS = {
  text: (report, output) => output.text(formatText(report)),
  json: writeJson,
  sarif: writeSarif,
} as const satisfies Record<string, (report: ValidationReport, output: TextOutput) => void>;
type Format = keyof typeof FORMATTERS;
const FORMATS = Object.keys(FORMATTERS) as Format[];

export const validateUsage = `Usage: ninesmith validate FILE [--format text|json|sarif] [--fail-on info|low|medium|high|critical]

Checks a design file (FILE - reads standard input): schema errors first (exit 2), then the high-uptime rules, availability per
journey and recovery estimates (RTO/RPO) for zone, region, component and data-corruption failures.
Exit 0 when nothing reaches --fail-on (default high), 1 when something does, 2 for a file that
cannot be read or does not fit the format, 3 for an internal error (a bug in Ninesmith; --debug
prints its stack trace). Suppressed findings are reported but never fail the run.
`;

/**
 * The design file's path from the root of the git repository it is in (the folder holding `.git`),
 * with `/` separators, as code scanning resolves SARIF locations; from `cwd` outside a repository.
 */
export function repositoryPath(path: string, cwd: string): string {
  let dir = dirname(path);
  for (;;) {
    if (existsSync(`${dir}${sep}.git`)) return relative(dir, path).split(sep).join('/');
    const parent = dirname(dir);
    if (parent === dir) return relative(cwd, path).split(sep).join('/');
    dir = parent;
  }
}

export const validateCommand: Command = async (args, context) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'text' }, 'fail-on': { type: 'string', default: 'high' } },
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const failOn = values['fail-on'] as Severity;
  if (!SEVERITIES.includes(failOn)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}`);
  if (positionals.length !== 1) throw new UsageError('validate takes exactly one FILE');
  const file = positionals[0]!;
  const result = await readDesignFile(file, context.cwd);
  if (!result.ok) {
    if (format === 'sarif') {
      // Stdout still gets a valid SARIF file, so an upload step after this one shows the failure instead of failing on an empty file.
      context.stdout(formatUnreadableSarif(repositoryPath(result.path, context.cwd), result.problems.map((p) => ({ path: formatPath(p.path), code: p.code, message: p.message }))));
    }
    reportUnreadableDesign(file, result.problems, format === 'json', context);
    return EXIT.invalid;
  }
  const report: ValidationReport = {
    file,
    uri: repositoryPath(result.path, context.cwd),
    text: result.text,
    design: result.design,
    analysis: analyzeDesign(result.design),
    failOn,
  };
  for (const note of result.notes) context.stderr(terminalLine(`${file}: note: ${note}`));
  FORMATTERS[format](report, stdoutOutput(context));
  return failingFindings(report).length > 0 ? EXIT.findings : EXIT.ok;
};
