package fr.anef.renewal.benchmark;

import fr.anef.renewal.prefecture.Prefecture;
import fr.anef.renewal.prefecture.Prefectures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The départements of the national-scale load in realistic proportions (ADR 0025): the weights of
 * {@code department-weights.csv} (foreign residents per département, INSEE's order of magnitude)
 * spread over {@value #SLOTS} slots (largest remainder, at least one per département); a copy
 * numbered g lives in the slot of a hash of g, so that every template's copies, however few, are
 * spread in the same proportions.
 */
final class Departments {

  static final int SLOTS = 10_000;
  static final String SLOT_TABLE = "bench_department_slot";

  /** The slot of copy g, in SQL: PostgreSQL's own integer hash, made non-negative. */
  static final String SLOT_OF_G = "((hashint8(g)::bigint + 2147483648) % " + SLOTS + ")::int";

  private Departments() {}

  /** Département → weight, in the file's order. */
  static Map<String, Integer> weights() {
    Map<String, Integer> weights = new LinkedHashMap<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Departments.class.getResourceAsStream("department-weights.csv"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split(";");
        if (Prefectures.of(cells[0]).isEmpty()) {
          throw new IllegalStateException(
              "département inconnu dans department-weights.csv : " + cells[0]);
        }
        weights.put(cells[0], Integer.parseInt(cells[1].strip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (weights.size() != Prefectures.all().size()) {
      throw new IllegalStateException(
          "department-weights.csv : "
              + weights.size()
              + " départements, "
              + Prefectures.all().size()
              + " attendus");
    }
    return weights;
  }

  /**
   * Slots per département (sum {@value #SLOTS}): largest remainder, every département at least one.
   */
  static Map<String, Integer> slots(Map<String, Integer> weights) {
    long total = weights.values().stream().mapToLong(Integer::longValue).sum();
    int free = SLOTS - weights.size();
    Map<String, Integer> slots = new LinkedHashMap<>();
    List<Map.Entry<String, Double>> remainders = new ArrayList<>();
    int given = 0;
    for (var weight : weights.entrySet()) {
      double exact = (double) free * weight.getValue() / total;
      int whole = (int) Math.floor(exact);
      slots.put(weight.getKey(), 1 + whole);
      given += 1 + whole;
      remainders.add(Map.entry(weight.getKey(), exact - whole));
    }
    remainders.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
    for (int i = 0; given < SLOTS; i++, given++) {
      slots.merge(remainders.get(i).getKey(), 1, Integer::sum);
    }
    return slots;
  }

  /** A postal code of the département that {@code Prefectures.competentFor} routes back to it. */
  static String postalCode(String department) {
    return switch (department) {
      case "75" -> "75004";
      case "2A" -> "20000";
      case "2B" -> "20200";
      default -> department.length() == 3 ? department + "00" : department + "000";
    };
  }

  /**
   * (Re)creates the slot table the loader joins: slot → département, postal code, city (the
   * préfecture's seat).
   */
  static void createSlotTable(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("drop table if exists " + SLOT_TABLE);
      statement.execute(
          "create unlogged table "
              + SLOT_TABLE
              + " (slot integer primary key, dept varchar(3) not null, postal_code varchar(10) not null, city varchar(100) not null)");
    }
    try (PreparedStatement insert =
        connection.prepareStatement("insert into " + SLOT_TABLE + " values (?, ?, ?, ?)")) {
      int slot = 0;
      for (var entry : slots(weights()).entrySet()) {
        Prefecture prefecture = Prefectures.of(entry.getKey()).orElseThrow();
        String postalCode = postalCode(entry.getKey());
        if (!Prefectures.competentFor(postalCode).department().equals(entry.getKey())) {
          throw new IllegalStateException(postalCode + " n'est pas routé vers " + entry.getKey());
        }
        for (int i = 0; i < entry.getValue(); i++) {
          insert.setInt(1, slot++);
          insert.setString(2, entry.getKey());
          insert.setString(3, postalCode);
          insert.setString(4, prefecture.seat());
          insert.addBatch();
        }
      }
      insert.executeBatch();
    }
  }
}
