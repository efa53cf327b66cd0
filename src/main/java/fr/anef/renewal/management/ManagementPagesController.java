package fr.anef.renewal.management;

import fr.anef.renewal.management.ManagementDashboard.Dashboard;
import fr.anef.renewal.security.AppUser;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The managers' dashboard of their préfecture, « Tableau de bord de la préfecture », and its
 * downloads. Only for the group {@value ManagerScope#MANAGERS}, and only the figures of the
 * manager's own préfecture: the département comes from the manager's scope group, never from the
 * request.
 */
@Controller
@RequestMapping("/gestion")
class ManagementPagesController {

  static final int PAGE_FORECASTS = 100;

  private final ManagementDashboard dashboards;
  private final IdentityService identity;

  ManagementPagesController(ManagementDashboard dashboards, IdentityService identity) {
    this.dashboards = dashboards;
    this.identity = identity;
  }

  /** A refusal, answered by a French page with status 403. */
  static final class NotAManager extends RuntimeException {
    NotAManager(String message) {
      super(message);
    }
  }

  @GetMapping
  String dashboard(HttpServletRequest request, Model model) {
    Dashboard dashboard = dashboardOf(request);
    model.addAttribute("dashboard", dashboard);
    model.addAttribute("chart", StageChart.of(dashboard.stages()));
    model.addAttribute("forecasts", dashboard.forecasts().stream().limit(PAGE_FORECASTS).toList());
    model.addAttribute("pageForecasts", PAGE_FORECASTS);
    return "management";
  }

  @GetMapping("/export.csv")
  ResponseEntity<byte[]> csv(HttpServletRequest request, @RequestParam("tableau") String table) {
    Dashboard dashboard = dashboardOf(request);
    Sheet sheet = dashboard.sheet(table).orElseThrow(() -> new UnknownTable(table));
    return download(
        SpreadsheetExports.csv(sheet),
        SpreadsheetExports.CSV_TYPE,
        "prefecture-" + dashboard.department() + "-" + sheet.fileName() + ".csv");
  }

  @GetMapping("/tableau-de-bord.ods")
  ResponseEntity<byte[]> ods(HttpServletRequest request) {
    Dashboard dashboard = dashboardOf(request);
    return download(
        SpreadsheetExports.ods(dashboard.sheets()),
        SpreadsheetExports.ODS_TYPE,
        "prefecture-" + dashboard.department() + "-tableau-de-bord.ods");
  }

  @ExceptionHandler(NotAManager.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String refused(NotAManager refusal, Model model) {
    model.addAttribute("reason", refusal.getMessage());
    return "management-refused";
  }

  static final class UnknownTable extends RuntimeException {
    UnknownTable(String table) {
      super(table);
    }
  }

  @ExceptionHandler(UnknownTable.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String unknownTable(Model model) {
    model.addAttribute(
        "reason", "Ce tableau n'existe pas : statuts, durees, echeances ou previsions.");
    return "management-refused";
  }

  private Dashboard dashboardOf(HttpServletRequest request) {
    AppUser user = AppUser.of(request);
    if (!user.isIn(ManagerScope.MANAGERS)) {
      throw new NotAManager("Ce tableau de bord est réservé aux responsables de préfecture.");
    }
    String department =
        ManagerScope.departmentOf(user.groups())
            .orElseThrow(
                () ->
                    new NotAManager(
                        "Votre compte n'est rattaché à aucune préfecture, ou à plusieurs : l'administrateur doit le rattacher à la "
                            + "vôtre."));
    String name =
        Optional.ofNullable(
                identity
                    .createGroupQuery()
                    .groupId(ManagerScope.groupOf(department))
                    .singleResult())
            .map(Group::getName)
            .orElse("Préfecture du département " + department);
    return dashboards.of(department, name);
  }

  private static ResponseEntity<byte[]> download(byte[] bytes, String type, String fileName) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(fileName, StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(bytes);
  }
}
