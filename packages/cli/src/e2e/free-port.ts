/**
 * Free TCP ports for gateways started as separate processes: they cannot listen on port 0 and
 * tell the test which port they got before their configuration (publicUrl) is written, so a probe
 * socket binds port 0 first and the port it got is handed to the gateway.
 */
import { createServer } from 'node:net';

/** Ports the OS reports free on 127.0.0.1 (all probes are held open together, so they differ). */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, () =>
      new Promise<ReturnType<typeof createServer>>((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen({ host: '127.0.0.1', port: 0, exclusive: true }, () => resolve(server));
      }),
    ),
  );
  const ports = servers.map((s) => {
    const address = s.address();
    if (address === null || typeof address === 'string') throw new Error('probe socket has no TCP address');
    return address.port;
  });
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  return ports;
}
