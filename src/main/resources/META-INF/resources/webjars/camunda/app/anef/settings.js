// The settings every Camunda webapp of the application shares, imported by each app's scripts/config.js (the webapp
// loads its config.js as an ES module, so the import resolves next to it: app/anef/settings.js). French only
// (locales/fr.json covers every key of the English file: WebappLocalesTests), French dates, and the application's
// shared script (webapps.js: the page's language, the application's login). `name` is the app's name in its header;
// `own` adds or replaces settings for one app (Tasklist's script and shortcuts).
export default function settings(name, own = {}) {
  return {
    app: {
      name: name,
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
    customScripts: ['../anef/webapps'],
    ...own
  };
}
