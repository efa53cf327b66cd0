package fr.anef.renewal.management;

import fr.anef.renewal.cases.CaseStatus;
import fr.anef.renewal.management.DecisionForecast.Forecast;
import fr.anef.renewal.management.ManagementFigures.OpenCase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/** Everything a préfecture's manager reads, from its own cases only (ADR 0018). */
@Service
class ManagementDashboard {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** Held-out share of the decided cases when measuring the forecast's error. */
  static final double HELD_OUT = 0.2;

  /**
   * At most this many decided cases (the newest) for the error measure, and deadlines on the page.
   */
  static final int BACKTEST_CASES = 2000;

  static final int DEADLINES = 500;

  private final ManagementFigures figures;
  private final Clock clock;
  private final int historyDays;
  private final int deadlineDays;
  private final Duration historyReuse;

  /**
   * The history's figures by département, kept {@link #historyReuse} on this node (they move by the
   * day).
   */
  private final Map<String, History> histories = new java.util.concurrent.ConcurrentHashMap<>();

  ManagementDashboard(
      ManagementFigures figures,
      Clock clock,
      @Value("${anef.management.history-days:365}") int historyDays,
      @Value("${anef.management.deadline-days:14}") int deadlineDays,
      @Value("${anef.management.history-reuse:PT10M}") Duration historyReuse) {
    this.figures = figures;
    this.clock = clock;
    this.historyDays = historyDays;
    this.deadlineDays = deadlineDays;
    this.historyReuse = historyReuse;
  }

  /**
   * Durations per series and the forecast's measured error, as of {@code computedAt}; {@code
   * expires} in nanoTime.
   */
  record History(
      LocalDateTime computedAt,
      long expires,
      Map<Series, DurationDistribution> durations,
      PredictionBacktest.Result backtest) {}

  /**
   * The history's figures of the département: the heavy part of the page (every case of the year
   * and its milestones), computed at most once per {@code anef.management.history-reuse} (10
   * minutes) on each node.
   */
  History history(String department) {
    long now = System.nanoTime();
    return histories.compute(
        department,
        (key, known) -> {
          if (known != null && known.expires() - now > 0) {
            return known;
          }
          Instant since = clock.instant().minus(Duration.ofDays(historyDays));
          return new History(
              LocalDateTime.now(clock),
              now + historyReuse.toNanos(),
              figures.durations(department, since),
              PredictionBacktest.run(
                  figures.decidedCases(department, since, BACKTEST_CASES),
                  HELD_OUT,
                  clock.getZone()));
        });
  }

  record StatusRow(CaseStatus status, long count) {}

  record StageRow(Series series, long samples, Integer median, Integer p90) {}

  record DeadlineRow(LocalDateTime due, String requestNumber, String label) {}

  /**
   * @param predicted null when there is no date: see {@code basis}
   */
  record ForecastRow(
      String requestNumber,
      CaseStatus status,
      LocalDate deposited,
      LocalDate predicted,
      String basis) {}

  /**
   * @param historyAt when the durations and the forecast's error were computed (they are reused a
   *     few minutes)
   */
  record Dashboard(
      String department,
      String prefecture,
      LocalDateTime generatedAt,
      LocalDateTime historyAt,
      int historyDays,
      int deadlineDays,
      List<StatusRow> statuses,
      List<StageRow> stages,
      List<DeadlineRow> deadlines,
      List<ForecastRow> forecasts,
      PredictionBacktest.Result backtest) {

    public long filed() {
      return statuses.stream().mapToLong(StatusRow::count).sum();
    }

    List<Sheet> sheets() {
      return List.of(
          new Sheet(
              "Statuts",
              "statuts",
              List.of("Statut", "Nombre de demandes"),
              statuses.stream().map(s -> List.<Object>of(s.status().label(), s.count())).toList()),
          new Sheet(
              "Durées par étape",
              "durees",
              List.of("Étape", "Dossiers mesurés", "Médiane (jours)", "90e centile (jours)"),
              stages.stream()
                  .map(
                      s ->
                          Arrays.<Object>asList(
                              s.series().label(), s.samples(), s.median(), s.p90()))
                  .toList()),
          new Sheet(
              "Échéances",
              "echeances",
              List.of("Date", "N° de la demande", "Échéance"),
              deadlines.stream()
                  .map(d -> List.<Object>of(d.due().toLocalDate(), d.requestNumber(), d.label()))
                  .toList()),
          new Sheet(
              "Prévisions",
              "previsions",
              List.of(
                  "N° de la demande",
                  "Statut",
                  "Déposée le",
                  "Décision prévue le",
                  "Fondement de la prévision"),
              forecasts.stream()
                  .map(
                      f ->
                          Arrays.<Object>asList(
                              f.requestNumber(),
                              f.status().label(),
                              f.deposited(),
                              f.predicted(),
                              f.basis()))
                  .toList()));
    }

    Optional<Sheet> sheet(String fileName) {
      return sheets().stream().filter(s -> s.fileName().equals(fileName)).findFirst();
    }
  }

  Dashboard of(String department, String prefecture) {
    Instant now = clock.instant();
    History history = history(department);
    List<StatusRow> statuses =
        figures.casesByStatus(department).entrySet().stream()
            .map(e -> new StatusRow(e.getKey(), e.getValue()))
            .toList();
    Map<Series, DurationDistribution> durations = history.durations();
    List<StageRow> stages =
        Arrays.stream(Series.values())
            .filter(Series::shown)
            .map(
                series -> {
                  DurationDistribution d = durations.get(series);
                  return new StageRow(series, d.count(), boxed(d.median()), boxed(d.p90()));
                })
            .toList();
    List<DeadlineRow> deadlines =
        figures
            .deadlines(department, now, now.plus(Duration.ofDays(deadlineDays)), DEADLINES)
            .stream()
            .map(
                d ->
                    new DeadlineRow(
                        LocalDateTime.ofInstant(d.due(), clock.getZone()),
                        d.requestNumber(),
                        d.label()))
            .toList();
    List<ForecastRow> forecasts = new ArrayList<>();
    for (OpenCase open : figures.openCases(department)) {
      Optional<Forecast> forecast =
          DecisionForecast.of(open.milestones(), durations, now, clock.getZone());
      forecasts.add(
          new ForecastRow(
              open.requestNumber(),
              open.status(),
              LocalDate.ofInstant(open.milestones().deposited(), clock.getZone()),
              forecast.map(Forecast::date).orElse(null),
              basis(forecast)));
    }
    return new Dashboard(
        department,
        prefecture,
        LocalDateTime.ofInstant(now, clock.getZone()),
        history.computedAt(),
        historyDays,
        deadlineDays,
        statuses,
        stages,
        deadlines,
        forecasts,
        history.backtest());
  }

  static String basis(Optional<Forecast> forecast) {
    if (forecast.isEmpty()) {
      return "Historique insuffisant (moins de "
          + DecisionForecast.MIN_SAMPLES
          + " décisions comparables)";
    }
    Forecast f = forecast.get();
    if (f.beyondHistory()) {
      return "Au-delà de toutes les durées connues "
          + f.basis().label
          + " : à examiner en priorité";
    }
    return "Durée médiane " + f.basis().label + " (" + f.samples() + " décisions)";
  }

  private static Integer boxed(java.util.OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }
}
