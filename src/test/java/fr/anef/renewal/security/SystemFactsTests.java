package fr.anef.renewal.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.anef.renewal.instruction.MedicalPhase;
import fr.anef.renewal.processes.RenewalProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Who writes what the system reads. Every variable the models (conditions, timers, assignments) and
 * the server code read is listed, with who may write it: the server only, or one actor through the
 * form of their own step. The test proves, from the files an analyst deploys and the code, that no
 * actor's form can write a variable another actor's decision or the system's facts depend on (issue
 * « les faits du système ne sont écrits que par le système »).
 */
class SystemFactsTests {

  static final Path FORMS = Path.of("forms");
  static final Path MODELS = Path.of("bpmn");
  static final Path CODE = Path.of("src/main/java");
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  static final Pattern IDENTIFIER =
      Pattern.compile("(?<![.\\w'])([a-zA-Z_]\\w*)(?![\\w(']|\\s*\\()");
  static final Set<String> EL_WORDS =
      Set.of(
          "execution",
          "task",
          "true",
          "false",
          "null",
          "empty",
          "not",
          "and",
          "or",
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "div",
          "mod",
          "instanceof");

  /**
   * The actors' own choices, read by the gateway right after their step: each is written by the
   * forms of one actor only, and the step's end listener rewrites it from the validated value (so
   * nothing unexpected reaches the gateway).
   */
  static final Map<String, String> ACTORS_OWN_CHOICES =
      Map.of(
          "action", "applicant",
          "certificateFollowUp", "prefecture-agents",
          "reportAction", "ofii-doctors");

  /**
   * Names the server also writes that are an actor's own inputs, not facts: step 1's e-mail and
   * phone prefilled from the register for the applicant to confirm, the review's note and the
   * decision's fields it prefills or clears when it creates the step (the card's validity proposed
   * from the opinion), and each college doctor's answers in OFII's own process — the préfecture's
   * process receives only the opinion the server consolidates from the votes table ({@code
   * MedicalFiles.sendOpinion}), never these variables; the date OFII received the certificate,
   * typed by its doctor in OFII's process and sent to the préfecture's by the server ({@code
   * MedicalFiles}); the questions an OFII doctor writes to the treating doctor, shown back to
   * OFII's doctors from what the server recorded.
   */
  static final Map<String, String> ACTORS_OWN_INPUTS =
      Map.ofEntries(
          Map.entry("email", "applicant"),
          Map.entry("phone", "applicant"),
          Map.entry("cardValidFrom", "prefecture-agents"),
          Map.entry("cardValidUntil", "prefecture-agents"),
          Map.entry("decision", "prefecture-agents"),
          Map.entry("refusalReason", "prefecture-agents"),
          Map.entry("privateNote", "prefecture-agents"),
          Map.entry("careNeeded", "ofii-college"),
          Map.entry("exceptionallySeriousConsequences", "ofii-college"),
          Map.entry("effectiveAccessToCareInOriginCountry", "ofii-college"),
          Map.entry("expectedCareDurationMonths", "ofii-college"),
          Map.entry("fitToTravel", "ofii-college"),
          Map.entry("certificateReceivedDate", "ofii-doctors"),
          Map.entry("treatingDoctorQuestions", "ofii-doctors"));

  static Map<String, JsonNode> forms = new TreeMap<>();
  static Map<String, Set<String>> formsOfProcess = new TreeMap<>();
  static Map<String, String> actorOfForm = new TreeMap<>();
  static Map<String, Set<String>> userTasksOfActor = new HashMap<>();
  static List<BpmnModelInstance> models;

  @BeforeAll
  static void read() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        JsonNode form = JSON.readTree(file.toFile());
        forms.put(form.path("id").asText(), form);
      }
    }
    try (Stream<Path> files = Files.list(MODELS)) {
      models =
          files
              .filter(f -> f.toString().endsWith(".bpmn"))
              .sorted()
              .map(f -> Bpmn.readModelFromFile(f.toFile()))
              .toList();
    }
    for (BpmnModelInstance model : models) {
      String process =
          model
              .getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class)
              .iterator()
              .next()
              .getId();
      model
          .getModelElementsByType(UserTask.class)
          .forEach(
              t ->
                  formsOfProcess
                      .computeIfAbsent(process, p -> new TreeSet<>())
                      .add(t.getCamundaFormRef()));
      model.getModelElementsByType(StartEvent.class).stream()
          .map(e -> e.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef"))
          .filter(f -> f != null)
          .forEach(f -> formsOfProcess.computeIfAbsent(process, p -> new TreeSet<>()).add(f));
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String actor =
            task.getCamundaCandidateGroups() != null
                ? task.getCamundaCandidateGroups()
                : "${filedBy}".equals(task.getCamundaAssignee())
                    ? "applicant"
                    : task.getCamundaAssignee();
        actorOfForm.put(task.getCamundaFormRef(), actor);
        userTasksOfActor.computeIfAbsent(actor, a -> new TreeSet<>()).add(task.getId());
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        String formRef = start.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
        if (formRef != null) {
          actorOfForm.put(formRef, "applicant");
        }
      }
    }
  }

  @Test
  @DisplayName(
      "Chaque formulaire déployé appartient à un acteur (une tâche ou l'événement de départ)")
  void everyFormBelongsToAnActor() {
    assertThat(actorOfForm.keySet()).containsExactlyInAnyOrderElementsOf(forms.keySet());
  }

  @Test
  @DisplayName(
      "Ce qu'un acteur écrit n'est ni écrit ni affiché par le formulaire d'un autre acteur")
  void noActorWritesWhatAnotherActorReadsInAForm() {
    for (var writer : forms.entrySet()) {
      for (var reader : forms.entrySet()) {
        if (actorOfForm.get(writer.getKey()).equals(actorOfForm.get(reader.getKey()))) {
          continue;
        }
        Set<String> shared = new TreeSet<>(writable(writer.getValue()));
        Set<String> read = new TreeSet<>(writable(reader.getValue()));
        read.addAll(displayed(reader.getValue()));
        shared.retainAll(read);
        assertThat(shared)
            .as(
                "written by « %s » (%s), read by « %s » (%s)",
                writer.getKey(),
                actorOfForm.get(writer.getKey()),
                reader.getKey(),
                actorOfForm.get(reader.getKey()))
            .isEmpty();
      }
    }
  }

  @Test
  @DisplayName(
      "Aucun formulaire n'écrit un fait du système : avis de l'OFII, dates, statuts, numéros, récapitulatifs")
  void noFormWritesASystemFact() throws IOException {
    Set<String> facts = serverWrittenVariables();
    facts.addAll(MedicalPhase.OPINION_VARIABLES);
    assertThat(facts)
        .as("the server's writes are found in the code")
        .contains(
            "caseStatus",
            "requestNumber",
            "certificateReceivedDate",
            "opinionDate",
            "careNeeded",
            "caseId",
            "applicantId",
            "filedBy",
            "documentsComplete",
            "instructionOutcome",
            "awaitedNotificationId");
    for (var form : forms.entrySet()) {
      Set<String> written = new TreeSet<>(writable(form.getValue()));
      written.retainAll(facts);
      written.removeIf(
          key ->
              actorOfForm.get(form.getKey()).equals(ACTORS_OWN_CHOICES.get(key))
                  || actorOfForm.get(form.getKey()).equals(ACTORS_OWN_INPUTS.get(key)));
      assertThat(written).as("system facts writable in « %s »", form.getKey()).isEmpty();
    }
  }

  @Test
  @DisplayName(
      "Les modèles ne décident que sur des faits du système ou sur le choix de l'acteur de l'étape précédente")
  void theModelsDecideOnFactsOrOnTheirActorsOwnChoice() throws IOException {
    Set<String> facts = serverWrittenVariables();
    facts.addAll(MedicalPhase.OPINION_VARIABLES);
    Map<String, Set<String>> formWriters = new TreeMap<>();
    forms.forEach(
        (id, form) ->
            writable(form)
                .forEach(
                    key ->
                        formWriters
                            .computeIfAbsent(key, k -> new TreeSet<>())
                            .add(actorOfForm.get(id))));

    for (BpmnModelInstance model : models) {
      for (ModelElementInstance element :
          model.getModelElementsByType(
              model.getModel().getType(org.camunda.bpm.model.bpmn.instance.BaseElement.class))) {
        for (String variable : variablesReadBy(element.getDomElement())) {
          Set<String> writers = formWriters.getOrDefault(variable, Set.of());
          if (writers.isEmpty()) {
            continue; // written by the server only (or not at all: a bean or a local of the
            // expression)
          }
          String owner = ACTORS_OWN_CHOICES.get(variable);
          assertThat(owner)
              .as(
                  "« %s » read by %s is writable by the forms of %s",
                  variable, element.getAttributeValue("id"), writers)
              .isNotNull();
          assertThat(writers)
              .as("« %s » writable by other actors than %s", variable, owner)
              .containsExactly(owner);
          assertThat(element)
              .as("« %s » is read by %s", variable, element.getAttributeValue("id"))
              .isInstanceOf(SequenceFlow.class);
          FlowNode gateway = ((SequenceFlow) element).getSource();
          assertThat(gateway.getIncoming())
              .as("the gateway %s follows one step", gateway.getId())
              .hasSize(1)
              .allSatisfy(
                  in ->
                      assertThat(userTasksOfActor.get(owner))
                          .as("gateway %s reading « %s »", gateway.getId(), variable)
                          .contains(in.getSource().getId()));
        }
      }
    }
  }

  @Test
  @DisplayName(
      "Le code de la préfecture ne lit, hors des formulaires de l'étape, que des variables qu'aucun de ses formulaires n'écrit")
  void theCodeReadsOnlyWhatNoFormOfTheCaseWrites() throws IOException {
    Set<String> read = codeReads();
    read.addAll(
        MedicalPhase.OPINION_VARIABLES); // read from the message by MedicalPhase.recordOutcome
    assertThat(read)
        .as("the reads are found in the code")
        .contains("certificateReceivedDate", "counterApplicantId", "notificationReadAt", "mailId");
    Set<String> writableInTheCase = new TreeSet<>();
    formsOfProcess
        .get(RenewalProcess.KEY)
        .forEach(id -> writableInTheCase.addAll(writable(forms.get(id))));
    read.retainAll(writableInTheCase);
    assertThat(read).as("read by the code, writable by a form of the case").isEmpty();
  }

  // ---- Reading forms, models and code

  /**
   * Variables the server code reads by name outside the forms' records ({@code *Forms.java}, whose
   * factories read exactly their form's keys, checked by {@code FormContractTests}): {@code
   * getVariable(NAME)}.
   */
  static Set<String> codeReads() throws IOException {
    Map<String, String> constants = constants();
    Set<String> read = new TreeSet<>();
    try (Stream<Path> files = Files.walk(CODE)) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".java") && !f.toString().endsWith("Forms.java"))
              .toList()) {
        Matcher get =
            Pattern.compile(
                    "getVariable(?:Local)?\\(\\s*(?:[\\w.()]+,\\s*)?(\"(\\w+)\"|(?:\\w+\\.)?([A-Z][A-Z0-9_]+))\\s*\\)")
                .matcher(Files.readString(file));
        while (get.find()) {
          read.add(
              get.group(2) != null
                  ? get.group(2)
                  : constants.getOrDefault(get.group(3), get.group(3)));
        }
      }
    }
    return read;
  }

  static Map<String, String> constants() throws IOException {
    Map<String, String> constants = new HashMap<>();
    try (Stream<Path> files = Files.walk(CODE)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher constant =
            Pattern.compile("static final String (\\w+) = \"(\\w+)\";")
                .matcher(Files.readString(file));
        while (constant.find()) {
          constants.put(constant.group(1), constant.group(2));
        }
      }
    }
    return constants;
  }

  /** The keys a person may send: input components neither disabled nor read-only. */
  static Set<String> writable(JsonNode form) {
    Set<String> keys = new TreeSet<>();
    walk(
        form.path("components"),
        c -> {
          boolean input =
              Set.of(
                      "textfield",
                      "textarea",
                      "number",
                      "datetime",
                      "checkbox",
                      "checklist",
                      "radio",
                      "select",
                      "taglist",
                      "expression")
                  .contains(c.path("type").asText());
          if (input
              && c.hasNonNull("key")
              && !c.path("disabled").asBoolean()
              && !c.path("readonly").asBoolean()) {
            keys.add(c.path("key").asText());
          }
        });
    return keys;
  }

  /**
   * The variables a form shows: disabled fields, templates of text components, dynamic option
   * lists.
   */
  static Set<String> displayed(JsonNode form) {
    Set<String> keys = new TreeSet<>();
    walk(
        form.path("components"),
        c -> {
          if (c.hasNonNull("key")
              && (c.path("disabled").asBoolean() || c.path("readonly").asBoolean())) {
            keys.add(c.path("key").asText());
          }
          if (c.hasNonNull("valuesKey")) {
            keys.add(c.path("valuesKey").asText());
          }
          Matcher template =
              Pattern.compile("\\{\\{\\s*([\\w]+)").matcher(c.path("text").asText(""));
          while (template.find()) {
            keys.add(template.group(1));
          }
        });
    return keys;
  }

  static void walk(JsonNode components, java.util.function.Consumer<JsonNode> visit) {
    for (JsonNode component : components) {
      visit.accept(component);
      walk(component.path("components"), visit);
    }
  }

  /**
   * The variables an element's expressions read (attributes and text: conditions, timers,
   * assignments).
   */
  static Set<String> variablesReadBy(DomElement element) {
    Set<String> variables = new TreeSet<>();
    StringBuilder expressions = new StringBuilder();
    for (DomElement child : element.getChildElements()) {
      if (child.getLocalName().equals("conditionExpression")
          || child.getLocalName().startsWith("time")) {
        expressions.append(child.getTextContent()).append(' ');
      }
    }
    for (String attribute :
        List.of("assignee", "candidateGroups", "candidateUsers", "collection", "dueDate")) {
      String value = element.getAttribute("http://camunda.org/schema/1.0/bpmn", attribute);
      if (value != null) {
        expressions.append(value).append(' ');
      }
    }
    Matcher expression = EXPRESSION.matcher(expressions);
    while (expression.find()) {
      Matcher identifier = IDENTIFIER.matcher(expression.group(1));
      while (identifier.find()) {
        if (!EL_WORDS.contains(identifier.group(1))) {
          variables.add(identifier.group(1));
        }
      }
    }
    return variables;
  }

  /**
   * Variables the server code writes: {@code setVariable…(NAME, …)} with a literal or a constant,
   * and the maps of variables it hands to the engine ({@code variables.put(NAME, …)}, the opinion's
   * {@code opinion.put(NAME, …)}).
   */
  static Set<String> serverWrittenVariables() throws IOException {
    Map<String, String> constants = constants();
    StringBuilder code = new StringBuilder();
    try (Stream<Path> files = Files.walk(CODE)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        code.append(Files.readString(file));
      }
    }
    Set<String> written = new TreeSet<>();
    Matcher write =
        Pattern.compile(
                "(?:setVariable(?:Local)?\\(\\s*(?:[\\w.()]+,\\s*)?|(?:variables|opinion)\\.put\\(\\s*)"
                    + "(\"(\\w+)\"|(?:\\w+\\.)?([A-Z][A-Z0-9_]+))\\s*,")
            .matcher(code);
    while (write.find()) {
      written.add(
          write.group(2) != null
              ? write.group(2)
              : constants.getOrDefault(write.group(3), write.group(3)));
    }
    return written;
  }
}
