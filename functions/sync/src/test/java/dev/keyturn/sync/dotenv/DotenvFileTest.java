package dev.keyturn.sync.dotenv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DotenvFileTest {

  @Test
  void with_roundTripsAwkwardValues() {
    String awkward =
        "a \"quoted\" \\back\\slash $HOME ${X} #not-a-comment\nline2\r\ttab 'single' = é";

    DotenvFile written = DotenvFile.parse("").with(Map.of("KEY", awkward));
    DotenvFile reread = DotenvFile.parse(written.render());

    assertThat(reread.value("KEY").orElseThrow().equals(awkward)).isTrue();
    assertThat(written.render()).doesNotContain("\n\t").startsWith("KEY=\"").endsWith("\"\n");
  }

  @Test
  void with_keepsCommentsBlankLinesAndUnmanagedKeys() {
    String before =
        """
        # local settings
        PORT=3000

        export API_KEY='old'
        OTHER="keep me" # trailing comment
        not an assignment at all
        """;

    String after = DotenvFile.parse(before).with(Map.of("API_KEY", "new", "ADDED", "x")).render();

    assertThat(after)
        .isEqualTo(
            """
            # local settings
            PORT=3000

            export API_KEY="new"
            OTHER="keep me" # trailing comment
            not an assignment at all
            ADDED="x"
            """);
  }

  @Test
  void value_readsUnquotedSingleAndDoubleQuotedForms() {
    DotenvFile f =
        DotenvFile.parse(
            "A=plain value # comment\nB='lit\\eral'\nC=\"esc\\\"aped\\n\"\nexport D=exported\n");

    assertThat(f.value("A")).contains("plain value");
    assertThat(f.value("B")).contains("lit\\eral");
    assertThat(f.value("C")).contains("esc\"aped\n");
    assertThat(f.value("D")).contains("exported");
    assertThat(f.value("MISSING")).isEmpty();
  }

  @Test
  void parse_keepsAMultiLineQuotedValueAsOneEntry() {
    String before = "PEM=\"-----BEGIN\nabc\n-----END\"\nAFTER=1\n";
    DotenvFile f = DotenvFile.parse(before);

    assertThat(f.value("PEM")).contains("-----BEGIN\nabc\n-----END");
    assertThat(f.with(Map.of("PEM", "short")).render()).isEqualTo("PEM=\"short\"\nAFTER=1\n");
  }

  @Test
  void differing_namesKeysThatAreMissingOrDifferent() {
    DotenvFile f = DotenvFile.parse("A=\"1\"\nB=\"2\"\n");

    assertThat(f.differing(Map.of("A", "1", "B", "3", "C", "4"))).containsExactly("B", "C");
  }
}
