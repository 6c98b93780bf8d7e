/**
 * A small static file server for the browser tests: serves one built site folder on
 * 127.0.0.1 at a random free port, in this process, the way a static host would
 * ("/chapter-1/" is chapter-1/index.html). Nothing else is reachable through it.
 *
 * Like a host serving the site from a sub-path, it can mount the folder under a path
 * prefix ("/brave-new-world/chapter-1/" is chapter-1/index.html; any address outside the
 * prefix is 404), and answer a missing address with the site's 404.html and status 404.
 */
import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".zip": "application/zip",
};

export interface ServeOptions {
  /** Mount the site under this path, e.g. "/brave-new-world/" (default "/"). */
  readonly pathPrefix?: string;
  /** Answer a missing address with this file of the site (e.g. "404.html"), status 404. */
  readonly notFoundPage?: string;
}

export interface StaticServer {
  /** "http://127.0.0.1:PORT", no trailing slash. */
  readonly origin: string;
  /** "127.0.0.1:PORT": the only host a page may request. */
  readonly host: string;
  close(): Promise<void>;
}

export async function serveFolder(root: string, options: ServeOptions = {}): Promise<StaticServer> {
  const base = path.resolve(root);
  const prefix = `/${(options.pathPrefix ?? "/").split("/").filter(Boolean).join("/")}/`.replace(/^\/\/$/, "/");
  const server = http.createServer(async (request, response) => {
    const requested = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405).end();
      return;
    }
    const notFound = async () => {
      const page = options.notFoundPage ? await readFile(path.join(base, options.notFoundPage)).catch(() => undefined) : undefined;
      if (page) response.writeHead(404, { "content-type": TYPES[".html"], "content-length": page.length }).end(request.method === "HEAD" ? undefined : page);
      else response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(`not found: ${requested}\n`);
    };
    if (!requested.startsWith(prefix)) {
      await notFound();
      return;
    }
    const pathname = requested.slice(prefix.length - 1);
    const file = path.join(base, pathname.endsWith("/") ? `${pathname}index.html` : pathname);
    // path.join has already resolved any "..": refuse what lands outside the site.
    if (file !== base && !file.startsWith(base + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream", "content-length": body.length });
      response.end(request.method === "HEAD" ? undefined : body);
    } catch {
      await notFound();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
