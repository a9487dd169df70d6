package dev.keyturn.rotate.support;

import dev.keyturn.rotate.vendor.aws.AccessKeyCredential;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;

/**
 * IAM users and their access keys in the local AWS (moto), for the {@code aws-iam-access-key}
 * tests: made and read with a client of default settings, never through keyturn's adapter. Every
 * secret access key made here is registered with the leak guard.
 */
public final class IamUsers implements AutoCloseable {

  /** The path the template's rotate role may manage users under. */
  public static final String PATH = "/keyturn-rotated/";

  private final IamClient iam =
      IamClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();

  /** A new user under {@link #PATH} without keys; returns the user name. */
  public String user(String prefix) {
    String user = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    iam.createUser(b -> b.userName(user).path(PATH));
    return user;
  }

  /** A new active key of the user, as a secret value {@code {"accessKeyId","secretAccessKey"}}. */
  public String newKey(String user) {
    AccessKey key = iam.createAccessKey(b -> b.userName(user)).accessKey();
    SeededSecrets.register(key.secretAccessKey());
    return new AccessKeyCredential(key.accessKeyId(), key.secretAccessKey()).toSecretValue();
  }

  /** Key id to status ({@code Active} / {@code Inactive}) of every key the user has. */
  public Map<String, String> keys(String user) {
    Map<String, String> keys = new TreeMap<>();
    for (AccessKeyMetadata k : iam.listAccessKeys(b -> b.userName(user)).accessKeyMetadata()) {
      keys.put(k.accessKeyId(), k.statusAsString());
    }
    return keys;
  }

  public List<String> activeKeys(String user) {
    return keys(user).entrySet().stream()
        .filter(e -> e.getValue().equals("Active"))
        .map(Map.Entry::getKey)
        .toList();
  }

  public void deactivate(String user, String keyId) {
    iam.updateAccessKey(b -> b.userName(user).accessKeyId(keyId).status("Inactive"));
  }

  public static String keyId(String value) {
    return AccessKeyCredential.parse(value).accessKeyId();
  }

  @Override
  public void close() {
    iam.close();
  }
}
