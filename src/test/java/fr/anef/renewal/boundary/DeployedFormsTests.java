package fr.anef.renewal.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.anef.renewal.processes.RenewalProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * How the guard finds a step's form through the engine, and what it does when the form is not
 * deployed.
 */
class DeployedFormsTests {

  final FormService engineForms = mock(FormService.class);
  final DeployedForms forms = new DeployedForms(engineForms);

  static Task task(String binding) {
    Task task = mock(Task.class);
    CamundaFormRef ref = mock(CamundaFormRef.class);
    when(ref.getKey()).thenReturn("deposit");
    when(ref.getBinding()).thenReturn(binding);
    when(task.getId()).thenReturn("t1");
    when(task.getCamundaFormRef()).thenReturn(ref);
    when(task.getProcessDefinitionId()).thenReturn("renewal:1");
    when(task.getTaskDefinitionKey()).thenReturn(RenewalProcess.DEPOSIT);
    return task;
  }

  @Test
  @DisplayName(
      "Un formulaire lié à son déploiement est lu une fois ; un formulaire « latest » à chaque envoi")
  void immutableFormsAreReadOnce() throws IOException {
    when(engineForms.getDeployedTaskForm("t1"))
        .thenAnswer(i -> Files.newInputStream(Path.of("forms/deposit.form")));
    Task bound = task("deployment");
    assertThat(forms.ofTask(bound).writableKeys())
        .containsExactlyInAnyOrder("observations", "action");
    assertThat(forms.ofTask(bound).writableKeys())
        .containsExactlyInAnyOrder("observations", "action");
    verify(engineForms, times(1)).getDeployedTaskForm("t1");

    DeployedForms latest = new DeployedForms(engineForms);
    Task unbound = task("latest");
    latest.ofTask(unbound);
    latest.ofTask(unbound);
    verify(engineForms, times(3)).getDeployedTaskForm("t1");
  }

  @Test
  @DisplayName(
      "Un modèle déployé sans son formulaire : rien ne peut être écrit, et le formulaire est relu ensuite")
  void aMissingFormIsNeverCached() throws IOException {
    when(engineForms.getDeployedTaskForm("t1"))
        .thenThrow(new NotFoundException("No Camunda Form Definition"))
        .thenAnswer(i -> Files.newInputStream(Path.of("forms/deposit.form")));
    Task bound = task("deployment");
    assertThat(forms.ofTask(bound)).isSameAs(FormSchema.MISSING);
    assertThat(forms.ofTask(bound).writableKeys()).contains("observations");
  }
}
