'use client';
import { useRouter } from 'next/navigation';
import type { GroupMemberView } from '@/lib/groups/types';
import { ConfirmButton } from './confirm-button';
import { groupsApi } from '@/lib/client/endpoints';
import { RoleBadge } from './role-badge';
import { useAction } from './use-action';
import { formatJoinedDay } from '@/lib/format/date-formats';

export function MembersTable({
  groupId,
  members,
  facilitator,
}: {
  groupId: string;
  members: GroupMemberView[];
  facilitator: boolean;
}) {
  const router = useRouter();
  const { busy, error, run } = useAction();
  const setRole = (m: GroupMemberView, role: GroupMemberView['role']) =>
    run(() => groupsApi.setRole(groupId, m.userId, role));
  const remove = (m: GroupMemberView) => run(() => groupsApi.removeMember(groupId, m.userId));
  async function leave(m: GroupMemberView) {
    const left = await run(() => groupsApi.removeMember(groupId, m.userId).then(() => true), {
      refresh: false,
    });
    if (left) {
      router.push('/groups');
      router.refresh();
    }
  }

  return (
    <>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <table className="groups-table">
        <caption className="visually-hidden">Members and their roles</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Role</th>
            <th scope="col">Joined</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId}>
              <th scope="row">
                {m.name}
                {m.you && <span className="muted"> (you)</span>}
              </th>
              <td>
                <RoleBadge role={m.role} />
              </td>
              <td>{formatJoinedDay(new Date(m.joinedAt))}</td>
              <td>
                <div className="groups-actions">
                  {facilitator &&
                    (m.role === 'MEMBER' ? (
                      <button
                        type="button"
                        className="button button-small"
                        disabled={busy}
                        onClick={() => setRole(m, 'FACILITATOR')}
                      >
                        Make facilitator<span className="visually-hidden"> ({m.name})</span>
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button button-small"
                        disabled={busy}
                        onClick={() => setRole(m, 'MEMBER')}
                      >
                        {m.you ? 'Step down to member' : 'Make member'}
                        {!m.you && <span className="visually-hidden"> ({m.name})</span>}
                      </button>
                    ))}
                  {m.you ? (
                    <ConfirmButton
                      question="Leave this group?"
                      confirmLabel="Leave"
                      disabled={busy}
                      onConfirm={() => leave(m)}
                    >
                      Leave group
                    </ConfirmButton>
                  ) : (
                    facilitator && (
                      <ConfirmButton
                        question={`Remove ${m.name} from the group?`}
                        confirmLabel="Remove"
                        disabled={busy}
                        onConfirm={() => remove(m).then(() => undefined)}
                      >
                        Remove<span className="visually-hidden"> {m.name}</span>
                      </ConfirmButton>
                    )
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
