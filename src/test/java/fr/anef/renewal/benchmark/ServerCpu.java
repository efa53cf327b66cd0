package fr.anef.renewal.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of the PostgreSQL server (the postmaster and its backends, ended ones included through
 * the postmaster's children times) read from /proc, when the benchmark knows the cluster's data
 * directory.
 */
final class ServerCpu {

  private final Long postmaster;

  ServerCpu(String dataDirectory) {
    Long pid = null;
    if (dataDirectory != null && !dataDirectory.isBlank()) {
      try {
        pid =
            Long.parseLong(
                Files.readAllLines(Path.of(dataDirectory, "postmaster.pid")).get(0).strip());
      } catch (IOException | RuntimeException e) {
        pid = null;
      }
    }
    this.postmaster = pid;
  }

  boolean available() {
    return postmaster != null;
  }

  /** Nanoseconds of CPU used by the server so far (0 if unknown). */
  long nanos() {
    if (postmaster == null) {
      return 0;
    }
    long ticks = 0;
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      for (Path process :
          processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
        try {
          String stat = Files.readString(process.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          long pid = Long.parseLong(process.getFileName().toString());
          long parent = Long.parseLong(fields[1]);
          if (pid == postmaster) {
            ticks +=
                Long.parseLong(fields[11])
                    + Long.parseLong(fields[12])
                    + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
          } else if (parent == postmaster) {
            ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
          }
        } catch (IOException | RuntimeException e) {
          // a process that just ended
        }
      }
    } catch (IOException e) {
      return 0;
    }
    return ticks * 10_000_000L; // USER_HZ = 100
  }
}
