import { type BenchChild, startChild } from "./child-process";

/** The server in a child process on a freshly seeded SQLite file; stopped after `use`. */
export async function withSeededApp<T>(use: (app: BenchChild<{ url: string }>) => Promise<T>): Promise<T> {
  const app = await startChild<{ url: string }>("app-server.ts");
  try {
    return await use(app);
  } finally {
    await app.stop();
  }
}

/** Ticks counted and the milliseconds they took, as the app child answers them. */
export interface Timed {
  count: number;
  ms: number;
}
