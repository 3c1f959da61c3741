// Preloaded (NODE_OPTIONS=--import=...) into the processes a bench runs (bench/harness.ts,
// runProcess): as each Node process exits, it appends its own CPU time and peak memory to the file
// NINESMITH_BENCH_USAGE names. The parent cannot read a child's resource usage from spawnSync.
import { appendFileSync } from 'node:fs';

const file = process.env.NINESMITH_BENCH_USAGE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(file, `${JSON.stringify({ pid: process.pid, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS })}\n`);
  });
}
