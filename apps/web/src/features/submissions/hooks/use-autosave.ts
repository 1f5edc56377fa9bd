/**
 * Autosave of a self-assessment. Changes are kept per criterion as drafts over the last state the
 * server sent; after a pause in typing they go out in one PATCH with If-Match (the ETag of the last
 * read or answer). One request at a time: what is typed meanwhile waits for the answer and its new
 * ETag, then goes out next. A draft is dropped once the server holds exactly it, so nothing typed
 * during a save is lost.
 *
 * 412 means someone else saved in between (another officer of the unit, another tab): the form
 * stops saving and offers to reload, because silently overwriting their work is worse than losing
 * a few seconds of one's own.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { AnswerChange, CriterionAnswer, FileInfo, Submission } from '@thidua/contract';
import { isApiError } from '../../../lib/api-client.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { getSubmission, type SubmissionWithEtag } from '../api/get-submission.ts';
import { submissionKeys } from '../api/keys.ts';
import { updateSubmission } from '../api/update-submission.ts';

/** What the user changed on one criterion and the server does not hold yet. */
export interface AnswerDraft {
  answer?: CriterionAnswer | null;
  note?: string | null;
  fileIds?: string[];
}

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict' };

/** Pause after the last keystroke before saving. */
const DEBOUNCE_MS = 800;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
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
  const [server, setServer] = useState(initial);
  const serverRef = useRef(initial);
  const [drafts, setDrafts] = useState<ReadonlyMap<string, AnswerDraft>>(new Map());
  const draftsRef = useRef<Map<string, AnswerDraft>>(new Map());
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const statusRef = useRef<SaveStatus>({ kind: 'idle' });
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const uploaded = useRef(new Map<string, FileInfo>());

  const setStatusBoth = useCallback((s: SaveStatus) => {
    statusRef.current = s;
    setStatus(s);
  }, []);
  const publishDrafts = useCallback(() => setDrafts(new Map(draftsRef.current)), []);
  const acceptServer = useCallback(
    (next: SubmissionWithEtag) => {
      serverRef.current = next;
      setServer(next);
      qc.setQueryData(submissionKeys.detail(id), next);
    },
    [qc, id],
  );

  // A newer state read elsewhere (submit, a refetch) replaces ours, but only while nothing typed is
  // pending: adopting its ETag under unsaved drafts would let them overwrite someone else's save
  // without the 412 that makes the user look first.
  useEffect(() => {
    if (
      initial.submission.version > serverRef.current.submission.version &&
      draftsRef.current.size === 0 &&
      !inFlight.current
    ) {
      serverRef.current = initial;
      setServer(initial);
    }
  }, [initial]);

  // save and schedule call each other; the ref breaks the cycle between their callbacks.
  const saveRef = useRef<() => Promise<boolean>>(() => Promise.resolve(true));
  const schedule = useCallback((delay: number) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveRef.current(), delay);
  }, []);

  const save = useCallback((): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (statusRef.current.kind === 'conflict') return Promise.resolve(false);
    if (inFlight.current) {
      // Whatever is typed now goes out after the current request, with its new ETag.
      return inFlight.current.then((ok) => (ok && draftsRef.current.size ? saveRef.current() : ok));
    }
    if (draftsRef.current.size === 0) return Promise.resolve(true);
    const sent = new Map([...draftsRef.current].map(([k, v]) => [k, { ...v }]));
    const body: AnswerChange[] = [...sent].map(([criterionId, d]) => ({ criterionId, ...d }));
    setStatusBoth({ kind: 'saving' });
    const run = (async () => {
      try {
        const next = await updateSubmission(id, serverRef.current.etag, body);
        for (const [criterionId, d] of sent) {
          const current = draftsRef.current.get(criterionId);
          if (!current) continue;
          for (const field of Object.keys(d) as (keyof AnswerDraft)[]) {
            if (same(current[field], d[field])) delete current[field];
          }
          if (Object.keys(current).length === 0) draftsRef.current.delete(criterionId);
        }
        acceptServer(next);
        publishDrafts();
        setStatusBoth(draftsRef.current.size ? { kind: 'pending' } : { kind: 'saved', at: new Date() });
        return true;
      } catch (err) {
        if (isApiError(err) && err.status === 412) setStatusBoth({ kind: 'conflict' });
        else setStatusBoth({ kind: 'failed', message: problemMessage(err) });
        return false;
      } finally {
        inFlight.current = null;
      }
    })();
    inFlight.current = run;
    return run.then((ok) => {
      if (ok && draftsRef.current.size) schedule(0);
      return ok;
    });
  }, [id, acceptServer, publishDrafts, setStatusBoth, schedule]);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const change = useCallback(
    (criterionId: string, draft: AnswerDraft, immediate = false) => {
      draftsRef.current.set(criterionId, { ...draftsRef.current.get(criterionId), ...draft });
      publishDrafts();
      if (statusRef.current.kind === 'conflict') return;
      if (statusRef.current.kind !== 'saving') setStatusBoth({ kind: 'pending' });
      schedule(immediate ? 0 : DEBOUNCE_MS);
    },
    [publishDrafts, schedule, setStatusBoth],
  );

  const updateFiles = useCallback(
    (criterionId: string, update: (fileIds: string[]) => string[]) => {
      const current =
        draftsRef.current.get(criterionId)?.fileIds ??
        serverRef.current.submission.answers.find((a) => a.criterionId === criterionId)?.files.map((f) => f.id) ??
        [];
      change(criterionId, { fileIds: update(current) }, true);
    },
    [change],
  );

  const reload = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    const fresh = await getSubmission(id);
    draftsRef.current = new Map();
    publishDrafts();
    acceptServer(fresh);
    setStatusBoth({ kind: 'idle' });
  }, [id, acceptServer, publishDrafts, setStatusBoth]);

  // Closing the tab with unsaved answers asks first. Leaving the form inside the app sends what is
  // still waiting for the pause in typing at once (the request outlives the form).
  const dirty = drafts.size > 0 || status.kind === 'saving';
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (draftsRef.current.size && statusRef.current.kind !== 'conflict') void saveRef.current();
    },
    [],
  );

  const fileInfo = useCallback(
    (fileId: string) => {
      for (const a of server.submission.answers) {
        const f = a.files.find((x) => x.id === fileId);
        if (f) return f;
      }
      return uploaded.current.get(fileId);
    },
    [server],
  );
  const rememberFile = useCallback((file: FileInfo) => uploaded.current.set(file.id, file), []);

  return {
    submission: server.submission,
    drafts,
    status,
    dirty,
    change,
    updateFiles,
    flush: save,
    reload,
    fileInfo,
    rememberFile,
  };
}
