/** PATCH /submissions/:id with If-Match — autosave of the answers that changed; answers with the new state and ETag. */
import type { AnswerChange, Submission } from '@thidua/contract';
import { request } from '../../../lib/api-client.ts';
import type { SubmissionWithEtag } from './get-submission.ts';

export async function updateSubmission(id: string, etag: string, answers: AnswerChange[]): Promise<SubmissionWithEtag> {
  const res = await request<Submission>(`/submissions/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    body: { answers },
    ifMatch: etag,
  });
  return { submission: res.data, etag: res.etag ?? `"v${res.data.version}"` };
}
