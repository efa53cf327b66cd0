package fr.anef.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The capabilities stay apart: each module declares on its package-info who it may use
 * ({@code @ApplicationModule(allowedDependencies = …)}, README « Modules »), and {@link
 * ApplicationModules#verify()} fails on a cycle, on a dependency not declared, or on the use of
 * another module's internals (its sub-packages, e.g. {@code cases.internal}).
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(RenewalApplication.class);

  @Test
  @DisplayName(
      "Les modules respectent leurs frontières : dépendances déclarées, pas de cycle, pas d'usage des internes")
  void modulesKeepTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  @DisplayName("Chaque module déclare les modules qu'il peut utiliser")
  void everyModuleDeclaresItsDependencies() throws ClassNotFoundException {
    List<String> open = new ArrayList<>();
    for (var module : MODULES) {
      String packageName = module.getBasePackage().getName();
      ApplicationModule declared =
          Class.forName(packageName + ".package-info").getAnnotation(ApplicationModule.class);
      if (declared == null
          || List.of(declared.allowedDependencies()).contains(ApplicationModule.OPEN_TOKEN)) {
        open.add(module.getIdentifier().toString());
      }
    }
    assertThat(open).as("modules sans allowedDependencies").isEmpty();
  }

  @Test
  @DisplayName(
      "Secret médical : l'instruction de la préfecture n'utilise pas le module médical, ni l'inverse")
  void instructionAndMedicalStayApart() {
    assertThat(
            MODULES
                .getModuleByName("instruction")
                .orElseThrow()
                .getDirectDependencies(MODULES)
                .uniqueModules()
                .map(m -> m.getIdentifier().toString()))
        .isNotEmpty()
        .doesNotContain("medical");
    assertThat(
            MODULES
                .getModuleByName("medical")
                .orElseThrow()
                .getDirectDependencies(MODULES)
                .uniqueModules()
                .map(m -> m.getIdentifier().toString()))
        .isNotEmpty()
        .doesNotContain("instruction", "filing");
  }

  @Test
  @DisplayName(
      "Les tables d'un module ne sont qu'à lui : chaque dépôt JPA est privé à son paquet, ou public dans le sous-paquet internal du module")
  void repositoriesAreTheirModulesOwn() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(RenewalApplication.class.getPackageName());
    ArchRuleDefinition.classes()
        .that()
        .areAssignableTo(org.springframework.data.repository.Repository.class)
        .and()
        .resideOutsideOfPackage("..internal..")
        .should()
        .notBePublic()
        .because(
            "a repository another module could call would let it write the module's tables (ADR 0038)")
        .check(classes);
  }

  @Test
  @DisplayName("Le diagramme des modules est généré (target/spring-modulith-docs)")
  void writesModuleDiagram() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
  }
}
