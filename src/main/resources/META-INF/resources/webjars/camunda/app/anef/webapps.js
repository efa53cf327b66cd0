// Shared by every Camunda webapp of the application (each app's scripts/config.js, customScripts), loaded before the
// webapp starts. The page says it is French, and Camunda's own login page never shows: whenever the webapp turns to
// its login route (session ended, logout), the person goes to the application's login page, which brings them back
// here once logged in (ADR 0015).
const appRoot = document.querySelector('base').getAttribute('app-root'); // "<context path>/camunda"
const contextPath = appRoot.replace(/\/camunda$/, '');

document.documentElement.lang = 'fr';

function toApplicationLogin() {
  if (window.location.hash.startsWith('#/login')) {
    window.location.replace(contextPath + '/connexion?suite=' + encodeURIComponent(window.location.pathname));
  }
}

toApplicationLogin();
window.addEventListener('hashchange', toApplicationLogin);

// Accessible names the webapps leave out (axe-core runs on their screens in the browser journeys): a dialog is named
// by its title.
let titles = 0;

function nameDialogs(root) {
  root.querySelectorAll('.modal:not([aria-label])').forEach((dialog) => {
    const labelledBy = dialog.getAttribute('aria-labelledby');
    if (labelledBy && document.getElementById(labelledBy)) {
      return;
    }
    const title = dialog.querySelector('.modal-title, .modal-header h1, .modal-header h2, .modal-header h3, .modal-header h4');
    if (!title) {
      dialog.setAttribute('aria-label', 'Fenêtre de dialogue');
      return;
    }
    if (!title.id) {
      titles += 1;
      title.id = 'anef-titre-fenetre-' + titles;
    }
    dialog.setAttribute('aria-labelledby', title.id);
  });
}

// Icon-only controls of Cockpit and Admin (Tasklist's own are named by tasklist.js).
const NAMES = [
  ['.app-switch > .dropdown-toggle', 'Changer d\'application'],
  ['button[ng-click="toggleSection(\'actual\')"]', 'Afficher ou masquer la section « En cours »'],
  ['button[ng-click="toggleSection(\'deployed\')"]', 'Afficher ou masquer la section « Déployées »'],
  ['.section-toggle', 'Afficher ou masquer la section'],
  ['.stored-criteria > .btn-default.btn', 'Recherches enregistrées']
];

function nameControls(root) {
  NAMES.forEach(([selector, name]) => root.querySelectorAll(selector).forEach((control) => {
    if (!control.getAttribute('aria-label')) {
      control.setAttribute('aria-label', name);
    }
  }));
  // The search fields are typeaheads (uib-typeahead sets aria-expanded and aria-owns): comboboxes.
  root.querySelectorAll('input.main-field:not([role])').forEach((field) => field.setAttribute('role', 'combobox'));
}

new MutationObserver(() => {
  nameDialogs(document);
  nameControls(document);
}).observe(document.documentElement, { childList: true, subtree: true });

export default [];
