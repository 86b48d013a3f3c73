import { execFile } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { chown, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { freePort } from "./spawn-node";

const run = promisify(execFile);

/** The directory of PostgreSQL's server binaries on this machine (Debian layout), or null. */
export function postgresBinaries(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

/**
 * A PostgreSQL server of a test's own (initdb in a temp directory, its own port), so a
 * test can kill its backends and restart it without touching the machine's shared one.
 * As root, the server runs as the `postgres` user (PostgreSQL refuses to run as root).
 */
export class PrivatePostgres {
  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    readonly port: number,
    private readonly asUser: string | null,
  ) {}

  static async start(): Promise<PrivatePostgres> {
    const bin = postgresBinaries();
    if (!bin) throw new Error("no PostgreSQL binaries under /usr/lib/postgresql");
    const dir = await mkdtemp(path.join(os.tmpdir(), "aftershock-pg-"));
    const asUser = process.getuid?.() === 0 ? "postgres" : null;
    if (asUser) {
      const { stdout } = await run("id", ["-u", asUser]);
      const { stdout: gid } = await run("id", ["-g", asUser]);
      await chown(dir, Number(stdout.trim()), Number(gid.trim()));
    }
    const server = new PrivatePostgres(bin, dir, await freePort(), asUser);
    await server.exec("initdb", ["-D", path.join(dir, "data"), "-U", "root", "--auth=trust", "--no-sync"]);
    await server.ctl("start");
    return server;
  }

  get adminUrl(): string {
    return `postgresql://root@127.0.0.1:${this.port}/postgres`;
  }

  /** Creates a database and returns its URL. */
  async createDatabase(name: string): Promise<string> {
    const client = new pg.Client({ connectionString: this.adminUrl });
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
    return `postgresql://root@127.0.0.1:${this.port}/${name}`;
  }

  /** Runs `sql` on `url` and returns the rows. */
  async query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<T>(sql)).rows;
    } finally {
      await client.end();
    }
  }

  /** `pg_ctl restart -m fast`: every connection is cut, the server is back when this resolves. */
  restart(): Promise<void> {
    return this.ctl("restart");
  }

  async stop(): Promise<void> {
    await this.exec("pg_ctl", ["-D", path.join(this.dir, "data"), "-m", "immediate", "-w", "stop"]).catch(
      () => undefined,
    );
    await rm(this.dir, { recursive: true, force: true });
  }

  private ctl(action: "start" | "restart"): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    return this.exec("pg_ctl", [
      "-D",
      path.join(this.dir, "data"),
      "-o",
      options,
      "-l",
      path.join(this.dir, "log"),
      "-m",
      "fast",
      "-w",
      "-t",
      "120",
      action,
    ]);
  }

  private async exec(tool: string, args: string[]): Promise<void> {
    const file = path.join(this.bin, tool);
    if (this.asUser) await run("runuser", ["-u", this.asUser, "--", file, ...args], { cwd: this.dir });
    else await run(file, args, { cwd: this.dir });
  }
}
