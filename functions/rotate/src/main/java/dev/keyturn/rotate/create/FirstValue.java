package dev.keyturn.rotate.create;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.events.EventPublisher;
import dev.keyturn.inventory.GeneratorSpec;
import dev.keyturn.inventory.RotationMode;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.Source;
import dev.keyturn.inventory.TagDimension;
import dev.keyturn.rotate.generator.GenerationRequest;
import dev.keyturn.rotate.generator.GeneratorRegistry;
import dev.keyturn.rotate.generator.MalformedSecretValueException;
import dev.keyturn.rotate.generator.SecretGenerator;
import dev.keyturn.rotate.supplied.SuppliedValues;
import dev.keyturn.secrets.ParameterCreator;
import dev.keyturn.secrets.ParameterInfo;
import dev.keyturn.secrets.ParameterStore;
import dev.keyturn.secrets.SecretCreator;
import dev.keyturn.secrets.SecretDescriber;
import dev.keyturn.secrets.Stages;
import dev.keyturn.state.RotationStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * First-time generation (seed 004 D7, "generation is the first rotation"): creates an entry's
 * missing Secrets Manager secret or SSM SecureString with its first value, from the entry's
 * generator (generated mode) or from a person (operator, vendor and non-rotating entries: a
 * vendor's first credential is issued at its dashboard), tagged with the entry's taxonomy tags.
 * Then as after a rotation: {@code SecretRotated} (sync publishes it), the rotation record, an
 * audit event {@code rotation.create}. Never touches a source that exists.
 */
public final class FirstValue {

  /** The tag naming the inventory entry on the created resource. */
  public static final String ENTRY_TAG = "keyturn:entry";

  static final String SUPPLIED = "supplied-by-operator";

  /**
   * @param version the first version (Secrets Manager version id, SSM version number)
   * @param from the generator type, or {@value #SUPPLIED}
   * @param tags the tags written onto the resource
   */
  public record Created(
      String name, String source, String version, String from, Map<String, String> tags) {}

  private final SecretDescriber secrets;
  private final SecretCreator secretCreator;
  private final ParameterStore parameters;
  private final ParameterCreator parameterCreator;
  private final GeneratorRegistry generators;
  private final RotationStore rotations;
  private final AuditLog audit;
  private final EventPublisher events;
  private final Clock clock;
  private final String actor;

  public FirstValue(
      SecretDescriber secrets,
      SecretCreator secretCreator,
      ParameterStore parameters,
      ParameterCreator parameterCreator,
      GeneratorRegistry generators,
      RotationStore rotations,
      AuditLog audit,
      EventPublisher events,
      Clock clock,
      String actor) {
    this.secrets = secrets;
    this.secretCreator = secretCreator;
    this.parameters = parameters;
    this.parameterCreator = parameterCreator;
    this.generators = generators;
    this.rotations = rotations;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.actor = actor;
  }

  /**
   * @param suppliedValue the first value from a person; null to generate it
   * @throws SourceAlreadyExistsException when the secret or parameter exists (nothing changes)
   * @throws FirstValueRefusedException when the entry's mode and the value's origin disagree
   */
  public Created create(SecretEntry entry, String suppliedValue) {
    check(entry, suppliedValue != null);
    String value;
    if (suppliedValue != null) {
      SuppliedValues.check(entry, suppliedValue, null);
      value = suppliedValue;
    } else {
      value = generate(entry);
    }
    Map<String, String> tags = tags(entry);
    Instant now = clock.instant();
    String[] versionAndArn =
        switch (entry.source()) {
          case Source.SecretsManager sm -> createSecret(entry, value, tags);
          case Source.SsmParameter p -> createParameter(entry, value, tags);
        };
    String from = suppliedValue != null ? SUPPLIED : entry.generator().type();
    finish(entry, versionAndArn[0], versionAndArn[1], from, now);
    return new Created(entry.name(), entry.source().id(), versionAndArn[0], from, tags);
  }

  /**
   * The checks {@link #create} makes before it writes anything (a dry run makes only these).
   *
   * @param supplied whether the first value will come from a person
   * @return the tags the resource would get
   * @throws SourceAlreadyExistsException when the secret or parameter exists
   * @throws FirstValueRefusedException when the entry's mode and the value's origin disagree
   */
  public Map<String, String> check(SecretEntry entry, boolean supplied) {
    requireOrigin(entry, supplied);
    if (exists(entry)) {
      throw new SourceAlreadyExistsException(entry.name(), entry.source().id());
    }
    return tags(entry);
  }

  private static void requireOrigin(SecretEntry entry, boolean supplied) {
    RotationMode mode = entry.mode();
    if (mode == RotationMode.GENERATED && supplied) {
      throw new FirstValueRefusedException(
          entry.name(),
          "it is generated ("
              + entry.generator().type()
              + "): keyturn makes its first value;"
              + " drop --from-stdin");
    }
    if (mode != RotationMode.GENERATED && !supplied) {
      throw new FirstValueRefusedException(
          entry.name(),
          "its mode is "
              + mode.label()
              + ": keyturn never invents its first value; create it at the vendor and pass it"
              + " with --from-stdin");
    }
  }

  private boolean exists(SecretEntry entry) {
    return switch (entry.source()) {
      case Source.SecretsManager sm -> secrets.describe(sm.id()).isPresent();
      case Source.SsmParameter p -> parameters.describe(List.of(p.id())).containsKey(p.id());
    };
  }

  private String generate(SecretEntry entry) {
    GeneratorSpec spec = entry.generator();
    SecretGenerator generator = generators.get(spec.type());
    String value = generator.generate(GenerationRequest.first(entry.name(), spec.options()));
    try {
      generator.checkWellFormed(value, spec.options());
    } catch (MalformedSecretValueException malformed) {
      throw malformed.forSecret(entry.name());
    }
    return value;
  }

  /** The entry's taxonomy tags (one value each, as lint requires) and its name. */
  static Map<String, String> tags(SecretEntry entry) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (TagDimension d : TagDimension.values()) {
      entry.tags().get(d).ifPresent(v -> tags.put(d.key(), v));
    }
    tags.put(ENTRY_TAG, entry.name());
    return tags;
  }

  private String[] createSecret(SecretEntry entry, String value, Map<String, String> tags) {
    String id = entry.source().id();
    secretCreator.createIfAbsent(id, value, tags);
    var d = secrets.require(id);
    String version =
        d.versionWith(Stages.CURRENT)
            .orElseThrow(() -> new IllegalStateException(id + " has no AWSCURRENT version"));
    return new String[] {version, d.arn()};
  }

  private String[] createParameter(SecretEntry entry, String value, Map<String, String> tags) {
    String id = entry.source().id();
    parameterCreator.createIfAbsent(id, value, tags);
    ParameterInfo info = parameters.describe(List.of(id)).get(id);
    parameters.label(id, info.version(), Stages.PARAMETER_CURRENT);
    String arn = parameters.read(id, info.version()).arn();
    return new String[] {Long.toString(info.version()), arn};
  }

  private void finish(SecretEntry entry, String version, String arn, String from, Instant now) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("secretName", entry.name());
    detail.put("secretArn", arn);
    detail.put("versionId", version);
    events.publish(EventPublisher.Types.ROTATE_SOURCE, EventPublisher.Types.SECRET_ROTATED, detail);
    audit.record(
        AuditEvent.of(now, actor, "rotation.create", entry.name(), "ok")
            .withVersions(List.of(version))
            .withDetail(Map.of("source", entry.source().id(), "generator", from)));
    rotations.recordRotated(entry.name(), "create-" + version, version, now);
  }
}
