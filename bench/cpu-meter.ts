/** CPU this process used between `start()` and `stop()`, as a percentage of one core. */
export class CpuMeter {
  private cpu: NodeJS.CpuUsage | null = null;
  private wall = 0;
  percent: number | null = null;

  start(): void {
    this.cpu = process.cpuUsage();
    this.wall = performance.now();
  }

  stop(): void {
    if (!this.cpu || this.percent !== null) return;
    const used = process.cpuUsage(this.cpu);
    this.percent = ((used.user + used.system) / 1000 / (performance.now() - this.wall)) * 100;
  }

  get started(): boolean {
    return this.cpu !== null;
  }
}
