package dev.keyturn.webhook.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemesTest {

  @Test
  void names_listsEveryScheme() {
    assertThat(Schemes.names())
        .containsExactly(
            "standard-webhooks",
            "stripe",
            "slack",
            "github",
            "heroku",
            "shopify",
            "freescout",
            "generic-hmac");
  }

  @Test
  void create_buildsTheSchemeOfThatName() {
    for (String name : Schemes.names()) {
      Map<String, String> options =
          name.equals("generic-hmac") ? Map.of("header", "X-Sig") : Map.of();

      assertThat(Schemes.create(name, options).name()).isEqualTo(name);
      assertThat(Schemes.validateOptions(name, options)).isEmpty();
    }
  }

  @Test
  void create_acceptsNullOptions_forSchemesThatNeedNone() {
    assertThat(Schemes.create("github", null)).isInstanceOf(GitHubScheme.class);
  }

  @Test
  void create_throwsANamedException_forAnUnknownScheme() {
    assertThatThrownBy(() -> Schemes.create("gitlab", Map.of()))
        .isInstanceOfSatisfying(
            UnknownSchemeException.class, e -> assertThat(e.scheme()).isEqualTo("gitlab"));
    assertThatThrownBy(() -> Schemes.create(null, Map.of()))
        .isInstanceOf(UnknownSchemeException.class);
  }

  @Test
  void create_throwsANamedException_namingTheBadOption() {
    assertThatThrownBy(() -> Schemes.create("stripe", Map.of("toleranceSeconds", "0")))
        .isInstanceOfSatisfying(
            InvalidSchemeOptionsException.class,
            e -> {
              assertThat(e.scheme()).isEqualTo("stripe");
              assertThat(e.option()).isEqualTo("toleranceSeconds");
            });
    assertThatThrownBy(() -> Schemes.create("generic-hmac", Map.of()))
        .isInstanceOfSatisfying(
            InvalidSchemeOptionsException.class, e -> assertThat(e.option()).isEqualTo("header"));
  }

  @Test
  void create_appliesTheToleranceOption() {
    SignatureScheme scheme = Schemes.create("slack", Map.of("toleranceSeconds", "60"));
    var headers = new SlackScheme().sign("secret", new byte[0], Fixtures.NOW, null);
    var request = Fixtures.request(headers, new byte[0]);

    Fixtures.assertVerified(
        scheme.verify(request, java.util.List.of("secret"), Fixtures.NOW.plusSeconds(60)));
    Fixtures.assertRejected(
        scheme.verify(request, java.util.List.of("secret"), Fixtures.NOW.plusSeconds(61)),
        RejectionReason.TIMESTAMP_OUT_OF_TOLERANCE);
  }

  @Test
  void validateOptions_reportsEveryProblem_namingOptionsButNotValues() {
    Map<String, String> options = new HashMap<>();
    options.put("header", "Bad Header");
    options.put("algorithm", "md5-secret-value");
    options.put("encoding", "base32");
    options.put("colour", "blue");

    assertThat(Schemes.validateOptions("generic-hmac", options))
        .hasSize(4)
        .anySatisfy(p -> assertThat(p).contains("'header'"))
        .anySatisfy(p -> assertThat(p).contains("'algorithm'").contains("sha256, sha512"))
        .anySatisfy(p -> assertThat(p).contains("'encoding'"))
        .anySatisfy(p -> assertThat(p).contains("'colour'"))
        .noneSatisfy(p -> assertThat(p).contains("md5-secret-value"))
        .noneSatisfy(p -> assertThat(p).contains("Bad Header"));
  }

  @Test
  void validateOptions_rejectsOptionsASchemeDoesNotHave() {
    assertThat(Schemes.validateOptions("github", Map.of("toleranceSeconds", "300")))
        .singleElement()
        .asString()
        .contains("github")
        .contains("'toleranceSeconds'");
  }

  @Test
  void validateOptions_checksTheToleranceRange() {
    for (String bad : new String[] {"0", "-5", "86401", "5m", "", "1e3"}) {
      assertThat(Schemes.validateOptions("standard-webhooks", Map.of("toleranceSeconds", bad)))
          .as("tolerance %s", bad)
          .hasSize(1);
    }
    assertThat(Schemes.validateOptions("standard-webhooks", Map.of("toleranceSeconds", "86400")))
        .isEmpty();
  }

  @Test
  void validateOptions_reportsAnUnknownSchemeAsAProblem() {
    assertThat(Schemes.validateOptions("nope", Map.of()))
        .singleElement()
        .asString()
        .contains("nope");
  }

  @Test
  void signer_returnsTheSigningSideOfAScheme() {
    WebhookSigner signer = Schemes.signer("github", Map.of());

    assertThat(signer.sign("s", new byte[0], Fixtures.NOW, null))
        .containsKey("X-Hub-Signature-256");
  }
}
