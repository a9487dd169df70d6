package dev.keyturn.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.secrets.SecretNotFoundException;
import org.junit.jupiter.api.Test;

class ErrorHandlerTest {

  static final String TOKEN = "sk_live_51HxQ2aKf8Zt0pLmN3bVc7Yd";

  @Test
  void thirdPartyMessage_isRedacted_keepingItsTypeAndWords() {
    String line =
        ErrorHandler.describe(
            new IllegalStateException("Unrecognized token '" + TOKEN + "': was expecting JSON"));

    assertThat(line)
        .doesNotContain(TOKEN)
        .startsWith("IllegalStateException: ")
        .contains("Unrecognized token", "was expecting JSON");
  }

  @Test
  void thirdPartyMessage_losesAssignedValues_urlCredentials_andLongTokens() {
    String line =
        ErrorHandler.describe(
            new RuntimeException(
                "connect postgres://keyturn:hunter2pass@db:5432/app failed; password=hunter2pass"
                    + " token "
                    + TOKEN
                    + " request 9d2f6c1e-2b5a-4c3e-9f1a-0c2d3e4f5a6b"));

    assertThat(line)
        .doesNotContain("hunter2pass")
        .doesNotContain(TOKEN)
        .contains(
            "postgres://***@db:5432/app", "password=***", "9d2f6c1e-2b5a-4c3e-9f1a-0c2d3e4f5a6b");
  }

  @Test
  void keyturnsOwnMessage_isShownAsItIs() {
    assertThat(ErrorHandler.describe(new SecretNotFoundException("keyturn/prod/db")))
        .isEqualTo("secret not found: keyturn/prod/db");
  }
}
