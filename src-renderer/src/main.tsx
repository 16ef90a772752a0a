// Renderer entry: styles (Designsystemet, the Digdir theme and the locally
// bundled Inter font, so no font is ever fetched from a CDN), i18n, then React.
// zod is configured first (zodConfig.ts), before any schema is built.
import './zodConfig';
import '@fontsource-variable/inter';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-theme/digdir.css';
import './styles/app.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
