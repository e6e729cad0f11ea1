import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';

const WFS_DIR = fileURLToPath(new URL('../../fixtures/registers/wfs/', import.meta.url));

export interface MapserverWfs {
  /** The GetFeature URL of the fixture's lokalplaner, without paging parameters. */
  url: string;
  /** The query string of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** MapServer's CGI answer: headers, a blank line, the body. */
function splitCgi(output: Buffer): { type: string; body: Buffer } {
  const text = output.toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const headers = text.slice(0, end);
  const body = output.subarray(end + (text.slice(end, end + 4) === '\r\n\r\n' ? 4 : 2));
  return { type: /^Content-Type:\s*(.*)$/im.exec(headers)?.[1]?.trim() ?? 'application/octet-stream', body };
}

async function listenInTestRange(server: Server): Promise<number> {
  // The ports this session may use (3300–3399); a busy one is skipped.
  for (let port = 3300 + Math.floor(Math.random() * 80); port < 3400; port++) {
    const ok = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (ok) return port;
  }
  throw new Error('no free port in 3300–3399');
}

/**
 * A real WFS 2.0 on loopback: MapServer's `mapserv` run as CGI for each request by a small http server, serving
 * tests/fixtures/registers/wfs/plandata.map. `breakAt` (1-based request numbers) cuts those answers off half-way
 * and drops the connection, as a network would.
 */
export async function startMapserverWfs({ breakAt = [] }: { breakAt?: number[] } = {}): Promise<MapserverWfs> {
  const requests: string[] = [];
  let port = 0;
  const server = createServer((req, res) => {
    const query = (req.url ?? '').split('?')[1] ?? '';
    requests.push(query);
    const number = requests.length;
    const child = spawn('mapserv', [], {
      env: {
        PATH: process.env.PATH,
        MS_MAPFILE: `${WFS_DIR}plandata.map`,
        MAPSERVER_CONFIG_FILE: `${WFS_DIR}mapserver.conf`,
        REQUEST_METHOD: 'GET',
        QUERY_STRING: query,
        SERVER_NAME: '127.0.0.1',
        SERVER_PORT: String(port),
        HTTP_HOST: `127.0.0.1:${port}`,
        SCRIPT_NAME: '/wfs',
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.on('close', () => {
      const { type, body } = splitCgi(Buffer.concat(chunks));
      if (breakAt.includes(number)) {
        res.writeHead(200, { 'content-type': type, 'content-length': String(body.length) });
        res.write(body.subarray(0, body.length >> 1), () => res.destroy());
        return;
      }
      res.writeHead(200, { 'content-type': type }).end(body);
    });
  });
  port = await listenInTestRange(server);
  return {
    url: `http://127.0.0.1:${port}/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=theme_pdk_lokalplan_vedtaget_v`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
