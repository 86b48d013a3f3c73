import { type Socket, io } from "socket.io-client";
import type { ClientToServerEvents, ReplayClock, ServerToClientEvents } from "../contract/events";
import { BENCHMARK } from "../domain/instruments";
import { kstTime } from "../domain/market/kst";
import { type BenchResult, median, result, trace } from "./harness";
import { type Timed, withSeededApp } from "./seeded-app";

// One trading day of the benchmark index in the seeded history: 23,400 one-second ticks.
const DAY = "2025-10-21";
const RANGE = { symbol: BENCHMARK, from: kstTime(DAY, 9), to: kstTime(DAY, 15, 30) };
const ACK_MS = 30_000;

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** "As fast as possible" replay of a day to one client against reading the same ticks from the store. */
export async function benchReplay(quick: boolean): Promise<BenchResult[]> {
  const runs = quick ? 3 : 5;
  return withSeededApp(async (app) => {
    const client: Client = io(app.info.url, { transports: ["websocket"], reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => {
        client.once("connect", resolve);
        client.once("connect_error", reject);
      });
      const replays: Timed[] = [];
      const reads: Timed[] = [];
      // Alternating, so both sides see the same state of the machine.
      for (let run = 0; run <= runs; run++) {
        const read = await app.request<Timed>("readBack", RANGE);
        const replay = await replayOnce(client);
        if (replay.count !== read.count)
          throw new Error(`replay delivered ${replay.count} ticks, the store holds ${read.count}`);
        trace(
          `replay run ${run}: replay ${replay.count} in ${replay.ms.toFixed(0)} ms, read-back in ${read.ms.toFixed(0)} ms`,
        );
        // Run 0 warms both paths up (JIT, SQLite page cache) and is not counted.
        if (run > 0) {
          replays.push(replay);
          reads.push(read);
        }
      }
      const count = replays[0]!.count;
      const rate = (t: Timed) => (t.count * 1000) / t.ms;
      return [
        result(
          `replay "max" to one socket.io client (${BENCHMARK} ${DAY}, ${count.toLocaleString("en-US")} ticks, × ${runs})`,
          median(replays.map(rate)),
          "ticks/s",
          { name: "read-back through the store (find, keyset pages of 10k)", value: median(reads.map(rate)) },
        ),
      ];
    } finally {
      client.close();
    }
  });
}

// From `replay:start` to the `ended` clock, counting the ticks that arrived.
async function replayOnce(client: Client): Promise<Timed> {
  let count = 0;
  const onTicks = ({ ticks }: { ticks: unknown[] }) => (count += ticks.length);
  let onClock: (clock: ReplayClock) => void = () => {};
  const ended = new Promise<void>((resolve) => {
    onClock = (clock) => clock.state === "ended" && resolve();
  });
  client.on("replay:ticks", onTicks);
  client.on("replay:clock", onClock);
  try {
    const started = performance.now();
    const answer = await client
      .timeout(ACK_MS)
      .emitWithAck("replay:start", { symbols: [RANGE.symbol], from: RANGE.from, to: RANGE.to, speed: "max" });
    if (!answer.ok) throw new Error(`replay:start refused: ${answer.error.message}`);
    await Promise.race([
      ended,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error("replay did not end within 2 minutes")), 120_000).unref(),
      ),
    ]);
    const ms = performance.now() - started;
    await client.timeout(ACK_MS).emitWithAck("replay:stop", { replayId: answer.replayId });
    return { count, ms };
  } finally {
    client.off("replay:ticks", onTicks);
    client.off("replay:clock", onClock);
  }
}
