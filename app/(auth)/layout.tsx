import { SiteHeader } from '@/components/ui/site-header';

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader reader={null} />
      <main id="main" className="auth-page">
        {children}
      </main>
    </>
  );
}
