const CLEAR_LINE = "\r\x1b[K";

/**
 * Import progress on a terminal: one line rewritten in place every `everyMs`; on a pipe
 * or file (CI logs), plain lines at the same pace, since carriage returns would garble them.
 */
export class ProgressLine {
  private readonly started = performance.now();
  private lastShown = this.started;
  private showing = false;

  constructor(
    private readonly out: NodeJS.WriteStream,
    private readonly everyMs = 500,
  ) {}

  private get tty(): boolean {
    return this.out.isTTY === true;
  }

  /** Rows read so far; shown only when `everyMs` has passed since the last update. */
  update(rows: number): void {
    const now = performance.now();
    if (now - this.lastShown < this.everyMs) return;
    this.lastShown = now;
    const rate = Math.round(rows / ((now - this.started) / 1000));
    const text = `… ${rows.toLocaleString("en-US")} rows, ${rate.toLocaleString("en-US")} rows/s`;
    if (this.tty) {
      this.out.write(CLEAR_LINE + text);
      this.showing = true;
    } else this.out.write(`${text}\n`);
  }

  /** A message line that must not be overwritten by the next update. */
  note(line: string): void {
    this.clear();
    this.out.write(`${line}\n`);
  }

  /** Removes the progress line, before the summary. */
  clear(): void {
    if (this.showing) this.out.write(CLEAR_LINE);
    this.showing = false;
  }
}
