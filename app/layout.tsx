import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ZodJitless } from '@/components/security/zod-jitless';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Marginalia', template: '%s · Marginalia' },
  description: 'Close reading for seminar groups: highlight, tag and discuss an article together.',
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request, so that Next puts that request's CSP nonce (proxy.ts)
  // on its scripts; a prerendered page would carry none and its scripts would be blocked.
  await connection();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <ZodJitless />
        {children}
      </body>
    </html>
  );
}
