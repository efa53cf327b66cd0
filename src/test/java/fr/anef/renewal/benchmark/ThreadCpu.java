package fr.anef.renewal.benchmark;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JVM's CPU by kind of thread, read from Linux ({@code /proc/self/task/<tid>/stat} and {@code
 * comm}): the JIT compilers and the garbage collector are native threads that the JVM's own thread
 * bean does not see. A thread that ends during a phase loses what it used since the last snapshot:
 * that part is the remainder of the process's total (« fils terminés »).
 */
final class ThreadCpu {

  private static final Path TASKS = Path.of("/proc/self/task");
  private static final double TICK_NANOS = 1e9 / 100; // USER_HZ, 100 on Linux

  /** The groups, in the order of the report: a name's first matching prefix decides. */
  private static final List<Map.Entry<String, List<String>>> GROUPS =
      List.of(
          Map.entry("acteurs (pilote et appels)", List.of(SqlCounts.ACTOR)),
          Map.entry(
              "exécuteur de travaux du moteur", List.of("camundaTaskExe", "JobExecutor", "pool-")),
          Map.entry("compilateurs JIT", List.of("C1 CompilerThre", "C2 CompilerThre")),
          Map.entry(
              "ramasse-miettes et VM",
              List.of("GC Thread", "G1 ", "VM Thread", "VM Periodic", "Service Thread")),
          Map.entry("serveur SMTP embarqué (GreenMail)", List.of("smtp", "greenmail", "Thread-")),
          Map.entry("pilote : scrutation et échantillonneurs", List.of("heap-sampler")),
          Map.entry("base H2 / pool / autres", List.of("")));

  private ThreadCpu() {}

  static boolean available() {
    return Files.isDirectory(TASKS);
  }

  /** CPU nanoseconds per thread id, with each thread's name. */
  static Map<String, long[]> snapshot() {
    Map<String, long[]> threads = new HashMap<>();
    if (!available()) {
      return threads;
    }
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
      for (Path task : tasks) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          // Fields after the name in parentheses: state is field 3, utime 14, stime 15.
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          threads.put(
              task.getFileName() + " " + Files.readString(task.resolve("comm")).strip(),
              new long[] {(long) (ticks * TICK_NANOS)});
        } catch (IOException | RuntimeException ended) {
          // the thread ended while the directory was read
        }
      }
    } catch (IOException e) {
      return threads;
    }
    return threads;
  }

  /**
   * Milliseconds per case of each group between two snapshots, and of the threads that ended (the
   * process's total minus what the threads seen at the end account for).
   */
  static String perCase(
      Map<String, long[]> before, Map<String, long[]> after, long processNanos, int cases) {
    Map<String, Long> byGroup = new LinkedHashMap<>();
    GROUPS.forEach(group -> byGroup.put(group.getKey(), 0L));
    long accounted = 0;
    Map<String, Long> byName = new HashMap<>();
    for (Map.Entry<String, long[]> thread : after.entrySet()) {
      long used = thread.getValue()[0] - before.getOrDefault(thread.getKey(), new long[1])[0];
      String name = thread.getKey().substring(thread.getKey().indexOf(' ') + 1);
      String group =
          GROUPS.stream()
              .filter(g -> g.getValue().stream().anyMatch(name::startsWith))
              .findFirst()
              .orElseThrow()
              .getKey();
      byGroup.merge(group, used, Long::sum);
      byName.merge(name.replaceAll("[0-9]+", "#"), used, Long::sum);
      accounted += used;
    }
    byGroup.put("fils terminés pendant la phase", Math.max(0, processNanos - accounted));
    StringBuilder out = new StringBuilder("  CPU de la JVM par sorte de fil, ms par dossier :\n");
    byGroup.forEach(
        (group, nanos) ->
            out.append(String.format("    %-42s %8.1f%n", group, nanos / 1e6 / cases)));
    out.append("    les plus actifs : ");
    byName.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(12)
        .forEach(
            e -> out.append(String.format("%s %.1f ; ", e.getKey(), e.getValue() / 1e6 / cases)));
    return out.append('\n').toString();
  }
}
