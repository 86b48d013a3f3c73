// Preloaded (--import) into the soak's server process only: reports its heap and CPU time
// to the soak over the IPC channel its parent opened. The server itself exposes nothing new.
const REPORT_MS = 1_000;

if (process.send) {
  const timer = setInterval(() => {
    const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    process.send?.({ type: "memory", rss, heapUsed, heapTotal, external, arrayBuffers, cpuMicros: user + system });
  }, REPORT_MS);
  // Never the reason the server stays up.
  timer.unref();
  process.channel?.unref();
}
