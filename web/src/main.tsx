import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startI18n } from './shared/i18n/i18n';
import './shared/ui/styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
// The texts of one language first (one small chunk), then the app.
await startI18n();
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
