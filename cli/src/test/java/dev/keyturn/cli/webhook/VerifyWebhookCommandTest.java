package dev.keyturn.cli.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.webhook.scheme.Schemes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyWebhookCommandTest {

  static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
  static final byte[] BODY = "{\"type\":\"invoice.paid\"}".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new VerifyWebhookCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  private Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private Path file(String name, String content) throws IOException {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private static String hexSecret() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return HexFormat.of().formatHex(key);
  }

  private static String whsec() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return "whsec_" + Base64.getEncoder().encodeToString(key);
  }

  /** --header arguments for what a provider would send. */
  private static List<String> headerArgs(String scheme, String secret, String id) {
    Map<String, String> headers = Schemes.signer(scheme, Map.of()).sign(secret, BODY, AT, id);
    List<String> args = new ArrayList<>();
    headers.forEach((name, value) -> {
      args.add("--header");
      args.add(name + ": " + value);
    });
    return args;
  }

  private String[] args(List<String> headerArgs, String... rest) {
    List<String> all = new ArrayList<>(List.of(rest));
    all.addAll(headerArgs);
    return all.toArray(String[]::new);
  }

  private void assertNothingPrinted(String secret, List<String> headerArgs) {
    String printed = out.toString() + err;
    assertThat(printed.contains(secret)).as("secret printed").isFalse();
    for (String header : headerArgs) {
      if (header.contains(":")) {
        String value = header.substring(header.indexOf(':') + 1).strip();
        assertThat(value.length() > 12 && printed.contains(value))
            .as("header value printed")
            .isFalse();
      }
    }
  }

  @Test
  void signedGithubDelivery_printsVerified_andExits0() throws IOException {
    String secret = hexSecret();
    List<String> headers = headerArgs("github", secret, "d-1");

    Path secretFile = file("secret", secret + "\n");
    int exit =
        run(
            args(
                headers,
                "--scheme",
                "github",
                "--secret-file",
                secretFile.toString(),
                "--body-file",
                file("body.json", BODY).toString()));

    assertThat(exit).isZero();
    assertThat(out.toString())
        .isEqualTo("verified with --secret-file #1 (" + secretFile + ")" + System.lineSeparator());
    assertNothingPrinted(secret, headers);
  }

  @Test
  void timestampedScheme_isCheckedAgainstNow() throws IOException {
    String secret = whsec();
    List<String> headers = headerArgs("standard-webhooks", secret, "msg_1");
    String secretFile = file("secret", secret).toString();
    String body = file("body.json", BODY).toString();

    int inWindow =
        run(
            args(
                headers,
                "--scheme",
                "standard-webhooks",
                "--secret-file",
                secretFile,
                "--body-file",
                body,
                "--now",
                Long.toString(AT.getEpochSecond() + 60)));
    int late =
        run(
            args(
                headers,
                "--scheme",
                "standard-webhooks",
                "--secret-file",
                secretFile,
                "--body-file",
                body,
                "--now",
                Long.toString(AT.getEpochSecond() + 3600)));

    assertThat(inWindow).isZero();
    assertThat(late).isEqualTo(1);
    assertThat(out.toString().lines())
        .containsExactly(
            "verified with --secret-file #1 (" + secretFile + ")", "TIMESTAMP_OUT_OF_TOLERANCE");
  }

  @Test
  void wrongSecret_printsTheReasonCode_andExits1() throws IOException {
    String secret = hexSecret();
    List<String> headers = headerArgs("heroku", secret, null);

    int exit =
        run(
            args(
                headers,
                "--scheme",
                "heroku",
                "--secret-file",
                file("other", hexSecret()).toString(),
                "--body-file",
                file("body.json", BODY).toString()));

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString().strip()).isEqualTo("SIGNATURE_MISMATCH");
    assertNothingPrinted(secret, headers);
  }

  @Test
  void severalSecretFiles_verifyWhenAnyVersionSigned_andSayWhichOne() throws IOException {
    String previous = hexSecret();
    List<String> headers = headerArgs("shopify", previous, null);

    int exit =
        run(
            args(
                headers,
                "--scheme",
                "shopify",
                "--secret-file",
                file("current", hexSecret()).toString(),
                "--secret-file",
                file("previous", previous + "\r\n").toString(),
                "--body-file",
                file("body.json", BODY).toString()));

    assertThat(exit).isZero();
    assertThat(out.toString()).startsWith("verified with --secret-file #2 (").contains("previous");
  }

  @Test
  void missingSignatureHeader_isReported_namingTheHeaderTheSchemeReads() throws IOException {
    int exit =
        run(
            "--scheme", "github",
            "--secret-file", file("secret", hexSecret()).toString(),
            "--body-file", file("body.json", BODY).toString());

    assertThat(exit).isEqualTo(1);
    assertThat(out.toString().strip())
        .isEqualTo("MISSING_SIGNATURE: no X-Hub-Signature-256 header");
  }

  @Test
  void headerNames_matchWithoutRegardToCase() throws IOException {
    String secret = hexSecret();
    List<String> upperCaseNames = new ArrayList<>();
    Schemes.signer("github", Map.of())
        .sign(secret, BODY, AT, "d-2")
        .forEach((name, value) -> {
          upperCaseNames.add("-H");
          upperCaseNames.add(name.toUpperCase(java.util.Locale.ROOT) + ":" + value);
        });

    int exit =
        run(
            args(
                upperCaseNames,
                "--scheme",
                "github",
                "--secret-file",
                file("secret", secret).toString(),
                "--body-file",
                file("body.json", BODY).toString()));

    assertThat(exit).isZero();
  }

  @Test
  void schemeOptions_arePassedLikeTheInventorys() throws IOException {
    String secret = hexSecret();
    Map<String, String> options = Map.of("header", "X-Signature", "encoding", "base64");
    Map<String, String> signed =
        Schemes.signer("generic-hmac", options).sign(secret, BODY, AT, null);

    int exit =
        run(
            "--scheme",
            "generic-hmac",
            "--option",
            "header=X-Signature",
            "--option",
            "encoding=base64",
            "--header",
            "X-Signature: " + signed.get("X-Signature"),
            "--secret-file",
            file("secret", secret).toString(),
            "--body-file",
            file("body.bin", BODY).toString());

    assertThat(exit).isZero();
  }

  @Test
  void unknownScheme_isAUsageError_exit2() throws IOException {
    int exit =
        run(
            "--scheme", "nope",
            "--secret-file", file("secret", "s").toString(),
            "--body-file", file("body.json", BODY).toString());

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("unknown scheme 'nope'");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void badOptionOrHeaderOrFile_isAUsageError_exit2() throws IOException {
    String body = file("body.json", BODY).toString();
    String secret = file("secret", "s3cr3t-never-shown").toString();

    assertThat(
            run(
                "--scheme",
                "github",
                "--option",
                "x=y",
                "--secret-file",
                secret,
                "--body-file",
                body))
        .isEqualTo(2);
    assertThat(
            run(
                "--scheme",
                "github",
                "--header",
                "no colon",
                "--secret-file",
                secret,
                "--body-file",
                body))
        .isEqualTo(2);
    assertThat(
            run(
                "--scheme",
                "github",
                "--secret-file",
                secret,
                "--body-file",
                dir.resolve("missing").toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no such file: " + dir.resolve("missing"));
    assertThat(run("--scheme", "github", "--body-file", body)).isEqualTo(2);
    assertThat(err.toString()).doesNotContain("s3cr3t-never-shown");
  }

  @Test
  void help_showsUsageAndExamples() {
    int exit = run("--help");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("verify-webhook", "--scheme", "--secret-file", "--header", "--body-file", "--now")
        .contains("Examples:")
        .contains("A rejected delivery is exit 1");
  }
}
