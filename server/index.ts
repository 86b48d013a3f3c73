import { startApp } from "./app";
import { parseEnv } from "./config/env";
import { oneLine } from "./lib/one-line";

// The entry point: read the environment, start, stop cleanly on a signal.
let env;
try {
  env = parseEnv();
} catch (error) {
  console.error(`aftershock: ${(error as Error).message}`);
  process.exit(2);
}

const app = await startApp({ env, dev: process.env.NODE_ENV !== "production" }).catch((error: unknown) => {
  console.error(`aftershock: could not start: ${oneLine(error)}`);
  process.exit(1);
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
