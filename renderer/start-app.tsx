// The app shell, loaded by main.tsx: opens the database, starts the data worker, renders <App>.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { prepareDatabase } from './lib/startup';
import { platform } from './platform';
import { startDataWorker } from './db/data-worker-client';
import { db } from './db/db';

// marks for `npm run bench` (test/bench/cold-start.ts): where the first second goes
performance.mark('xb-modules');
const root = document.getElementById('root');
if (!root) throw new Error('找不到 #root 元素');
// Before anything queries the database: ask the browser not to evict it (it holds the school's
// only copy of its data) and back it up if this version is about to migrate it.
void prepareDatabase(platform).then(() => {
  performance.mark('xb-prepared');
  // once this page has opened (and if need be upgraded) the database: the worker opens it too,
  // and must never be the connection that upgrades it
  db.open().then(() => startDataWorker(), () => undefined);
  createRoot(root).render(
    <StrictMode>
      <App staticStyles />
    </StrictMode>,
  );
});
