/**
 * An HTTP proxy in front of a partner gateway, for the several-instances test: it counts every
 * message POSTed to the partner API by envelope id (so the test sees how many times each message
 * was sent, whichever instance sent it), and on demand holds the partner's answers back (the
 * partner has stored the message, the sender has no receipt yet) to keep deliveries in flight.
 */
import { Agent, createServer, request, type IncomingHttpHeaders } from 'node:http';

export interface HoldingProxy {
  /** Where senders reach the partner (pin the partner at this URL). */
  readonly url: string;
  /** POSTs to /partner/v1/messages so far, by envelope id. */
  posts(): ReadonlyMap<string, number>;
  /** From now on, answers are withheld until release(). */
  hold(): void;
  /** Sends the withheld answers (to senders still connected) and stops holding. */
  release(): void;
  /** Answers withheld right now. */
  held(): number;
  close(): Promise<void>;
}

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'content-length']);
const endToEnd = (headers: IncomingHttpHeaders): Record<string, string | string[]> =>
  Object.fromEntries(Object.entries(headers).filter((e): e is [string, string | string[]] => e[1] !== undefined && !hopByHop.has(e[0])));

/** Starts a proxy to `target` (http://host:port) on a free port of 127.0.0.1. */
export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const posts = new Map<string, number>();
  let holding = false;
  let withheld: (() => void)[] = [];
  const forward = (method: string, path: string, headers: IncomingHttpHeaders, body: Buffer): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = request(new URL(path, target), { method, headers: { ...endToEnd(headers), 'content-length': String(body.length) }, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (req.method === 'POST' && req.url?.endsWith('/partner/v1/messages')) {
        let id = '(unreadable)';
        try {
          id = String((JSON.parse(body.toString('utf8')) as { envelope?: { id?: unknown } }).envelope?.id);
        } catch {
          /* counted as unreadable */
        }
        posts.set(id, (posts.get(id) ?? 0) + 1);
      }
      forward(req.method ?? 'GET', req.url ?? '/', req.headers, body).then(
        (answer) => {
          const send = (): void => {
            if (res.destroyed) return;
            res.writeHead(answer.status, { ...endToEnd(answer.headers), 'content-length': String(answer.body.length) }).end(answer.body);
          };
          if (holding) withheld.push(send);
          else send();
        },
        () => res.destroy(),
      );
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen({ host: '127.0.0.1', port: 0 }, resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the proxy has no TCP address');
  const release = (): void => {
    holding = false;
    const sends = withheld;
    withheld = [];
    for (const send of sends) send();
  };
  return {
    url: `http://127.0.0.1:${address.port}`,
    posts: () => posts,
    hold: () => void (holding = true),
    release,
    held: () => withheld.length,
    async close() {
      release();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
}
