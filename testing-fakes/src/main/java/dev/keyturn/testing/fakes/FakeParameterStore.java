package dev.keyturn.testing.fakes;

import dev.keyturn.secrets.Creation;
import dev.keyturn.secrets.ParameterCreator;
import dev.keyturn.secrets.ParameterInfo;
import dev.keyturn.secrets.ParameterStore;
import dev.keyturn.secrets.ParameterValue;
import dev.keyturn.secrets.SourceExistsException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * SSM Parameter Store in memory behind the ports its adapter ({@code SsmParameterStore}) serves:
 * every put adds a version (1, 2, ...), a label is on at most one version of a parameter and moves
 * to the version it is put on, a SecureString keeps the key it was put with (the account's default
 * key, {@link #DEFAULT_KEY}, when none is named), create-if-absent accepts only "already there with
 * this value".
 */
public final class FakeParameterStore extends FakePort implements ParameterStore, ParameterCreator {

  public static final String ARN_PREFIX = "arn:aws:ssm:us-east-1:123456789012:parameter";

  /** The key SSM encrypts a SecureString with when the request names none. */
  public static final String DEFAULT_KEY = "alias/aws/ssm";

  private record Version(String value, Instant modified, String keyId, Set<String> labels) {}

  private record Parameter(String type, List<Version> versions, Map<String, String> tags) {
    Version latest() {
      return versions.getLast();
    }
  }

  private final Clock clock;
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();

  public FakeParameterStore() {
    this(Clock.systemUTC());
  }

  /** {@code clock} dates the versions the ports write. */
  public FakeParameterStore(Clock clock) {
    this.clock = clock;
  }

  /**
   * A new parameter (replacing one of that name) with one version, as if written at {@code
   * modified}.
   *
   * @param type {@code SecureString}, {@code String} or {@code StringList}
   */
  public synchronized void create(String name, String type, String value, Instant modified) {
    String keyId = ParameterInfo.SECURE_STRING.equals(type) ? DEFAULT_KEY : null;
    List<Version> versions = new ArrayList<>();
    versions.add(new Version(value, modified, keyId, new HashSet<>()));
    parameters.put(name, new Parameter(type, versions, Map.of()));
  }

  /** PutParameter with Overwrite as a SecureString under the default key; returns the version. */
  public synchronized long put(String name, String value) {
    return write(name, value, null);
  }

  /** DeleteParameter. */
  public synchronized void delete(String name) {
    parameters.remove(name);
  }

  public synchronized boolean exists(String name) {
    return parameters.containsKey(name);
  }

  /** The value of one version (1-based). */
  public synchronized String valueAt(String name, long version) {
    return versionOf(name, version).value();
  }

  /** The latest version number, 0 when the parameter does not exist. */
  public synchronized long latest(String name) {
    Parameter p = parameters.get(name);
    return p == null ? 0 : p.versions().size();
  }

  /** The version carrying a label, or 0. */
  public synchronized long labelled(String name, String label) {
    List<Version> all = require(name).versions();
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).labels().contains(label)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** The tags the parameter was created with. */
  public synchronized Map<String, String> tags(String name) {
    return require(name).tags();
  }

  @Override
  public synchronized Map<String, ParameterInfo> describe(Collection<String> names) {
    enter("describe");
    Map<String, ParameterInfo> out = new LinkedHashMap<>();
    for (String name : names) {
      Parameter p = parameters.get(name);
      if (p != null) {
        Version latest = p.latest();
        out.put(
            name,
            new ParameterInfo(
                name, p.type(), p.versions().size(), latest.modified(), latest.keyId()));
      }
    }
    return out;
  }

  @Override
  public synchronized ParameterValue read(String name, long version) {
    enter("read");
    return new ParameterValue(name, ARN_PREFIX + name, version, versionOf(name, version).value());
  }

  @Override
  public synchronized long putSecure(String name, String value, String keyId) {
    enter("putSecure");
    return write(name, value, keyId);
  }

  @Override
  public synchronized void label(String name, long version, String label) {
    enter("label");
    Version target = versionOf(name, version);
    require(name).versions().forEach(v -> v.labels().remove(label));
    target.labels().add(label);
  }

  @Override
  public synchronized void unlabel(String name, long version, String label) {
    enter("unlabel");
    versionOf(name, version).labels().remove(label);
  }

  @Override
  public synchronized Creation createIfAbsent(String name, String value, Map<String, String> tags) {
    enter("createIfAbsent");
    Parameter existing = parameters.get(name);
    if (existing == null) {
      List<Version> versions = new ArrayList<>();
      versions.add(new Version(value, clock.instant(), DEFAULT_KEY, new HashSet<>()));
      parameters.put(name, new Parameter(ParameterInfo.SECURE_STRING, versions, Map.copyOf(tags)));
      return Creation.CREATED;
    }
    if (ParameterInfo.SECURE_STRING.equals(existing.type())
        && existing.latest().value().equals(value)) {
      return Creation.ALREADY_PRESENT;
    }
    throw new SourceExistsException("SSM parameter", name);
  }

  /** Reads what {@code SecretSource} reads: the latest version's number and value, if any. */
  synchronized java.util.Optional<ParameterValue> current(String name) {
    Parameter p = parameters.get(name);
    if (p == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new ParameterValue(name, ARN_PREFIX + name, p.versions().size(), p.latest().value()));
  }

  private long write(String name, String value, String keyId) {
    Parameter p = parameters.get(name);
    String key = keyId != null ? keyId : DEFAULT_KEY;
    Version version = new Version(value, clock.instant(), key, new HashSet<>());
    if (p == null) {
      p = new Parameter(ParameterInfo.SECURE_STRING, new ArrayList<>(), Map.of());
      parameters.put(name, p);
    } else if (!ParameterInfo.SECURE_STRING.equals(p.type())) {
      p = new Parameter(ParameterInfo.SECURE_STRING, p.versions(), p.tags());
      parameters.put(name, p);
    }
    p.versions().add(version);
    return p.versions().size();
  }

  private Parameter require(String name) {
    Parameter p = parameters.get(name);
    if (p == null) {
      throw new FakeServiceException("ParameterNotFound", "no parameter " + name);
    }
    return p;
  }

  private Version versionOf(String name, long version) {
    List<Version> all = require(name).versions();
    if (version < 1 || version > all.size()) {
      throw new FakeServiceException(
          "ParameterVersionNotFound", name + " has no version " + version);
    }
    return all.get((int) version - 1);
  }
}
