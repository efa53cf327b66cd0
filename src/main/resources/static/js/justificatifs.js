// The upload page after a sending or a removal: tells step 3, open in Tasklist in another tab, to show the files
// attached now (Tasklist's anef/tasklist.js listens; ADR 0022). The page works the same without JavaScript.
try {
  window.localStorage.setItem('anef.justificatifs', String(Date.now()));
} catch (e) {
  // storage refused (private browsing): step 3 shows the count when it is next opened
}
