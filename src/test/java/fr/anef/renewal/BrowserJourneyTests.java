package fr.anef.renewal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static fr.anef.renewal.BrowserSupport.choose;
import static fr.anef.renewal.BrowserSupport.complete;
import static fr.anef.renewal.BrowserSupport.completeButton;
import static fr.anef.renewal.BrowserSupport.eventually;
import static fr.anef.renewal.BrowserSupport.group;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import fr.anef.renewal.prefecture.PrefectureTenants;
import jakarta.mail.internet.MimeMessage;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every actor's journey through the real pages in headless Chromium: Tasklist and its Camunda Forms
 * (found by their French labels), the application's pages (accounts, « Mon espace », notifications,
 * uploads), Cockpit. Each journey sets up its own case through the services (the process tests
 * prove that way) and fails alone: the applicant files one; the agent asks a complement on another,
 * filed for the purpose; OFII's opinion and the decision on a third, its documents already found
 * valid; the manager reads a decided case's row. They still run in order, so that the screenshots
 * (target/e2e/, with the PDFs and the axe-core figures of each page, axe.txt) read as a story.
 */
@Tag("navigateur")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ServerTest
class BrowserJourneyTests {

  static final String PASSWORD = "Demo-2026!";
  static final Pattern LINK = Pattern.compile("/compte/confirmation\\?jeton=[0-9a-f]{64}");
  static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @LocalServerPort int port;
  @Autowired GreenMail greenMail;
  @Autowired fr.anef.renewal.register.Register register;
  @Autowired org.camunda.bpm.engine.IdentityService identity;

  @Autowired TestFilings filings;
  @Autowired fr.anef.renewal.cases.Cases cases;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired fr.anef.renewal.documents.DocumentService documents;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  BrowserSupport browser;

  @BeforeAll
  void startBrowser() {
    browser = new BrowserSupport("http://localhost:" + port);
  }

  // ---- Each journey's own case, set up through the services as the process tests prove them: a
  // journey that fails leaves the others their own start.

  /**
   * A case filed by a new applicant (TESTEUR Jeanne, titre expiring in 90 days), its dépôt's jobs
   * run: the agent's first review waits.
   */
  TestFilings.Filed filedCase() {
    return filings.depositedCase(90);
  }

  /**
   * A filed case whose documents {@code agent.lille} found valid: the medical phase has started
   * (the blank certificate notified, OFII's « Enregistrer la réception du certificat » waits), and
   * the case's later tasks are agent.lille's (CaseAgent).
   */
  TestFilings.Filed reviewedCase() {
    TestFilings.Filed filed = filedCase();
    java.util.Map<String, Object> review = new java.util.HashMap<>();
    documents
        .requirements(cases.caseOf(filed.processInstanceId()).getId())
        .forEach(r -> review.put("verdict_" + r.code(), "VALID"));
    String task =
        tasks.createTaskQuery().processInstanceId(filed.processInstanceId()).singleResult().getId();
    identity.setAuthentication(
        "agent.lille",
        java.util.List.of(
            fr.anef.renewal.shared.ActorGroups.PREFECTURE_AGENTS,
            fr.anef.renewal.prefecture.AgentScopes.groupOf("59")),
        PrefectureTenants.ofGroups(
            identity,
            java.util.List.of(
                fr.anef.renewal.shared.ActorGroups.PREFECTURE_AGENTS,
                fr.anef.renewal.prefecture.AgentScopes.groupOf("59"))));
    try {
      tasks.claim(task, "agent.lille");
      tasks.complete(task, review);
    } finally {
      identity.clearAuthentication();
    }
    filings.runDueJobs(filed.processInstanceId());
    return filed;
  }

  String numberOf(TestFilings.Filed filed) {
    return cases.caseOf(filed.processInstanceId()).getRequestNumber();
  }

  /** The current task of that name in the case's instance (null until the engine creates it). */
  java.util.function.Supplier<String> taskOf(String processInstanceId, String name) {
    return () ->
        tasks.createTaskQuery().processInstanceId(processInstanceId).taskName(name).list().stream()
            .map(org.camunda.bpm.engine.task.Task::getId)
            .findFirst()
            .orElse(null);
  }

  /**
   * A task of that name of OFII's instance for the case (business key: its N°), unclaimed ones
   * first (the college's three).
   */
  java.util.function.Supplier<String> ofiiTaskOf(String requestNumber, String name) {
    return () ->
        tasks
            .createTaskQuery()
            .processDefinitionKey(fr.anef.renewal.processes.OfiiMedicalOpinionProcess.KEY)
            .processInstanceBusinessKey(requestNumber)
            .taskName(name)
            .list()
            .stream()
            .sorted(java.util.Comparator.comparing(t -> t.getAssignee() != null))
            .map(org.camunda.bpm.engine.task.Task::getId)
            .findFirst()
            .orElse(null);
  }

  @AfterAll
  void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  @Order(1)
  @DisplayName(
      "Création de compte : titre du registre, lien reçu par courriel, chaque règle du mot de passe affichée")
  void accountCreation() throws Exception {
    Page page = browser.person();
    page.navigate("/compte/creation");
    assertThat(
            page.getByRole(
                AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Première visite ? Créez votre compte.")))
        .isVisible();
    browser.checkAccessibility(page, "Création de compte");

    // With the keyboard alone, in the order of the page: the skip link, then each field by its
    // label. A wrong date: one generic error, nothing said about what is wrong, the focus on it.
    page.keyboard().press("Tab");
    assertThat(
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Aller au contenu")))
        .isFocused();
    page.keyboard().press("Enter");
    String[][] fields = {
      {"numero", "5900004321"},
      {"debutJour", "01"},
      {"debutMois", "12"},
      {"debutAnnee", "2025"},
      {"finJour", "30"},
      {"finMois", "12"},
      {"finAnnee", "2026"},
      {"email", "ofii.quatre@exemple.fr"},
      {"emailConfirmation", "ofii.quatre@exemple.fr"}
    };
    for (String[] field : fields) {
      page.keyboard().press("Tab");
      assertThat(page.locator("#" + field[0])).isFocused();
      page.keyboard().type(field[1]);
    }
    page.keyboard().press("Tab");
    assertThat(
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer un compte")))
        .isFocused();
    page.keyboard().press("Enter");
    Locator error = page.getByRole(AriaRole.ALERT);
    assertThat(error).isVisible();
    assertThat(error).isFocused();
    browser.screenshots(page, "compte-erreur");
    browser.checkAccessibility(page, "Création de compte (erreur)");

    fillAccountRequest(page, "31");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer un compte")).click();
    assertThat(page.getByText("Demande de création de compte bien enregistrée.")).isVisible();
    browser.screenshots(page, "compte-demande-enregistree");
    browser.checkAccessibility(page, "Demande de création enregistrée");

    page.navigate(linkMailedTo("ofii.quatre@exemple.fr"));
    assertThat(
            page.getByRole(
                AriaRole.HEADING, new Page.GetByRoleOptions().setName("Créez votre mot de passe")))
        .isVisible();
    browser.checkAccessibility(page, "Créez votre mot de passe");
    for (Map.Entry<String, String> weak :
        Map.of(
                "Co-1!",
                "au moins 8 caractères",
                "minuscule-1!",
                "Il manque une majuscule",
                "MAJUSCULE-1!",
                "Il manque une minuscule",
                "SansChiffre!",
                "Il manque un chiffre",
                "SansSpecial1",
                "Il manque un caractère spécial")
            .entrySet()) {
      page.getByLabel("Mot de passe * :", new Page.GetByLabelOptions().setExact(true))
          .fill(weak.getKey());
      page.getByLabel("Confirmation du mot de passe * :").fill(weak.getKey());
      page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer le mot de passe"))
          .click();
      assertThat(page.getByRole(AriaRole.ALERT)).containsText(weak.getValue());
      assertThat(page.getByRole(AriaRole.ALERT)).isFocused();
    }
    browser.screenshots(page, "compte-mot-de-passe-refuse");
    browser.checkAccessibility(page, "Créez votre mot de passe (erreur)");
    page.getByLabel("Mot de passe * :", new Page.GetByLabelOptions().setExact(true))
        .fill("Valide-2026!");
    page.getByLabel("Confirmation du mot de passe * :").fill("Autre-2026!");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer le mot de passe"))
        .click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("La confirmation ne correspond pas");

    page.getByLabel("Mot de passe * :", new Page.GetByLabelOptions().setExact(true))
        .fill("Valide-2026!");
    page.getByLabel("Confirmation du mot de passe * :").fill("Valide-2026!");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer le mot de passe"))
        .click();
    assertThat(page.getByText("Votre compte a bien été créé.")).isVisible();
    assertThat(page.locator("main")).containsText("5903007250");
    browser.screenshots(page, "compte-cree");
    browser.checkAccessibility(page, "Compte créé");

    // The new account opens Tasklist and « Mon espace ».
    browser.camundaLogin(page, "tasklist", "5903007250", "Valide-2026!");
    assertThat(page.getByText("Commencer une démarche")).isVisible();
    page.navigate("/mon-espace");
    assertThat(page.locator("main")).containsText("Vous n'avez aucune demande");
    browser.checkAccessibility(page, "Mon espace (sans demande)");

    page.navigate("/compte/mot-de-passe-oublie");
    browser.checkAccessibility(page, "Mot de passe oublié");
    page.context().close();
  }

  void fillAccountRequest(Page page, String lastDay) {
    page.getByLabel("N° de votre visa ou de votre titre de séjour * :").fill("5900004321");
    Locator from =
        page.getByRole(
            AriaRole.GROUP, new Page.GetByRoleOptions().setName("Date de début de validité * :"));
    from.getByLabel("Jour").fill("01");
    from.getByLabel("Mois").fill("12");
    from.getByLabel("Année").fill("2025");
    Locator until =
        page.getByRole(
            AriaRole.GROUP, new Page.GetByRoleOptions().setName("Date de fin de validité * :"));
    until.getByLabel("Jour").fill(lastDay);
    until.getByLabel("Mois").fill("12");
    until.getByLabel("Année").fill("2026");
    page.getByLabel("Adresse email * :", new Page.GetByLabelOptions().setExact(true))
        .fill("ofii.quatre@exemple.fr");
    page.getByLabel("Confirmation de l'adresse email * :").fill("ofii.quatre@exemple.fr");
  }

  String linkMailedTo(String address) throws Exception {
    String[] found = new String[1];
    eventually(
        "le courriel de confirmation à " + address,
        () -> {
          try {
            greenMail.waitForIncomingEmail(500, 1);
            for (MimeMessage message : greenMail.getReceivedMessages()) {
              if (message.getAllRecipients()[0].toString().equals(address)) {
                Matcher link =
                    LINK.matcher(
                        GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
                if (link.find()) {
                  found[0] = link.group();
                  return true;
                }
              }
            }
            return false;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    return found[0];
  }

  @Test
  @Order(2)
  @DisplayName(
      "Le demandeur dépose sa demande dans Tasklist : étapes 1 à 4, justificatifs (dont un refusé), retour en arrière, attestation de dépôt")
  void applicantFiles() throws Exception {
    String applicantId = TestApplicants.create(register, identity, 90);
    Page page = browser.person();
    // « Mon espace » asked while logged out: the application's one login page, then back to « Mon
    // espace ».
    page.navigate("/mon-espace");
    assertThat(page).hasURL(Pattern.compile(".*/connexion\\?suite=%2Fmon-espace$"));
    assertThat(
            page.getByRole(
                AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("S'identifier pour accéder à vos services.")))
        .isVisible();
    assertThat(page.getByText("Votre identifiant de connexion est votre N° Etranger")).isVisible();
    assertThat(
            page.getByRole(
                AriaRole.LINK, new Page.GetByRoleOptions().setName("Mot de passe oublié ?")))
        .isVisible();
    assertThat(
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Créer mon compte")))
        .isVisible();
    browser.screenshots(page, "connexion");
    browser.checkAccessibility(page, "Connexion");
    page.getByLabel("Identifiant :").fill(applicantId);
    page.getByLabel("Mot de passe :").fill("Faux-2026!");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("S'identifier")).click();
    assertThat(page.getByRole(AriaRole.ALERT)).containsText("Connexion refusée");
    assertThat(page.getByRole(AriaRole.ALERT)).isFocused();
    browser.checkAccessibility(page, "Connexion (refusée)");
    // The refusal delays the next login of this identifier by a few seconds (LoginLockPolicy).
    eventually(
        "la connexion après le délai qui suit un mot de passe erroné",
        () -> {
          page.getByLabel("Identifiant :").fill(applicantId);
          page.getByLabel("Mot de passe :").fill(TestApplicants.PASSWORD);
          page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("S'identifier"))
              .click();
          page.waitForLoadState();
          return !page.url().contains("/connexion");
        });
    assertThat(page).hasURL(Pattern.compile(".*/mon-espace$"));
    browser.screenshots(page, "demandeur-mon-espace-vide");

    // Tasklist opens with the same session, in French.
    page.navigate("/camunda/app/tasklist/");
    assertThat(page.getByText("Commencer une démarche"))
        .isVisible(
            new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(90_000));
    assertThat(page.getByText("Créer une tâche")).isHidden();
    assertThat(page.locator(".ce-eol-banner")).isHidden();
    browser.noCamundaEnglish(page, "Tasklist du demandeur");
    browser.screenshots(page, "demandeur-tasklist");
    browser.checkAccessibility(page, "Tasklist du demandeur");

    // « Commencer une démarche »: the seed's preamble.
    page.getByText("Commencer une démarche").click();
    page.locator(".modal").getByText("Renouvellement de titre de séjour – étranger malade").click();
    assertThat(page.locator(".modal").getByText("Demander un titre de séjour")).isVisible();
    page.getByLabel("Je sollicite le renouvellement de ce titre").check();
    browser.screenshots(page, "demandeur-demarrer");
    browser.noCamundaEnglish(page, "Commencer une démarche");
    browser.checkAccessibility(page, "Commencer une démarche");
    page.locator(".modal")
        .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Démarrer"))
        .click();
    assertThat(page.locator(".modal")).hasCount(0);

    // Step 1 opens by itself: the register's état civil, read-only; contact and housing.
    BrowserSupport.nextStepOpens(page, "1. Informations personnelles");
    assertThat(page.getByText("Schéma", new Page.GetByTextOptions().setExact(true))).isHidden();
    assertThat(page.getByLabel("Votre situation actuelle"))
        .hasValue(Pattern.compile("« Etranger malade »"));
    assertThat(page.getByLabel("Nom de naissance")).hasValue("TESTEUR");
    assertThat(page.getByLabel("Nom de naissance")).not().isEditable();
    choose(page, "Type d'hébergement", "À mon domicile (propriétaire ou locataire)");
    page.getByLabel("Téléphone").fill("06 12");
    page.getByLabel("Enregistrer et poursuivre").check();
    assertThat(page.getByText("Format attendu : 06 12 34 56 78").first()).isVisible();
    // The pattern is never shown: the error says it in French, with the field's own help.
    assertThat(page.locator(".fjs-form-field-error").first())
        .containsText("Le format saisi n'est pas valide.");
    assertThat(page.locator(".fjs-form")).not().containsText("pattern");
    assertThat(completeButton(page)).isDisabled();
    browser.screenshots(page, "demandeur-etape-1-erreur");
    browser.noCamundaEnglish(page, "Étape 1 (erreur)");
    browser.checkAccessibility(page, "Étape 1 (erreur)");
    page.getByLabel("Téléphone").fill("06 12 34 56 78");
    browser.screenshots(page, "demandeur-etape-1");
    browser.checkAccessibility(page, "Étape 1");
    complete(page);

    // Step 2 opens by itself.
    BrowserSupport.nextStepOpens(page, "2. Motif de séjour");
    fillReasonForStay(page);
    browser.screenshots(page, "demandeur-etape-2");
    browser.noCamundaEnglish(page, "Étape 2");
    browser.checkAccessibility(page, "Étape 2");
    complete(page);

    // Step 3: the server refuses the step while a document has no file, in French.
    BrowserSupport.nextStepOpens(page, "3. Justificatifs");
    assertThat(page.getByLabel("Documents à joindre"))
        .hasValue(Pattern.compile("Justificatif de nationalité"));
    page.getByLabel("Numéro ephoto (22 chiffres)").fill("1234567890123456789012");
    page.getByLabel("Confirmer le numéro ephoto").fill("1234567890123456789012");
    page.getByLabel("Enregistrer et poursuivre").check();
    completeButton(page).click();
    assertThat(page.locator(".notifications"))
        .containsText("Le document « Justificatif de nationalité » est manquant");
    assertThat(page.locator(".notifications")).not().containsText("Cannot submit");
    browser.noCamundaEnglish(page, "Étape 3 (refusée)");
    browser.screenshots(page, "demandeur-etape-3-refusee");
    browser.checkAccessibility(page, "Étape 3 (refusée)");
    // Tasklist's message covers the form's buttons until closed.
    Locator message =
        page.locator(".page-notifications .alert")
            .filter(new Locator.FilterOptions().setHasText("est manquant"));
    message.locator("button.close:visible").click();
    assertThat(message).hasCount(0);

    // The upload page opens beside the step, which keeps what was typed.
    Page upload =
        page.waitForPopup(() -> page.getByText("Joindre mes documents justificatifs").click());
    upload.bringToFront();
    assertThat(
            upload.getByRole(
                AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Je joins mes documents justificatifs")))
        .isVisible();
    browser.checkAccessibility(upload, "Justificatifs (page de dépôt)");
    // One sending for every document: the files chosen in each input all go with the one « Envoyer
    // »; the file that is not a document is refused by name, under its document, and the others of
    // the sending are kept.
    chooseFiles(
        upload, "NATIONALITY", new FilePayload("passeport.png", "image/png", TestFiles.png()));
    chooseFiles(
        upload,
        "HOME_PROOF",
        new FilePayload("facture.pdf", "application/pdf", TestFiles.exe()),
        new FilePayload("quittance.pdf", "application/pdf", TestFiles.pdf()));
    chooseFiles(
        upload,
        "HABITUAL_RESIDENCE",
        new FilePayload("releve.jpg", "image/jpeg", TestFiles.image("jpg")));
    assertThat(upload.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer")))
        .hasCount(1);
    sendAll(upload);
    assertThat(upload.getByRole(AriaRole.STATUS)).hasText("3 fichiers enregistrés.");
    Locator refusal = upload.getByRole(AriaRole.ALERT);
    assertThat(refusal)
        .containsText(
            "Certains fichiers n'ont pas été enregistrés (les autres fichiers de cet envoi l'ont été)");
    assertThat(refusal)
        .containsText(
            "« facture.pdf » : ce format n'est pas accepté (formats acceptés : JPG, PNG, PDF, TIFF, BMP).");
    assertThat(refusal).isFocused();
    assertThat(refusal.getByRole(AriaRole.LINK))
        .hasText("Justificatif de domicile datant de moins de 6 mois");
    Locator homeProofInput = upload.locator("#fichiers-HOME_PROOF");
    assertThat(homeProofInput).hasAttribute("aria-invalid", "true");
    assertThat(upload.locator("#" + homeProofInput.getAttribute("aria-describedby")))
        .containsText("« facture.pdf »");
    assertThat(upload.locator("#document-NATIONALITY")).containsText("passeport.png");
    assertThat(upload.locator("#document-HOME_PROOF")).containsText("quittance.pdf");
    assertThat(upload.locator("#document-HOME_PROOF ul")).not().containsText("facture.pdf");
    assertThat(upload.locator("#document-HABITUAL_RESIDENCE")).containsText("releve.jpg");
    browser.screenshots(upload, "demandeur-justificatif-refuse");
    browser.checkAccessibility(upload, "Justificatifs (un fichier refusé)");
    sendAll(upload);
    assertThat(upload.getByRole(AriaRole.ALERT)).containsText("Aucun fichier choisi");
    browser.screenshots(upload, "demandeur-justificatifs");
    upload.close();
    page.bringToFront();

    // Back in step 3 (still open, with what was typed): « Documents à joindre » counts the files
    // attached meanwhile.
    Locator documentsToAttach = page.getByLabel("Documents à joindre");
    assertThat(documentsToAttach)
        .hasValue(Pattern.compile("Justificatif de nationalité.*\\[fichiers joints : 1\\]"));
    assertThat(documentsToAttach).not().hasValue(Pattern.compile("\\[fichiers joints : 0\\]"));
    assertThat(page.getByLabel("Numéro ephoto (22 chiffres)")).hasValue("1234567890123456789012");
    page.getByLabel("Confirmer le numéro ephoto").fill("1234567890123456789012");
    // still counted once the form is used again (form-js re-renders it from its own state)
    assertThat(documentsToAttach).hasValue(Pattern.compile("\\[fichiers joints : 1\\]"));
    browser.screenshots(page, "demandeur-etape-3-decompte");
    browser.noCamundaEnglish(page, "Étape 3");
    browser.checkAccessibility(page, "Étape 3");

    // Back to step 2, which shows what was saved, then forward again.
    assertThat(page.getByLabel("Numéro ephoto (22 chiffres)")).hasValue("1234567890123456789012");
    page.getByLabel("Revenir à l'étape précédente").check();
    complete(page);
    BrowserSupport.nextStepOpens(page, "2. Motif de séjour");
    assertThat(
            page.getByLabel(
                "Ne pas vivre en France en état de polygamie", new Page.GetByLabelOptions()))
        .isChecked();
    assertThat(
            page.locator(".fjs-form-field-select")
                .filter(new Locator.FilterOptions().setHasText("situation familiale")))
        .containsText("Célibataire");
    browser.screenshots(page, "demandeur-retour-etape-2");
    page.getByLabel("Enregistrer et poursuivre").check();
    complete(page);

    BrowserSupport.nextStepOpens(page, "3. Justificatifs");
    assertThat(page.getByLabel("Documents à joindre"))
        .hasValue(Pattern.compile("\\[fichiers joints : 1\\]"));
    page.getByLabel("Numéro ephoto (22 chiffres)").fill("1234567890123456789012");
    page.getByLabel("Confirmer le numéro ephoto").fill("1234567890123456789012");
    page.getByLabel("Enregistrer et poursuivre").check();
    complete(page);

    // Step 4: the summary, the observations, the dépôt.
    BrowserSupport.nextStepOpens(page, "4. Dépôt de la demande");
    Locator summary = page.getByLabel("Récapitulatif de votre demande");
    assertThat(summary)
        .hasValue(
            Pattern.compile(
                ".*Téléphone : 0612345678.*passeport\\.png.*quittance\\.pdf.*releve\\.jpg.*",
                Pattern.DOTALL));
    page.getByLabel("Observations à destination de l'administration").fill("Aucune.");
    page.getByLabel("Déposer la demande").check();
    browser.screenshots(page, "demandeur-etape-4");
    browser.noCamundaEnglish(page, "Étape 4");
    browser.checkAccessibility(page, "Étape 4");
    // The dépôt's button says what it does.
    BrowserSupport.submit(
        page,
        page.getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Déposer définitivement ma demande")));

    // Step 5 « Confirmation », in Tasklist: the N° de la demande, the receipt, what comes next.
    Locator confirmation = page.locator("#anef-confirmation");
    assertThat(
            confirmation.getByRole(
                AriaRole.HEADING, new Locator.GetByRoleOptions().setName("Étape 5 : Confirmation")))
        .isVisible(
            new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(60_000));
    assertThat(confirmation.locator(".anef-numero")).hasText(Pattern.compile("5901\\d{15}"));
    assertThat(confirmation).containsText("Et maintenant ?");
    browser.screenshots(page, "demandeur-etape-5-confirmation");
    browser.noCamundaEnglish(page, "Étape 5");
    browser.checkAccessibility(page, "Étape 5 : Confirmation");
    String shownNumber = confirmation.locator(".anef-numero").innerText().trim();
    assertThat(
            pdfText(
                browser.download(
                    page,
                    confirmation.getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions()
                            .setName("Télécharger la confirmation de dépôt (PDF)")))))
        .contains("CONFIRMATION DU DÉPÔT", shownNumber);
    confirmation
        .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Accéder à mon espace"))
        .click();

    // « Mon espace »: the N° de la demande and the receipt.
    assertThat(page).hasURL(Pattern.compile(".*/mon-espace$"));
    Locator receipt =
        page.getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName(Pattern.compile("^confirmation-depot-")));
    reloadUntilVisible(page, receipt, "l'attestation de dépôt dans « Mon espace »");
    String requestNumber = page.locator("tbody tr td").first().innerText().trim();
    assertThat(requestNumber).isEqualTo(shownNumber);
    browser.screenshots(page, "demandeur-mon-espace-depot");
    browser.checkAccessibility(page, "Mon espace (demande déposée)");
    String text = pdfText(browser.download(page, receipt));
    assertThat(text)
        .contains("CONFIRMATION DU DÉPÔT", "TESTEUR", "JEANNE", applicantId, requestNumber);
    page.context().close();
  }

  void fillReasonForStay(Page page) {
    choose(page, "Quelle est votre situation familiale actuelle ?", "Célibataire");
    page.locator(".fjs-form-field-radio")
        .filter(new Locator.FilterOptions().setHasText("Avez-vous des enfants à votre charge ?"))
        .getByLabel("Non", new Locator.GetByLabelOptions().setExact(true))
        .check();
    page.getByLabel("Ne pas vivre en France en état de polygamie").check();
    page.getByLabel("Avoir connaissance des sanctions pénales").check();
    page.getByLabel("Enregistrer et poursuivre").check();
  }

  /**
   * Chooses files for one document of the upload page (sent later, with the others, by {@link
   * #sendAll}).
   */
  static void chooseFiles(Page upload, String code, FilePayload... files) {
    upload
        .locator("#document-" + code)
        .getByLabel(Pattern.compile("^Joindre un document"))
        .setInputFiles(files);
  }

  /** The upload page's one « Envoyer ». */
  static void sendAll(Page upload) {
    upload.waitForNavigation(
        () ->
            upload
                .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Envoyer"))
                .click());
  }

  @Test
  @Order(3)
  @DisplayName(
      "L'agent demande un complément ; le demandeur ouvre la notification, met à jour un document, en maintient un autre ; l'agent accepte")
  void complementRound() throws Exception {
    TestFilings.Filed filed = filedCase();
    String applicantId = filed.applicantId();
    String requestNumber = numberOf(filed);
    String review = "Examiner les pièces justificatives";
    Page agent = browser.person();
    browser.camundaLogin(agent, "tasklist", "agent.lille", PASSWORD);
    browser.openTask(
        agent, "Demandes à examiner", review, taskOf(filed.processInstanceId(), review));
    assertThat(agent.getByLabel("N° de la demande")).hasValue(requestNumber);
    verdict(
        agent,
        "Justificatif de nationalité",
        "Invalide",
        "Copie illisible : fournissez une copie nette.");
    verdict(
        agent,
        "Justificatif de domicile datant de moins de 6 mois",
        "Invalide",
        "La facture doit dater de moins de 6 mois.");
    verdict(agent, "Justificatif de résidence habituelle", "Valide", null);
    agent
        .getByLabel("Note interne (jamais transmise à l'usager)")
        .fill("Dossier suivi par le bureau 3.");
    browser.screenshot(agent, "agent-examen-invalide");
    browser.noCamundaEnglish(agent, "Examen des pièces (agent)");
    browser.checkAccessibility(agent, "Tasklist de l'agent : examen des pièces");
    complete(agent);

    Page applicant = browser.person();
    browser.camundaLogin(applicant, "tasklist", applicantId, TestApplicants.PASSWORD);
    // « Mon espace »: the unread count, and « Répondre » beside the case that awaits a complement.
    applicant.navigate("/mon-espace");
    Locator answer =
        applicant.getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Répondre").setExact(true));
    reloadUntilVisible(applicant, answer, "« Répondre » dans « Mon espace »");
    assertThat(applicant.locator(".unread-count"))
        .hasText(Pattern.compile("Mes notifications : [1-9]\\d* non lues?"));
    assertThat(answer)
        .hasAttribute("href", Pattern.compile(".*/mon-espace/notifications/[0-9a-f-]{36}$"));
    browser.screenshots(applicant, "demandeur-mon-espace-complement");
    browser.checkAccessibility(applicant, "Mon espace (complément demandé)");
    applicant.navigate("/mon-espace/notifications");
    Locator request =
        applicant
            .locator("tr")
            .filter(new Locator.FilterOptions().setHasText("Demande de complément"));
    reloadUntilVisible(applicant, request, "la demande de complément dans « Mes notifications »");
    assertThat(request).containsText("non lue");
    browser.checkAccessibility(applicant, "Mes notifications");
    request.getByRole(AriaRole.LINK).click();
    assertThat(applicant.locator("main"))
        .containsText("lue le " + TestDates.today().format(FRENCH_DATE));
    assertThat(applicant.locator("main"))
        .containsText("Copie illisible : fournissez une copie nette.");
    assertThat(applicant.locator("main")).not().containsText("bureau 3");
    browser.screenshots(applicant, "demandeur-demande-de-complement");
    browser.checkAccessibility(applicant, "Réponse à la demande de complément");

    // Nothing chosen: refused, in French, the focus on the errors.
    applicant
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider et envoyer"))
        .click();
    Locator errors = applicant.getByRole(AriaRole.ALERT);
    assertThat(errors)
        .containsText(
            "Choisissez « Maintenir le Document » ou « Mettre à jour le Document » pour « Justificatif de nationalité »");
    assertThat(errors).isFocused();
    browser.checkAccessibility(applicant, "Réponse à la demande de complément (erreurs)");

    Locator nationality =
        applicant.getByRole(
            AriaRole.GROUP, new Page.GetByRoleOptions().setName("Justificatif de nationalité :"));
    nationality.getByLabel("Mettre à jour le Document").check();
    nationality
        .getByLabel("Nouveau document (si vous le mettez à jour) :")
        .setInputFiles(new FilePayload("passeport-lisible.png", "image/png", TestFiles.png()));
    Locator home =
        applicant.getByRole(
            AriaRole.GROUP,
            new Page.GetByRoleOptions()
                .setName("Justificatif de domicile datant de moins de 6 mois :"));
    home.getByLabel("Maintenir le Document").check();
    home.getByLabel(
            "Veuillez préciser les raisons du maintien du document (si vous le maintenez) :")
        .fill("La facture est du 2 novembre : elle a moins de 6 mois.");
    applicant.getByLabel("Message à l'agent :").fill("Voici une copie lisible de mon passeport.");
    browser.screenshots(applicant, "demandeur-reponse-complement");
    applicant
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Valider et envoyer"))
        .click();
    assertThat(applicant.getByRole(AriaRole.STATUS))
        .hasText("Votre réponse a bien été envoyée à l'agent instructeur.");
    applicant.navigate("/mon-espace/notifications");
    assertThat(request).containsText("Lu le " + TestDates.today().format(FRENCH_DATE));
    browser.screenshots(applicant, "demandeur-notifications-lues");

    // The agent sees the answers and accepts: the second round is already theirs (no « Prendre en
    // charge »).
    browser.openOwnTask(
        agent, "Demandes à examiner", review, taskOf(filed.processInstanceId(), review));
    assertThat(agent.getByLabel("Réponses de l'usager aux demandes de complément"))
        .hasValue(
            Pattern.compile(
                ".*Justificatif de nationalité : document mis à jour.*document maintenu.*Voici une copie lisible.*",
                Pattern.DOTALL));
    assertThat(group(agent, "Justificatif de nationalité")).containsText("passeport-lisible.png");
    for (String document :
        new String[] {
          "Justificatif de nationalité",
          "Justificatif de domicile datant de moins de 6 mois",
          "Justificatif de résidence habituelle"
        }) {
      verdict(agent, document, "Valide", null);
    }
    browser.screenshot(agent, "agent-examen-valide");
    complete(agent);
    agent.context().close();
    applicant.context().close();
  }

  static void verdict(Page agent, String document, String verdict, String observation) {
    Locator block = group(agent, document);
    block.getByLabel(verdict, new Locator.GetByLabelOptions().setExact(true)).check();
    if (observation != null) {
      block.getByLabel("Observations (transmises à l'usager)").fill(observation);
    }
  }

  @Test
  @Order(4)
  @DisplayName(
      "Le médecin de l'OFII puis le collège rendent l'avis ; l'agent retrouve la demande dans Cockpit, n'accède à aucune donnée médicale, décide favorablement ; le demandeur télécharge l'attestation")
  void opinionAndDecision() throws Exception {
    TestFilings.Filed filed = reviewedCase();
    String applicantId = filed.applicantId();
    String requestNumber = numberOf(filed);
    Page applicant = browser.person();
    browser.camundaLogin(applicant, "tasklist", applicantId, TestApplicants.PASSWORD);
    applicant.navigate("/mon-espace/notifications");
    Locator blankForm =
        applicant.getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions()
                .setName("Mise à disposition de votre formulaire vierge de certificat médical"));
    reloadUntilVisible(applicant, blankForm, "le formulaire vierge de certificat médical");
    blankForm.click();
    String certificate =
        pdfText(
            browser.download(
                applicant,
                applicant.getByRole(
                    AriaRole.LINK,
                    new Page.GetByRoleOptions()
                        .setName("TÉLÉCHARGER LE FORMULAIRE VIERGE DE CERTIFICAT MÉDICAL"))));
    assertThat(certificate).contains("CERTIFICAT MEDICAL CONFIDENTIEL", applicantId, "TESTEUR");
    browser.screenshots(applicant, "demandeur-certificat-vierge");
    browser.checkAccessibility(applicant, "Notification (certificat médical)");

    // OFII's doctor: the certificate, its scan on the medical file's page, the report.
    Page doctor = browser.person();
    browser.camundaLogin(doctor, "tasklist", "medecin.ofii", PASSWORD);
    String certificateTask = "Enregistrer la réception du certificat";
    browser.openTask(
        doctor, "Dossiers médicaux", certificateTask, ofiiTaskOf(requestNumber, certificateTask));
    assertThat(doctor.getByLabel("N° de la demande")).hasValue(requestNumber);
    Locator received = doctor.getByLabel("Date de réception du certificat médical");
    received.fill(TestDates.today().format(FRENCH_DATE));
    received.press("Enter");
    Page file =
        doctor.waitForPopup(
            () ->
                doctor
                    .getByText("Déposer les scans du certificat et des pièces médicales")
                    .click());
    file.bringToFront();
    assertThat(
            file.getByRole(
                AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Dossier médical — secret médical")))
        .isVisible();
    String medicalFileUrl = file.url();
    file.getByLabel("Type de pièce")
        .selectOption(
            new com.microsoft.playwright.options.SelectOption()
                .setLabel("Certificat médical confidentiel"));
    file.getByLabel(Pattern.compile("^Fichiers"))
        .setInputFiles(
            new FilePayload("certificat-scanne.pdf", "application/pdf", TestFiles.pdf()));
    file.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Déposer")).click();
    assertThat(file.locator("main")).containsText("certificat-scanne.pdf");
    browser.screenshot(file, "ofii-dossier-medical");
    file.close();
    doctor.bringToFront();
    browser.screenshot(doctor, "ofii-certificat");
    complete(doctor);

    String report = "Rédiger le rapport médical";
    browser.openTask(doctor, "Dossiers médicaux", report, ofiiTaskOf(requestNumber, report));
    doctor.getByLabel("Le rapport est complet : le transmettre au collège").check();
    doctor.getByLabel("Histoire de la maladie").fill("Pathologie chronique suivie depuis 2021.");
    doctor.getByLabel("Durée prévisible des soins (mois)").fill("12");
    browser.screenshot(doctor, "ofii-rapport");
    complete(doctor);
    doctor.context().close();

    // The college: three doctors, none the report's author.
    for (String member : new String[] {"medecin.ofii2", "medecin.ofii3", "medecin.ofii4"}) {
      Page college = browser.person();
      browser.camundaLogin(college, "tasklist", member, PASSWORD);
      String opinion = "Avis du collège de médecins";
      browser.openTask(college, "Collège de médecins", opinion, ofiiTaskOf(requestNumber, opinion));
      assertThat(college.getByLabel("Rapport médical", new Page.GetByLabelOptions().setExact(true)))
          .hasValue(Pattern.compile("Pathologie chronique"));
      answer(college, "L'état de santé nécessite une prise en charge médicale", "Oui");
      answer(
          college,
          "Le défaut de prise en charge peut entraîner des conséquences d'une exceptionnelle gravité",
          "Oui");
      answer(
          college,
          "Le demandeur peut bénéficier effectivement d'un traitement approprié dans son pays d'origine",
          "Non");
      answer(
          college, "L'état de santé permet de voyager sans risque vers le pays d'origine", "Oui");
      college.getByLabel("Durée prévisible des soins (mois)").fill("12");
      if (member.equals("medecin.ofii2")) {
        browser.screenshot(college, "ofii-college");
      }
      complete(college);
      college.context().close();
    }

    // The préfecture's agent: the case in Cockpit by its N° de la demande, with its status.
    Page agent = browser.person();
    browser.camundaLogin(agent, "cockpit", "agent.lille", PASSWORD);
    agent
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Processus").setExact(true))
        .first()
        .click();
    agent
        .getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions()
                .setName("Renouvellement de titre de séjour – étranger malade"))
        .click();
    // Cockpit re-renders its search bar while the instance list loads: a pill chosen too early can
    // vanish, even after its value field appeared. The whole search is one attempt; a failed one
    // starts again from a freshly loaded page of the process.
    agent.waitForURL(Pattern.compile(".*#/process-definition/.*"));
    String processPage = agent.url();
    Locator row = agent.locator("tr").filter(new Locator.FilterOptions().setHasText(requestNumber));
    eventually(
        "la demande " + requestNumber + " trouvée par la recherche « Business Key » de Cockpit",
        () -> {
          try {
            agent.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
            agent
                .locator("td.instance-id a")
                .first()
                .waitFor(new Locator.WaitForOptions().setTimeout(10_000));
            agent
                .locator("[cam-widget-search] input")
                .first()
                .click(new Locator.ClickOptions().setTimeout(5_000));
            agent
                .locator("[cam-widget-search] .dropdown-menu")
                .getByText("N° de la demande", new Locator.GetByTextOptions().setExact(true))
                .click(new Locator.ClickOptions().setTimeout(5_000));
            Locator value = agent.locator("[cam-widget-search] .value-field input");
            value.fill(requestNumber, new Locator.FillOptions().setTimeout(5_000));
            value.press("Enter", new Locator.PressOptions().setTimeout(5_000));
            row.first().waitFor(new Locator.WaitForOptions().setTimeout(10_000));
            return true;
          } catch (com.microsoft.playwright.TimeoutError notYet) {
            agent.navigate(processPage);
            agent.reload();
            return false;
          }
        });
    assertThat(row).hasCount(1);
    browser.screenshot(agent, "cockpit-recherche");
    browser.noCamundaEnglish(agent, "Cockpit : recherche par N° de la demande");
    row.locator("td.instance-id a").first().click();
    Locator status =
        agent
            .locator("tr")
            .filter(
                new Locator.FilterOptions()
                    .setHas(
                        agent.getByText("caseStatus", new Page.GetByTextOptions().setExact(true))));
    assertThat(status).isVisible();
    assertThat(status).containsText("instruction_medicale");
    browser.screenshot(agent, "cockpit-demande");

    // An OFII address opened directly: no medical data.
    Response forbidden = agent.navigate(medicalFileUrl);
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(agent.locator("body")).not().containsText("Pathologie");
    assertThat(agent.locator("body")).not().containsText("certificat-scanne.pdf");
    assertThat(agent.locator("body")).not().containsText("Dossier médical");
    assertThat(
            agent.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Accès refusé")))
        .isVisible();
    browser.checkAccessibility(agent, "Accès refusé");
    browser.screenshot(agent, "agent-url-ofii-refusee");

    // The decision, in Tasklist (the same session).
    agent.navigate("/camunda/app/tasklist/");
    String decide = "Décider de la demande";
    browser.openOwnTask(
        agent, "Demandes à examiner", decide, taskOf(filed.processInstanceId(), decide));
    assertThat(agent.getByLabel("N° de la demande")).hasValue(requestNumber);
    assertThat(agent.getByLabel("Avis du collège de médecins de l'OFII"))
        .hasValue(Pattern.compile(".*Durée prévisible des soins : 12 mois.*", Pattern.DOTALL));
    assertThat(agent.getByLabel("Avis du collège de médecins de l'OFII"))
        .not()
        .hasValue(Pattern.compile(".*Pathologie.*", Pattern.DOTALL));
    agent
        .getByLabel(
            "Décision favorable – délivrance d'une carte de séjour temporaire « vie privée et familiale »")
        .check();
    assertThat(agent.getByLabel("Carte valable du")).not().isEmpty();
    browser.screenshot(agent, "agent-decision");
    complete(agent);
    agent.context().close();

    // The applicant downloads the « ATTESTATION DE DÉCISION FAVORABLE ».
    applicant.navigate("/mon-espace");
    Locator attestation =
        applicant.getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions()
                .setName(
                    Pattern.compile(
                        "attestation-decision-favorable|decision-favorable",
                        Pattern.CASE_INSENSITIVE)));
    reloadUntilVisible(
        applicant, attestation, "l'attestation de décision favorable dans « Mon espace »");
    assertThat(applicant.locator("tbody")).containsText("Décision favorable");
    browser.screenshots(applicant, "demandeur-decision-favorable");
    browser.checkAccessibility(applicant, "Mon espace (décision)");
    String text = pdfText(browser.download(applicant, attestation));
    assertThat(text).contains("ATTESTATION DE DÉCISION FAVORABLE", "TESTEUR", requestNumber);
    applicant.context().close();
  }

  @Test
  @Order(5)
  @DisplayName(
      "Au guichet, l'agent vérifie le titre, demande le compte, dépose la demande dans Tasklist avec les documents numérisés ; l'attestation le dit")
  void counterRoute() throws Exception {
    String person = "5903007268";
    String label = " — au guichet pour CINQ OFII (" + person + ")";
    Page agent = browser.person();
    browser.camundaLogin(agent, "tasklist", "agent.lille", "Demo-2026!");
    agent.navigate("/agent/guichet");
    browser.checkAccessibility(agent, "Guichet (vérification du titre)");
    fillTitle(agent, "5900004338", "1", "3", "2026", "27", "2", "2027");
    Locator refusal = agent.getByRole(AriaRole.ALERT);
    assertThat(refusal).containsText("ne correspondent à aucun visa ni titre de séjour");
    assertThat(refusal).isFocused();
    fillTitle(agent, "5900004338", "1", "3", "2026", "28", "2", "2027");
    assertThat(
            agent.getByRole(
                AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Personne reçue : CINQ OFII")))
        .isVisible();
    agent.getByLabel("Adresse email de la personne *").fill("cinq@exemple.fr");
    agent.getByLabel("Confirmation de l'adresse email *").fill("cinq@exemple.fr");
    agent
        .getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Créer son compte"))
        .click();
    assertThat(agent.getByRole(AriaRole.STATUS))
        .containsText("Demande de création de compte bien enregistrée");
    agent
        .getByRole(
            AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Ouvrir une demande de renouvellement au guichet"))
        .click();
    assertThat(agent.getByRole(AriaRole.STATUS)).containsText("Demande ouverte au guichet");
    browser.screenshot(agent, "guichet-demande-ouverte");
    browser.checkAccessibility(agent, "Guichet (personne reçue)");

    agent.navigate("/camunda/app/tasklist/");
    browser.openTask(agent, "Mes démarches", "1. Informations personnelles" + label);
    assertThat(agent.getByLabel("Nom de naissance")).hasValue("OFII");
    choose(agent, "Type d'hébergement", "À mon domicile (propriétaire ou locataire)");
    agent.getByLabel(Pattern.compile("^Email")).fill("cinq@exemple.fr");
    agent.getByLabel("Téléphone").fill("06 98 76 54 32");
    agent.getByLabel("Enregistrer et poursuivre").check();
    browser.screenshot(agent, "guichet-etape-1");
    browser.noCamundaEnglish(agent, "Guichet : étape 1 dans Tasklist (agent)");
    complete(agent);
    browser.openTask(agent, "Mes démarches", "2. Motif de séjour" + label);
    fillReasonForStay(agent);
    complete(agent);
    browser.openTask(agent, "Mes démarches", "3. Justificatifs" + label);

    // The step's link leads an agent to the counter page, and from there to the draft's scans.
    Page upload =
        agent.waitForPopup(() -> agent.getByText("Joindre mes documents justificatifs").click());
    upload.bringToFront();
    upload
        .getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName("Joindre les documents numérisés"))
        .first()
        .click();
    assertThat(upload.getByText("Demande ouverte au guichet pour")).containsText("CINQ OFII");
    browser.checkAccessibility(upload, "Guichet (documents numérisés)");
    chooseFiles(
        upload,
        "NATIONALITY",
        new FilePayload("passeport-scan.pdf", "application/pdf", TestFiles.pdf()));
    chooseFiles(
        upload, "HOME_PROOF", new FilePayload("facture-scan.png", "image/png", TestFiles.png()));
    chooseFiles(
        upload,
        "HABITUAL_RESIDENCE",
        new FilePayload("attestation-scan.jpg", "image/jpeg", TestFiles.image("jpg")));
    sendAll(upload);
    assertThat(upload.getByRole(AriaRole.STATUS)).hasText("3 fichiers enregistrés.");
    assertThat(upload.locator("#document-HABITUAL_RESIDENCE")).containsText("attestation-scan.jpg");
    browser.screenshot(upload, "guichet-documents-numerises");
    upload.close();
    agent.bringToFront();

    agent.getByLabel("Numéro ephoto (22 chiffres)").fill("2234567890123456789012");
    agent.getByLabel("Confirmer le numéro ephoto").fill("2234567890123456789012");
    agent.getByLabel("Enregistrer et poursuivre").check();
    complete(agent);
    browser.openTask(agent, "Mes démarches", "4. Dépôt de la demande" + label);
    agent.getByLabel("Déposer la demande").check();
    complete(agent);

    // The case page: history « agent.lille pour … (guichet) », and the receipt to print for the
    // person.
    agent.navigate("/agent/guichet");
    Locator filed =
        agent.getByRole(
            AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Demande N° ")));
    reloadUntilVisible(agent, filed, "la demande déposée au guichet");
    filed.click();
    Locator receipt =
        agent.getByRole(
            AriaRole.LINK,
            new Page.GetByRoleOptions().setName(Pattern.compile("^confirmation-depot-")));
    reloadUntilVisible(agent, receipt, "l'attestation de dépôt sur la page de la demande");
    assertThat(agent.locator("table").last())
        .containsText("agent.lille pour " + person + " (guichet)");
    browser.screenshot(agent, "guichet-demande-deposee");
    String text = pdfText(browser.download(agent, receipt)).replaceAll("\\s+", " ");
    assertThat(text)
        .contains(
            "CONFIRMATION DU DÉPÔT",
            "OFII",
            "CINQ",
            person,
            "Demande déposée au guichet par",
            "(agent.lille)");
    agent.context().close();
  }

  @Test
  @Order(6)
  @DisplayName(
      "Le responsable du Nord lit le tableau de bord de sa préfecture (statuts, graphique des durées, échéances, prévisions) sur ordinateur et sur téléphone, et télécharge le classeur")
  void managerDashboard() throws Exception {
    // A case decided favourably in the Nord, as the decision leaves its row (the journey of the
    // decision proves the way there); removed at the end, so that no other test meets it.
    java.util.UUID decided = java.util.UUID.randomUUID();
    jdbc.update(
        "insert into renewal_case (id, version, applicant_id, process_instance_id, status,"
            + " request_number, department, holds_residence_permit, created_at, deposited_at,"
            + " closed_at) values (?, 0, 'navigateur.test', ?, 'FAVOURABLE', ?, '59', true, ?, ?, ?)",
        decided,
        decided.toString(),
        "59"
            + String.format(
                "%017d", Math.abs(decided.getLeastSignificantBits() % 100_000_000_000L)),
        java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(40))),
        java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(37))),
        java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(2))));
    try {
      dashboardOfTheNord();
    } finally {
      jdbc.update("delete from renewal_case where id = ?", decided);
    }
  }

  void dashboardOfTheNord() throws Exception {
    Page manager = browser.person();
    manager.navigate("/gestion");
    assertThat(manager).hasURL(Pattern.compile(".*/connexion\\?suite=%2Fgestion$"));
    manager.getByLabel("Identifiant :").fill("manager.lille");
    manager.getByLabel("Mot de passe :").fill(PASSWORD);
    manager.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("S'identifier")).click();
    assertThat(manager).hasURL(Pattern.compile(".*/gestion$"));
    assertThat(
            manager.getByRole(
                AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Tableau de bord : Préfecture du Nord")))
        .isVisible();
    assertThat(
            manager.getByRole(
                AriaRole.IMG, new Page.GetByRoleOptions().setName("Durée par étape, en jours")))
        .isVisible();
    // The case decided favourably in the Nord.
    assertThat(
            manager.getByRole(
                AriaRole.ROW,
                new Page.GetByRoleOptions().setName(Pattern.compile("^Décision favorable [1-9]"))))
        .isVisible();
    browser.screenshots(manager, "responsable-tableau-de-bord");
    browser.checkAccessibility(manager, "Tableau de bord de la préfecture");
    byte[] ods =
        browser.download(
            manager,
            manager.getByRole(
                AriaRole.LINK,
                new Page.GetByRoleOptions()
                    .setName("Tous les tableaux, classeur ODS (LibreOffice, Excel)")));
    assertThat(new String(ods, 30, 8, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("mimetype");
    manager.context().close();
  }

  static void fillTitle(
      Page page,
      String number,
      String fromDay,
      String fromMonth,
      String fromYear,
      String untilDay,
      String untilMonth,
      String untilYear) {
    page.getByLabel("N° du visa ou du titre de séjour *").fill(number);
    Locator from =
        page.getByRole(
            AriaRole.GROUP, new Page.GetByRoleOptions().setName("Date de début de validité *"));
    from.getByLabel("Jour").fill(fromDay);
    from.getByLabel("Mois").fill(fromMonth);
    from.getByLabel("Année").fill(fromYear);
    Locator until =
        page.getByRole(
            AriaRole.GROUP, new Page.GetByRoleOptions().setName("Date de fin de validité *"));
    until.getByLabel("Jour").fill(untilDay);
    until.getByLabel("Mois").fill(untilMonth);
    until.getByLabel("Année").fill(untilYear);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vérifier le titre"))
        .click();
    page.waitForLoadState();
  }

  @Test
  @Order(6)
  @DisplayName(
      "Cockpit tel que l'agent le voit (tableau de bord, processus) : en français, sans violation axe grave")
  void cockpitMainScreens() {
    // Independent of the case the other journeys follow: only the demo users.
    Page agent = browser.person();
    browser.camundaLogin(agent, "cockpit", "agent.lille", PASSWORD);
    assertThat(agent.locator(".ce-eol-banner")).isHidden();
    agent.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    browser.screenshot(agent, "cockpit-tableau-de-bord");
    browser.noCamundaEnglish(agent, "Cockpit : tableau de bord (agent)");
    browser.checkAccessibility(agent, "Cockpit : tableau de bord (agent)");
    agent
        .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Processus").setExact(true))
        .first()
        .click();
    assertThat(
            agent.getByRole(
                AriaRole.LINK,
                new Page.GetByRoleOptions()
                    .setName("Renouvellement de titre de séjour – étranger malade")))
        .isVisible();
    agent.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
    browser.screenshot(agent, "cockpit-processus");
    browser.noCamundaEnglish(agent, "Cockpit : processus (agent)");
    browser.checkAccessibility(agent, "Cockpit : processus (agent)");
    agent.context().close();
  }

  static void answer(Page page, String question, String choice) {
    page.locator(".fjs-form-field-radio")
        .filter(new Locator.FilterOptions().setHasText(question))
        .getByLabel(choice, new Locator.GetByLabelOptions().setExact(true))
        .check();
  }

  /** Reloads the page until the element shows: it depends on a job of the engine. */
  static void reloadUntilVisible(Page page, Locator element, String what) {
    eventually(
        what,
        () -> {
          try {
            element.waitFor(new Locator.WaitForOptions().setTimeout(5_000));
            return true;
          } catch (com.microsoft.playwright.TimeoutError notYet) {
            page.reload();
            return false;
          }
        });
  }

  static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }
}
