import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Paths the API owns: a miss there is a JSON 404, never the console's page. */
const API_PREFIXES = ['/v1/', '/docs', '/openapi.json', '/healthz', '/metrics'];

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

function notFound(req: FastifyRequest, reply: FastifyReply): void {
  void reply.code(404).send({ error: { code: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` } });
}

/**
 * Serves the built console (the Vite output) at `/`: files under `assets/` with long caching,
 * and `index.html` for every other GET that is no API path (client-side routes such as
 * `/matches/m_1`). Without a build, `/` answers 503 with how to build it; the API is unaffected.
 */
export async function serveConsole(app: FastifyInstance, dir: string | undefined): Promise<void> {
  const root = dir ? resolve(dir) : undefined;
  const index = root ? await readFile(join(root, 'index.html')).catch(() => undefined) : undefined;
  const sendIndex = (reply: FastifyReply): void => {
    if (!index) {
      void reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send(`The Warden console is not built${root ? ` (no ${join(root, 'index.html')})` : ''}: run \`npm run build\` (or \`npm ci\`), then restart \`warden serve\`. The API is at /v1, its documentation at /docs.\n`);
      return;
    }
    void reply.headers({ ...SECURITY_HEADERS, 'cache-control': 'no-cache' }).type('text/html; charset=utf-8').send(index);
  };
  app.setNotFoundHandler(async (req, reply) => {
    let path: string;
    try {
      path = decodeURIComponent(req.url.split('?')[0] ?? '/');
    } catch {
      return notFound(req, reply);
    }
    if ((req.method !== 'GET' && req.method !== 'HEAD') || API_PREFIXES.some((p) => path === p.replace(/\/$/, '') || path.startsWith(p))) return notFound(req, reply);
    if (extname(path) !== '') {
      if (!root || !index) return notFound(req, reply);
      const file = normalize(join(root, path));
      if (!file.startsWith(root + sep)) return notFound(req, reply);
      const info = await stat(file).catch(() => undefined);
      if (!info?.isFile()) return notFound(req, reply);
      const immutable = path.startsWith('/assets/');
      return reply
        .headers({ 'x-content-type-options': 'nosniff', 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' })
        .type(TYPES[extname(file)] ?? 'application/octet-stream')
        .send(await readFile(file));
    }
    return sendIndex(reply);
  });
}
