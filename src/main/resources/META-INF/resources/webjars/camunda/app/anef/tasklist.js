// Camunda Tasklist as the application's users meet it (scripts/config.js, customScripts; ADR 0015). No fork of the
// webapp: Tasklist's own plugin exclusion, styles (styles/user-styles.css) and what this module does in the page.
//  - Applicants do not get the controls that are not theirs: create a task, keyboard shortcuts, the diagram, the
//    history and description tabs, comments (excluded plugins), groups and dates (styles, html.anef-demandeur).
//  - Their next step opens by itself once a step is sent (or the renewal started); after the dépôt comes step 5
//    « Confirmation »: the N° de la demande, the receipt, what happens next, « Accéder à mon espace ».
//  - The dépôt's button says what it does.
//  - form-js's English validation messages are said in French, never with the raw pattern; an engine refusal shows
//    the server's French message alone (without « Cannot submit task form <id>: »).
// The engine's REST API is only read here (GET); everything that writes goes through Tasklist as before.
const base = document.querySelector('base');
const appRoot = base.getAttribute('app-root'); // "<context path>/camunda"
const contextPath = appRoot.replace(/\/camunda$/, '');
const engine = appRoot + '/api/engine/engine/default';
const DEPOSIT_TASK = 'userTask_deposit';
const NEXT_STEP_WAIT_MS = 20000;
const RECEIPT_WAIT_MS = 30000;
const POLL_MS = 500;

async function getJson(url) {
  try {
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    return response.ok ? await response.json() : null;
  } catch (e) {
    return null;
  }
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls {@code look} until it gives something, for {@code limitMs} at most; null when nothing came. */
async function within(limitMs, look) {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    const found = await look();
    if (found) {
      return found;
    }
    await pause(POLL_MS);
  }
  return null;
}

const me = await getJson(contextPath + '/api/moi');
const applicant = Boolean(me && me.demandeur);

if (applicant) {
  document.documentElement.classList.add('anef-demandeur');
  base.setAttribute('cam-exclude-plugins', [
    'tasklist.navbar.action:create-task-action',
    'tasklist.navbar.action:shortcut-help',
    'tasklist.task.detail:task-detail-diagram',
    'tasklist.task.detail:task-detail-history',
    'tasklist.task.detail:task-detail-description',
    'tasklist.task.action:task-action-comment'
  ].join(','));
}

// ---------------------------------------------------------------- French messages

const FORM_MESSAGES = [
  [/^Field is required\.$/, () => 'Ce champ est obligatoire.'],
  [/^Field must match pattern /, (field) => {
    const help = field && field.querySelector('.fjs-form-field-description');
    return 'Le format saisi n\'est pas valide.' + (help ? ' ' + help.textContent.trim() : '');
  }],
  [/^Field must have minimum length of (\d+)\.$/, (field, m) => `Saisissez au moins ${m[1]} caractères.`],
  [/^Field must have maximum length of (\d+)\.$/, (field, m) => `Saisissez au plus ${m[1]} caractères.`],
  [/^Field must have minimum value of (.+)\.$/, (field, m) => `La valeur doit être au moins ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, (field, m) => `La valeur doit être au plus ${m[1]}.`],
  [/^Field must be a valid email\.$/, () => 'Saisissez une adresse électronique valide, par exemple nom@exemple.fr.'],
  [/^Field must be a valid +international phone number/, () =>
    'Saisissez un numéro de téléphone au format international, par exemple +33612345678.']
];
const ENGINE_PREFIX = /(Cannot submit task form|Cannot instantiate process definition|Cannot complete task) [^:]+: /;

function frenchMessages(root) {
  root.querySelectorAll('.fjs-form-field-error').forEach((error) => {
    const text = error.textContent.trim();
    for (const [pattern, french] of FORM_MESSAGES) {
      const match = text.match(pattern);
      if (match) {
        error.textContent = french(error.closest('.fjs-form-field'), match);
        break;
      }
    }
  });
  root.querySelectorAll('.page-notifications .notification, .page-notifications .alert, .alert, .notification')
    .forEach((note) => {
      const walker = document.createTreeWalker(note, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (ENGINE_PREFIX.test(node.nodeValue)) {
          node.nodeValue = node.nodeValue.replace(ENGINE_PREFIX, '');
        }
      }
    });
}

// ---------------------------------------------------------------- the dépôt's button

const DEPOSIT_LABELS = {
  NEXT: 'Déposer définitivement ma demande',
  BACK: 'Revenir à l\'étape précédente',
  ABANDON: 'Abandonner la demande'
};
/** The dépôt form's choice, read from the radio's label when form-js does not put the value on the input. */
function choiceOf(radio) {
  const label = (radio.id && document.querySelector('label[for="' + radio.id + '"]')) || radio.closest('label');
  const text = label ? label.textContent.trim() : '';
  return { 'Déposer la demande': 'NEXT', 'Revenir à l\'étape précédente': 'BACK', 'Abandonner la demande': 'ABANDON' }[text];
}

let openTask = null; // { id, taskDefinitionKey, processInstanceId } of the task shown, for applicants

function depositButton(root) {
  if (!applicant || !openTask || openTask.taskDefinitionKey !== DEPOSIT_TASK) {
    return;
  }
  const button = root.querySelector('.task-card button.btn-primary[ng-click^="complete"], .task-card .form-actions button.btn-primary');
  const chosen = root.querySelector('.fjs-form input[type="radio"]:checked');
  const label = chosen && (DEPOSIT_LABELS[chosen.value] || DEPOSIT_LABELS[choiceOf(chosen)]);
  if (button && label && button.textContent.trim() !== label) {
    button.textContent = label;
  }
}

// ---------------------------------------------------------------- names for Tasklist's unnamed controls

const NAMES = [
  ['button[data-region="filters"]', 'Afficher ou masquer les filtres'],
  ['button[data-region="list"]', 'Afficher ou masquer la liste des tâches'],
  ['button[data-region="task"], .region-toggle[data-region="task"]', 'Afficher ou masquer la tâche'],
  ['.maximize', 'Agrandir la tâche'],
  ['a[ng-click="openModal($event, filter)"]', 'Modifier le filtre'],
  ['.sort-direction', 'Inverser l\'ordre du tri'],
  ['.new-sort > .dropdown-toggle', 'Ajouter un tri'],
  ['.btn-default.dropdown-toggle[uib-dropdown-toggle]', 'Choisir dans la liste'],
  ['input.main-field', 'Filtrer les tâches'],
  ['.unclaim', 'Libérer la tâche'],
  ['.instance-link', 'Voir la démarche de cette tâche'],
  ['.reset-due-date', 'Retirer la date d\'échéance'],
  ['.reset-follow-up-date', 'Retirer la date de suivi'],
  ['.close', 'Fermer'],
  ['.app-switch > .dropdown-toggle', 'Changer d\'application']
];

function accessible(root) {
  NAMES.forEach(([selector, name]) => root.querySelectorAll(selector).forEach((control) => {
    if (!control.getAttribute('aria-label')) {
      control.setAttribute('aria-label', name);
    }
  }));
  // The search field is a typeahead (uib-typeahead sets aria-expanded and aria-owns): a combobox.
  root.querySelectorAll('input.main-field:not([role])').forEach((field) => field.setAttribute('role', 'combobox'));
}

new MutationObserver(() => {
  frenchMessages(document);
  depositButton(document);
  accessible(document);
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
document.addEventListener('change', () => depositButton(document), true);

// ---------------------------------------------------------------- step 3: the files attached so far

// The upload page opens in another tab. Back in step 3, « Documents à joindre » shows the files attached now: the
// server keeps that display variable current (ADR 0022); it is read again through Tasklist's own API and handed to
// the form as if typed (the field is disabled: form-js never submits it), so that what the person typed stays.
const DOCUMENTS_LIST = 'requiredDocumentsList';

async function refreshDocumentsList() {
  const taskId = currentTaskId();
  const field = document.querySelector('textarea[id$="Field_' + DOCUMENTS_LIST + '"]');
  if (!taskId || !field) {
    return;
  }
  const variables = await getJson(engine + '/task/' + encodeURIComponent(taskId) + '/form-variables?variableNames='
    + DOCUMENTS_LIST);
  const value = variables && variables[DOCUMENTS_LIST] ? variables[DOCUMENTS_LIST].value : null;
  if (typeof value === 'string' && value !== field.value) {
    field.value = value;
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
}

document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') {
    refreshDocumentsList();
  }
});
window.addEventListener('focus', refreshDocumentsList);
// The upload page, in the other tab, signals each sending and removal (static/js/justificatifs.js).
window.addEventListener('storage', (event) => {
  if (event.key === 'anef.justificatifs') {
    refreshDocumentsList();
  }
});

// ---------------------------------------------------------------- the next step, step 5

function currentTaskId() {
  const query = window.location.hash.split('?')[1] || '';
  return new URLSearchParams(query).get('task');
}

function showTask(taskId) {
  const [path, query] = window.location.hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query || '');
  params.set('task', taskId);
  params.set('detailsTab', 'task-detail-form');
  window.location.hash = '#' + (path || '/') + '?' + params.toString();
}

async function rememberOpenTask() {
  const taskId = currentTaskId();
  if (!taskId) {
    return;
  }
  removeConfirmation();
  if (!openTask || openTask.id !== taskId) {
    const task = await getJson(engine + '/task/' + encodeURIComponent(taskId));
    openTask = task ? { id: task.id, taskDefinitionKey: task.taskDefinitionKey, processInstanceId: task.processInstanceId } : null;
  }
}

async function myTaskOf(processInstanceId) {
  const tasks = await getJson(engine + '/task?assignee=' + encodeURIComponent(me.id)
    + (processInstanceId ? '&processInstanceId=' + encodeURIComponent(processInstanceId) : '')
    + '&sortBy=created&sortOrder=desc&maxResults=1');
  return tasks && tasks.length ? tasks[0] : null;
}

/** After a step is sent: its next step, else (after the dépôt) step 5. */
async function afterSubmission(sent) {
  const next = await within(NEXT_STEP_WAIT_MS, () => myTaskOf(sent.processInstanceId));
  if (next) {
    showTask(next.id);
    return;
  }
  if (sent.taskDefinitionKey === DEPOSIT_TASK) {
    await showConfirmation(sent.processInstanceId);
  }
}

function removeConfirmation() {
  const old = document.getElementById('anef-confirmation');
  if (old) {
    old.remove();
  }
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  children.forEach((child) => node.append(child));
  return node;
}

async function showConfirmation(processInstanceId) {
  const filed = await within(RECEIPT_WAIT_MS, async () => {
    const cases = await getJson(contextPath + '/api/demandes');
    const found = (cases || []).find((c) => c.processInstanceId === processInstanceId && c.requestNumber);
    return found && found.documents.length ? found : null;
  }) || ((await getJson(contextPath + '/api/demandes')) || []).find((c) => c.processInstanceId === processInstanceId);
  const place = document.querySelector('.no-task');
  if (!filed || !place) {
    return;
  }
  removeConfirmation();
  const receipt = filed.documents.find((d) => d.kind === 'DEPOSIT_RECEIPT') || filed.documents[0];
  const panel = element('section', { id: 'anef-confirmation', class: 'anef-confirmation', tabindex: '-1',
    'aria-labelledby': 'anef-confirmation-titre' },
    element('h2', { id: 'anef-confirmation-titre' }, 'Étape 5 : Confirmation'),
    element('p', { class: 'anef-etapes' }, '1 Informations personnelles · 2 Motif de séjour · 3 Justificatifs · 4 Dépôt de la demande · ',
      element('strong', {}, '5 Confirmation')),
    element('p', {}, 'Votre demande de renouvellement de titre de séjour a bien été déposée.'),
    element('p', {}, 'N° de la demande : ', element('strong', { class: 'anef-numero' }, filed.requestNumber)),
    receipt
      ? element('p', {}, element('a', { href: contextPath + '/mon-espace/documents/' + receipt.id, download: '' },
        'Télécharger la confirmation de dépôt (PDF)'))
      : element('p', {}, 'La confirmation de dépôt sera dans « Mon espace » dans quelques instants.'),
    element('h3', {}, 'Et maintenant ?'),
    element('p', {}, 'Un agent de la préfecture examine vos pièces justificatives. S\'il lui manque un document, vous '
      + 'recevrez une notification et un courriel : vous aurez 30 jours pour répondre à partir de son ouverture. '
      + 'Vous recevrez ensuite le certificat médical à faire remplir par votre médecin et à envoyer à l\'OFII.'),
    element('p', {}, element('a', { class: 'btn btn-primary', href: contextPath + '/mon-espace' }, 'Accéder à mon espace')));
  place.parentNode.insertBefore(panel, place);
  panel.focus();
}

if (applicant) {
  // Tasklist sends a form through the engine's REST API (XMLHttpRequest); a step sent, or a renewal started, is the
  // moment to open what comes next.
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.anefRequest = { method: String(method).toUpperCase(), url: String(url) };
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    const request = this.anefRequest;
    if (request && request.method === 'POST' && /\/submit-form$/.test(request.url)) {
      const sent = /\/task\/[^/]+\/submit-form$/.test(request.url) ? openTask : null;
      this.addEventListener('load', () => {
        if (this.status >= 200 && this.status < 300) {
          if (sent) {
            afterSubmission(sent);
          } else {
            let started = null;
            try {
              started = JSON.parse(this.responseText);
            } catch (e) {
              started = null;
            }
            if (started && started.id) {
              afterSubmission({ processInstanceId: started.id, taskDefinitionKey: null });
            }
          }
        }
      });
    }
    return send.apply(this, args);
  };

  window.addEventListener('hashchange', rememberOpenTask);
  rememberOpenTask();
  // Logged in with nothing open: the current step, if there is one.
  if (!currentTaskId()) {
    myTaskOf(null).then((task) => {
      if (task && !currentTaskId()) {
        showTask(task.id);
      }
    });
  }
}

export default [];
