import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { freePort } from "./spawn-node";
import { waitFor } from "./wait-for";

const run = promisify(execFile);
export const REDIS_SERVER = "/usr/bin/redis-server";

/** A redis-server of a test's own (own port, no persistence), to kill and restart at will. */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  private constructor(readonly port: number) {}

  static available(): boolean {
    return existsSync(REDIS_SERVER);
  }

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.launch();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** redis-cli against this server; returns its output. */
  async cli(...args: string[]): Promise<string> {
    const { stdout } = await run("redis-cli", ["-p", String(this.port), ...args]);
    return stdout.trim();
  }

  /** Stops the server (every connection drops) and starts it again, empty, on the same port. */
  async restart(): Promise<void> {
    await this.halt();
    await this.launch();
  }

  async stop(): Promise<void> {
    await this.halt();
  }

  private async launch(): Promise<void> {
    this.child = spawn(
      REDIS_SERVER,
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    await waitFor("redis-server to answer", async () => (await this.cli("PING").catch(() => "")) === "PONG", {
      timeoutMs: 20_000,
    });
  }

  private async halt(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  }
}
