package fr.anef.renewal;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The capabilities stay apart: no cycles, no use of another module's internals. */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(RenewalApplication.class);

  @Test
  @DisplayName("Les modules respectent leurs frontières")
  void modulesKeepTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  @DisplayName("Le diagramme des modules est généré (target/spring-modulith-docs)")
  void writesModuleDiagram() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
