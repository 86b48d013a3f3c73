import { toErrorBody } from "../../contract/errors";
import type { Ack } from "../../contract/events";

/**
 * Runs a handler and acks its result or its error; a missing ack is tolerated. `then`
 * runs once a success has been acked (e.g. start streaming only after the client knows
 * the id its events will carry).
 */
export function answer<T extends object>(ack: unknown, work: () => Promise<T>, then?: (result: T) => void): void {
  const reply = typeof ack === "function" ? (ack as Ack<T>) : () => undefined;
  // Through a promise, so a handler that throws before its first await is answered too.
  new Promise<T>((resolve) => resolve(work())).then(
    (result) => {
      reply({ ok: true, ...result });
      then?.(result);
    },
    (error: unknown) => reply({ ok: false, error: toErrorBody(error) }),
  );
}
