/**
 * A small round-robin load balancer on node:http, as an operator would put in front of the
 * instances (docs/operations.md): it replaces X-Forwarded-For with the client's address (the
 * instances trust one proxy, TRUST_PROXY=1) and says which instance answered in X-Upstream.
 * The "client address" is the test's X-Test-Client header, else a new one per request.
 */
import { randomBytes } from "node:crypto";
import { Agent, createServer, request, type OutgoingHttpHeaders } from "node:http";

export const randomClient = () =>
  `2001:db8:${randomBytes(2).toString("hex")}::${randomBytes(2).toString("hex")}`;

export async function startLoadBalancer(upstreams: string[]) {
  let next = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const server = createServer((req, res) => {
    const index = next++ % upstreams.length;
    const target = new URL(upstreams[index]!);
    const { "x-test-client": client, ...headers } = req.headers;
    const outgoing: OutgoingHttpHeaders = {
      ...headers,
      host: target.host,
      "x-forwarded-for": typeof client === "string" ? client : randomClient(),
    };
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: outgoing,
        agent,
      },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, { ...reply.headers, "x-upstream": String(index) });
        reply.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ detail: "upstream failed", type: "api_error", code: "BAD_GATEWAY" }),
      );
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    base: `http://127.0.0.1:${port}`,
    async close() {
      agent.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
