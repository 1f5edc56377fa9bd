/**
 * The autosave machinery shared by the unit's form (use-autosave.ts) and the office's review
 * (use-review-autosave.ts). Changes are kept per key (a criterion) as drafts over the last state
 * the server sent; after a pause in typing they go out in one request with If-Match (the ETag of
 * that state). One request at a time: what is typed meanwhile waits for the answer and its new
 * ETag, then goes out next. A draft is dropped once the server holds exactly it, so nothing typed
 * during a save is lost.
 *
 * 412 means someone else saved in between (another officer or reviewer, another tab): saving stops
 * and the screen offers to reload, because silently overwriting their work is worse than losing a
 * few seconds of one's own.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '../../../lib/api-client.ts';
import { problemMessage } from '../../../lib/problem.ts';

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string }
  | { kind: 'conflict' };

export interface SerialAutosaveOptions<S, D> {
  /** The version of a server state: a newer one read elsewhere replaces ours while nothing is pending. */
  version: (server: S) => number;
  /** Sends the drafts against the server state they were typed over; resolves to the new state. */
  send: (server: S, drafts: ReadonlyMap<string, D>) => Promise<S>;
  /** What of `current` is still to send once the server holds `sent` (undefined: nothing). */
  remaining: (current: D, sent: D) => D | undefined;
  /** Reads the server state afresh (after a 412). */
  fetch: () => Promise<S>;
  /** Every state the server answers with (to keep the query cache in step). */
  onServer: (next: S) => void;
  debounceMs: number;
}

export interface SerialAutosave<S, D> {
  server: S;
  drafts: ReadonlyMap<string, D>;
  status: SaveStatus;
  /** True while something typed is not saved yet (waiting, or on its way). */
  dirty: boolean;
  /** Records a change of one key from its latest draft; `immediate` skips the pause. */
  change: (key: string, update: (draft: D | undefined) => D, immediate?: boolean) => void;
  /** The latest server state, also between renders. */
  current: () => S;
  /** Saves now and resolves true once the server holds everything (false on a failure). */
  flush: () => Promise<boolean>;
  /** Reads the server state again and drops unsaved drafts (after a 412). */
  reload: () => Promise<void>;
}

export function useSerialAutosave<S, D>(initial: S, options: SerialAutosaveOptions<S, D>): SerialAutosave<S, D> {
  const opts = useRef(options);
  useEffect(() => {
    opts.current = options;
  });
  const [server, setServer] = useState(initial);
  const serverRef = useRef(initial);
  const draftsRef = useRef(new Map<string, D>());
  const [drafts, setDrafts] = useState<ReadonlyMap<string, D>>(new Map());
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const statusRef = useRef<SaveStatus>({ kind: 'idle' });
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const setStatusBoth = useCallback((s: SaveStatus) => {
    statusRef.current = s;
    setStatus(s);
  }, []);
  const publish = useCallback(() => setDrafts(new Map(draftsRef.current)), []);
  const adopt = useCallback((next: S) => {
    serverRef.current = next;
    setServer(next);
    opts.current.onServer(next);
  }, []);

  // A newer state read elsewhere (a submit, a confirmation, a refetch) replaces ours, but only while
  // nothing typed is pending: adopting its ETag under unsaved drafts would let them overwrite
  // someone else's save without the 412 that makes the user look first.
  useEffect(() => {
    const v = opts.current.version;
    if (v(initial) > v(serverRef.current) && draftsRef.current.size === 0 && !inFlight.current) {
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
    const sent = new Map(draftsRef.current);
    setStatusBoth({ kind: 'saving' });
    const run = (async () => {
      try {
        const next = await opts.current.send(serverRef.current, sent);
        for (const [key, d] of sent) {
          const current = draftsRef.current.get(key);
          if (current === undefined) continue;
          const rest = opts.current.remaining(current, d);
          if (rest === undefined) draftsRef.current.delete(key);
          else draftsRef.current.set(key, rest);
        }
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
  }, [adopt, publish, setStatusBoth, schedule]);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const change = useCallback(
    (key: string, update: (draft: D | undefined) => D, immediate = false) => {
      draftsRef.current.set(key, update(draftsRef.current.get(key)));
      publish();
      if (statusRef.current.kind === 'conflict') return;
      if (statusRef.current.kind !== 'saving') setStatusBoth({ kind: 'pending' });
      schedule(immediate ? 0 : opts.current.debounceMs);
    },
    [publish, schedule, setStatusBoth],
  );

  const reload = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    const fresh = await opts.current.fetch();
    draftsRef.current = new Map();
    publish();
    adopt(fresh);
    setStatusBoth({ kind: 'idle' });
  }, [adopt, publish, setStatusBoth]);

  // Closing the tab with unsaved changes asks first. Leaving the screen inside the app sends what is
  // still waiting for the pause in typing at once (the request outlives the screen).
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

  const current = useCallback(() => serverRef.current, []);
  return { server, drafts, status, dirty, change, current, flush: save, reload };
}
