/**
 * Throw-away certificates for the mutual-TLS tests, made with the `openssl` command: a CA, and
 * leaf certificates it signs for 127.0.0.1 usable as server and as client (a gateway presents the
 * same certificate both ways). P-256 keys, valid for two days.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ecKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

/** The openssl binary (OPENSSL, else /usr/bin/openssl, else the PATH); fails with a clear message when absent. */
export async function findOpenssl(): Promise<string> {
  const candidates = [process.env['OPENSSL'], '/usr/bin/openssl', '/usr/local/bin/openssl'].filter((c): c is string => !!c);
  for (const c of candidates) {
    try {
      await access(c);
      return c;
    } catch {
      /* try the next one */
    }
  }
  try {
    await run('openssl', ['version']);
    return 'openssl';
  } catch {
    throw new Error('the mutual-TLS tests need the openssl command (looked for $OPENSSL, /usr/bin/openssl, /usr/local/bin/openssl and openssl on the PATH); install it, e.g. apt-get install openssl');
  }
}

export interface Pem {
  readonly cert: string;
  readonly key: string;
}

export interface TestCa extends Pem {
  readonly dir: string;
  /** A leaf certificate for `commonName`, valid for 127.0.0.1 and localhost, for server and client authentication. */
  issue(commonName: string): Promise<Pem>;
}

export async function createTestCa(dir: string, name: string): Promise<TestCa> {
  const openssl = await findOpenssl();
  await mkdir(dir, { recursive: true });
  const caKey = join(dir, 'ca.key');
  const caCert = join(dir, 'ca.crt');
  await run(openssl, ['req', '-x509', ...ecKey, '-keyout', caKey, '-out', caCert, '-days', '2', '-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  const extensions = join(dir, 'leaf.ext');
  await writeFile(extensions, 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth,clientAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n');
  return {
    dir,
    cert: await readFile(caCert, 'utf8'),
    key: await readFile(caKey, 'utf8'),
    async issue(commonName) {
      const base = join(dir, commonName.replace(/[^A-Za-z0-9-]/g, '_'));
      await run(openssl, ['req', '-new', ...ecKey, '-keyout', `${base}.key`, '-out', `${base}.csr`, '-subj', `/CN=${commonName}`]);
      await run(openssl, ['x509', '-req', '-in', `${base}.csr`, '-CA', caCert, '-CAkey', caKey, '-set_serial', `0x${randomBytes(8).toString('hex')}`, '-days', '2', '-extfile', extensions, '-out', `${base}.crt`]);
      return { cert: await readFile(`${base}.crt`, 'utf8'), key: await readFile(`${base}.key`, 'utf8') };
    },
  };
}
