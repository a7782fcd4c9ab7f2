import Link from 'next/link';
import type { Reader } from '@/lib/server/session';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { SiteMenu } from './site-menu';
import './site-header.css';

export function SiteHeader({ reader }: { reader: Reader | null }) {
  return (
    <header className="site-header">
      <Link href={reader ? '/library' : '/'} className="brand" aria-label="Marginalia, home">
        <span aria-hidden="true" className="brand-mark">
          ¶
        </span>{' '}
        Marginalia
      </Link>
      {reader && (
        <SiteMenu>
          <nav aria-label="Main" className="site-nav">
            <Link href="/library">Library</Link>
            <Link href="/groups">Groups</Link>
            <Link href="/import">Import</Link>
          </nav>
          <div className="account">
            <Link href="/account" className="account-name" title={`Your account (${reader.email})`}>
              {reader.name}
            </Link>
            <SignOutButton />
          </div>
        </SiteMenu>
      )}
    </header>
  );
}
