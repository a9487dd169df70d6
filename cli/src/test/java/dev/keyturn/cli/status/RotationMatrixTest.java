package dev.keyturn.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RotationMatrixTest {

  @Test
  void cells_escapePipesAndFlattenLines() {
    assertThat(RotationMatrix.cell("a|b\nc")).isEqualTo("a\\|b c");
    assertThat(RotationMatrix.cell(null)).isEqualTo("-");
  }

  @Test
  void vendor_isTheNamesFirstPart() {
    assertThat(StatusReader.vendor("CF_DNS_EDIT_RAXX_APP")).isEqualTo("CF");
    assertThat(StatusReader.vendor("NOVENDOR")).isEqualTo("NOVENDOR");
  }
}
