import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Aftershock — how did the price react?",
  description: "News beside live KRX price charts (simulated prices)",
};

export const viewport: Viewport = {
  colorScheme: "dark light",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can stamp that answer's CSP nonce on its
  // inline scripts (a prerendered page would carry no nonce, or a stale one).
  await connection();
  return (
    // theme-init.js sets data-theme and data-colors before the first paint; React must not fight it.
    <html lang="en" data-theme="dark" data-colors="western" suppressHydrationWarning>
      <head>
        <script src="/theme-init.js" />
      </head>
      <body>{children}</body>
    </html>
  );
}
