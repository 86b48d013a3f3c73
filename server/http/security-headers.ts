import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

// A Host header we are willing to echo into the policy: a name or an IP, and a port.
// Anything else (a `;` would start a new directive) falls back to 'self' alone.
const SAFE_HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The Content-Security-Policy of the dashboard: everything from its own origin, nothing
 * remote. Scripts: files from our origin, and inline only with this answer's `nonce` (Next
 * reads it from the request's policy and puts it on its inline bootstrap), so an injected
 * inline script never runs; 'unsafe-eval' only in development, where Next's dev runtime
 * evaluates modules. Styles keep 'unsafe-inline': lightweight-charts inserts a <style>
 * element of its own at run time (it carries no nonce, and a nonce would switch
 * 'unsafe-inline' off) and React renders style attributes; CSS cannot run script. The
 * charts draw on canvas; images come as data: or blob: URLs at most.
 */
export function contentSecurityPolicy(host: string | undefined, dev: boolean, nonce?: string): string {
  // 'self' covers same-host ws(s) in CSP 3; the explicit origins keep older engines working.
  const sockets = host !== undefined && SAFE_HOST.test(host) ? ` ws://${host} wss://${host}` : "";
  return [
    "default-src 'self'",
    `script-src 'self'${nonce ? ` 'nonce-${nonce}'` : ""}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The headers every answer carries (pages, API, errors, Socket.IO's HTTP answers). */
export function securityHeaderValues(host: string | undefined, dev: boolean): Record<string, string> {
  return {
    "content-security-policy": contentSecurityPolicy(host, dev),
    "x-content-type-options": "nosniff",
    // Kept beside frame-ancestors for browsers that predate it.
    "x-frame-options": "DENY",
    "referrer-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "cross-origin-opener-policy": "same-origin",
  };
}

/** A fresh nonce for one page answer: 128 random bits, base64. */
export function scriptNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * Gives one page request its own script nonce: the policy on the answer, and the same
 * policy on the request, which is where Next looks for the nonce to stamp on its scripts.
 */
export function withScriptNonce(req: IncomingMessage, res: ServerResponse, dev: boolean): void {
  const policy = contentSecurityPolicy(req.headers.host, dev, scriptNonce());
  res.setHeader("content-security-policy", policy);
  req.headers["content-security-policy"] = policy;
}

/** Sets the security headers on `res` before anything else writes to it. */
export function securityHeaders(req: IncomingMessage, res: ServerResponse, dev: boolean): void {
  for (const [name, value] of Object.entries(securityHeaderValues(req.headers.host, dev))) res.setHeader(name, value);
}
