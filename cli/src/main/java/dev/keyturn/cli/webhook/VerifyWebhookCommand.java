package dev.keyturn.cli.webhook;

import dev.keyturn.cli.common.AwsConnection;
import dev.keyturn.cli.common.CliContext;
import dev.keyturn.inventory.Source;
import dev.keyturn.secrets.SecretDescriber;
import dev.keyturn.secrets.SecretDescription;
import dev.keyturn.secrets.SecretSource;
import dev.keyturn.secrets.SecretValue;
import dev.keyturn.secrets.Stages;
import dev.keyturn.webhook.scheme.Headers;
import dev.keyturn.webhook.scheme.InvalidSchemeOptionsException;
import dev.keyturn.webhook.scheme.RejectionReason;
import dev.keyturn.webhook.scheme.Schemes;
import dev.keyturn.webhook.scheme.UnknownSchemeException;
import dev.keyturn.webhook.scheme.VerificationResult;
import dev.keyturn.webhook.scheme.WebhookRequest;
import dev.keyturn.webhook.verify.DeliveryCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code keyturn verify-webhook}: checks one delivery's signature offline with the verification
 * code the webhook function runs ({@link DeliveryCheck}). Never prints a secret or a signature.
 */
@Command(
    name = "verify-webhook",
    mixinStandardHelpOptions = true,
    description = {
      "Verify a webhook delivery's signature offline, with the same code as the webhook function.",
      "Prints 'verified with' and which secret version signed it (exit 0: the AWSCURRENT,"
          + " AWSPENDING or AWSPREVIOUS label with --secret-id, the file's number and name with"
          + " --secret-file; never a value), or the rejection reason code (exit 1);"
          + " MISSING_SIGNATURE names the header the scheme reads."
    },
    footer = {
      "",
      "Schemes: standard-webhooks, stripe, slack, github, heroku, shopify, freescout, generic-hmac.",
      "--secret-id reads the live versions (AWSCURRENT, AWSPENDING, AWSPREVIOUS) as the function",
      "does; or repeat --secret-file to try several versions. Repeated --header names are joined",
      "with ',' as a Function URL joins them. --body-file - reads the body from stdin.",
      "A rejected delivery is exit 1; an unknown scheme, a bad option or a missing file exit 2.",
      "",
      "Examples:",
      "  keyturn verify-webhook --scheme github --secret-file gh.secret \\",
      "      --header 'X-Hub-Signature-256: sha256=5c1e...' --body-file delivery.json",
      "  keyturn verify-webhook --scheme standard-webhooks --secret-file whsec.txt \\",
      "      -H 'webhook-id: msg_2Ks' -H 'webhook-timestamp: 1772366400' \\",
      "      -H 'webhook-signature: v1,K5oZ...' --body-file body.json --now 1772366410",
      "  keyturn verify-webhook --scheme generic-hmac --option header=X-Signature \\",
      "      --secret-file key.txt -H 'X-Signature: 9f2c...' --body-file body.bin",
      "  pbpaste | keyturn verify-webhook --scheme github \\",
      "      --secret-id keyturn/prod/github-webhook -H 'X-Hub-Signature-256: sha256=5c1e...' \\",
      "      --body-file -"
    })
public final class VerifyWebhookCommand implements Callable<Integer> {

  static final int VERIFIED = 0;
  static final int REJECTED = 1;

  @Spec CommandSpec spec;

  @Option(
      names = "--scheme",
      required = true,
      paramLabel = "SCHEME",
      description = "signature scheme")
  String scheme;

  @Option(
      names = "--secret-file",
      paramLabel = "FILE",
      description = "file holding the signing secret (a final newline is ignored); repeatable")
  List<Path> secretFiles = new ArrayList<>();

  @Option(
      names = "--secret-id",
      paramLabel = "ID",
      description =
          "read the live versions of this Secrets Manager secret (name or ARN) or SSM parameter"
              + " (/path) instead of files")
  String secretId;

  @Mixin AwsConnection aws;

  @Option(
      names = {"-H", "--header"},
      paramLabel = "'NAME: VALUE'",
      description = "a request header exactly as received; repeatable")
  List<String> headers = new ArrayList<>();

  @Option(
      names = "--body-file",
      required = true,
      paramLabel = "FILE",
      description = "the raw request body, byte for byte; - reads it from stdin")
  String bodyFile;

  @Option(
      names = "--now",
      paramLabel = "EPOCH",
      description = "time to check signed timestamps against, Unix seconds (default: now)")
  Long now;

  @Option(
      names = "--option",
      paramLabel = "NAME=VALUE",
      description = "a scheme option as in the inventory, e.g. header=X-Signature; repeatable")
  Map<String, String> options = new LinkedHashMap<>();

  @Override
  public Integer call() {
    if (secretFiles.isEmpty() == (secretId == null)) {
      throw usage("give either --secret-id or --secret-file (one or more)");
    }
    DeliveryCheck check = check();
    WebhookRequest request = new WebhookRequest(body(), headers());
    List<Candidate> candidates = secretId != null ? versions() : files();
    Instant at = now == null ? Instant.now() : Instant.ofEpochSecond(now);
    VerificationResult result =
        check.verify(request, candidates.stream().map(Candidate::secret).toList(), at);
    var out = spec.commandLine().getOut();
    if (result instanceof VerificationResult.Rejected rejected) {
      out.println(rejection(rejected.reason(), check));
      out.flush();
      return REJECTED;
    }
    int matched = ((VerificationResult.Verified) result).matchedCandidate();
    out.println("verified with " + candidates.get(matched).label());
    out.flush();
    return VERIFIED;
  }

  /**
   * A secret to try and what to call it when it matches (a version label, a file): never a value.
   */
  record Candidate(String label, String secret) {
    @Override
    public String toString() {
      return "Candidate[" + label + "]";
    }
  }

  private static String rejection(RejectionReason reason, DeliveryCheck check) {
    return reason == RejectionReason.MISSING_SIGNATURE
        ? reason.name() + ": no " + check.signatureHeader() + " header"
        : reason.name();
  }

  private List<Candidate> files() {
    List<Candidate> out = new ArrayList<>();
    for (int i = 0; i < secretFiles.size(); i++) {
      Path file = secretFiles.get(i);
      out.add(new Candidate("--secret-file #" + (i + 1) + " (" + file + ")", secret(file)));
    }
    return out;
  }

  /** The live versions, labelled with their stage, read as the webhook function reads them. */
  private List<Candidate> versions() {
    Source source =
        secretId.startsWith("/")
            ? new Source.SsmParameter(secretId)
            : new Source.SecretsManager(secretId);
    try (CliContext context = CliContext.start(null, java.util.Map.of(), aws, spec)) {
      List<SecretValue> live = context.bean(SecretSource.class).liveVersions(source);
      if (live.isEmpty()) {
        throw usage("secret " + secretId + " has no value to verify with");
      }
      return live.stream().map(v -> new Candidate(label(context, source, v), v.value())).toList();
    }
  }

  private static String label(CliContext context, Source source, SecretValue v) {
    if (source instanceof Source.SsmParameter) {
      return Stages.PARAMETER_CURRENT + " (parameter version " + v.versionId() + ")";
    }
    SecretDescription d = context.bean(SecretDescriber.class).require(source.id());
    String stage =
        Stages.LIVE.stream()
            .filter(s -> d.versionWith(s).filter(v.versionId()::equals).isPresent())
            .findFirst()
            .orElse("version");
    return stage + " (version " + v.versionId() + ")";
  }

  private DeliveryCheck check() {
    try {
      return DeliveryCheck.of(scheme, options);
    } catch (UnknownSchemeException e) {
      throw usage("unknown scheme '" + scheme + "'; known: " + Schemes.names());
    } catch (InvalidSchemeOptionsException e) {
      throw usage(e.getMessage());
    }
  }

  private Headers headers() {
    Map<String, String> byName = new LinkedHashMap<>();
    for (String header : headers) {
      int colon = header.indexOf(':');
      String name = colon < 0 ? "" : header.substring(0, colon).strip();
      if (name.isEmpty() || name.chars().anyMatch(c -> c <= ' ' || c > '~')) {
        throw usage("--header must be 'Name: value' (got a header without a valid name)");
      }
      String value = header.substring(colon + 1).strip();
      byName.merge(name.toLowerCase(java.util.Locale.ROOT), value, (a, b) -> a + "," + b);
    }
    return Headers.of(byName);
  }

  /** The secret file's text without one final line break, as editors and echo leave it. */
  private String secret(Path file) {
    String text = new String(read(file, "--secret-file"), StandardCharsets.UTF_8);
    if (text.endsWith("\r\n")) {
      return text.substring(0, text.length() - 2);
    }
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  /** The body from the file, or from stdin for {@code -}. */
  private byte[] body() {
    if ("-".equals(bodyFile)) {
      try {
        return System.in.readAllBytes();
      } catch (IOException e) {
        throw usage("cannot read the body from stdin: " + e.getClass().getSimpleName());
      }
    }
    return read(Path.of(bodyFile), "--body-file");
  }

  private byte[] read(Path file, String option) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw usage("no such file: " + file);
    } catch (IOException e) {
      // names the file, never its content
      throw usage("cannot read " + option + " " + file + ": " + e.getClass().getSimpleName());
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
