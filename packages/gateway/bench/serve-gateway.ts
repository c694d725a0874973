/**
 * A gateway process for the push benchmark: runs `runServer` on a configuration file (what
 * `originlink serve` does) until SIGTERM, then drains and exits 0. The gateway package cannot
 * depend on the CLI, hence this small entry point.
 *   node --conditions=originlink-source --import tsx packages/gateway/bench/serve-gateway.ts <config.yaml> [profile.cpuprofile]
 * With a profile path, SIGUSR2 starts the V8 CPU profiler (through node:inspector, so start-up and
 * warm-up stay out of the profile) and the timing of SQL statements; SIGTERM writes both (the
 * timings to <profile>.sql.json) before draining.
 */
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { runServer } from '../src/index.js';
import { takeSqlTimings, timeSqlStatements } from './sql-timing.js';

const [configPath, profilePath] = process.argv.slice(2);
if (!configPath) {
  console.error('usage: serve-gateway.ts <config.yaml> [profile.cpuprofile]');
  process.exit(2);
}
if (profilePath) timeSqlStatements();
const server = await runServer({ configPath, env: process.env });
let profiler: Session | undefined;
if (profilePath) {
  process.on('SIGUSR2', () => {
    if (profiler) return;
    const session = new Session();
    session.connect();
    profiler = session;
    void (async () => {
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 500 });
      await session.post('Profiler.start');
      takeSqlTimings();
      console.log('profiling');
    })();
  });
}
console.log(`ready ${server.url}`);
const stop = async (): Promise<void> => {
  if (profiler && profilePath) {
    const { profile } = await profiler.post('Profiler.stop');
    await writeFile(profilePath, JSON.stringify(profile));
    await writeFile(`${profilePath}.sql.json`, JSON.stringify(takeSqlTimings()));
    profiler.disconnect();
  }
  await server.close();
};
const onSignal = (): void => {
  stop().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
};
process.once('SIGTERM', onSignal);
process.once('SIGINT', onSignal);
