/**
 * The campaign screens' texts (campaigns, criteria, templates, the public pages), all under the
 * `campaigns` key, kept beside the feature and merged into the app's catalogue at start-up.
 */
import { registerTranslations } from '../../../lib/i18n.ts';
import vi from './vi.json';

// English loads only when a reader switches to it (the start-up bundle has a size budget).
registerTranslations(vi, () => import('./en.json'));
