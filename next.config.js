/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The server (server/) is our own; Next only builds and serves the pages in app/.
  // `npm test` typechecks the whole tree first (tsc) and sets AFTERSHOCK_TYPECHECKED=1 when
  // that passed, so its build skips checking the same files a second time (about 20 s).
  typescript: { ignoreBuildErrors: process.env.AFTERSHOCK_TYPECHECKED === "1" },
};

export default nextConfig;
