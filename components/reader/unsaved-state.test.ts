import type { MutationState } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { AnnotationView } from '@/lib/annotations/types';
import { ApiError, WORDING } from '@/lib/client/api';
import { describeUnsaved, type CreateVariables } from './use-unsaved-creates';

type State = MutationState<AnnotationView, ApiError, CreateVariables>;
const state = (extra: Partial<State>): State => ({
  context: undefined,
  data: undefined,
  error: null,
  failureCount: 0,
  failureReason: null,
  isPaused: false,
  status: 'pending',
  variables: undefined,
  submittedAt: 0,
  ...extra,
});

describe('describeUnsaved', () => {
  it('is "saving" during the quick retries, "reconnecting" while the server answers 503', () => {
    expect(describeUnsaved(state({}))).toEqual({ state: 'saving' });
    const unavailable = new ApiError(503, 'UNAVAILABLE', WORDING.unavailable);
    expect(describeUnsaved(state({ failureCount: 9, failureReason: unavailable }))).toEqual({
      state: 'saving',
      message: 'Reconnecting…',
    });
  });

  it('says "not saved yet" once the quick retries are spent, and "not saved" for a refusal', () => {
    const network = new ApiError(0, 'NETWORK', WORDING.network);
    expect(describeUnsaved(state({ failureCount: 4, failureReason: network }))).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/^Not saved yet\. .*retried automatically\.$/),
    });
    const refused = new ApiError(400, 'VALIDATION', 'Pick at least one tag.');
    expect(describeUnsaved(state({ status: 'error', error: refused }))).toEqual({
      state: 'failed',
      message: 'Not saved: Pick at least one tag.',
    });
    expect(describeUnsaved(state({ isPaused: true })).message).toMatch(/offline/);
  });
});
