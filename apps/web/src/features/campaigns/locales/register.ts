/**
 * The campaign screens' texts (campaigns, criteria, templates, the public pages), all under the
 * `campaigns` key, kept beside the feature and merged into the app's catalogue at start-up.
 */
import { i18n } from '../../../lib/i18n.ts';
import en from './en.json';
import vi from './vi.json';

i18n.addResourceBundle('vi', 'translation', vi, true, false);
i18n.addResourceBundle('en', 'translation', en, true, false);
