package fr.anef.renewal.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The N° de la demande starts with the département of the préfecture that received it. */
class RequestNumbersTests {

  static final LocalDate DAY = LocalDate.of(2023, 10, 4);

  @Test
  @DisplayName("Le N° de la demande commence par le département de la préfecture : 59, 75, 2A, 971")
  void prefixIsTheDepartment() {
    assertThat(RequestNumbers.format("59", DAY, 310))
        .isEqualTo("5901202310040000310"); // the seed's
    assertThat(RequestNumbers.format("75", DAY, 1)).isEqualTo("7501202310040000001").hasSize(19);
    assertThat(RequestNumbers.format("2A", DAY, 1)).isEqualTo("2A01202310040000001").hasSize(19);
    assertThat(RequestNumbers.format("971", DAY, 1)).isEqualTo("97101202310040000001").hasSize(20);
    for (String wrong : new String[] {"5", "20", "96", "975", "977", "2C", "ABC", "0590"}) {
      assertThatThrownBy(() -> RequestNumbers.format(wrong, DAY, 1))
          .as(wrong)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
