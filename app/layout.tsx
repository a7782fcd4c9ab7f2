import type { Metadata } from 'next';
import { connection } from 'next/server';
import { headers } from 'next/headers';
import { ZOD_JITLESS_SCRIPT } from '@/lib/security/zod-jitless';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Marginalia', template: '%s · Marginalia' },
  description: 'Close reading for seminar groups: highlight, tag and discuss an article together.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so that Next puts that request's CSP nonce (proxy.ts)
  // on its scripts; a prerendered page would carry none and its scripts would be blocked.
  await connection();
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="en">
      <head>
        {/* A constant of ours, not user input: zod's configuration set before any bundle runs. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: ZOD_JITLESS_SCRIPT }} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        {children}
      </body>
    </html>
  );
}
