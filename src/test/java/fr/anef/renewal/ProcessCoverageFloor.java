package fr.anef.renewal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;

/**
 * The process coverage floor of the whole suite, checked at {@code verify} (pom.xml, execution
 * {@code process-coverage-floor}): each test class's report (camunda-process-test-coverage, one
 * {@code target/process-test-coverage/<class>/report.json} per class) holds the flow nodes and
 * sequence flows that class walked; their union, per model of {@code bpmn/}, over that model's flow
 * nodes and sequence flows, must reach the floor for every model. Models the tests deploy
 * themselves (probes, an analyst's new version's added elements) are left out: only the
 * repository's elements count. Writes {@code target/process-test-coverage/summary.txt}.
 *
 * <p>Arguments: the reports' directory, the models' directory, the floor (0..1).
 */
public final class ProcessCoverageFloor {

  private ProcessCoverageFloor() {}

  public static void main(String[] args) throws IOException {
    Path reports = Path.of(args[0]);
    Path models = Path.of(args[1]);
    double floor = Double.parseDouble(args[2]);

    Map<String, Set<String>> elements = new TreeMap<>();
    try (Stream<Path> files = Files.list(models)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (Process process : model.getModelElementsByType(Process.class)) {
          if (process.isExecutable()) {
            elements.put(process.getId(), new HashSet<>());
          }
        }
        // Flow nodes and sequence flows, as the coverage library counts them, under their process's
        // key.
        for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
          elementsOf(elements, node).add(node.getId());
        }
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
          elementsOf(elements, flow).add(flow.getId());
        }
      }
    }

    Map<String, Set<String>> covered = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    List<Path> found = new ArrayList<>();
    if (Files.isDirectory(reports)) {
      try (Stream<Path> walk = Files.walk(reports, 2)) {
        found =
            walk.filter(f -> f.getFileName().toString().equals("report.json")).sorted().toList();
      }
    }
    for (Path report : found) {
      for (JsonNode suite : json.readTree(report.toFile()).path("suites")) {
        for (JsonNode run : suite.path("runs")) {
          for (JsonNode event : run.path("events")) {
            covered
                .computeIfAbsent(event.path("modelKey").asText(), k -> new HashSet<>())
                .add(event.path("definitionKey").asText());
          }
        }
      }
    }

    StringBuilder summary =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "Process coverage of the suite (%d test class reports), floor %.0f %% per model%n",
                found.size(),
                floor * 100));
    List<String> under = new ArrayList<>();
    elements.forEach(
        (key, ids) -> {
          Set<String> hit = new HashSet<>(covered.getOrDefault(key, Set.of()));
          hit.retainAll(ids);
          double ratio = ids.isEmpty() ? 1 : (double) hit.size() / ids.size();
          summary.append(
              String.format(
                  Locale.ROOT,
                  "%-28s %4d / %4d  %5.1f %%%n",
                  key,
                  hit.size(),
                  ids.size(),
                  ratio * 100));
          if (ratio < floor) {
            under.add(key);
          }
        });
    Files.createDirectories(reports);
    Files.writeString(reports.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
    System.out.print(summary);
    if (!under.isEmpty()) {
      throw new IllegalStateException(
          "Process coverage under the floor for "
              + under
              + " ("
              + reports.resolve("summary.txt")
              + ")");
    }
  }

  static Set<String> elementsOf(
      Map<String, Set<String>> elements,
      org.camunda.bpm.model.xml.instance.ModelElementInstance element) {
    org.camunda.bpm.model.xml.instance.ModelElementInstance parent = element.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    return parent == null
        ? new HashSet<>()
        : elements.computeIfAbsent(((Process) parent).getId(), k -> new HashSet<>());
  }
}
