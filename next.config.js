/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The server (server/) is our own; Next only builds and serves the pages in app/.
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
