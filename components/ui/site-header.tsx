import Link from 'next/link';
import type { Reader } from '@/lib/server/session';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { SiteMenu } from './site-menu';
import './site-header.css';

// The header's links are not prefetched: on a reader page with thousands of annotations
// those prefetches (two server renders per link) arrived while the highlights were loading
// and competed with them for the server and the page's main thread (profiled; see
// docs/benchmarks.md). A click still navigates client-side.
export function SiteHeader({ reader }: { reader: Reader | null }) {
  return (
    <header className="site-header">
      <Link href={reader ? '/library' : '/'} prefetch={false} className="brand" aria-label="Marginalia, home">
        <span aria-hidden="true" className="brand-mark">
          ¶
        </span>{' '}
        Marginalia
      </Link>
      {reader && (
        <SiteMenu>
          <nav aria-label="Main" className="site-nav">
            <Link href="/library" prefetch={false}>
              Library
            </Link>
            <Link href="/groups" prefetch={false}>
              Groups
            </Link>
            <Link href="/import" prefetch={false}>
              Import
            </Link>
          </nav>
          <div className="account">
            <Link
              href="/account"
              prefetch={false}
              className="account-name"
              title={`Your account (${reader.email})`}
            >
              {reader.name}
            </Link>
            <SignOutButton />
          </div>
        </SiteMenu>
      )}
    </header>
  );
}
