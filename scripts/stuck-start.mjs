// Detects a process that deadlocked while starting under tsx on Node 20: tsx's module hooks run
// on a separate thread, and about one start in a hundred stops for good before the first module
// is loaded (the main thread waits on the hooks thread, which waits for nothing). Such a process
// has its main thread asleep on a futex, where a live node process sleeps in epoll_wait.
// Used by test-child.mjs (each test file) and run-ts.mjs (npm start, npm run originlink).
import { readFileSync } from 'node:fs';

export const stuckAfterMs = 10_000;
export const maxStarts = 3;

/** True while the main thread of `pid` sleeps on a futex (Linux; elsewhere never). */
export function mainThreadOnFutex(pid) {
  try {
    return readFileSync(`/proc/${pid}/wchan`, 'utf8').includes('futex');
  } catch {
    return false;
  }
}

/** CPU seconds `pid` has used (Linux; elsewhere Infinity, which never looks like a stuck start). */
export function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Infinity;
  }
}

/**
 * Calls `onStuck` once `child`'s main thread has slept on a futex for stuckAfterMs while
 * `starting()` holds (the child has not yet shown signs of life). Returns a function that stops watching.
 */
export function watchStart(child, starting, onStuck) {
  let since;
  const timer = setInterval(() => {
    if (!starting()) return clearInterval(timer);
    if (!mainThreadOnFutex(child.pid)) since = undefined;
    else if ((since ??= Date.now()) < Date.now() - stuckAfterMs) {
      clearInterval(timer);
      child.kill('SIGKILL');
      onStuck();
    }
  }, 250);
  timer.unref();
  return () => clearInterval(timer);
}
