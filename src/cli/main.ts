import { terminalText } from '../model';
import { EXIT, RefusalError, UsageError, type CliContext, type Command, type ExitCode } from './context';
import { validateCommand, validateUsage } from './commands/validate';
import { costCommand, costUsage } from './commands/cost';
import { exportCommand, exportUsage } from './commands/export';
import { compareCommand, compareUsage } from './commands/compare';
import { diagramCommand, diagramUsage } from './commands/diagram';
import { pricesCommand, pricesUsage } from './commands/prices';
import { importCommand, importUsage } from './commands/import';

interface CommandEntry {
  run: Command;
  usage: string;
  summary: string;
}

/** The commands of docs/cli.md. Each lives in its own file under commands/. A Map: `constructor` is no command. */
const COMMANDS: ReadonlyMap<string, CommandEntry> = new Map([
  ['validate', { run: validateCommand, usage: validateUsage, summary: 'check a design: schema, rules, availability, recovery' }],
  ['cost', { run: costCommand, usage: costUsage, summary: 'estimate monthly and yearly cost per layer, region and component' }],
  ['compare', { run: compareCommand, usage: compareUsage, summary: 'two to four designs side by side: cost, availability, recovery, cost per nine' }],
  ['export', { run: exportCommand, usage: exportUsage, summary: 'write Terraform, Helm values and runbooks for a design' }],
  ['diagram', { run: diagramCommand, usage: diagramUsage, summary: 'draw the design as SVG, PNG or a draw.io file' }],
  ['prices', { run: pricesCommand, usage: pricesUsage, summary: 'import your own price book: official price lists or negotiated rates' }],
  ['import', { run: importCommand, usage: importUsage, summary: 'a design from Terraform (folder, .tf files or terraform show -json), every guess listed' }],
]);

/** Where to report an internal error. */
export const REPORT_URL = 'https://github.com/ninesmith/ninesmith/issues';

const EXIT_CODES_HELP = `Exit codes: 0 nothing reaches --fail-on, 1 a finding does (validate), 2 a file cannot be read or
does not fit the format, or the command line is wrong, 3 an internal error (a bug in Ninesmith).
--debug, with any command, prints the stack trace of an internal error.`;

function usage(): string {
  const lines = [...COMMANDS].map(([name, entry]) => `  ${name.padEnd(10)} ${entry.summary}`);
  return `Usage: ninesmith <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "ninesmith <command> --help" for a command's options.\n${EXIT_CODES_HELP}\n`;
}

const isArgumentError = (error: unknown): boolean => typeof (error as { code?: unknown })?.code === 'string' && (error as { code: string }).code.startsWith('ERR_PARSE_ARGS');

/**
 * Runs the command line and returns the exit code. Never calls process.exit and never throws, so
 * tests can run it and CI can trust the code: every way out of a command is mapped to one of EXIT here.
 */
export async function runCli(argv: string[], context: CliContext): Promise<ExitCode> {
  const debug = argv.includes('--debug');
  const [name, ...args] = argv.filter((arg) => arg !== '--debug');
  const say = (text: string) => context.stderr(`${terminalText(text)}\n`);
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    context.stdout(usage());
    return name === undefined ? EXIT.invalid : EXIT.ok;
  }
  const command = COMMANDS.get(name);
  if (!command) {
    say(`ninesmith: unknown command "${name}"`);
    context.stderr(`\n${usage()}`);
    return EXIT.invalid;
  }
  if (args.includes('--help') || args.includes('-h')) {
    context.stdout(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof UsageError || isArgumentError(error)) {
      say(`ninesmith ${name}: ${(error as Error).message}`);
      context.stderr(`\n${command.usage}`);
      return EXIT.invalid;
    }
    if (error instanceof RefusalError) {
      // A refusal may list several lines (files in the way); each is escaped on its own.
      for (const [index, line] of error.message.split('\n').entries()) say(index === 0 ? `ninesmith ${name}: ${line}` : line);
      return EXIT.invalid;
    }
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    say(`ninesmith ${name}: internal error: ${message}`);
    context.stderr(
      debug && error instanceof Error && error.stack
        ? `${error.stack.split('\n').map(terminalText).join('\n')}\n`
        : `This is a bug in Ninesmith, not a problem with your design. Please report it at ${REPORT_URL} with the command you ran and the design file; run again with --debug to add the stack trace.\n`,
    );
    return EXIT.internal;
  }
}
