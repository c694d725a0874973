#!/usr/bin/env node
// Runs a TypeScript entry point from source with tsx (`npm start`, `npm run originlink`), and
// starts it again if it deadlocks while starting (stuck-start.mjs), up to 3 starts: a start that
// has used under a second of CPU and whose main thread has slept on a futex for 10 s. The terminal
// is the child's own (stdio inherited); SIGTERM is passed on (Ctrl-C reaches it from the terminal).
// Usage: node scripts/run-ts.mjs <file.ts> [args...]
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { cpuSeconds, maxStarts, watchStart } from './stuck-start.mjs';

const [entry, ...rest] = process.argv.slice(2);
if (!entry) {
  process.stderr.write('usage: node scripts/run-ts.mjs <file.ts> [args...]\n');
  process.exit(2);
}
process.on('SIGINT', () => {}); // the terminal sends it to the child as well

for (let start = 1; ; start++) {
  const ended = await new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=originlink-source', '--import', 'tsx', entry, ...rest], { stdio: 'inherit' });
    let stuck = false;
    const relay = () => child.kill('SIGTERM');
    process.on('SIGTERM', relay);
    const stopWatching = watchStart(child, () => cpuSeconds(child.pid) < 1, () => (stuck = true));
    child.on('close', (code, signal) => {
      stopWatching();
      process.off('SIGTERM', relay);
      resolve({ stuck, code, signal });
    });
  });
  if (ended.stuck && start < maxStarts) {
    process.stderr.write(`(${entry} deadlocked while starting under tsx; starting it again)\n`);
    continue;
  }
  process.exit(ended.signal ? 128 + (constants.signals[ended.signal] ?? 0) : (ended.code ?? 1));
}
