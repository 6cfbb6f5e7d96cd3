// Renderer entry (web build and Electron alike).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles.css';

// Ask the browser not to evict our IndexedDB under storage pressure: it holds the school's
// only copy of its data. Electron grants this anyway; a browser may ask or silently decide.
void navigator.storage?.persist?.().catch(() => undefined);

const root = document.getElementById('root');
if (!root) throw new Error('找不到 #root 元素');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
