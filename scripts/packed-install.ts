/**
 * The package as a user gets it: `npm pack` (which builds the command line through `prepare`), then
 * the tarball installed into an empty folder with no dev dependencies and no network. Shared by the
 * packed-install test and the command-line bench, so both run what would ship.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface PackedInstall {
  /** The tarball `npm pack` wrote. */
  tarball: string;
  /** The paths inside the tarball, as `npm pack --json` lists them. */
  packedFiles: string[];
  /** The folder the tarball was installed into (it has its own package.json). */
  installDir: string;
  /** node_modules/ninesmith inside installDir. */
  packageDir: string;
  /** node_modules/.bin/ninesmith inside installDir: what `npx ninesmith` runs there. */
  bin: string;
}

/** Runs a command to its end in `cwd`; throws with its output when it fails. */
export function run(command: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/**
 * Packs the checkout into `workDir` and installs the tarball into `workDir/install`. The install is
 * `--offline --omit=dev`: it succeeds only if the tarball needs nothing beyond itself.
 */
export function packAndInstall(workDir: string): PackedInstall {
  mkdirSync(workDir, { recursive: true });
  const packed = run('npm', ['pack', '--json', '--pack-destination', workDir], PACKAGE_ROOT);
  // `prepare` (the CLI build) prints to stdout before npm's JSON.
  const [entry] = JSON.parse(packed.stdout.slice(packed.stdout.search(/^\[/m))) as { filename: string; files: { path: string }[] }[];
  if (!entry) throw new Error(`npm pack printed no package: ${packed.stdout}`);
  const tarball = join(workDir, entry.filename);
  const installDir = join(workDir, 'install');
  installTarball(tarball, installDir);
  const bin = join(installDir, 'node_modules', '.bin', 'ninesmith');
  if (!existsSync(bin)) throw new Error(`the install has no node_modules/.bin/ninesmith`);
  return { tarball, packedFiles: entry.files.map((file) => file.path).sort(), installDir, packageDir: join(installDir, 'node_modules', 'ninesmith'), bin };
}

/**
 * Installs a packed tarball into `installDir` (created if needed), as a user installs it: without
 * dev dependencies and offline, so the install succeeds only if the tarball needs nothing beyond itself.
 */
export function installTarball(tarball: string, installDir: string): void {
  mkdirSync(installDir, { recursive: true });
  // Its own package.json, so npm installs here and not into a project further up.
  writeFileSync(join(installDir, 'package.json'), `${JSON.stringify({ name: 'ninesmith-packed-install', private: true }, null, 2)}\n`);
  run('npm', ['install', '--omit=dev', '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], installDir);
}
