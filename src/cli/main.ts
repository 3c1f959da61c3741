import { EXIT, UsageError, type CliContext, type Command } from './context';
import { validateCommand, validateUsage } from './commands/validate';
import { costCommand, costUsage } from './commands/cost';
import { exportCommand, exportUsage } from './commands/export';
import { compareCommand, compareUsage } from './commands/compare';
import { diagramCommand, diagramUsage } from './commands/diagram';

interface CommandEntry {
  run: Command;
  usage: string;
  summary: string;
}

/** The commands of docs/cli.md. Each lives in its own file under commands/. */
const COMMANDS: Record<string, CommandEntry> = {
  validate: { run: validateCommand, usage: validateUsage, summary: 'check a design: schema, rules, availability, recovery' },
  cost: { run: costCommand, usage: costUsage, summary: 'estimate monthly and yearly cost per layer, region and component' },
  compare: { run: compareCommand, usage: compareUsage, summary: 'two to four designs side by side: cost, availability, recovery, cost per nine' },
  export: { run: exportCommand, usage: exportUsage, summary: 'write Terraform, Helm values and runbooks for a design' },
  diagram: { run: diagramCommand, usage: diagramUsage, summary: 'draw the design as SVG, PNG or a draw.io file' },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, entry]) => `  ${name.padEnd(10)} ${entry.summary}`);
  return `Usage: ninesmith <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "ninesmith <command> --help" for a command's options.\n`;
}

/** Runs the command line and returns the exit code. Never calls process.exit, so tests can run it. */
export async function runCli(argv: string[], context: CliContext): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    context.stdout(usage());
    return name === undefined ? EXIT.invalid : EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    context.stderr(`ninesmith: unknown command "${name}"\n\n${usage()}`);
    return EXIT.invalid;
  }
  if (args.includes('--help') || args.includes('-h')) {
    context.stdout(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      context.stderr(`ninesmith ${name}: ${(error as Error).message}\n\n${command.usage}`);
      return EXIT.invalid;
    }
    throw error;
  }
}
