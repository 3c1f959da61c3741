#!/usr/bin/env node
// Finds a Chromium for the Playwright tests: $CHROMIUM_PATH, then the system's chromium.
// When none is there and we are root on Debian, installs Debian's chromium (Playwright's own
// browser download does not work on machines without internet access). Otherwise stops with a
// message that says how to get one. Prints the path it settled on.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  return CANDIDATES.find((candidate) => existsSync(candidate));
}

function tryInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!isRoot || !hasApt) return false;
  console.log('ensure-chromium: no Chromium found; installing Debian\'s chromium with apt-get ...');
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return true;
  } catch (error) {
    console.error(`ensure-chromium: apt-get failed: ${error.message}`);
    return false;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  let path = findChromium();
  if (!path && tryInstall()) path = findChromium();
  if (!path) {
    console.error(
      [
        'ensure-chromium: the end-to-end tests need Chromium and none was found.',
        '  On Debian or Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
        '  Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/chrome',
      ].join('\n'),
    );
    process.exit(1);
  }
  console.log(`ensure-chromium: using ${path}`);
}
