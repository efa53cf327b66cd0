// Camunda Tasklist's settings (read by the webapp at start; the webjar's own file is replaced): the application's
// shared settings (../../anef/settings.js) under the app's French name, plus Tasklist's own script
// (../anef/tasklist.js: applicants' controls, the next step opened by itself, step 5 « Confirmation ») and its
// keyboard shortcuts described in French.
import settings from '../../anef/settings.js';

export default settings('Mes démarches', {
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
});
