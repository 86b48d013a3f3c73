import { toErrorBody } from "../../contract/errors";
import type { Ack } from "../../contract/events";

/** Runs a handler and acks its result or its error; a missing ack is tolerated. */
export function answer<T extends object>(ack: Ack<T> | unknown, work: () => Promise<T>): void {
  const reply = typeof ack === "function" ? (ack as Ack<T>) : () => undefined;
  work().then(
    (result) => reply({ ok: true, ...result }),
    (error: unknown) => reply({ ok: false, error: toErrorBody(error) }),
  );
}
