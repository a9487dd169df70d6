package dev.keyturn.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HerokuApiUnitTest {

  @Test
  void applied_isTrue_whenSetKeysHoldTheirValuesAndDeletedKeysAreGone() {
    Map<String, String> changes = new HashMap<>();
    changes.put("A", "1");
    changes.put("OLD", null);

    assertThat(HerokuApi.applied(Map.of("A", "1", "B", "2"), changes)).isTrue();
    assertThat(HerokuApi.applied(Map.of("A", "0", "B", "2"), changes)).isFalse();
    assertThat(HerokuApi.applied(Map.of("A", "1", "OLD", "x"), changes)).isFalse();
  }

  @Test
  void identity_rejectsAnythingThatCouldBendThePath() {
    assertThat(HerokuApi.identity("raxx-raptor-prod")).isEqualTo("raxx-raptor-prod");
    assertThat(HerokuApi.identity("01234567-89ab-cdef-0123-456789abcdef")).isNotEmpty();
    for (String bad : new String[] {"../account", "a/b", "a?b", "", "a b"}) {
      assertThatThrownBy(() -> HerokuApi.identity(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
