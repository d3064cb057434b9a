// Unit tests read English text, as the app shows it by default.
import { initI18n } from './i18n';

initI18n('en');
