/**
 * Autosave of the office's review, as the unit's form saves its answers (use-autosave.ts): each
 * criterion's change is kept as a draft over the server's review and sent, after a pause in typing,
 * in one PATCH with If-Match; one request at a time, so what is typed meanwhile goes out next with
 * the new ETag. 412 (another reviewer saved, or the unit's submission moved on) stops saving and
 * offers to reload rather than overwrite their scores.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { ReviewChange, SubmissionReview } from '@thidua/contract';
import { isApiError } from '../../../lib/api-client.ts';
import { problemMessage } from '../../../lib/problem.ts';
import { getReview, type ReviewWithEtag } from '../api/get-review.ts';
import { submissionKeys } from '../api/keys.ts';
import { updateReview } from '../api/update-review.ts';
import type { SaveStatus } from './use-autosave.ts';

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

const same = (a: ReviewChange, b: ReviewChange | undefined) => JSON.stringify(a) === JSON.stringify(b);

export function useReviewAutosave(initial: ReviewWithEtag): ReviewAutosave {
  const qc = useQueryClient();
  const id = initial.review.submissionId;
  const [server, setServer] = useState(initial);
  const serverRef = useRef(initial);
  const draftsRef = useRef(new Map<string, ReviewChange>());
  const [drafts, setDrafts] = useState<ReadonlyMap<string, ReviewChange>>(new Map());
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const statusRef = useRef<SaveStatus>({ kind: 'idle' });
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const setStatusBoth = useCallback((s: SaveStatus) => {
    statusRef.current = s;
    setStatus(s);
  }, []);
  const publish = useCallback(() => setDrafts(new Map(draftsRef.current)), []);
  const adopt = useCallback(
    (next: ReviewWithEtag) => {
      serverRef.current = next;
      setServer(next);
      qc.setQueryData(submissionKeys.review(id), next);
    },
    [qc, id],
  );

  // A newer review read elsewhere (a confirmation, a refetch) replaces ours while nothing is pending.
  useEffect(() => {
    if (initial.review.version > serverRef.current.review.version && !draftsRef.current.size && !inFlight.current) {
      serverRef.current = initial;
      setServer(initial);
    }
  }, [initial]);

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
    if (inFlight.current) return inFlight.current.then((ok) => (ok && draftsRef.current.size ? saveRef.current() : ok));
    if (!draftsRef.current.size) return Promise.resolve(true);
    const sent = [...draftsRef.current.values()].map((c) => ({ ...c }));
    setStatusBoth({ kind: 'saving' });
    const run = (async () => {
      try {
        const next = await updateReview(id, serverRef.current.etag, sent);
        // Drop what the server now holds; a change typed during the request stays for the next one.
        for (const c of sent)
          if (same(c, draftsRef.current.get(c.criterionId))) draftsRef.current.delete(c.criterionId);
        adopt(next);
        publish();
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
  }, [id, adopt, publish, setStatusBoth, schedule]);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const change = useCallback(
    (c: ReviewChange, immediate = false) => {
      draftsRef.current.set(c.criterionId, c);
      publish();
      if (statusRef.current.kind === 'conflict') return;
      if (statusRef.current.kind !== 'saving') setStatusBoth({ kind: 'pending' });
      schedule(immediate ? 0 : DEBOUNCE_MS);
    },
    [publish, schedule, setStatusBoth],
  );

  const reload = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    const fresh = await getReview(id);
    draftsRef.current = new Map();
    publish();
    adopt(fresh);
    setStatusBoth({ kind: 'idle' });
  }, [id, adopt, publish, setStatusBoth]);

  const dirty = drafts.size > 0 || status.kind === 'saving';
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  // Leaving the screen sends what still waits for the pause in typing.
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
      if (draftsRef.current.size && statusRef.current.kind !== 'conflict') void saveRef.current();
    },
    [],
  );

  return { review: server.review, etag: server.etag, drafts, status, dirty, change, flush: save, reload };
}
