import type { Metadata } from 'next';
import { headers } from 'next/headers';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReadingListEditor } from '@/components/groups/reading-list-editor';
import { GroupNameEditor } from '@/components/groups/group-name-editor';
import { InvitePanel } from '@/components/groups/invite-panel';
import { MembersTable } from '@/components/groups/members-table';
import { RevealSetting } from '@/components/groups/reveal-setting';
import { RoleBadge } from '@/components/groups/role-badge';
import { TagsManager } from '@/components/groups/tags-manager';
import { GroupViews } from '@/components/links/group-views';
import '@/components/groups/groups.css';
import { listDocuments } from '@/lib/server/dal/documents';
import { getGroup } from '@/lib/server/dal/groups';
import { listTagsForReader } from '@/lib/server/dal/tags';
import { AppError } from '@/lib/server/errors';
import { getReader, requireReader, type Reader } from '@/lib/server/session';

type Props = { params: Promise<{ id: string }> };

const loadGroup = (reader: Reader, id: string) =>
  getGroup(reader, id).catch((error) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const reader = await getReader();
  const group = reader ? await getGroup(reader, id).catch(() => null) : null;
  return { title: group?.name ?? 'Group' };
}

/** The address readers use to reach this server, for the invite link. */
async function siteOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host');
  if (!host) return process.env.BETTER_AUTH_URL ?? '';
  const proto = h.get('x-forwarded-proto')?.split(',')[0] ?? 'http';
  return `${proto}://${host}`;
}

export default async function GroupPage({ params }: Props) {
  const { id } = await params;
  const reader = await requireReader(`/groups/${id}`);
  const group = await loadGroup(reader, id);
  const facilitator = group.role === 'FACILITATOR';
  const [origin, defaults, visible] = await Promise.all([
    facilitator ? siteOrigin() : Promise.resolve(''),
    listTagsForReader(reader, []),
    facilitator ? listDocuments(reader) : Promise.resolve([]),
  ]);
  const listed = new Set(group.documents.map((d) => d.id));
  const candidates = visible.filter((d) => !listed.has(d.id)).map((d) => ({ id: d.id, title: d.title }));

  return (
    <main id="main" className="page groups-page">
      <p>
        <Link href="/groups">← All groups</Link>
      </p>
      <GroupNameEditor groupId={group.id} name={group.name} canEdit={facilitator} />
      <p className="groups-lede muted">
        You are a <RoleBadge role={group.role} /> · {group.memberCount}{' '}
        {group.memberCount === 1 ? 'member' : 'members'}
      </p>

      {facilitator && (
        <section className="groups-section" aria-labelledby="groups-invite-title">
          <h2 id="groups-invite-title">Invite people</h2>
          <InvitePanel groupId={group.id} inviteCode={group.inviteCode ?? null} origin={origin} />
        </section>
      )}

      <section className="groups-section" aria-labelledby="groups-members-title">
        <h2 id="groups-members-title">Members</h2>
        <MembersTable groupId={group.id} members={group.members} facilitator={facilitator} />
      </section>

      <section className="groups-section" aria-labelledby="groups-documents-title">
        <h2 id="groups-documents-title">Reading list</h2>
        <ReadingListEditor
          groupId={group.id}
          readings={group.documents}
          facilitator={facilitator}
          candidates={candidates}
        />
      </section>

      <section className="groups-section" aria-labelledby="groups-views-title">
        <h2 id="groups-views-title">Arguments and disagreements</h2>
        <GroupViews groupId={group.id} readings={group.documents} />
      </section>

      <section className="groups-section" aria-labelledby="groups-reveal-title">
        <h2 id="groups-reveal-title">Reveal after annotating</h2>
        <RevealSetting groupId={group.id} revealAfter={group.revealAfter} facilitator={facilitator} />
      </section>

      <section className="groups-section" aria-labelledby="groups-tags-title">
        <h2 id="groups-tags-title">Tags</h2>
        <TagsManager groupId={group.id} tags={group.tags} defaults={defaults} facilitator={facilitator} />
      </section>
    </main>
  );
}
