package fr.anef.renewal.management;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ManagerScopeTests {

  @Test
  @DisplayName(
      "La préfecture d'un responsable est le département de son groupe prefecture-XX, et d'un seul")
  void departmentOfTheScopeGroup() {
    assertThat(ManagerScope.departmentOf(List.of("prefecture-managers", "prefecture-59")))
        .hasValue("59");
    assertThat(
            ManagerScope.departmentOf(
                List.of("prefecture-75", "prefecture-managers", "prefecture-agents")))
        .hasValue("75");
    assertThat(ManagerScope.departmentOf(List.of("prefecture-managers", "prefecture-2A")))
        .hasValue("2A");
    assertThat(ManagerScope.departmentOf(List.of("prefecture-managers", "prefecture-971")))
        .hasValue("971");
    assertThat(ManagerScope.departmentOf(List.of("prefecture-managers", "prefecture-agents")))
        .isEmpty();
    assertThat(
            ManagerScope.departmentOf(
                List.of("prefecture-managers", "prefecture-59", "prefecture-75")))
        .isEmpty();
    assertThat(
            ManagerScope.departmentOf(
                List.of("prefecture-5", "prefecture-2C", "prefecture-1234", "xprefecture-59")))
        .isEmpty();
  }
}
