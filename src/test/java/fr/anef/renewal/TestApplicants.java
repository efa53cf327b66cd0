package fr.anef.renewal;

import fr.anef.renewal.register.Register;
import fr.anef.renewal.register.RegisteredPerson;
import fr.anef.renewal.register.ResidenceTitle;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Fresh applicants for tests: a register entry, a titre, and a Camunda user in group « applicants
 * ».
 */
public final class TestApplicants {

  public static final String PASSWORD = "Test-2026!";

  private TestApplicants() {}

  /**
   * A new applicant whose titre « Etranger malade » expires in {@code daysToExpiry} days (none if
   * null).
   */
  public static String create(Register register, IdentityService identity, Integer daysToExpiry) {
    return create(register, identity, daysToExpiry, "59000", "Lille");
  }

  /** The same, living at {@code postalCode} {@code city} (whose préfecture instructs the case). */
  public static String create(
      Register register,
      IdentityService identity,
      Integer daysToExpiry,
      String postalCode,
      String city) {
    String id = "99" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    List<ResidenceTitle> titles =
        daysToExpiry == null
            ? List.of()
            : List.of(
                new ResidenceTitle(
                    "8" + id.substring(1),
                    id,
                    "Etranger malade",
                    "VIE PRIVÉE ET FAMILIALE",
                    TestDates.today().minusYears(1),
                    TestDates.today().plusDays(daysToExpiry)));
    register.saveIfAbsent(
        new RegisteredPerson(
                id,
                "TESTEUR",
                "JEANNE",
                "F",
                LocalDate.of(1990, 1, 15),
                "Bogotá",
                "Colombie",
                "Colombienne")
            .livingAt("1 place du Théâtre", postalCode, city, "FRANCE")
            .reachableAt("jeanne." + id + "@exemple.fr", null),
        titles);
    User user = identity.newUser(id);
    user.setFirstName("JEANNE");
    user.setLastName("TESTEUR");
    user.setEmail("jeanne." + id + "@exemple.fr");
    user.setPassword(PASSWORD);
    identity.saveUser(user);
    identity.createMembership(id, "applicants");
    return id;
  }
}
