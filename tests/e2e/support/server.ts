import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/** A page served from memory, with its own response headers (e.g. a strict CSP). */
export interface VirtualPage {
  readonly body: string;
  /**
   * Sent after `body` once this resolves, ending the response: the browser parses what came first
   * and waits (the document stays `loading`) until then.
   */
  readonly rest?: { readonly body: string; readonly after: Promise<void> };
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ServeOptions {
  /** Files under this folder are served as they are. */
  readonly root?: string;
  /** Pages by path ("/csp.html"), taking precedence over files. */
  readonly pages?: Readonly<Record<string, VirtualPage>>;
  /** Headers added to every HTML file served from `root`. */
  readonly htmlHeaders?: Readonly<Record<string, string>>;
}

export interface TestServer {
  /** Origin such as http://127.0.0.1:43210 */
  readonly origin: string;
  close(): Promise<void>;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.xhtml': 'application/xhtml+xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves pages on 127.0.0.1 on a free port; nothing outside `root` can be reached. */
export async function serve(options: ServeOptions): Promise<TestServer> {
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const page = options.pages?.[path];
    if (page !== undefined) {
      res.writeHead(200, {
        'content-type': page.contentType ?? 'text/html; charset=utf-8',
        ...page.headers,
      });
      if (page.rest === undefined) {
        res.end(page.body);
        return;
      }
      res.write(page.body);
      await page.rest.after;
      res.end(page.rest.body);
      return;
    }
    if (options.root !== undefined) {
      const file = normalize(join(options.root, path));
      if (file.startsWith(normalize(options.root) + sep)) {
        try {
          const body = await readFile(file);
          const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
          const extra = type.startsWith('text/html') ? options.htmlHeaders : undefined;
          res.writeHead(200, { 'content-type': type, ...extra });
          res.end(body);
          return;
        } catch {
          // fall through to 404
        }
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  };
  const server = createServer((req, res) => {
    void handle(req, res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => {
          done();
        });
      }),
  };
}
