package fr.anef.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite's process coverage floor over the test classes' reports (ProcessCoverageFloor, run by
 * verify).
 */
class ProcessCoverageFloorTests {

  @TempDir Path dir;

  Path models() throws Exception {
    Path models = Files.createDirectories(dir.resolve("bpmn"));
    Files.copy(Path.of("bpmn/mail-dispatch.bpmn"), models.resolve("mail-dispatch.bpmn"));
    return models;
  }

  /** A class's report as the coverage library writes it: the events of its runs. */
  void report(Path reports, String testClass, String modelKey, String... elements)
      throws Exception {
    String events =
        Arrays.stream(elements)
            .map(
                e ->
                    "{\"source\":\"FLOW_NODE\",\"type\":\"END\",\"definitionKey\":\""
                        + e
                        + "\",\"modelKey\":\""
                        + modelKey
                        + "\"}")
            .collect(Collectors.joining(","));
    Path report = Files.createDirectories(reports.resolve(testClass)).resolve("report.json");
    Files.writeString(
        report,
        "{\"suites\":[{\"id\":\""
            + testClass
            + "\",\"runs\":[{\"events\":["
            + events
            + "]}]}],\"models\":[]}");
  }

  @Test
  @DisplayName(
      "Les éléments parcourus par chaque classe s'additionnent ; seuls ceux du modèle du dépôt comptent")
  void unionOfTheClassesOverTheRepositoryModel() throws Exception {
    Path models = models();
    Path reports = dir.resolve("reports");
    report(
        reports,
        "A",
        "mail-dispatch",
        "startEvent_mailQueued",
        "flow_mailQueued",
        "added_by_an_analyst");
    report(reports, "B", "mail-dispatch", "serviceTask_sendMail", "flow_mailQueued");
    report(reports, "C", "probe", "endEvent_mailSent", "flow_mailSent");

    ProcessCoverageFloor.main(new String[] {reports.toString(), models.toString(), "0.6"});
    assertThat(Files.readString(reports.resolve("summary.txt")))
        .contains("(3 test class reports)")
        .containsPattern("mail-dispatch +3 / +5 +60.0 %");

    assertThatThrownBy(
            () ->
                ProcessCoverageFloor.main(
                    new String[] {reports.toString(), models.toString(), "0.61"}))
        .hasMessageContaining("under the floor for [mail-dispatch]");
  }

  @Test
  @DisplayName("Sans aucun rapport, le plancher échoue")
  void noReportFails() throws Exception {
    Path models = models();
    assertThatThrownBy(
            () ->
                ProcessCoverageFloor.main(
                    new String[] {dir.resolve("none").toString(), models.toString(), "0.1"}))
        .hasMessageContaining("under the floor for [mail-dispatch]");
  }
}
