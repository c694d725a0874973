// Preloaded (--import) by scripts/run-tests.mjs into node's test runner and into the process it
// starts for each test file. In a test file's process it loads nothing itself: it runs the file
// in a child process with tsx and passes its output through, restarting the child, up to 3
// starts, if it deadlocks while starting (stuck-start.mjs): one such start used to hang a whole
// CI run. Only a child that has written nothing is restarted, so no test result is reported twice.
import { spawn } from 'node:child_process';
import { maxStarts, watchStart } from './stuck-start.mjs';

/** Runs the test file once; resolves with how it ended, or { stuck } after killing a deadlocked start. */
function runOnce(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['inherit', 'pipe', 'pipe'] });
    let wrote = false;
    let stuck = false;
    const forward = (target) => (chunk) => {
      wrote = true;
      target.write(chunk);
    };
    child.stdout.on('data', forward(process.stdout));
    child.stderr.on('data', forward(process.stderr));
    const relay = (signal) => child.kill(signal);
    process.on('SIGTERM', relay).on('SIGINT', relay);
    const stopWatching = watchStart(child, () => !wrote, () => (stuck = true));
    child.on('close', (code, signal) => {
      stopWatching();
      process.off('SIGTERM', relay).off('SIGINT', relay);
      resolve({ stuck, code, signal });
    });
  });
}

if (process.env.NODE_TEST_CONTEXT && !process.env.ORIGINLINK_TEST_CHILD) {
  process.env.ORIGINLINK_TEST_CHILD = '1';
  const execArgv = process.execArgv.filter((a) => a !== `--import=${import.meta.url}`);
  const args = [...execArgv, '--import', 'tsx', ...process.argv.slice(1)];
  for (let start = 1; ; start++) {
    const ended = await runOnce(args);
    if (ended.stuck && start < maxStarts) {
      process.stderr.write(`test-child: ${process.argv[1]} deadlocked while starting (tsx hooks thread); started again\n`);
      continue;
    }
    if (ended.stuck) process.stderr.write(`test-child: ${process.argv[1]} deadlocked while starting ${maxStarts} times\n`);
    if (ended.signal) process.kill(process.pid, ended.signal);
    process.exit(ended.code ?? 1);
  }
}
