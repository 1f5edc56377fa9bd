/**
 * Autosave of the office's review, as the unit's form saves its answers: each criterion's change
 * (verdict, score, comment, always sent whole) is kept as a draft over the server's review and goes
 * out, after a pause in typing, in one PATCH with If-Match on the submission's ETag. The
 * serialising and the 412 handling (another reviewer saved, or the submission moved on: stop and
 * offer to reload) are use-serial-autosave.ts's.
 */
import { useQueryClient } from '@tanstack/react-query';
import type { ReviewChange, SubmissionReview } from '@thidua/contract';
import { getReview, type ReviewWithEtag } from '../api/get-review.ts';
import { submissionKeys } from '../api/keys.ts';
import { updateReview } from '../api/update-review.ts';
import { useSerialAutosave, type SaveStatus } from './use-serial-autosave.ts';

const DEBOUNCE_MS = 700;

export interface ReviewAutosave {
  review: SubmissionReview;
  etag: string;
  drafts: ReadonlyMap<string, ReviewChange>;
  status: SaveStatus;
  dirty: boolean;
  change: (change: ReviewChange, immediate?: boolean) => void;
  /** Saves now; true once the server holds everything. */
  flush: () => Promise<boolean>;
  reload: () => Promise<void>;
}

const same = (a: ReviewChange, b: ReviewChange) => JSON.stringify(a) === JSON.stringify(b);

export function useReviewAutosave(initial: ReviewWithEtag): ReviewAutosave {
  const qc = useQueryClient();
  const id = initial.review.submissionId;
  const core = useSerialAutosave<ReviewWithEtag, ReviewChange>(initial, {
    version: (s) => s.review.version,
    send: (server, drafts) => updateReview(id, server.etag, [...drafts.values()]),
    remaining: (current, sent) => (same(current, sent) ? undefined : current),
    fetch: () => getReview(id),
    onServer: (next) => qc.setQueryData(submissionKeys.review(id), next),
    debounceMs: DEBOUNCE_MS,
  });
  return {
    review: core.server.review,
    etag: core.server.etag,
    drafts: core.drafts,
    status: core.status,
    dirty: core.dirty,
    change: (c, immediate) => core.change(c.criterionId, () => c, immediate),
    flush: core.flush,
    reload: core.reload,
  };
}
