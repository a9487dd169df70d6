package dev.keyturn.rotate.vendor.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.local.LocalAws;
import dev.keyturn.rotate.support.IamUsers;
import dev.keyturn.rotate.vendor.IssueJournal;
import dev.keyturn.rotate.vendor.IssueRequest;
import dev.keyturn.rotate.vendor.IssuedCredential;
import dev.keyturn.rotate.vendor.Superseded;
import dev.keyturn.rotate.vendor.VendorCallException;
import dev.keyturn.testing.aws.WithLocalAws;
import dev.keyturn.testing.leak.SeededSecrets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The IAM adapter against moto's IAM and STS (one emulator process, so STS knows IAM's keys). What
 * moto proves and what it does not: GetCallerIdentity answers the ARN of the user that owns the
 * signing key id, and a default {@code user/moto} ARN for an unknown id; it checks the signature
 * (the secret part) only while its IAM authentication is switched on, which one test here does.
 * Moto lets an Inactive key authenticate; real IAM does not.
 */
@WithLocalAws
class IamAccessKeysTest {

  private static final String NAME = "AWS_TEST_BOOTSTRAP";
  private static final String VERSION = "11111111-2222-4333-8444-555555555555";

  private static IamUsers users;
  private static IamClient iam;
  private static IamAccessKeys adapter;
  private static LocalAws local;

  @BeforeAll
  static void start(LocalAws aws) {
    local = aws;
    users = new IamUsers();
    iam = IamClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
    adapter =
        new IamAccessKeys(
            iam,
            credentials -> StsClient.builder().credentialsProvider(credentials).build(),
            new IamAccessKeys.Propagation(2, Duration.ofMillis(1), d -> {}));
  }

  @AfterAll
  static void stop() {
    users.close();
    iam.close();
  }

  /** What a protocol journal would say about earlier attempts, recording this one. */
  private static final class Journal implements IssueJournal {
    final boolean askedBefore;
    final String issuedBefore;
    final List<String> events = new ArrayList<>();

    Journal(boolean askedBefore, String issuedBefore) {
      this.askedBefore = askedBefore;
      this.issuedBefore = issuedBefore;
    }

    @Override
    public boolean askedBefore() {
      return askedBefore;
    }

    @Override
    public Optional<String> issuedBefore() {
      return Optional.ofNullable(issuedBefore);
    }

    @Override
    public void issuing() {
      events.add("issuing");
    }

    @Override
    public void issued(String credentialId) {
      events.add("issued " + credentialId);
    }
  }

  private static IssueRequest request(String user, String current, Journal journal) {
    return new IssueRequest(NAME, VERSION, Map.of("user", user), current, journal);
  }

  private static String issued(IssuedCredential c) {
    SeededSecrets.register(AccessKeyCredential.parse(c.value()).secretAccessKey());
    return c.credentialId();
  }

  @Test
  void issue_createsASecondKeyForTheUser_andTheCurrentOneStaysActive() {
    String user = users.user("issue");
    String current = users.newKey(user);
    Journal journal = new Journal(false, null);

    String id = issued(adapter.issue(request(user, current, journal)));

    assertThat(users.keys(user))
        .containsOnly(Map.entry(IamUsers.keyId(current), "Active"), Map.entry(id, "Active"));
    assertThat(journal.events).containsExactly("issuing", "issued " + id);
  }

  @Test
  void issue_deletesAnInactiveKeyThatIsNotCurrent_toMakeRoom() {
    String user = users.user("room");
    String old = users.newKey(user);
    String current = users.newKey(user);
    users.deactivate(user, IamUsers.keyId(old));

    String id = issued(adapter.issue(request(user, current, new Journal(false, null))));

    assertThat(users.keys(user)).containsOnlyKeys(IamUsers.keyId(current), id);
  }

  @Test
  void issue_refusesAnotherActiveKey_namingTheUser_andIssuesNothing() {
    String user = users.user("foreign");
    String current = users.newKey(user);
    String foreign = IamUsers.keyId(users.newKey(user));
    Journal journal = new Journal(false, null);

    assertThatThrownBy(() -> adapter.issue(request(user, current, journal)))
        .isInstanceOf(TooManyAccessKeysException.class)
        .hasMessageContaining(user)
        .hasMessageContaining(foreign);
    assertThat(users.keys(user)).hasSize(2);
    assertThat(journal.events).isEmpty();
  }

  @Test
  void issue_afterAnEarlierAttempt_deletesTheKeyItRecorded_andIssuesAnother() {
    String user = users.user("orphan");
    String current = users.newKey(user);
    String orphan = IamUsers.keyId(users.newKey(user));

    String id = issued(adapter.issue(request(user, current, new Journal(true, orphan))));

    assertThat(users.keys(user)).containsOnlyKeys(IamUsers.keyId(current), id);
    assertThat(id).isNotEqualTo(orphan);
  }

  @Test
  void issue_afterAnEarlierAttemptThatRecordedNoId_deletesTheUnknownActiveKey() {
    String user = users.user("lost");
    String current = users.newKey(user);
    String lost = IamUsers.keyId(users.newKey(user));

    String id = issued(adapter.issue(request(user, current, new Journal(true, null))));

    assertThat(users.keys(user))
        .containsOnlyKeys(IamUsers.keyId(current), id)
        .doesNotContainKey(lost);
  }

  @Test
  void issue_afterAnEarlierAttempt_stillRefusesAKeyOtherThanTheRecordedOne() {
    String user = users.user("recorded");
    String current = users.newKey(user);
    String foreign = IamUsers.keyId(users.newKey(user));

    assertThatThrownBy(
            () -> adapter.issue(request(user, current, new Journal(true, "AKIAOTHERTHANTHISONE"))))
        .isInstanceOf(TooManyAccessKeysException.class)
        .hasMessageContaining(foreign);
  }

  @Test
  void issue_refusesWhenTheCurrentKeyIsNotTheUsers() {
    String user = users.user("mine");
    String other = users.user("theirs");
    users.newKey(user);
    String theirs = users.newKey(other);

    assertThatThrownBy(() -> adapter.issue(request(user, theirs, new Journal(false, null))))
        .isInstanceOf(AccessKeyNotOfUserException.class)
        .hasMessageContaining(user)
        .hasMessageContaining(IamUsers.keyId(theirs));
  }

  @Test
  void issue_forAUserThatDoesNotExist_isANamedVendorFailure() {
    String current = users.newKey(users.user("exists"));

    assertThatThrownBy(
            () -> adapter.issue(request("no-such-user", current, new Journal(false, null))))
        .isInstanceOf(VendorCallException.class)
        .hasMessageContaining("ListAccessKeys")
        .hasMessageContaining("NoSuchEntity");
  }

  @Test
  void test_acceptsTheNewKey_becauseGetCallerIdentityAnswersTheUsersArn() {
    String user = users.user("proof");
    String current = users.newKey(user);
    IssuedCredential fresh = adapter.issue(request(user, current, new Journal(false, null)));
    issued(fresh);

    adapter.test(NAME, Map.of("user", user), fresh.value());
  }

  @Test
  void test_rejectsAKeyOfAnotherUser_andADeletedKey() {
    String user = users.user("right");
    String other = users.newKey(users.user("wrong"));
    String deleted = users.newKey(user);
    adapter.retire(new Superseded(NAME, Map.of("user", user), IamUsers.keyId(deleted), other));

    assertThatThrownBy(() -> adapter.test(NAME, Map.of("user", user), other))
        .isInstanceOf(VendorCallException.class)
        .hasMessageContaining("not-user-" + user);
    // moto answers an unknown key id with a default identity (user/moto), which is not the user
    assertThatThrownBy(() -> adapter.test(NAME, Map.of("user", user), deleted))
        .isInstanceOf(VendorCallException.class)
        .hasMessageContaining("not-user-" + user);
  }

  @Test
  void test_withMotosAuthenticationOn_rejectsAKeyWhoseSecretPartIsWrong() throws Exception {
    String user = users.user("signed");
    String good = users.newKey(user);
    String forged =
        new AccessKeyCredential(IamUsers.keyId(good), "not-the-secret-part-0000").toSecretValue();

    motoAuthentication("0");
    try {
      adapter.test(NAME, Map.of("user", user), good);
      assertThatThrownBy(() -> adapter.test(NAME, Map.of("user", user), forged))
          .isInstanceOfSatisfying(
              VendorCallException.class, e -> assertThat(e.status()).isEqualTo(403));
    } finally {
      motoAuthentication("inf");
    }
  }

  @Test
  void retire_deletesTheOldKey_repeatably_andLeavesTheCurrentOneActive() {
    String user = users.user("retire");
    String old = users.newKey(user);
    String current = users.newKey(user);
    Superseded superseded =
        new Superseded(NAME, Map.of("user", user), IamUsers.keyId(old), current);

    assertThat(users.keys(user)).containsEntry(IamUsers.keyId(old), "Active");
    adapter.retire(superseded);
    adapter.retire(superseded);

    assertThat(users.keys(user)).containsOnly(Map.entry(IamUsers.keyId(current), "Active"));
  }

  /** Moto's switch for IAM authentication of every request: "0" on now, "inf" off. */
  private static void motoAuthentication(String firstUnauthenticatedRequests)
      throws IOException, InterruptedException {
    URI reset = URI.create(local.endpoint() + "/moto-api/reset-auth");
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(reset)
                  .POST(HttpRequest.BodyPublishers.ofString(firstUnauthenticatedRequests))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("moto reset-auth").isEqualTo(200);
    }
  }
}
