import net from "node:net";

/** The first port in [from, to] nothing listens on at 127.0.0.1; throws when all are taken. */
export async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port in ${from}-${to}`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}
