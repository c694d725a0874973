// Preloaded (--import) by scripts/run-tests.mjs into node's test runner and into the process it
// starts for each test file. In a test file's process it loads nothing itself: it runs the file
// in a child process with tsx and passes its output through, restarting the child if it
// deadlocks while starting.
//
// Why: on Node 20, tsx's module hooks run on a separate thread, and about one start in a hundred
// stops for good before the first module is loaded (the main thread waits on the hooks thread,
// which waits for nothing; measured with `node --import tsx <file>` in a loop). One such start
// used to hang a whole CI run. A process whose main thread has slept on a futex for 10 s and has
// written nothing is that deadlock: it is killed and started again, at most 3 times.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

const self = import.meta.url;
const stuckAfterMs = 10_000;
const pollMs = 250;
const maxStarts = 3;

/** True while the main thread of `pid` sleeps on a futex (Linux; elsewhere never). */
function mainThreadOnFutex(pid) {
  try {
    return readFileSync(`/proc/${pid}/wchan`, 'utf8').includes('futex');
  } catch {
    return false;
  }
}

/** Runs the test file once; resolves with how it ended, or 'stuck' after killing a deadlocked start. */
function runOnce(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ['inherit', 'pipe', 'pipe'] });
    let wrote = false;
    let onFutexSince;
    const forward = (target) => (chunk) => {
      wrote = true;
      target.write(chunk);
    };
    child.stdout.on('data', forward(process.stdout));
    child.stderr.on('data', forward(process.stderr));
    const relay = (signal) => child.kill(signal);
    process.on('SIGTERM', relay).on('SIGINT', relay);
    const watch = setInterval(() => {
      if (wrote) return clearInterval(watch);
      if (!mainThreadOnFutex(child.pid)) onFutexSince = undefined;
      else if ((onFutexSince ??= Date.now()) < Date.now() - stuckAfterMs) {
        clearInterval(watch);
        child.kill('SIGKILL');
        resolve({ stuck: true });
      }
    }, pollMs);
    child.on('close', (code, signal) => {
      clearInterval(watch);
      process.off('SIGTERM', relay).off('SIGINT', relay);
      resolve({ stuck: false, code, signal });
    });
  });
}

if (process.env.NODE_TEST_CONTEXT && !process.env.ORIGINLINK_TEST_CHILD) {
  process.env.ORIGINLINK_TEST_CHILD = '1';
  const execArgv = process.execArgv.filter((a) => a !== `--import=${self}`);
  const args = [...execArgv, '--import', 'tsx', ...process.argv.slice(1)];
  for (let start = 1; ; start++) {
    const ended = await runOnce(args);
    if (ended.stuck && start < maxStarts) {
      process.stderr.write(`test-child: ${process.argv[1]} deadlocked while starting (tsx hooks thread); started again\n`);
      continue;
    }
    if (ended.stuck) {
      process.stderr.write(`test-child: ${process.argv[1]} deadlocked while starting ${maxStarts} times\n`);
      process.exit(1);
    }
    if (ended.signal) process.kill(process.pid, ended.signal);
    process.exit(ended.code ?? 1);
  }
}
