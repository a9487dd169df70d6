package dev.keyturn.rotate.vendor.aws;

import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.vendor.IssueJournal;
import dev.keyturn.rotate.vendor.IssueRequest;
import dev.keyturn.rotate.vendor.IssuedCredential;
import dev.keyturn.rotate.vendor.Superseded;
import dev.keyturn.rotate.vendor.VendorCallException;
import dev.keyturn.rotate.vendor.VendorCredentials;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * {@code aws-iam-access-key}: the access keys of one IAM user (option {@code user}), over IAM and
 * STS. IAM allows two keys per user, so issuing first makes room: an inactive key that is not the
 * AWSCURRENT one is deleted, and an active one is deleted only when an earlier attempt for the same
 * version made it (the credential ledger says so: that key was never stored, its secret part is
 * lost); any other active key is someone else's, and the rotation stops naming the user. The new
 * key is proven with STS {@code GetCallerIdentity} signed by it (a client built with the new key;
 * endpoint as usual from {@code AWS_ENDPOINT_URL*}), retried while IAM propagates a new key. The
 * old key is made Inactive in finishSecret and deleted when retired.
 */
public final class IamAccessKeys implements VendorCredentials {

  static final String IAM = "aws-iam";
  static final String STS = "aws-sts";
  private static final Logger LOG = LoggerFactory.getLogger(IamAccessKeys.class);

  /**
   * How long testSecret waits for a new key to work: IAM is eventually consistent, and a key can be
   * refused as unknown ({@code InvalidClientTokenId}) for a few seconds after it was created.
   *
   * @param attempts GetCallerIdentity attempts in all (at least 1)
   * @param firstWait the wait after the first refusal; it doubles after each further one
   * @param sleeper how to wait
   */
  public record Propagation(int attempts, Duration firstWait, Consumer<Duration> sleeper) {

    public Propagation {
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1");
      }
    }

    /** Five attempts, 1 s apart and doubling: up to 15 s, well inside the function's timeout. */
    public static Propagation standard() {
      return new Propagation(5, Duration.ofSeconds(1), IamAccessKeys::sleep);
    }
  }

  private final Supplier<IamClient> iam;
  private final Function<AwsCredentialsProvider, StsClient> stsWith;
  private final Propagation propagation;

  /**
   * @param stsWith builds an STS client that signs with the given credentials
   */
  public IamAccessKeys(
      IamClient iam, Function<AwsCredentialsProvider, StsClient> stsWith, Propagation propagation) {
    this(() -> iam, stsWith, propagation);
  }

  /**
   * As above, with the IAM client asked for on the first IAM call: a cold start rotating anything
   * else never builds it.
   */
  public IamAccessKeys(
      Supplier<IamClient> iam,
      Function<AwsCredentialsProvider, StsClient> stsWith,
      Propagation propagation) {
    this.iam = iam;
    this.stsWith = stsWith;
    this.propagation = propagation;
  }

  @Override
  public String generatorType() {
    return AwsIamAccessKeyGenerator.TYPE;
  }

  @Override
  public IssuedCredential issue(IssueRequest request) {
    String user = AwsIamAccessKeyGenerator.user(request.options());
    String currentId = read(request.secretName(), request.currentValue()).accessKeyId();
    List<AccessKeyMetadata> keys =
        call(IAM, "ListAccessKeys", () -> iam.get().listAccessKeys(b -> b.userName(user)))
            .accessKeyMetadata();
    if (keys.stream().noneMatch(k -> k.accessKeyId().equals(currentId))) {
      throw new AccessKeyNotOfUserException(request.secretName(), user, currentId);
    }
    for (AccessKeyMetadata key : keys) {
      if (!key.accessKeyId().equals(currentId)) {
        makeRoom(request, user, key);
      }
    }
    request.journal().issuing();
    AccessKey created =
        call(IAM, "CreateAccessKey", () -> iam.get().createAccessKey(b -> b.userName(user)))
            .accessKey();
    request.journal().issued(created.accessKeyId());
    LOG.info(
        "issued access key {} of IAM user {} for {}",
        created.accessKeyId(),
        user,
        request.secretName());
    return new IssuedCredential(
        created.accessKeyId(),
        new AccessKeyCredential(created.accessKeyId(), created.secretAccessKey()).toSecretValue());
  }

  /** Deletes a key that is in the way, or refuses when it is someone else's working key. */
  private void makeRoom(IssueRequest request, String user, AccessKeyMetadata key) {
    if (key.status() == StatusType.ACTIVE && !unstoredEarlier(request.journal(), key)) {
      throw new TooManyAccessKeysException(request.secretName(), user, key.accessKeyId());
    }
    delete(user, key.accessKeyId());
    LOG.info(
        "deleted {} access key {} of IAM user {} to make room ({})",
        key.status() == StatusType.ACTIVE ? "active" : "inactive",
        key.accessKeyId(),
        user,
        key.status() == StatusType.ACTIVE
            ? "an earlier attempt made it, never stored"
            : "not current");
  }

  /** An earlier attempt for this version asked IAM, and this key is (or may be) what it got. */
  private static boolean unstoredEarlier(IssueJournal journal, AccessKeyMetadata key) {
    return journal.askedBefore()
        && journal.issuedBefore().map(key.accessKeyId()::equals).orElse(true);
  }

  @Override
  public void test(String secretName, Map<String, String> options, String value) {
    String user = AwsIamAccessKeyGenerator.user(options);
    AccessKeyCredential key = read(secretName, value);
    try (StsClient sts =
        stsWith.apply(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))) {
      String arn = callerArn(sts);
      if (!arn.contains(":user/") || !arn.endsWith("/" + user)) {
        throw new VendorCallException(STS, "GetCallerIdentity", 200, "not-user-" + user);
      }
    }
  }

  private String callerArn(StsClient sts) {
    Duration wait = propagation.firstWait();
    for (int attempt = 1; ; attempt++) {
      try {
        return sts.getCallerIdentity().arn();
      } catch (AwsServiceException e) {
        if (!"InvalidClientTokenId".equals(errorCode(e)) || attempt >= propagation.attempts()) {
          throw failure(STS, "GetCallerIdentity", e);
        }
      } catch (SdkClientException e) {
        throw new VendorCallException(STS, "GetCallerIdentity", 0, "no-response");
      }
      propagation.sleeper().accept(wait);
      wait = wait.multipliedBy(2);
    }
  }

  @Override
  public void retire(Superseded old) {
    delete(AwsIamAccessKeyGenerator.user(old.options()), old.credentialId());
  }

  /** Deleting a key that is already gone (a repeat, or deleted by hand) is what was wanted. */
  private void delete(String user, String keyId) {
    onKey(
        "DeleteAccessKey",
        () -> iam.get().deleteAccessKey(b -> b.userName(user).accessKeyId(keyId)));
  }

  /** Runs a call on one key; false when IAM says there is no such key (any more). */
  private static boolean onKey(String operation, Runnable request) {
    try {
      request.run();
      return true;
    } catch (NoSuchEntityException gone) {
      return false;
    } catch (AwsServiceException e) {
      throw failure(IAM, operation, e);
    } catch (SdkClientException e) {
      throw new VendorCallException(IAM, operation, 0, "no-response");
    }
  }

  @Override
  public String credentialId(String value) {
    return AccessKeyCredential.parse(value).accessKeyId();
  }

  private static AccessKeyCredential read(String secretName, String value) {
    try {
      return AccessKeyCredential.parse(value);
    } catch (MalformedSecretValueException malformed) {
      throw malformed.forSecret(secretName);
    }
  }

  private static <T> T call(String service, String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (AwsServiceException e) {
      throw failure(service, operation, e);
    } catch (SdkClientException e) {
      throw new VendorCallException(service, operation, 0, "no-response");
    }
  }

  private static VendorCallException failure(
      String service, String operation, AwsServiceException e) {
    return new VendorCallException(service, operation, e.statusCode(), errorCode(e));
  }

  private static String errorCode(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
