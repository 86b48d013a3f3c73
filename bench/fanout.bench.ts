import { BENCHMARK } from "../domain/instruments";
import { type BenchChild, startChild } from "./child-process";
import type { ClientReport } from "./children/fanout-clients";
import { type LoadReport, planLoad } from "./children/offered-load";
import { type BenchResult, median, result, trace } from "./harness";

const SYMBOLS = ["005380.KS", "000270.KS", BENCHMARK];
const RATE = 1_000;
// Viewers in a process of their own that is otherwise idle: their latency is what a viewer
// sees, without the queue of a process parsing for a thousand others. `clients` must be a
// multiple of it.
const PROBES = 10;
const WARM_UP_MS = 1_000;
// A process at or above this share of one core is the bottleneck of the run.
const SATURATED_CPU = 90;

type Kind = "socket.io" | "ws";

interface Side {
  kind: Kind;
  server: BenchChild<{ url: string }>;
  crowd: BenchChild<object>;
  probes: BenchChild<object>;
  samples: Figures[];
}

interface Figures {
  delivered: number;
  published: number;
  p50: number;
  p99: number;
  crowdP99: number;
  serverCpu: number;
  crowdCpu: number;
  disconnects: number;
}

/**
 * Live fan-out: the server in one process publishing RATE ticks/s; `clients` viewers, all
 * subscribed to the three symbols, in other processes (the crowd, and PROBES viewers alone).
 * Socket.IO (the app: tick bus, store, one emit per room per 50 ms batch) against a bare
 * `ws` server sending one message per tick.
 */
export async function benchFanout(quick: boolean): Promise<BenchResult[]> {
  // `--quick` keeps the clients (the ratio and the p99 depend on them) and shortens the runs.
  const clients = 1_000;
  const windowMs = quick ? 4_000 : 10_000;
  const runs = quick ? 1 : 3;
  const started: BenchChild<unknown>[] = [];
  const track = async <T extends BenchChild<unknown>>(child: Promise<T>) => {
    const ready = await child;
    started.push(ready);
    return ready;
  };
  let sides: Side[];
  try {
    sides = await Promise.all(
      (["socket.io", "ws"] as const).map(async (kind): Promise<Side> => {
        const [server, crowd, probes] = await Promise.all([
          track(startChild<{ url: string }>(kind === "ws" ? "ws-server.ts" : "app-server.ts")),
          track(startChild<object>("fanout-clients.ts")),
          track(startChild<object>("fanout-clients.ts")),
        ]);
        // A room sends to its sockets in the order they joined: one probe after every
        // (clients / PROBES − 1) of the crowd, so the probes sample the whole send loop.
        const connect = { kind, url: server.info.url, symbols: SYMBOLS };
        const stride = clients / PROBES;
        for (let i = 0; i < PROBES; i++) {
          await crowd.request("connect", { ...connect, count: stride - 1, firstAddress: i * stride });
          await probes.request("connect", { ...connect, count: 1, firstAddress: i * stride + stride - 1 });
        }
        trace(`fan-out: ${kind} server up, ${clients} clients connected`);
        return { kind, server, crowd, probes, samples: [] };
      }),
    );
    // Both set-ups stay connected and the runs alternate, so a busy moment on the machine
    // does not fall on one side only.
    for (let run = 0; run < runs; run++) {
      for (const side of sides) {
        side.samples.push(await measureOnce(side, windowMs));
        trace(`fan-out: ${side.kind} run ${run + 1}: ${JSON.stringify(side.samples.at(-1))}`);
      }
    }
  } finally {
    await Promise.all(started.map((child) => child.stop()));
  }

  const [sio, raw] = sides.map(summarize) as [Figures, Figures];
  const offered = `${RATE.toLocaleString("en-US")} ticks/s offered over ${SYMBOLS.length} symbols`;
  const crowd = `${clients - PROBES} clients in one process`;
  return [
    result(
      `fan-out: ticks delivered/s to ${clients} socket.io clients, ${offered}, ${windowMs / 1000} s × ${runs}${notes(sio)}`,
      sio.delivered,
      "ticks/s",
      { name: `raw ws, one message per tick${notes(raw)}`, value: raw.delivered },
    ),
    result(
      `fan-out latency p50, publish → receipt at ${PROBES} probe viewers (socket.io, incl. the 50 ms batch window)`,
      sio.p50,
      "ms",
      {
        name: "raw ws p50",
        value: raw.p50,
      },
    ),
    result(`fan-out latency p99 at the probe viewers (socket.io)`, sio.p99, "ms", {
      name: "raw ws p99",
      value: raw.p99,
    }),
    result(`fan-out latency p99 over the ${crowd} (socket.io, incl. that process's own queue)`, sio.crowdP99, "ms", {
      name: "raw ws p99",
      value: raw.crowdP99,
    }),
    result("fan-out server CPU (socket.io app process)", sio.serverCpu, "% of a core", {
      name: "raw ws server",
      value: raw.serverCpu,
    }),
    result(`fan-out client CPU (${crowd}, socket.io-client)`, sio.crowdCpu, "% of a core", {
      name: "ws clients",
      value: raw.crowdCpu,
    }),
  ];
}

async function measureOnce({ kind, server, crowd, probes }: Side, windowMs: number): Promise<Figures> {
  // Absolute times: every child reads the same clock.
  const plan = planLoad({ rate: RATE, symbols: SYMBOLS, leadMs: 200, warmUpMs: WARM_UP_MS, windowMs: windowMs });
  const window = { from: plan.measureFrom, to: plan.measureTo };
  const [load, many, few] = await Promise.all([
    server.request<LoadReport>("publish", plan),
    crowd.request<ClientReport>("measure", window),
    probes.request<ClientReport>("measure", window),
  ]);
  trace(
    `fan-out: ${kind} server ${JSON.stringify(load)}, crowd ${JSON.stringify(many)}, probes ${JSON.stringify(few)}`,
  );
  if (few.p50 === null || few.p99 === null || many.p99 === null)
    throw new Error(`${kind}: no tick reached the clients`);
  return {
    delivered: many.delivered + few.delivered,
    published: load.published,
    p50: few.p50,
    p99: few.p99,
    crowdP99: many.p99,
    serverCpu: load.cpu ?? 0,
    crowdCpu: many.cpu ?? 0,
    disconnects: many.disconnects + few.disconnects,
  };
}

function summarize({ samples }: Side): Figures {
  const mid = (pick: (f: Figures) => number) => median(samples.map(pick));
  return {
    delivered: mid((f) => f.delivered),
    published: mid((f) => f.published),
    p50: mid((f) => f.p50),
    p99: mid((f) => f.p99),
    crowdP99: mid((f) => f.crowdP99),
    serverCpu: mid((f) => f.serverCpu),
    crowdCpu: mid((f) => f.crowdCpu),
    disconnects: samples.reduce((n, f) => n + f.disconnects, 0),
  };
}

// Says which process held the run back, so a ratio is never read as the server's alone.
function notes(f: Figures): string {
  const said: string[] = [];
  if (f.published < RATE * 0.95) {
    // Falling behind while using less than a core means other processes had the CPU.
    const why = f.serverCpu >= SATURATED_CPU ? "saturated" : "starved by other processes";
    said.push(
      `server published only ${Math.round(f.published).toLocaleString("en-US")} ticks/s, ${why} at ${Math.round(f.serverCpu)}% CPU`,
    );
  } else if (f.serverCpu >= SATURATED_CPU) said.push(`server saturated, ${Math.round(f.serverCpu)}% CPU`);
  if (f.crowdCpu >= SATURATED_CPU) said.push(`client process saturated, ${Math.round(f.crowdCpu)}% CPU`);
  if (f.disconnects > 0) said.push(`${f.disconnects} disconnects`);
  return said.length ? ` [${said.join("; ")}]` : "";
}
