package fr.anef.renewal.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The deployed Camunda Form of a task or of a start event, read through the engine (which resolves
 * the form's binding: deployment, version or latest) under the caller's authorization. A form bound
 * to its deployment or to a version never changes once deployed, so it is read once per definition
 * and activity; a form bound to « latest » is read at every submission, since an analyst may deploy
 * a new one at any time.
 */
@Component
class DeployedForms {

  private static final String LATEST = "latest";

  private final FormService forms;
  private final Map<String, FormSchema> immutable = new ConcurrentHashMap<>();

  DeployedForms(FormService forms) {
    this.forms = forms;
  }

  /**
   * The task's form; {@link FormSchema#NONE} (nothing may be written) for a task without a deployed
   * form.
   */
  FormSchema ofTask(Task task) {
    CamundaFormRef ref = task.getCamundaFormRef();
    if (ref == null && task.getFormKey() == null) {
      return FormSchema.NONE;
    }
    String cacheKey = task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey();
    return read(ref, cacheKey, () -> forms.getDeployedTaskForm(task.getId()));
  }

  /** The start event's form; {@link FormSchema#NONE} when the process has none. */
  FormSchema ofStart(ProcessDefinition definition) {
    var startForm = forms.getStartFormData(definition.getId());
    CamundaFormRef ref = startForm.getCamundaFormRef();
    if (ref == null && startForm.getFormKey() == null) {
      return FormSchema.NONE;
    }
    return read(
        ref, definition.getId() + "#start", () -> forms.getDeployedStartForm(definition.getId()));
  }

  private FormSchema read(
      CamundaFormRef ref, String cacheKey, java.util.function.Supplier<InputStream> source) {
    FormSchema cached = immutable.get(cacheKey);
    if (cached != null) {
      return cached;
    }
    FormSchema form = parse(source);
    if (ref != null && !LATEST.equals(ref.getBinding()) && form != FormSchema.MISSING) {
      immutable.putIfAbsent(
          cacheKey, form); // a form missing now may be deployed with the same binding later
    }
    return form;
  }

  private static FormSchema parse(java.util.function.Supplier<InputStream> source) {
    try (InputStream form = source.get()) {
      return FormSchema.parse(form);
    } catch (BadUserRequestException | IOException e) {
      // No deployed Camunda Form (or one that is not form-js JSON): no input is known, so none may
      // be written.
      return FormSchema.MISSING;
    }
  }
}
