import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="page">
      <h1>Not found</h1>
      <p>There is nothing at this address, or it is not shared with you.</p>
      <p>
        <Link href="/library">Back to the library</Link>
      </p>
    </main>
  );
}
