package fr.anef.renewal.security;

import fr.anef.renewal.prefecture.AgentScopes;
import fr.anef.renewal.processes.OfiiMedicalOpinionProcess;
import fr.anef.renewal.register.Register;
import fr.anef.renewal.register.RegisteredPerson;
import fr.anef.renewal.register.ResidenceTitle;
import fr.anef.renewal.shared.ClusterLock;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users and register entries of the embedded default ({@code anef.demo.enabled}, off in the
 * {@code postgres} profile). Every password is {@value #PASSWORD}. The titres are dated from today
 * so that the filing window is open for 5903007229 and past for 5903007243 (a « demande tardive »).
 */
@Component
@ConditionalOnProperty(name = "anef.demo.enabled", havingValue = "true")
class DemoData {

  static final String PASSWORD = "Demo-2026!";
  static final String ETRANGER_MALADE = "Etranger malade";
  static final String VPF = "VIE PRIVÉE ET FAMILIALE";

  private final IdentityService identity;
  private final Register register;
  private final Clock clock;
  private final ClusterLock lock;

  DemoData(IdentityService identity, Register register, Clock clock, ClusterLock lock) {
    this.identity = identity;
    this.register = register;
    this.clock = clock;
    this.lock = lock;
  }

  /** One node at a time (nodes started together on an empty database create each user once). */
  @EventListener(ApplicationReadyEvent.class)
  @Order(10)
  void load() {
    lock.exclusively(ClusterLock.START_UP, this::createMissing);
  }

  /** A person of the register with one titre « étranger malade », « vie privée et familiale ». */
  private void holder(RegisteredPerson person, String title, LocalDate from, LocalDate to) {
    register.saveIfAbsent(
        person,
        List.of(
            new ResidenceTitle(
                title, person.getForeignerNumber(), ETRANGER_MALADE, VPF, from, to)));
  }

  private void createMissing() {
    LocalDate today = LocalDate.now(clock);
    holder(
        new RegisteredPerson(
                "5903007229",
                "GUIDE",
                "MALADE",
                "M",
                LocalDate.of(2000, 10, 3),
                "Mexico",
                "Mexique",
                "Mexicaine")
            .livingAt("20 rue Nationale", "59000", "Lille", "FRANCE")
            .reachableAt("guideem@yopmail.com", "0102030405")
            .enteredFranceOn(LocalDate.of(2022, 8, 31)),
        "5900001234",
        today.minusYears(1).plusDays(90),
        today.plusDays(90));
    holder(
        new RegisteredPerson(
                "5903007243",
                "OFII",
                "TROIS",
                "M",
                LocalDate.of(2000, 5, 2),
                "Cancun",
                "Mexique",
                "Mexicaine")
            .livingAt("20 rue Nationale", "59000", "Lille", "FRANCE")
            .reachableAt("ofiitrois@yopmail.com", null)
            .enteredFranceOn(LocalDate.of(2021, 3, 15)),
        "5900005678",
        today.minusYears(1).plusDays(30),
        today.plusDays(30));

    // A titre holder without an account yet, to try « Créer un compte » (titre 5900004321).
    holder(
        new RegisteredPerson(
                "5903007250",
                "OFII",
                "QUATRE",
                "F",
                LocalDate.of(1998, 7, 14),
                "Oran",
                "Algérie",
                "Algérienne")
            .livingAt("3 rue Solférino", "59000", "Lille", "FRANCE")
            .enteredFranceOn(LocalDate.of(2020, 9, 1)),
        "5900004321",
        LocalDate.of(2025, 12, 1),
        LocalDate.of(2026, 12, 31));

    // A person who cannot file online, for the counter route (« Guichet », agent.lille; titre
    // 5900004338).
    holder(
        new RegisteredPerson(
                "5903007268",
                "OFII",
                "CINQ",
                "M",
                LocalDate.of(1975, 2, 20),
                "Kinshasa",
                "République démocratique du Congo",
                "Congolaise")
            .livingAt("8 rue Gambetta", "59000", "Lille", "FRANCE")
            .enteredFranceOn(LocalDate.of(2019, 5, 2)),
        "5900004338",
        LocalDate.of(2026, 3, 1),
        LocalDate.of(2027, 2, 28));

    // An applicant living in Paris: her case goes to the préfecture de police (agent.paris), not to
    // the Nord.
    holder(
        new RegisteredPerson(
                "7503004417",
                "BENALI",
                "SAMIRA",
                "F",
                LocalDate.of(1990, 4, 12),
                "Alger",
                "Algérie",
                "Algérienne")
            .livingAt("12 rue de Rivoli", "75004", "Paris", "FRANCE")
            .reachableAt("samira.benali@yopmail.com", "0611223344")
            .enteredFranceOn(LocalDate.of(2018, 9, 3)),
        "7500002468",
        today.minusYears(1).plusDays(100),
        today.plusDays(100));

    user("5903007229", "MALADE", "GUIDE", "guideem@yopmail.com", AccessSetup.APPLICANTS);
    user("7503004417", "SAMIRA", "BENALI", "samira.benali@yopmail.com", AccessSetup.APPLICANTS);
    user("5903007243", "TROIS", "OFII", "ofiitrois@yopmail.com", AccessSetup.APPLICANTS);
    // Each agent in the role group and in their préfecture's scope group (ADR 0016); added to an
    // existing agent.lille too.
    user(
        "agent.lille",
        "Agent",
        "Préfecture du Nord",
        "agent.lille@nord.gouv.fr",
        AccessSetup.PREFECTURE_AGENTS,
        AgentScopes.groupOf("59"));
    user(
        "agent.paris",
        "Agent",
        "Préfecture de police",
        "agent.paris@interieur.gouv.fr",
        AccessSetup.PREFECTURE_AGENTS,
        AgentScopes.groupOf("75"));
    user("medecin.ofii", "Médecin", "OFII", "medecin.ofii@ofii.fr", AccessSetup.OFII_DOCTORS);
    for (int i = 2; i <= 1 + OfiiMedicalOpinionProcess.COLLEGE_SIZE; i++) {
      user(
          "medecin.ofii" + i,
          "Médecin " + i,
          "Collège OFII",
          "medecin.ofii" + i + "@ofii.fr",
          AccessSetup.OFII_COLLEGE);
    }
    user("analyste", "Analyste", "Processus", "analyste@interieur.gouv.fr", AccessSetup.ANALYSTS);
    user("admin", "Administrateur", "ANEF", "admin@interieur.gouv.fr", Groups.CAMUNDA_ADMIN);
  }

  private void user(String id, String firstName, String lastName, String email, String... groups) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User user = identity.newUser(id);
      user.setFirstName(firstName);
      user.setLastName(lastName);
      user.setEmail(email);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identity.createMembership(id, group);
      }
    }
  }
}
