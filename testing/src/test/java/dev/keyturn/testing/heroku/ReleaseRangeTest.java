package dev.keyturn.testing.heroku;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseRangeTest {

  private static final HerokuApp APP = new HerokuApp(UUID.randomUUID(), "billing", Instant.EPOCH);
  private static final HerokuUser USER = HerokuUser.operator();
  private static final List<Release> FIVE =
      IntStream.rangeClosed(1, 5)
          .mapToObj(version ->
              new Release(
                  UUID.randomUUID(),
                  version,
                  "r" + version,
                  Instant.EPOCH,
                  APP,
                  USER,
                  version == 5,
                  "succeeded"))
          .toList();

  @Test
  void parse_readsFieldOrderAndMax() {
    ReleaseRange range = ReleaseRange.parse("version ..; order=desc, max=1");

    assertThat(range.field()).isEqualTo("version");
    assertThat(range.descending()).isTrue();
    assertThat(range.max()).isEqualTo(1);
  }

  @Test
  void missingHeader_meansVersionAscending_200AtATime() {
    assertThat(ReleaseRange.parse(null)).isEqualTo(ReleaseRange.DEFAULT);
    assertThat(ReleaseRange.DEFAULT.max()).isEqualTo(200);
  }

  @Test
  void page_withBounds_isInclusive() {
    ReleaseRange.Page page = ReleaseRange.parse("version 2..4").page(FIVE);

    assertThat(page.releases()).extracting(Release::version).containsExactly(2, 3, 4);
    assertThat(page.more()).isFalse();
    assertThat(page.contentRange()).isEqualTo("version 2..4");
  }

  @Test
  void page_withExclusiveStart_continuesAfterIt() {
    ReleaseRange.Page page = ReleaseRange.parse("version ]3..").page(FIVE);

    assertThat(page.releases()).extracting(Release::version).containsExactly(4, 5);
  }

  @Test
  void page_descendingFromAStart_goesDown() {
    ReleaseRange.Page page = ReleaseRange.parse("version ]4..; order=desc, max=2").page(FIVE);

    assertThat(page.releases()).extracting(Release::version).containsExactly(3, 2);
    assertThat(page.nextRange()).isEqualTo("version ]2..; order=desc, max=2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "created_at ..",
        "version",
        "version ..; max=0",
        "version ..; max=1001",
        "version ..; order=sideways",
        "version ..; colour=blue",
        "version a..b"
      })
  void parse_rejectsWhatHerokuWouldNot(String header) {
    assertThatThrownBy(() -> ReleaseRange.parse(header))
        .isInstanceOf(ReleaseRange.InvalidRange.class);
  }
}
