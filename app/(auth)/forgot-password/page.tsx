import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';
import { isMailConfigured } from '@/lib/server/mail/reset-mail';

export const metadata = { title: 'Forgot password' };
// Whether mail is configured is read when the page is served, not when it is built.
export const dynamic = 'force-dynamic';

export default function ForgotPasswordPage() {
  return <ForgotPasswordForm mailConfigured={isMailConfigured()} />;
}
