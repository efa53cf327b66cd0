// Camunda Welcome's settings (read by the webapp at start; the webjar's own file is replaced): the application's
// shared settings (../../anef/settings.js) under the app's French name.
import settings from '../../anef/settings.js';

export default settings('Accueil');
