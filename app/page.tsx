import { redirect } from 'next/navigation';
import { getReader } from '@/lib/server/session';

export default async function HomePage() {
  const reader = await getReader();
  redirect(reader ? '/library' : '/sign-in');
}
