/**
 * Autosave of a self-assessment. Changes are kept per criterion as drafts (only the fields the user
 * changed: answer, note, evidence list) over the last state the server sent, and go out after a
 * pause in typing in one PATCH with If-Match; a field is dropped from its draft once the server
 * holds exactly it. The serialising, the pause, the 412 handling (stop and offer to reload rather
 * than overwrite another officer's work) are use-serial-autosave.ts's.
 */
import { useCallback, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AnswerChange, CriterionAnswer, FileInfo, Submission } from '@thidua/contract';
import { getSubmission, type SubmissionWithEtag } from '../api/get-submission.ts';
import { submissionKeys } from '../api/keys.ts';
import { updateSubmission } from '../api/update-submission.ts';
import { useSerialAutosave, type SaveStatus } from './use-serial-autosave.ts';

export type { SaveStatus } from './use-serial-autosave.ts';

/** What the user changed on one criterion and the server does not hold yet. */
export interface AnswerDraft {
  answer?: CriterionAnswer | null;
  note?: string | null;
  fileIds?: string[];
}

/** Pause after the last keystroke before saving. */
const DEBOUNCE_MS = 800;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields of `current` the server does not hold yet once `sent` was saved. */
function remaining(current: AnswerDraft, sent: AnswerDraft): AnswerDraft | undefined {
  const rest = { ...current };
  for (const field of Object.keys(sent) as (keyof AnswerDraft)[]) {
    if (same(rest[field], sent[field])) delete rest[field];
  }
  return Object.keys(rest).length ? rest : undefined;
}

export interface Autosave {
  /** The server's latest state of the submission. */
  submission: Submission;
  drafts: ReadonlyMap<string, AnswerDraft>;
  status: SaveStatus;
  /** True while something typed is not saved yet (waiting, or on its way). */
  dirty: boolean;
  /** Records a change; `immediate` skips the pause (an attached file should not wait for typing to stop). */
  change: (criterionId: string, draft: AnswerDraft, immediate?: boolean) => void;
  /** Saves now and resolves true once the server holds everything (false on a failure). */
  flush: () => Promise<boolean>;
  /** Changes a criterion's evidence list from its latest value (uploads may finish in any order). */
  updateFiles: (criterionId: string, update: (fileIds: string[]) => string[]) => void;
  /** Reads the submission again and drops unsaved drafts (after a 412). */
  reload: () => Promise<void>;
  /** A file's details: from the server's answers or from this session's uploads. */
  fileInfo: (id: string) => FileInfo | undefined;
  rememberFile: (file: FileInfo) => void;
}

export function useAutosave(initial: SubmissionWithEtag): Autosave {
  const qc = useQueryClient();
  const id = initial.submission.id;
  const uploaded = useRef(new Map<string, FileInfo>());
  const core = useSerialAutosave<SubmissionWithEtag, AnswerDraft>(initial, {
    version: (s) => s.submission.version,
    send: (server, drafts) => {
      const body: AnswerChange[] = [...drafts].map(([criterionId, d]) => ({ criterionId, ...d }));
      return updateSubmission(id, server.etag, body);
    },
    remaining,
    fetch: () => getSubmission(id),
    onServer: (next) => qc.setQueryData(submissionKeys.detail(id), next),
    debounceMs: DEBOUNCE_MS,
  });
  const { change: changeKey, current } = core;

  const change = useCallback(
    (criterionId: string, draft: AnswerDraft, immediate = false) =>
      changeKey(criterionId, (prev) => ({ ...prev, ...draft }), immediate),
    [changeKey],
  );

  const updateFiles = useCallback(
    (criterionId: string, update: (fileIds: string[]) => string[]) =>
      changeKey(
        criterionId,
        (prev) => {
          const latest =
            prev?.fileIds ??
            current()
              .submission.answers.find((a) => a.criterionId === criterionId)
              ?.files.map((f) => f.id) ??
            [];
          return { ...prev, fileIds: update(latest) };
        },
        true,
      ),
    [changeKey, current],
  );

  const answers = core.server.submission.answers;
  const fileInfo = useCallback(
    (fileId: string) => {
      for (const a of answers) {
        const f = a.files.find((x) => x.id === fileId);
        if (f) return f;
      }
      return uploaded.current.get(fileId);
    },
    [answers],
  );
  const rememberFile = useCallback((file: FileInfo) => uploaded.current.set(file.id, file), []);

  return {
    submission: core.server.submission,
    drafts: core.drafts,
    status: core.status,
    dirty: core.dirty,
    change,
    updateFiles,
    flush: core.flush,
    reload: core.reload,
    fileInfo,
    rememberFile,
  };
}
