/**
 * Test support for every package that runs tests against the store: which PostgreSQL server to
 * use (or why the tests are skipped), fresh schemas per run, and a TCP proxy that takes the
 * database down and brings it back. Not for production code; published as
 * `@originlink/store/testing`.
 */
export { defaultPostgresTestUrl, postgresTestTarget, type PostgresTestTarget, type PostgresTestTargetOptions } from './postgres-test-url.js';
export { postgresUrlWithSchema, testSchemas, type TestSchemas } from './postgres-test-schemas.js';
export { startTcpProxy, type TcpProxy } from './tcp-proxy.js';
