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

export default [];
