// zod's configuration for the renderer, imported before anything that builds a
// schema: `jitless` stops zod probing `new Function` (eval), which the page's
// Content-Security-Policy forbids and which logged a console error on every load.
import { config } from 'zod';

config({ jitless: true });
