import { terminalText } from '../model';
import { EXIT, RefusalError, UsageError, type CliContext, type Command, type ExitCode } from './context';

interface LoadedCommand {
  run: Command;
  usage: string;
}

interface CommandEntry {
  summary: string;
  /**
   * The command's own module, loaded only when it runs: a process runs one command, and the others'
   * code (the PDF and Word writers, the PNG renderer, the Terraform parser) would only slow its start.
   */
  load: () => Promise<LoadedCommand>;
}

/** The commands of docs/cli.md. Each lives in its own file under commands/. A Map: `constructor` is no command. */
const COMMANDS: ReadonlyMap<string, CommandEntry> = new Map([
  ['validate', { summary: 'check a design: schema, rules, availability, recovery', load: () => import('./commands/validate').then((m) => ({ run: m.validateCommand, usage: m.validateUsage })) }],
  ['cost', { summary: 'estimate monthly and yearly cost per layer, region and component', load: () => import('./commands/cost').then((m) => ({ run: m.costCommand, usage: m.costUsage })) }],
  ['compare', { summary: 'two to four designs side by side: cost, availability, recovery, cost per nine', load: () => import('./commands/compare').then((m) => ({ run: m.compareCommand, usage: m.compareUsage })) }],
  ['export', { summary: 'write Terraform, Helm values and runbooks for a design', load: () => import('./commands/export').then((m) => ({ run: m.exportCommand, usage: m.exportUsage })) }],
  ['diagram', { summary: 'draw the design as SVG, PNG or a draw.io file', load: () => import('./commands/diagram').then((m) => ({ run: m.diagramCommand, usage: m.diagramUsage })) }],
  ['prices', { summary: 'import your own price book: official price lists or negotiated rates', load: () => import('./commands/prices').then((m) => ({ run: m.pricesCommand, usage: m.pricesUsage })) }],
  ['import', { summary: 'a design from Terraform (folder, .tf files or terraform show -json), every guess listed', load: () => import('./commands/import').then((m) => ({ run: m.importCommand, usage: m.importUsage })) }],
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
  const entry = COMMANDS.get(name);
  if (!entry) {
    say(`ninesmith: unknown command "${name}"`);
    context.stderr(`\n${usage()}`);
    return EXIT.invalid;
  }
  let command: LoadedCommand | undefined;
  try {
    command = await entry.load();
    if (args.includes('--help') || args.includes('-h')) {
      context.stdout(command.usage);
      return EXIT.ok;
    }
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof UsageError || isArgumentError(error)) {
      say(`ninesmith ${name}: ${(error as Error).message}`);
      if (command) context.stderr(`\n${command.usage}`);
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
