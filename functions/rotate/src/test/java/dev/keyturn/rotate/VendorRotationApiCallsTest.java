package dev.keyturn.rotate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.local.LocalAws;
import dev.keyturn.rotate.fakes.Entries;
import dev.keyturn.rotate.support.AwsCallTap;
import dev.keyturn.rotate.support.IamUsers;
import dev.keyturn.rotate.support.RotateFunctionFixture;
import dev.keyturn.rotate.support.SecretParts;
import dev.keyturn.rotate.vendor.heroku.HerokuCredential;
import dev.keyturn.state.LifecycleStage;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.heroku.OAuthAuthorization;
import dev.keyturn.testing.heroku.RecordedRequest;
import dev.keyturn.testing.heroku.WithHerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The AWS and vendor calls of vendor-issued rotations, counted: the SDK clients the function builds
 * report to {@link AwsCallTap} (the STS client built with the new key too), the Heroku stand-in
 * logs its requests. Each type rotates twice; the second rotation also retires the credential the
 * first one stopped. Written to {@code target/vendor-rotation-calls.md}.
 */
@WithLocalAws
@WithHerokuStandIn(resetBeforeEach = false)
class VendorRotationApiCallsTest {

  private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f-]{27}");
  private static RotateFunctionFixture fn;
  private static HerokuStandIn heroku;
  private static IamUsers iam;
  private static final List<String> report = new ArrayList<>();

  @BeforeAll
  static void start(LocalAws aws, HerokuStandIn standIn) {
    heroku = standIn;
    iam = new IamUsers();
    fn = RotateFunctionFixture.start(aws, standIn.baseUrl());
    report.add("# AWS and vendor calls per rotation of a vendor-issued credential");
  }

  @AfterAll
  static void stop() throws IOException {
    fn.close();
    iam.close();
    Path file = Path.of("target", "vendor-rotation-calls.md");
    Files.createDirectories(file.getParent());
    Files.write(file, report);
    System.out.println(String.join(System.lineSeparator(), report));
  }

  @Test
  void awsIamAccessKey_callsPerRotation() {
    String user = iam.user("rx-calls");
    SecretEntry entry =
        Entries.secretsManager(
            "AWS_CALLS_BOOTSTRAP",
            "keyturn/test/calls-iam",
            "aws-iam-access-key",
            Map.of("user", user));
    var created = fn.managedSecret(entry, iam.newKey(user));

    Map<String, Long> first = rotate(created.arn(), "aws-iam-access-key");
    confirmed(entry.name()); // else the next rotation is refused (UnconfirmedRefusal)
    Map<String, Long> second = rotate(created.arn(), "aws-iam-access-key");

    assertThat(vendorCalls(first))
        .containsOnly(
            Map.entry("Iam.ListAccessKeys", 1L),
            Map.entry("Iam.CreateAccessKey", 1L),
            Map.entry("Sts.GetCallerIdentity", 1L));
    assertThat(vendorCalls(second))
        .as(
            "the next rotation, after the last was confirmed, deletes the previous key (no life"
                + " cycle ran here to retire it after the grace); finishSecret stops nothing")
        .containsOnly(
            Map.entry("Iam.DeleteAccessKey", 1L),
            Map.entry("Iam.ListAccessKeys", 1L),
            Map.entry("Iam.CreateAccessKey", 1L),
            Map.entry("Sts.GetCallerIdentity", 1L));
    table("aws-iam-access-key, first rotation", first);
    table("aws-iam-access-key, next rotation (retires the previous key first)", second);
    fn.events.drain();
  }

  @Test
  void herokuAuthorization_callsPerRotation() {
    OAuthAuthorization a = heroku.seedAuthorization("keyturn seed");
    SeededSecrets.register(a.accessToken());
    SecretEntry entry =
        Entries.secretsManager(
            "HK_CALLS_PLATFORM", "keyturn/test/calls-hk", "heroku-authorization", Map.of());
    var created =
        fn.managedSecret(
            entry, new HerokuCredential(a.id().toString(), a.accessToken()).toSecretValue());

    int before = heroku.requests().size();
    Map<String, Long> aws = rotate(created.arn(), "heroku-authorization");
    Map<String, Long> vendor = new TreeMap<>();
    for (RecordedRequest r : heroku.requests().subList(before, heroku.requests().size())) {
      vendor.merge(
          "Heroku." + r.method() + " " + ID.matcher(r.path()).replaceAll("{id}"), 1L, Long::sum);
    }

    assertThat(vendor)
        .containsOnly(
            Map.entry("Heroku.GET /oauth/authorizations/{id}", 1L),
            Map.entry("Heroku.POST /oauth/authorizations", 1L),
            Map.entry("Heroku.GET /account", 1L));
    Map<String, Long> all = new TreeMap<>(aws);
    all.putAll(vendor);
    table(
        "heroku-authorization (the old authorization is deleted by the life cycle after"
            + " confirmation, not in the rotation)",
        all);
    fn.events.drain();
  }

  private static Map<String, Long> rotate(String arn, String type) {
    String token = fn.driver.startRotation(arn);
    AwsCallTap.reset();
    fn.run.allSteps(arn, token);
    Map<String, Long> counts = AwsCallTap.countsByOperation();
    SecretParts.register(type, fn.driver.valueOf(arn, token));
    return counts;
  }

  /** The life cycle's writes for a rotation whose consumers were all seen on the new version. */
  private static void confirmed(String name) {
    String token = fn.rotations.latest(name).orElseThrow().token();
    fn.rotations.advance(name, token, LifecycleStage.PUBLISHED, Instant.now());
    fn.rotations.advance(name, token, LifecycleStage.CONFIRMED, Instant.now());
  }

  private static Map<String, Long> vendorCalls(Map<String, Long> counts) {
    Map<String, Long> vendor = new TreeMap<>();
    counts.forEach((op, n) -> {
      if (op.startsWith("Iam.") || op.startsWith("Sts.")) {
        vendor.put(op, n);
      }
    });
    return vendor;
  }

  private static void table(String title, Map<String, Long> counts) {
    report.add("");
    report.add("## " + title);
    report.add("");
    report.add("| call | count |");
    report.add("|---|---|");
    Map<String, Long> byService = new TreeMap<>();
    counts.forEach((op, n) -> {
      report.add("| " + op + " | " + n + " |");
      byService.merge(op.substring(0, op.indexOf('.')), n, Long::sum);
    });
    report.add("| **by service** | " + byService + " |");
    report.add("| **total** | " + counts.values().stream().mapToLong(Long::longValue).sum() + " |");
  }
}
