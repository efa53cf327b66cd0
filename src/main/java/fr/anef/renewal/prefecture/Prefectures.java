package fr.anef.renewal.prefecture;

import fr.anef.renewal.shared.ActorGroups;
import fr.anef.renewal.shared.Refusal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The competent préfecture of an address, from the table {@code prefecture/prefectures.csv} (the
 * 101 départements; Paris: the préfecture de police, CESEDA R. 431-20). Postal code → département:
 *
 * <ul>
 *   <li>01–95 (but 20): the first two digits, Paris (75) and the petite couronne (92, 93, 94)
 *       included: in the petite couronne the residence permits are issued by the préfet of the
 *       département, the préfet de police only in Paris;
 *   <li>Corsica, 20xxx: 200xx–201xx Corse-du-Sud (2A), 202xx–206xx Haute-Corse (2B), as La Poste
 *       numbers them;
 *   <li>overseas, 971xx–974xx and 976xx: the three first digits (Saint-Barthélemy 97133 and
 *       Saint-Martin 97150 fall in 971: their State representative is the préfet de la Guadeloupe,
 *       with a préfet délégué);
 *   <li>anything else (Saint-Pierre-et-Miquelon 975xx, the Pacific 98xxx, Monaco 98000, abroad,
 *       malformed): no préfecture of this service, refused with a French message.
 * </ul>
 *
 * A few communes carry a neighbouring département's postal code; the register holds the postal code
 * only, so they are routed by it (ADR 0016).
 */
public final class Prefectures {

  /** The table, in its file's order (by code). */
  private static final Map<String, Prefecture> BY_DEPARTMENT = load();

  private Prefectures() {}

  /**
   * The préfecture competent for a residence at this postal code, or a {@link Refusal} saying why
   * there is none.
   */
  public static Prefecture competentFor(String postalCode) {
    String code = postalCode == null ? "" : postalCode.strip();
    if (!code.matches("\\d{5}")) {
      throw new Refusal(
          "Le code postal de votre adresse (« "
              + code
              + " ») n'est pas un code postal français à cinq "
              + "chiffres : la préfecture compétente ne peut pas être déterminée. Signalez votre adresse en France.");
    }
    String department = departmentOf(code);
    Prefecture prefecture = department == null ? null : BY_DEPARTMENT.get(department);
    if (prefecture == null) {
      throw new Refusal(
          "Le code postal "
              + code
              + " ne correspond à aucun département où ce service est ouvert "
              + "(départements de métropole, Guadeloupe, Martinique, Guyane, La Réunion, Mayotte) : la demande doit être "
              + "faite auprès de l'autorité compétente de votre lieu de résidence.");
    }
    return prefecture;
  }

  /** The préfecture of a département code, if it is one of the table. */
  public static Optional<Prefecture> of(String department) {
    return Optional.ofNullable(department == null ? null : BY_DEPARTMENT.get(department));
  }

  /** « Préfecture du Nord », « Préfecture de police »; the code itself when unknown. */
  public static String name(String department) {
    return of(department).map(Prefecture::name).orElse(department);
  }

  /** The 101 préfectures. */
  public static Collection<Prefecture> all() {
    return Collections.unmodifiableCollection(BY_DEPARTMENT.values());
  }

  static String departmentOf(String postalCode) {
    String two = postalCode.substring(0, 2);
    if (two.equals("20")) {
      int third = postalCode.charAt(2) - '0';
      return third <= 1 ? "2A" : third <= 6 ? "2B" : null;
    }
    if (two.equals("97")) {
      return postalCode.substring(0, 3);
    }
    return two;
  }

  private static Map<String, Prefecture> load() {
    Map<String, Prefecture> table = new LinkedHashMap<>();
    try (InputStream in = Prefectures.class.getResourceAsStream("/prefecture/prefectures.csv")) {
      if (in == null) {
        throw new IllegalStateException("prefecture/prefectures.csv absent du classpath");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split(";", -1);
        if (columns.length != 4
            || !columns[0].matches(ActorGroups.DEPARTMENT)
            || table.put(columns[0], new Prefecture(columns[0], columns[1], columns[2], columns[3]))
                != null) {
          throw new IllegalStateException(
              "prefecture/prefectures.csv : ligne invalide ou en double : " + line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(table);
  }
}
