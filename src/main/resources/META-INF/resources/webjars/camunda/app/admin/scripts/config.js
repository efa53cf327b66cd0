// The application's settings for Camunda Admin (read by the webapp at start; the webjar's own file is replaced).
// French only (locales/fr.json covers every key of the English file: WebappLocalesTests), French dates, and the
// application's shared script (../anef/webapps.js: the page's language, the application's login).
export default {
  app: {
    name: 'Administration',
    vendor: 'Étrangers en France'
  },
  locales: {
    availableLocales: ['fr'],
    fallbackLocale: 'fr'
  },
  dateFormat: {
    normal: 'DD/MM/YYYY HH:mm',
    long: 'dddd D MMMM YYYY HH:mm'
  },
  disableWelcomeMessage: true,
  customScripts: ['../anef/webapps']
};
