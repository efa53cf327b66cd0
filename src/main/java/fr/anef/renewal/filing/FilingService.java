package fr.anef.renewal.filing;

import static fr.anef.renewal.processes.RenewalProcess.DEPOSIT;
import static fr.anef.renewal.processes.RenewalProcess.PERSONAL_INFORMATION;
import static fr.anef.renewal.processes.RenewalProcess.REASON_FOR_STAY;
import static fr.anef.renewal.processes.RenewalProcess.SUPPORTING_DOCUMENTS;

import fr.anef.renewal.cases.CaseEventKind;
import fr.anef.renewal.cases.CaseLabels;
import fr.anef.renewal.cases.Cases;
import fr.anef.renewal.cases.FilingTiming;
import fr.anef.renewal.cases.RenewalCase;
import fr.anef.renewal.documents.DocumentFile;
import fr.anef.renewal.documents.DocumentRequirement;
import fr.anef.renewal.documents.DocumentService;
import fr.anef.renewal.documents.RequiredDocuments;
import fr.anef.renewal.models.ProcedureTimers;
import fr.anef.renewal.pdf.PdfRenderer;
import fr.anef.renewal.pdf.RequiredDocumentItem;
import fr.anef.renewal.prefecture.AgentScopes;
import fr.anef.renewal.prefecture.CaseScopes;
import fr.anef.renewal.prefecture.Prefecture;
import fr.anef.renewal.prefecture.Prefectures;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.register.RegisteredPerson;
import fr.anef.renewal.register.ResidenceTitle;
import fr.anef.renewal.shared.ActorGroups;
import fr.anef.renewal.shared.FormVariables;
import fr.anef.renewal.shared.ProcessActors.Authentication;
import fr.anef.renewal.shared.Refusal;
import fr.anef.renewal.shared.TimerDate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The draft of a renewal, from the start form to the dépôt. Every step is validated here again and
 * saved in the case; a refusal rolls the whole engine transaction back, so nothing of a refused
 * step is stored.
 */
@Service
public class FilingService {

  static final DateTimeFormatter DATE = fr.anef.renewal.shared.FormValues.FRENCH_DATE;
  static final Map<String, String> STEP_NAMES =
      Map.of(
          PERSONAL_INFORMATION,
          "1. Informations personnelles",
          REASON_FOR_STAY,
          "2. Motif de séjour",
          SUPPORTING_DOCUMENTS,
          "3. Justificatifs",
          DEPOSIT,
          "4. Dépôt de la demande");

  /** Step 3's display variable: the documents to attach and how many files each has. */
  static final String DOCUMENTS_LIST = "requiredDocumentsList";

  private final Cases cases;
  private final Register register;
  private final DocumentService documents;
  private final RequiredDocuments requiredDocuments;
  private final RequestNumbers requestNumbers;
  private final PdfRenderer pdf;
  private final RuntimeService runtime;
  private final Clock clock;
  private final CaseScopes scopes;
  private final ProcedureTimers timers;

  FilingService(
      Cases cases,
      Register register,
      DocumentService documents,
      RequiredDocuments requiredDocuments,
      RequestNumbers requestNumbers,
      PdfRenderer pdf,
      RuntimeService runtime,
      Clock clock,
      CaseScopes scopes,
      ProcedureTimers timers) {
    this.cases = cases;
    this.register = register;
    this.documents = documents;
    this.requiredDocuments = requiredDocuments;
    this.requestNumbers = requestNumbers;
    this.pdf = pdf;
    this.runtime = runtime;
    this.clock = clock;
    this.scopes = scopes;
    this.timers = timers;
  }

  /**
   * Opens the draft of the authenticated applicant who started the process — or, on the counter
   * route, of the person a préfecture agent files for ({@code counterApplicantId}, honoured only
   * when the starter is an agent) — and returns the variables that prefill step 1 (taken from the
   * register, never from what the start request sent). {@code filedBy} is who fills the steps: the
   * applicant, or the agent at the counter.
   */
  @Transactional
  public Map<String, Object> openDraft(
      String processInstanceId,
      Authentication starter,
      FilingForms.StartRenewal form,
      Object counterApplicantId) {
    if (!Boolean.TRUE.equals(form.renewalRequested())) {
      throw new Refusal(
          "Cochez « Je sollicite le renouvellement de ce titre » pour commencer votre demande.");
    }
    if (starter == null || starter.getUserId() == null) {
      throw new Refusal(
          "La demande doit être faite par le titulaire du titre, connecté à son espace.");
    }
    List<String> groups = starter.getGroupIds() == null ? List.of() : starter.getGroupIds();
    boolean atCounter = groups.contains(ActorGroups.PREFECTURE_AGENTS);
    if (atCounter
        && (!(counterApplicantId instanceof String) || ((String) counterApplicantId).isBlank())) {
      throw new Refusal(
          "Au guichet, ouvrez la demande depuis la page « Guichet » (/agent/guichet), après avoir "
              + "vérifié le titre de séjour du demandeur.");
    }
    if (!atCounter && !groups.contains(ActorGroups.APPLICANTS)) {
      throw new Refusal(
          "Seul le titulaire d'un compte usager peut demander le renouvellement de son titre en ligne.");
    }
    String applicantId = atCounter ? ((String) counterApplicantId).strip() : starter.getUserId();
    RegisteredPerson person =
        register
            .lockPerson(applicantId)
            .orElseThrow(
                () ->
                    new Refusal(
                        "Aucune personne n'est enregistrée sous l'identifiant "
                            + applicantId
                            + " : la demande ne peut pas être ouverte."));
    cases
        .openCase(applicantId)
        .ifPresent(
            open -> {
              throw new Refusal(alreadyOpen(open, atCounter));
            });
    // The competent préfecture of the person's residence (CESEDA R. 431-20); at the counter, only
    // the agent's own.
    Prefecture competent = Prefectures.competentFor(person.getPostalCode());
    if (atCounter) {
      String agentDepartment =
          AgentScopes.departmentOf(groups)
              .orElseThrow(
                  () ->
                      new Refusal(
                          "Votre compte n'est rattaché à aucune préfecture : la demande ne peut pas être ouverte au guichet."));
      if (!agentDepartment.equals(competent.department())) {
        throw new Refusal(
            "Cette personne réside à "
                + person.getCity()
                + " ("
                + person.getPostalCode()
                + ") : sa demande "
                + "relève de la "
                + lowerFirst(competent.name())
                + ", pas de la "
                + lowerFirst(Prefectures.name(agentDepartment))
                + ". Orientez-la vers la préfecture compétente.");
      }
    }
    Optional<ResidenceTitle> title = register.latestTitle(applicantId);
    String department = competent.department();
    RenewalCase draft =
        new RenewalCase(
            applicantId,
            processInstanceId,
            department,
            title.isPresent(),
            title.map(ResidenceTitle::getTitleNumber).orElse(null),
            title.map(ResidenceTitle::getValidUntil).orElse(null),
            clock.instant());
    if (atCounter) {
      draft.openedAtCounterBy(starter.getUserId());
    }
    cases.save(draft);
    logFilerAct(
        draft,
        CaseEventKind.DRAFT_OPENED,
        atCounter ? "Demande ouverte au guichet de la préfecture" : "Brouillon ouvert");
    Map<String, Object> variables = stepOneVariables(draft, person, title);
    variables.put(RenewalProcess.VAR_FILED_BY, filer(draft));
    return variables;
  }

  /**
   * Why a new renewal cannot be opened while {@code open} is not finished, in the words of who
   * asks.
   */
  public static String alreadyOpen(RenewalCase open, boolean atCounter) {
    if (open.isDraft()) {
      return !atCounter
          ? "Vous avez déjà une demande de renouvellement en cours de saisie : reprenez-la depuis votre liste de tâches."
          : open.filedAtCounter()
              ? "Une demande de renouvellement de cette personne est déjà en cours de saisie au guichet."
              : "Une demande de renouvellement de cette personne est déjà en cours de saisie dans son espace en ligne.";
    }
    return (atCounter
            ? "Cette personne a déjà une demande de renouvellement en cours"
            : "Vous avez déjà une demande de " + "renouvellement en cours")
        + " (N° "
        + open.getRequestNumber()
        + ", « "
        + open.getStatus().label()
        + " ») : "
        + "une nouvelle demande ne peut être ouverte qu'après la décision ou la clôture de celle-ci.";
  }

  private Map<String, Object> stepOneVariables(
      RenewalCase draft, RegisteredPerson person, Optional<ResidenceTitle> title) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(RenewalProcess.VAR_CASE_ID, draft.getId().toString());
    variables.put(RenewalProcess.VAR_APPLICANT_ID, draft.getApplicantId());
    variables.put(
        "currentTitleSummary",
        title
            .map(
                t ->
                    "Vous êtes titulaire d'un titre de séjour en tant que « "
                        + t.getCategory()
                        + " ». Ce titre porte la mention « "
                        + t.getMention()
                        + " ». Il expire le "
                        + t.getValidUntil().format(DATE)
                        + ".")
            .orElse("Vous êtes titulaire d'un numéro étranger sans titre de séjour."));
    variables.put(
        "filingWindow",
        title
            .map(t -> filingWindowText(t.getValidUntil()))
            .orElse("Sans titre de séjour en cours, aucune période de dépôt ne s'applique."));
    variables.put("birthName", person.getBirthName());
    variables.put("usageName", Objects.toString(person.getUsageName(), ""));
    variables.put("firstNames", person.getFirstNames());
    variables.put("sex", "F".equals(person.getSex()) ? "Féminin" : "Masculin");
    variables.put("birthDate", person.getBirthDate().format(DATE));
    variables.put("birthCountry", person.getBirthCountry());
    variables.put("birthPlace", person.getBirthPlace());
    variables.put("nationality", person.getNationality());
    variables.put("addressLine", person.getAddressLine());
    variables.put("postalCode", person.getPostalCode());
    variables.put("city", person.getCity());
    variables.put("country", person.getCountry());
    variables.put("email", Objects.toString(person.getEmail(), ""));
    variables.put("phone", Objects.toString(person.getPhone(), ""));
    return variables;
  }

  String filingWindowText(LocalDate expiry) {
    LocalDate today = LocalDate.now(clock);
    String window =
        "La demande de renouvellement se dépose entre le 120e et le 60e jour avant l'expiration du titre : du "
            + FilingTiming.windowStart(expiry).format(DATE)
            + " au "
            + FilingTiming.windowEnd(expiry).format(DATE)
            + ".";
    FilingTiming timing = FilingTiming.of(today, expiry);
    return timing == FilingTiming.ON_TIME
        ? window
        : window
            + " Déposée aujourd'hui, votre demande sera enregistrée comme "
            + timing.label()
            + ".";
  }

  /**
   * What a step's task shows when it is created: the display variables its form needs and, for a
   * draft opened at the counter, « au guichet pour PRÉNOM NOM (N° étranger) » (an agent may hold
   * several drafts).
   */
  public record StepDisplay(Map<String, Object> variables, Optional<String> counterLabel) {}

  @Transactional(readOnly = true)
  public StepDisplay prepareStep(String processInstanceId, String taskDefinitionKey) {
    RenewalCase draft = cases.caseOf(processInstanceId);
    Map<String, Object> variables =
        switch (taskDefinitionKey) {
          case SUPPORTING_DOCUMENTS -> Map.of(DOCUMENTS_LIST, requiredDocumentsText(draft.getId()));
          case DEPOSIT -> Map.of("depositSummary", summary(draft));
          default -> Map.of();
        };
    Optional<String> counterLabel =
        draft.filedAtCounter()
            ? register
                .person(draft.getApplicantId())
                .map(
                    p ->
                        "au guichet pour "
                            + p.getFirstNames()
                            + " "
                            + p.getBirthName()
                            + " ("
                            + p.getForeignerNumber()
                            + ")")
            : Optional.empty();
    return new StepDisplay(variables, counterLabel);
  }

  /**
   * Records the end of a step: checks the case is still a draft and that the process variables that
   * carry identity were not rewritten, then (for « Enregistrer et poursuivre ») validates and saves
   * the step.
   *
   * @return the action chosen, normalised for the gateway
   */
  @Transactional
  public String recordStep(String processInstanceId, String stepId, FormVariables variables) {
    RenewalCase draft = cases.caseOf(processInstanceId);
    if (!draft.isDraft()) {
      throw new Refusal("Cette demande n'est plus modifiable.");
    }
    if (!draft.getApplicantId().equals(variables.get(RenewalProcess.VAR_APPLICANT_ID))
        || !draft.getId().toString().equals(variables.get(RenewalProcess.VAR_CASE_ID))
        || !filer(draft).equals(variables.get(RenewalProcess.VAR_FILED_BY))) {
      throw new Refusal(
          "Modification non autorisée : l'identifiant du demandeur et celui de la demande ne peuvent pas être changés.");
    }
    FilingForms.Step form =
        switch (stepId) {
          case PERSONAL_INFORMATION -> FilingForms.PersonalInformation.from(variables);
          case REASON_FOR_STAY -> FilingForms.ReasonForStay.from(variables);
          case SUPPORTING_DOCUMENTS -> FilingForms.SupportingDocuments.from(variables);
          case DEPOSIT -> FilingForms.Deposit.from(variables);
          default -> throw new IllegalArgumentException("Étape inconnue : " + stepId);
        };
    StepAction action = StepAction.parse(form.action());
    if (action == StepAction.BACK && PERSONAL_INFORMATION.equals(stepId)) {
      throw new Refusal(
          "Il n'y a pas d'étape précédente : l'étape 1 est la première étape de la demande.");
    }
    if (action == StepAction.NEXT) {
      saveStep(draft, form);
      logFilerAct(draft, CaseEventKind.STEP_SAVED, STEP_NAMES.getOrDefault(stepId, stepId));
    }
    return action.name();
  }

  private void saveStep(RenewalCase draft, FilingForms.Step form) {
    if (form instanceof FilingForms.PersonalInformation step) {
      var contact = valid(StepValidator.contact(step));
      draft.recordContact(contact.email(), contact.phone(), contact.housingType());
    } else if (form instanceof FilingForms.ReasonForStay step) {
      LocalDate birthDate =
          register.person(draft.getApplicantId()).map(RegisteredPerson::getBirthDate).orElse(null);
      var family = valid(StepValidator.family(step, LocalDate.now(clock), birthDate));
      draft.recordFamily(
          family.maritalStatus(),
          family.unionDate(),
          family.unionCountry(),
          family.spouseChildren(),
          family.dependentChildren());
    } else if (form instanceof FilingForms.SupportingDocuments step) {
      StepValidator.Result<String> ephoto = StepValidator.ephoto(step);
      List<String> errors = new ArrayList<>(ephoto.errors());
      errors.addAll(missingDocuments(draft.getId()));
      Refusal.unless(errors);
      draft.recordEphoto(ephoto.value());
    } else if (form instanceof FilingForms.Deposit step) {
      draft.recordObservations(valid(StepValidator.observations(step)));
    }
  }

  private static <T> T valid(StepValidator.Result<T> result) {
    Refusal.unless(result.errors());
    return result.value();
  }

  private List<String> missingDocuments(UUID caseId) {
    Map<String, Long> counts =
        documents.filesOf(caseId).stream()
            .collect(Collectors.groupingBy(DocumentFile::getDocumentCode, Collectors.counting()));
    return documents.requirements(caseId).stream()
        .filter(r -> !counts.containsKey(r.code()))
        .map(r -> "Le document « " + r.label() + " » est manquant : joignez au moins un fichier.")
        .toList();
  }

  /**
   * Asks the DMN which documents the case requires (before step 3, so a change of housing applies).
   */
  @Transactional
  public void determineRequiredDocuments(String processInstanceId) {
    RenewalCase draft = cases.caseOf(processInstanceId);
    documents.requireDocuments(
        draft.getId(),
        requiredDocuments.forSituation(draft.getHousingType(), draft.holdsResidencePermit()));
  }

  @Transactional
  public void abandon(String processInstanceId) {
    RenewalCase draft = cases.caseOf(processInstanceId);
    draft.abandon(clock.instant());
    cases.save(draft);
    logFilerAct(draft, CaseEventKind.ABANDONED, "Demande abandonnée");
  }

  /**
   * The dépôt: every step must be saved and every required document present; assigns the N° de la
   * demande. Afterwards nothing the applicant filed can change.
   *
   * @return the N° de la demande, the process business key from now on
   */
  @Transactional
  public String deposit(String processInstanceId) {
    RenewalCase draft = cases.caseOf(processInstanceId);
    if (!draft.isDraft()) {
      throw new Refusal("Cette demande a déjà été déposée ou abandonnée.");
    }
    // Under the person's lock: of two drafts of one person (opened before the one-open-renewal
    // rule, or racing), only one is deposited.
    register.lockPerson(draft.getApplicantId());
    Optional<RenewalCase> other =
        cases.casesOf(draft.getApplicantId()).stream()
            .filter(
                c -> !c.getId().equals(draft.getId()) && !c.isDraft() && !c.getStatus().isFinal())
            .findFirst();
    if (other.isPresent()) {
      throw new Refusal(alreadyOpen(other.get(), draft.filedAtCounter()));
    }
    List<String> errors = new ArrayList<>();
    if (draft.getPhone() == null) {
      errors.add("L'étape 1 « Informations personnelles » n'est pas enregistrée.");
    }
    if (draft.getMaritalStatus() == null) {
      errors.add("L'étape 2 « Motif de séjour » n'est pas enregistrée.");
    }
    if (draft.getEphotoNumber() == null) {
      errors.add("L'étape 3 « Justificatifs » n'est pas enregistrée.");
    }
    errors.addAll(missingDocuments(draft.getId()));
    Refusal.unless(errors);
    // The competent préfecture of the address the register holds at the dépôt (it may have changed
    // since the draft).
    Prefecture competent =
        Prefectures.competentFor(
            register
                .person(draft.getApplicantId())
                .map(RegisteredPerson::getPostalCode)
                .orElse(null));
    documents.discardNotRequired(draft.getId());
    LocalDate today = LocalDate.now(clock);
    FilingTiming timing = FilingTiming.of(today, draft.getTitleValidUntil());
    draft.assignTo(competent.department());
    draft.deposit(requestNumbers.next(draft.getDepartment(), today), clock.instant(), timing);
    cases.save(draft);
    logFilerAct(
        draft,
        CaseEventKind.DEPOSITED,
        (draft.filedAtCounter() ? "Demande déposée au guichet (" : "Demande déposée (")
            + timing.label()
            + ", "
            + competent.name()
            + ")");
    scopes.assign(processInstanceId, competent.department());
    return draft.getRequestNumber();
  }

  /**
   * A change of address declared before the decision (CESEDA: the titre is issued by the préfet of
   * the residence): the register's address changes and, when the new one is in another préfecture's
   * département, the person's filed case not yet decided moves there — its history says so, the
   * receiving préfecture's agents get the case, its history and its open tasks, the former ones
   * nothing any more. The N° de la demande stays (ADR 0016): it is the receipt's, the mails', the
   * notifications' and the business key's; the département in it says where the case was filed. A
   * draft takes the préfecture of its address at the dépôt.
   *
   * @return the préfecture that now instructs the person's open case, if one moved
   */
  @Transactional
  public Optional<Prefecture> declareNewAddress(
      String applicantId, String actor, String addressLine, String postalCode, String city) {
    List<String> errors = new ArrayList<>();
    String line = addressLine == null ? "" : addressLine.strip();
    String town = city == null ? "" : city.strip();
    if (line.isEmpty() || line.length() > 200) {
      errors.add(
          "Indiquez le numéro et la voie de votre nouvelle adresse (200 caractères au plus).");
    }
    if (town.isEmpty() || town.length() > 100) {
      errors.add("Indiquez la commune de votre nouvelle adresse (100 caractères au plus).");
    }
    Refusal.unless(errors);
    Prefecture competent = Prefectures.competentFor(postalCode);
    register
        .lockPerson(applicantId)
        .orElseThrow(
            () ->
                new Refusal(
                    "Aucune personne n'est enregistrée sous l'identifiant " + applicantId + "."));
    register.changeAddress(applicantId, line, postalCode.strip(), town);
    Optional<RenewalCase> moving =
        cases
            .openCase(applicantId)
            .filter(c -> !c.isDraft() && !competent.department().equals(c.getDepartment()));
    moving.ifPresent(
        filed -> {
          String from = filed.getDepartment();
          filed.assignTo(competent.department());
          cases.save(filed);
          cases.logFor(
              filed,
              actor,
              CaseEventKind.TRANSFERRED,
              "Changement d'adresse ("
                  + postalCode.strip()
                  + " "
                  + town
                  + ") : demande "
                  + "transférée de la "
                  + lowerFirst(Prefectures.name(from))
                  + " à la "
                  + lowerFirst(competent.name()));
          scopes.assign(filed.getProcessInstanceId(), competent.department());
        });
    return moving.map(c -> competent);
  }

  /**
   * « Liste des documents justificatifs à fournir », made from the DMN for this person's situation
   * (with or without a titre), for every housing type: it is given before step 1, when the housing
   * is unknown.
   */
  @Transactional(readOnly = true)
  public byte[] requiredDocumentsList(String applicantId) {
    boolean holdsTitle = register.latestTitle(applicantId).isPresent();
    return pdf.requiredDocumentsList(
        requiredDocuments.forEveryHousing(holdsTitle).stream()
            .map(r -> new RequiredDocumentItem(r.section(), r.label(), r.guidance(), r.maxFiles()))
            .toList(),
        holdsTitle);
  }

  /** Attaches files to a required document of the applicant's current draft (filed online). */
  @Transactional
  public List<DocumentFile> attach(
      String applicantId, String documentCode, List<fr.anef.renewal.documents.UploadedFile> files) {
    return attach(currentDraftOrRefuse(applicantId), applicantId, documentCode, files);
  }

  /**
   * The counter route: an agent attaches the scanned documents to a draft opened at the counter.
   */
  @Transactional
  public List<DocumentFile> attachAtCounter(
      String agentId,
      UUID caseId,
      String documentCode,
      List<fr.anef.renewal.documents.UploadedFile> files) {
    return attach(counterDraftOrRefuse(caseId), agentId, documentCode, files);
  }

  private List<DocumentFile> attach(
      RenewalCase draft,
      String actor,
      String documentCode,
      List<fr.anef.renewal.documents.UploadedFile> files) {
    List<DocumentFile> stored = documents.attach(draft.getId(), documentCode, files, actor);
    List<DocumentRequirement> requirements = documents.requirements(draft.getId());
    String label =
        requirements.stream()
            .filter(r -> r.code().equals(documentCode))
            .map(DocumentRequirement::label)
            .findFirst()
            .orElse(documentCode);
    cases.logFor(
        draft,
        actor,
        CaseEventKind.FILES_ATTACHED,
        stored.size() + " fichier(s) pour « " + label + " »");
    showAttachedCount(draft, requirements);
    return stored;
  }

  /**
   * Step 3's « Documents à joindre » says how many files each document has now: its display
   * variable follows every file attached or removed (Tasklist reads it again when the person comes
   * back from the upload page, ADR 0022).
   */
  private void showAttachedCount(RenewalCase draft, List<DocumentRequirement> requirements) {
    if (draft.getProcessInstanceId() != null
        && runtime
                .createVariableInstanceQuery()
                .processInstanceIdIn(draft.getProcessInstanceId())
                .variableName(DOCUMENTS_LIST)
                .count()
            > 0) {
      runtime.setVariable(
          draft.getProcessInstanceId(),
          DOCUMENTS_LIST,
          requiredDocumentsText(draft.getId(), requirements));
    }
  }

  @Transactional
  public void detach(String applicantId, UUID fileId) {
    detach(currentDraftOrRefuse(applicantId), applicantId, fileId);
  }

  @Transactional
  public void detachAtCounter(String agentId, UUID caseId, UUID fileId) {
    detach(counterDraftOrRefuse(caseId), agentId, fileId);
  }

  private void detach(RenewalCase draft, String actor, UUID fileId) {
    documents.detach(draft.getId(), fileId);
    cases.logFor(draft, actor, CaseEventKind.FILE_REMOVED, fileId.toString());
    showAttachedCount(draft, documents.requirements(draft.getId()));
  }

  /** A draft opened at the counter, still being filled. */
  @Transactional(readOnly = true)
  public RenewalCase counterDraftOrRefuse(UUID caseId) {
    return cases
        .byId(caseId)
        .filter(c -> c.filedAtCounter() && c.isDraft())
        .orElseThrow(
            () ->
                new Refusal(
                    "Aucune demande ouverte au guichet n'est en cours de saisie sous cette référence."));
  }

  static String lowerFirst(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private RenewalCase currentDraftOrRefuse(String applicantId) {
    return cases
        .currentDraft(applicantId)
        .orElseThrow(
            () ->
                new Refusal(
                    "Aucune demande en cours de saisie : une demande déposée ne peut plus être modifiée."));
  }

  String requiredDocumentsText(UUID caseId) {
    return requiredDocumentsText(caseId, documents.requirements(caseId));
  }

  private String requiredDocumentsText(UUID caseId, List<DocumentRequirement> requirements) {
    Map<String, Long> counts =
        documents.filesOf(caseId).stream()
            .collect(Collectors.groupingBy(DocumentFile::getDocumentCode, Collectors.counting()));
    return requirements.stream()
        .map(
            r ->
                "• "
                    + r.label()
                    + " ("
                    + r.maxFiles()
                    + " fichiers maximum) — "
                    + r.guidance()
                    + " [fichiers joints : "
                    + counts.getOrDefault(r.code(), 0L)
                    + "]")
        .collect(Collectors.joining("\n"));
  }

  /**
   * « 4 mois sans décision » (R.432-1, R.432-2): the dépôt plus the duration the case's model gives
   * that timer (its property {@code duration}), as the timer reads it from {@code
   * implicitRejectionDate}; empty for a version of the model whose timer still computes its date
   * ({@code ${implicitRejection.dueDate(execution)}}, ADR 0024).
   */
  @Transactional(readOnly = true)
  public Optional<String> implicitRejectionDate(String processInstanceId) {
    RenewalCase renewal = cases.caseOf(processInstanceId);
    return timers
        .find(processInstanceId, ProcedureTimers.IMPLICIT_REJECTION)
        .map(
            duration ->
                TimerDate.of(duration.after(renewal.getDepositedAt()).atZone(clock.getZone())));
  }

  /** The recap of what the case holds (steps 1 to 3 and the files), from the case tables only. */
  @Transactional(readOnly = true)
  public String summary(RenewalCase draft) {
    List<String> lines = new ArrayList<>();
    lines.add("Email : " + draft.getEmail());
    lines.add("Téléphone : " + draft.getPhone());
    lines.add("Hébergement : " + CaseLabels.housing(draft.getHousingType()));
    lines.add("Situation familiale : " + CaseLabels.marital(draft.getMaritalStatus()));
    if (draft.getUnionDate() != null) {
      lines.add(
          "Union : depuis le "
              + draft.getUnionDate().format(DATE)
              + " ("
              + draft.getUnionCountry()
              + ")");
    }
    lines.add(
        "Enfants à votre charge : "
            + (Boolean.TRUE.equals(draft.getDependentChildren()) ? "Oui" : "Non"));
    lines.add("Numéro ephoto : " + draft.getEphotoNumber());
    List<DocumentFile> files = documents.filesOf(draft.getId());
    for (DocumentRequirement requirement : documents.requirements(draft.getId())) {
      lines.add(
          requirement.label()
              + " : "
              + files.stream()
                  .filter(f -> f.getDocumentCode().equals(requirement.code()))
                  .map(f -> f.getFile().getFileName())
                  .collect(Collectors.joining(", ")));
    }
    return String.join("\n", lines);
  }

  /**
   * Who fills the draft's steps: the applicant online, or the agent who opened it at the counter.
   */
  static String filer(RenewalCase draft) {
    return draft.filedAtCounter() ? draft.getCounterAgentId() : draft.getApplicantId();
  }

  private void logFilerAct(RenewalCase draft, CaseEventKind kind, String detail) {
    cases.logFor(draft, filer(draft), kind, detail);
  }
}
