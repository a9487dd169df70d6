package dev.keyturn.rotate.fakes;

import dev.keyturn.rotate.vendor.IssueRequest;
import dev.keyturn.rotate.vendor.IssuedCredential;
import dev.keyturn.rotate.vendor.Superseded;
import dev.keyturn.rotate.vendor.VendorCallException;
import dev.keyturn.rotate.vendor.VendorCredentials;
import dev.keyturn.rotate.vendor.aws.AccessKeyCredential;
import dev.keyturn.rotate.vendor.aws.TooManyAccessKeysException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A vendor that issues credentials, in memory, with IAM's rules for one user's access keys: at most
 * two keys; a key with its secret authenticates until it is retired (keyturn deactivates nothing,
 * so every key here is active). It makes room as the real adapter does: a non-current key goes only
 * when an earlier attempt for the version made it. Faults: {@link #loseNextIssueAnswer()} (the key
 * is made, the answer never arrives), {@link #failNextRetirement()}.
 */
public final class InMemoryAccessKeys implements VendorCredentials {

  public static final String TYPE = "aws-iam-access-key";

  /** Access key id to its secret. */
  private final Map<String, String> keys = new LinkedHashMap<>();

  private int issued;
  private boolean loseNextIssueAnswer;
  private boolean failNextRetirement;

  /** A new active key, as an operator would seed it; returns the secret value. */
  public String seed() {
    return create().toSecretValue();
  }

  private AccessKeyCredential create() {
    if (keys.size() >= 2) {
      throw new VendorCallException("aws-iam", "CreateAccessKey", 409, "LimitExceeded");
    }
    String id =
        "AKIA" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
    AccessKeyCredential key = new AccessKeyCredential(id, "secret-" + UUID.randomUUID());
    keys.put(id, key.secretAccessKey());
    return key;
  }

  public void loseNextIssueAnswer() {
    loseNextIssueAnswer = true;
  }

  public void failNextRetirement() {
    failNextRetirement = true;
  }

  /** Key ids that exist, in creation order. */
  public List<String> keyIds() {
    return List.copyOf(keys.keySet());
  }

  /** Key ids that authenticate: all of them, as nothing deactivates a key. */
  public List<String> activeKeyIds() {
    return keyIds();
  }

  /** How many keys were created by {@link #issue}. */
  public int issuedCount() {
    return issued;
  }

  /** Another active key made by hand. */
  public String someoneElsesKey() {
    return create().accessKeyId();
  }

  @Override
  public String generatorType() {
    return TYPE;
  }

  @Override
  public IssuedCredential issue(IssueRequest request) {
    String currentId = credentialId(request.currentValue());
    for (String id : List.copyOf(keys.keySet())) {
      if (id.equals(currentId)) {
        continue;
      }
      boolean ours =
          request.journal().askedBefore()
              && request.journal().issuedBefore().map(id::equals).orElse(true);
      if (!ours) {
        throw new TooManyAccessKeysException(request.secretName(), "test-user", id);
      }
      keys.remove(id);
    }
    request.journal().issuing();
    AccessKeyCredential key = create();
    issued++;
    if (loseNextIssueAnswer) {
      loseNextIssueAnswer = false;
      throw new VendorCallException("aws-iam", "CreateAccessKey", 0, "no-response");
    }
    request.journal().issued(key.accessKeyId());
    return new IssuedCredential(key.accessKeyId(), key.toSecretValue());
  }

  @Override
  public void test(String secretName, Map<String, String> options, String value) {
    AccessKeyCredential key = AccessKeyCredential.parse(value);
    if (!key.secretAccessKey().equals(keys.get(key.accessKeyId()))) {
      throw new VendorCallException("aws-sts", "GetCallerIdentity", 403, "InvalidClientTokenId");
    }
  }

  @Override
  public void retire(Superseded old) {
    if (failNextRetirement) {
      failNextRetirement = false;
      throw new VendorCallException("aws-iam", "DeleteAccessKey", 503, "ServiceUnavailable");
    }
    keys.remove(old.credentialId());
  }

  @Override
  public String credentialId(String value) {
    return AccessKeyCredential.parse(value).accessKeyId();
  }
}
