package fr.anef.renewal.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.repository.ResourceDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;

/**
 * Where the truth lives (ADR 0014): the repository's models (bpmn/, dmn/, forms/, deployed by the
 * application at start-up from {@code processes/}) against what the engine runs. A definition whose
 * latest deployed version is not the repository's file, byte for byte — deployed from Modeler, say
 * — or that the repository does not have at all, is drift: logged at start-up and shown to
 * administrators and analysts on {@code /analyste/modeles}.
 */
@Service
public class ModelDrift {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDrift.class);
  private static final String MODELS = "classpath*:processes/*.";

  private final ProcessEngineConfigurationImpl engine;

  ModelDrift(ProcessEngineConfiguration engine) {
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  /** One definition the engine runs: in step with the repository, or not. */
  public record Definition(
      String kind,
      String key,
      String file,
      int version,
      String deploymentName,
      String deploymentSource,
      Date deployedAt,
      boolean inRepository,
      boolean sameAsRepository) {

    public boolean drifted() {
      return !sameAsRepository;
    }
  }

  private record RepositoryModel(String kind, String key, String file, byte[] bytes) {}

  /** Every definition of the repository and every other one the engine has, drifted first. */
  public List<Definition> report() {
    List<RepositoryModel> models = repositoryModels();
    return engine
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              List<Definition> report = new ArrayList<>();
              Set<String> known = new HashSet<>();
              for (RepositoryModel model : models) {
                known.add(model.kind() + ":" + model.key());
                ResourceDefinition latest = latest(context, model.kind(), model.key());
                if (latest == null) {
                  report.add(
                      new Definition(
                          model.kind(),
                          model.key(),
                          model.file(),
                          0,
                          null,
                          null,
                          null,
                          true,
                          false));
                  continue;
                }
                ResourceEntity resource =
                    context
                        .getResourceManager()
                        .findResourceByDeploymentIdAndResourceName(
                            latest.getDeploymentId(), latest.getResourceName());
                report.add(
                    definition(
                        context,
                        model.kind(),
                        latest,
                        model.file(),
                        true,
                        resource != null && Arrays.equals(resource.getBytes(), model.bytes())));
              }
              for (var process :
                  context
                      .getProcessDefinitionManager()
                      .findProcessDefinitionsByQueryCriteria(
                          (org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl)
                              new org.camunda.bpm.engine.impl.ProcessDefinitionQueryImpl()
                                  .latestVersion(),
                          null)) {
                if (!known.contains("BPMN:" + process.getKey())) {
                  report.add(definition(context, "BPMN", process, null, false, false));
                }
              }
              for (var decision :
                  context
                      .getDecisionDefinitionManager()
                      .findDecisionDefinitionsByQueryCriteria(
                          (org.camunda.bpm.engine.impl.dmn.entity.repository
                                  .DecisionDefinitionQueryImpl)
                              new org.camunda.bpm.engine.impl.dmn.entity.repository
                                      .DecisionDefinitionQueryImpl()
                                  .latestVersion(),
                          null)) {
                if (!known.contains("DMN:" + decision.getKey())) {
                  report.add(definition(context, "DMN", decision, null, false, false));
                }
              }
              report.sort(
                  Comparator.comparing(Definition::sameAsRepository)
                      .thenComparing(Definition::kind)
                      .thenComparing(Definition::key));
              return report;
            });
  }

  /**
   * At start-up, after the application's own deployment: what differs is logged for the
   * administrator.
   */
  @EventListener(ApplicationReadyEvent.class)
  public void logDrift() {
    report().stream()
        .filter(Definition::drifted)
        .forEach(
            d ->
                LOG.warn(
                    "Modèle déployé hors du dépôt : {} « {} » version {} (déploiement « {} », source « {} », {}){}",
                    d.kind(),
                    d.key(),
                    d.version(),
                    d.deploymentName(),
                    d.deploymentSource(),
                    d.deployedAt(),
                    d.inRepository() ? ", différent de " + d.file() : ", absent du dépôt"));
  }

  private static ResourceDefinition latest(CommandContext context, String kind, String key) {
    return switch (kind) {
      case "BPMN" -> context.getProcessDefinitionManager().findLatestProcessDefinitionByKey(key);
      case "DMN" -> context.getDecisionDefinitionManager().findLatestDecisionDefinitionByKey(key);
      default -> context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(key);
    };
  }

  private static Definition definition(
      CommandContext context,
      String kind,
      ResourceDefinition latest,
      String file,
      boolean inRepository,
      boolean same) {
    DeploymentEntity deployment =
        context.getDeploymentManager().findDeploymentById(latest.getDeploymentId());
    return new Definition(
        kind,
        latest.getKey(),
        file,
        latest.getVersion(),
        deployment.getName(),
        deployment.getSource(),
        deployment.getDeploymentTime(),
        inRepository,
        same);
  }

  private static List<RepositoryModel> repositoryModels() {
    List<RepositoryModel> models = new ArrayList<>();
    try {
      var resolver = new PathMatchingResourcePatternResolver();
      for (Resource resource : resolver.getResources(MODELS + "bpmn")) {
        byte[] bytes = read(resource);
        for (Process process :
            Bpmn.readModelFromStream(new ByteArrayInputStream(bytes))
                .getModelElementsByType(Process.class)) {
          models.add(
              new RepositoryModel(
                  "BPMN", process.getId(), "bpmn/" + resource.getFilename(), bytes));
        }
      }
      for (Resource resource : resolver.getResources(MODELS + "dmn")) {
        byte[] bytes = read(resource);
        for (Decision decision :
            Dmn.readModelFromStream(new ByteArrayInputStream(bytes))
                .getModelElementsByType(Decision.class)) {
          models.add(
              new RepositoryModel("DMN", decision.getId(), "dmn/" + resource.getFilename(), bytes));
        }
      }
      for (Resource resource : resolver.getResources(MODELS + "form")) {
        byte[] bytes = read(resource);
        models.add(
            new RepositoryModel(
                "Formulaire",
                new ObjectMapper().readTree(bytes).get("id").asText(),
                "forms/" + resource.getFilename(),
                bytes));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return models;
  }

  private static byte[] read(Resource resource) throws IOException {
    try (InputStream in = resource.getInputStream()) {
      return in.readAllBytes();
    }
  }
}
