package dev.keyturn.cli.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.json.Json;
import org.junit.jupiter.api.Test;

class QueryTest {

  static final Object ROWS =
      Json.tree(
          """
          [{"name": "A", "drift": "behind", "source": {"id": "a", "exists": true}, "sinks": [1, 2]},
           {"name": "B", "drift": "in-sync", "source": {"id": "b", "exists": false}, "sinks": [3]}]
          """);

  private static String q(String expression) {
    return Json.write(Query.parse(expression).apply(ROWS));
  }

  @Test
  void fields_indexes_andProjections() {
    assertThat(q("[].name")).isEqualTo("[\"A\",\"B\"]");
    assertThat(q("[*].source.id")).isEqualTo("[\"a\",\"b\"]");
    assertThat(q("[0].source")).isEqualTo("{\"id\":\"a\",\"exists\":true}");
    assertThat(q("[-1].name")).isEqualTo("\"B\"");
    assertThat(q("[].sinks[]")).isEqualTo("[1,2,3]");
  }

  @Test
  void filters_compareWithRawStringsOrJsonLiterals() {
    assertThat(q("[?drift=='behind'].name")).isEqualTo("[\"A\"]");
    assertThat(q("[?source.exists==`false`].name")).isEqualTo("[\"B\"]");
    assertThat(q("[?drift!='behind'].name")).isEqualTo("[\"B\"]");
  }

  @Test
  void multiSelect_picksFieldsIntoNewObjects() {
    assertThat(q("[].{n: name, id: source.id}"))
        .isEqualTo("[{\"n\":\"A\",\"id\":\"a\"},{\"n\":\"B\",\"id\":\"b\"}]");
  }

  @Test
  void missingFields_areNull_andBadSyntaxNamesThePosition() {
    assertThat(q("[0].nope")).isEqualTo("null");
    assertThatThrownBy(() -> Query.parse("[?name='A']"))
        .hasMessage("--query '[?name='A']': expected == or != at position 7");
  }

  @Test
  void text_printsOneLinePerItem_valuesTabSeparated() {
    assertThat(OutputOptions.textLines(Query.parse("[].{n: name, id: source.id}").apply(ROWS)))
        .containsExactly("A\ta", "B\tb");
  }
}
