package dev.keyturn.cli.rotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.cli.common.UsageException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValueInputTest {

  final List<String> prompts = new ArrayList<>();

  String typed(String... answers) {
    Deque<char[]> queue = new ArrayDeque<>();
    for (String a : answers) {
      queue.add(a == null ? null : a.toCharArray());
    }
    return ValueInput.prompted(
        "ALP_LIVE_TRADING",
        prompt -> {
          prompts.add(prompt);
          return queue.isEmpty() ? null : queue.poll();
        });
  }

  @Test
  void onATerminal_asksTwice_andTakesTheValueWhenBothMatch() {
    assertThat(typed("pk-new-1234", "pk-new-1234")).isEqualTo("pk-new-1234");
    assertThat(prompts)
        .containsExactly("new value for ALP_LIVE_TRADING (input hidden): ", "again, to confirm: ");
  }

  @Test
  void onATerminal_twoDifferentAnswers_orNoAnswer_changeNothing() {
    assertThatThrownBy(() -> typed("pk-new-1234", "pk-new-1235"))
        .isInstanceOf(UsageException.class)
        .hasMessage("the two values typed for ALP_LIVE_TRADING differ; nothing changed");
    assertThatThrownBy(() -> typed("pk-new-1234"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("the input ended");
    assertThatThrownBy(() -> typed("  ", "  ")).hasMessageContaining("the input is empty");
  }

  @Test
  void piped_dropsOneTrailingLineBreak_andRefusesWhatIsTooLong() {
    assertThat(ValueInput.piped("X", stream("line one\nline two\r\n")))
        .isEqualTo("line one\nline two");
    assertThat(ValueInput.piped("X", stream("{\"a\":\"b\"}"))).isEqualTo("{\"a\":\"b\"}");
    assertThatThrownBy(() -> ValueInput.piped("X", stream("x".repeat(64 * 1024 + 1))))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("longer than 65536 bytes");
  }

  @Test
  void fromDir_readsTheEntrysFile_orNullWithout(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("CF_DNS_EDIT"), "cf-token-1\n");

    assertThat(ValueInput.fromDir(dir, "CF_DNS_EDIT")).isEqualTo("cf-token-1");
    assertThat(ValueInput.fromDir(dir, "CF_WAF_EDIT")).isNull();
  }

  static ByteArrayInputStream stream(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }
}
