// The application's settings for Camunda Tasklist (read by the webapp at start; the webjar's own file is replaced).
// French only (locales/fr.json covers every key of the English file: WebappLocalesTests), French dates, the
// application's shared script (../anef/webapps.js: the page's language, the application's login) and Tasklist's own
// (../anef/tasklist.js: applicants' controls, the next step opened by itself, step 5 « Confirmation »).
export default {
  app: {
    name: 'Mes démarches',
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
  customScripts: ['../anef/webapps', '../anef/tasklist'],
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'prend en charge la tâche choisie'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'place le curseur sur le premier filtre'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'place le curseur sur la première tâche de la liste'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'place le curseur sur le premier champ du formulaire'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'ouvre la fenêtre « Commencer une démarche »'
    }
  }
};
