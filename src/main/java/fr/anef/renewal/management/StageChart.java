package fr.anef.renewal.management;

import fr.anef.renewal.management.ManagementDashboard.StageRow;
import java.util.ArrayList;
import java.util.List;

/**
 * The time per stage as horizontal bars, drawn by the server as SVG (no script): the median as a
 * dark bar, the 90th percentile as a lighter one behind it. Each stage's name sits above its bars
 * so that the chart reads at 390 px; the table beside it gives the same figures in words.
 */
record StageChart(int width, int height, List<Bar> bars, List<Tick> ticks) {

  static final int WIDTH = 400;
  static final int ROW = 66;
  static final int TOP = 4;
  static final int AXIS = 24;

  /**
   * One stage: its name's baseline, the bars' top, their lengths, the caption's baseline (user
   * units).
   */
  record Bar(
      String label,
      String caption,
      int textY,
      int barY,
      int medianWidth,
      int p90Width,
      int captionY) {}

  record Tick(int x, String label) {}

  static StageChart of(List<StageRow> stages) {
    int max = stages.stream().filter(s -> s.p90() != null).mapToInt(StageRow::p90).max().orElse(0);
    int scale = niceCeiling(Math.max(max, 1));
    List<Bar> bars = new ArrayList<>();
    int y = TOP;
    for (StageRow stage : stages) {
      String caption =
          stage.median() == null
              ? "aucun dossier mesuré"
              : "médiane " + days(stage.median()) + ", 90 % en " + days(stage.p90()) + " au plus";
      bars.add(
          new Bar(
              stage.series().label(),
              caption,
              y + 14,
              y + 20,
              stage.median() == null ? 0 : length(stage.median(), scale),
              stage.p90() == null ? 0 : length(stage.p90(), scale),
              y + 52));
      y += ROW;
    }
    List<Tick> ticks = new ArrayList<>();
    for (int i = 0; i <= 4; i++) {
      ticks.add(new Tick(WIDTH * i / 4, scale * i / 4 + " j"));
    }
    return new StageChart(WIDTH, y + AXIS, bars, ticks);
  }

  static String days(int days) {
    return days + (days > 1 ? " jours" : " jour");
  }

  private static int length(int days, int scale) {
    return Math.max(days == 0 ? 0 : 2, (int) Math.round((double) days * WIDTH / scale));
  }

  /**
   * The smallest of 4, 8, 20, 40, 80, 200… (a multiple of 4 for round ticks) at least {@code
   * value}.
   */
  static int niceCeiling(int value) {
    int[] steps = {4, 8, 20, 40};
    for (int magnitude = 1; ; magnitude *= 10) {
      for (int step : steps) {
        if (step * magnitude >= value) {
          return step * magnitude;
        }
      }
    }
  }
}
