import { pino, type Logger } from "pino";

/** The process logger: JSON lines on stdout, one per event. */
export function createLogger(level: string, node: string): Logger {
  return pino({ level, base: { node } });
}
