const LOOPBACK = ["127.0.0.1", "localhost", "::1"];

/** The Host names a server on `host` answers by default: the loopback names and `host` itself. */
export function defaultAllowedHosts(host: string): string[] {
  return [...new Set([...LOOPBACK, hostName(host)])];
}

/** Whether `host` (an interface to listen on) is reachable only from this machine. */
export function isLoopback(host: string): boolean {
  const name = hostName(host);
  return LOOPBACK.includes(name) || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/**
 * Whether a request's Host header names this server. A page on attacker.example that
 * rebinds its name to 127.0.0.1 still sends `Host: attacker.example`, so refusing every
 * name but ours keeps such pages from reading or writing a local dashboard.
 */
export function isAllowedHost(header: string | undefined, allowed: readonly string[]): boolean {
  if (header === undefined || header === "") return false;
  return allowed.includes(hostName(header));
}

// "Example.com:3000" -> "example.com", "[::1]:3000" -> "::1", "::1" -> "::1".
function hostName(value: string): string {
  const v = value.trim().toLowerCase();
  if (v.startsWith("[")) return v.slice(1, v.indexOf("]") < 0 ? undefined : v.indexOf("]"));
  const colons = v.split(":").length - 1;
  return colons === 1 ? v.slice(0, v.indexOf(":")) : v;
}
