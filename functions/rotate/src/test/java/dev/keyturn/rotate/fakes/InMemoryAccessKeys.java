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
 * two keys, each active or inactive; only an active key with its secret authenticates. It makes
 * room as the real adapter does (inactive non-current keys go; an active one only when an earlier
 * attempt for the version made it). Faults: {@link #loseNextIssueAnswer()} (the key is made, the
 * answer never arrives), {@link #failNextRetirement()}.
 */
public final class InMemoryAccessKeys implements VendorCredentials {

  public static final String TYPE = "aws-iam-access-key";

  private record Key(String secret, boolean active) {}

  private final Map<String, Key> keys = new LinkedHashMap<>();
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
    keys.put(id, new Key(key.secretAccessKey(), true));
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

  public List<String> activeKeyIds() {
    return keys.entrySet().stream()
        .filter(e -> e.getValue().active())
        .map(Map.Entry::getKey)
        .toList();
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
      if (keys.get(id).active() && !ours) {
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
    Key known = keys.get(key.accessKeyId());
    if (known == null || !known.active() || !known.secret().equals(key.secretAccessKey())) {
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
