package fr.anef.renewal.web;

import fr.anef.renewal.models.Migrations;
import fr.anef.renewal.models.ModelDrift;
import fr.anef.renewal.processes.MailDispatchProcess;
import fr.anef.renewal.processes.OfiiMedicalOpinionProcess;
import fr.anef.renewal.processes.RenewalProcess;
import fr.anef.renewal.security.AppUser;
import fr.anef.renewal.shared.ActorGroups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * « Migrer les demandes en cours » for analysts and administrators: the versions of a process, the
 * preview of a migration between two (the plan, the cases and where each waits, what cannot move),
 * then the migration of the cases that can, as one batch (ADR 0013); « Modèles déployés »: the
 * definitions deployed outside the repository.
 */
@Controller
@RequestMapping("/analyste")
class AnalystPagesController {

  static final List<String> PROCESSES =
      List.of(RenewalProcess.KEY, OfiiMedicalOpinionProcess.KEY, MailDispatchProcess.KEY);

  private final Migrations migrations;
  private final ModelDrift drift;

  AnalystPagesController(Migrations migrations, ModelDrift drift) {
    this.migrations = migrations;
    this.drift = drift;
  }

  /** « Modèles déployés »: what the engine runs against the repository's models (ADR 0014). */
  @GetMapping("/modeles")
  String models(HttpServletRequest request, Model model) {
    requireAnalyst(request);
    List<ModelDrift.Definition> report = drift.report();
    model.addAttribute("definitions", report);
    model.addAttribute("drifted", report.stream().filter(ModelDrift.Definition::drifted).count());
    return "analyst-models";
  }

  @GetMapping("/migrations")
  String page(
      HttpServletRequest request,
      Model model,
      @RequestParam(name = "processus", defaultValue = RenewalProcess.KEY) String key,
      @RequestParam(name = "de", required = false) Integer from,
      @RequestParam(name = "vers", required = false) Integer to) {
    requireAnalyst(request);
    String process = known(key);
    model.addAttribute("processes", PROCESSES);
    model.addAttribute("process", process);
    model.addAttribute("versions", migrations.versions(process));
    model.addAttribute("csrf", CsrfTokens.tokenOf(request));
    if (from != null && to != null) {
      try {
        model.addAttribute("preview", migrations.preview(process, from, to));
      } catch (IllegalArgumentException e) {
        model.addAttribute("error", e.getMessage());
      }
    }
    return "analyst-migrations";
  }

  @PostMapping("/migrations")
  String apply(
      HttpServletRequest request,
      Model model,
      @RequestParam("processus") String key,
      @RequestParam("de") int from,
      @RequestParam("vers") int to) {
    requireAnalyst(request);
    String process = known(key);
    model.addAttribute("processes", PROCESSES);
    model.addAttribute("process", process);
    model.addAttribute("csrf", CsrfTokens.tokenOf(request));
    try {
      Migrations.Applied applied = migrations.apply(process, from, to);
      model.addAttribute("preview", applied.preview());
      model.addAttribute("batchId", applied.batchId());
    } catch (IllegalArgumentException e) {
      model.addAttribute(
          "error", e.getMessage()); // an unknown version: said in French, as in the preview
    }
    model.addAttribute("versions", migrations.versions(process));
    return "analyst-migrations";
  }

  private static String known(String key) {
    if (!PROCESSES.contains(key)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Processus inconnu.");
    }
    return key;
  }

  static AppUser requireAnalyst(HttpServletRequest request) {
    AppUser user = AppUser.of(request);
    if (!user.isIn(ActorGroups.ANALYSTS) && !user.isIn(ActorGroups.ADMINISTRATORS)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Réservé aux analystes des processus et aux administrateurs.");
    }
    return user;
  }
}
