// Where the page keeps its World: the journal (Engine API requests and stdin, src/api/journal)
// interleaved with the changes the learner's shell made to the host's files, in IndexedDB. The
// World is rebuilt from it on load (replay.ts). Without IndexedDB (some private windows) the
// World lives as long as the page.

import type { JournalEntry } from '../src/api/journal';
import type { FsOp } from '../src/shell';

export type LogRecord = { j: JournalEntry } | { f: FsOp; t: number };

export interface WorldMeta {
  seed: string;
  start: number;
}

export interface Store {
  load(): Promise<{ meta: WorldMeta | null; log: LogRecord[] }>;
  setMeta(meta: WorldMeta): void;
  append(r: LogRecord): void;
  /** Forgets everything (reset). */
  clear(): Promise<void>;
  /** Resolves when what was appended so far is stored. */
  flush(): Promise<void>;
}

const DB = 'docksim';

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** Opens the page's store; `name` keeps another page's World apart (a lesson's: web/site). */
export async function openStore(name: string = DB): Promise<Store> {
  let db: IDBDatabase;
  try {
    db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name, 1);
      r.onupgradeneeded = () => {
        const d = r.result;
        if (!d.objectStoreNames.contains('meta')) d.createObjectStore('meta');
        if (!d.objectStoreNames.contains('log')) d.createObjectStore('log', { autoIncrement: true });
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject(new Error('blocked'));
    });
  } catch {
    return memoryStore();
  }
  let queue: LogRecord[] = [];
  let writing: Promise<void> = Promise.resolve();
  let scheduled = false;
  const write = (): void => {
    scheduled = false;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    writing = writing.then(async () => {
      const tx = db.transaction('log', 'readwrite');
      const s = tx.objectStore('log');
      for (const r of batch) s.add(r);
      await done(tx).catch(() => {});
    });
  };
  return {
    async load() {
      const tx = db.transaction(['meta', 'log'], 'readonly');
      const [meta, log] = await Promise.all([req(tx.objectStore('meta').get('world')), req(tx.objectStore('log').getAll())]);
      return { meta: (meta as WorldMeta | undefined) ?? null, log: log as LogRecord[] };
    },
    setMeta(meta) {
      writing = writing.then(async () => {
        const tx = db.transaction('meta', 'readwrite');
        tx.objectStore('meta').put(meta, 'world');
        await done(tx).catch(() => {});
      });
    },
    append(r) {
      queue.push(r);
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(write);
      }
    },
    async clear() {
      queue = [];
      await writing;
      const tx = db.transaction(['meta', 'log'], 'readwrite');
      tx.objectStore('meta').clear();
      tx.objectStore('log').clear();
      await done(tx);
    },
    async flush() {
      write();
      await writing;
    },
  };
}

function memoryStore(): Store {
  return {
    load: async () => ({ meta: null, log: [] }),
    setMeta() {},
    append() {},
    clear: async () => {},
    flush: async () => {},
  };
}
