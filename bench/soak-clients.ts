// The soak's viewers, in a process of their own so their CPU is not the server's: N
// Socket.IO clients, each subscribed to every symbol and keeping it gapless with resume.
// Driven by bench/soak.ts over IPC: "report" -> cumulative totals, "finish" -> catch up.
import { type ClientStats, ResumingClient, emptyStats } from "../test/integration/robustness/resuming-client";

export interface SoakClientsOptions {
  url: string;
  clients: number;
  symbols: string[];
}

export type ToClients = { type: "report" } | { type: "finish"; targets: Record<string, number> };

export interface ClientTotals extends ClientStats {
  connected: number;
  /** This process's CPU time so far, user + system. */
  cpuMicros: number;
}

export type FromClients =
  | { type: "ready"; ms: number }
  | { type: "totals"; totals: ClientTotals }
  | { type: "final"; totals: ClientTotals; behind: number; refusedResumes: number };

// All clients share one address: connecting them in small groups, and pacing the final
// resumes, keeps them under the server's per-address event budget (200/s).
const GROUP = 20;
const GROUP_EVERY_MS = 250;
const RESUME_EVERY_MS = 8;

const options = JSON.parse(process.argv[2] ?? "{}") as SoakClientsOptions;
const send = (message: FromClients) => process.send?.(message);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const clients: ResumingClient[] = [];
const started = performance.now();
const ready: Promise<void>[] = [];
for (let i = 0; i < options.clients; i++) {
  const client = new ResumingClient(options.url, options.symbols, { keepTicks: false });
  clients.push(client);
  ready.push(client.start());
  if (i % GROUP === GROUP - 1) await sleep(GROUP_EVERY_MS);
}
await Promise.all(ready);
send({ type: "ready", ms: performance.now() - started });

function totals(): ClientTotals {
  const { user, system } = process.cpuUsage();
  const sum: ClientTotals = { ...emptyStats(), connected: 0, cpuMicros: user + system };
  for (const client of clients) {
    for (const key of Object.keys(client.stats) as (keyof ClientStats)[]) sum[key] += client.stats[key];
    if (client.socket.connected) sum.connected += 1;
  }
  return sum;
}

/** Every client resumes every symbol to the end; how many still lack a target seq after. */
async function finish(targets: Record<string, number>): Promise<{ behind: number; refusedResumes: number }> {
  let behind = 0;
  let refusedResumes = 0;
  for (const client of clients) {
    for (const [symbol, target] of Object.entries(targets)) {
      for (let attempt = 0; ; attempt++) {
        try {
          await sleep(RESUME_EVERY_MS);
          await client.resumeToEnd(symbol);
          break;
        } catch {
          // Refused (the shared address's budget) or timed out: wait and ask again.
          refusedResumes += 1;
          if (attempt > 50) break;
          await sleep(200);
        }
      }
      if ((client.range(symbol)?.last ?? 0) < target) behind += 1;
    }
  }
  return { behind, refusedResumes };
}

process.on("message", (message: ToClients) => {
  if (message.type === "report") send({ type: "totals", totals: totals() });
  if (message.type === "finish") {
    void finish(message.targets).then(({ behind, refusedResumes }) => {
      send({ type: "final", totals: totals(), behind, refusedResumes });
      for (const client of clients) client.close();
      process.disconnect?.();
    });
  }
});
