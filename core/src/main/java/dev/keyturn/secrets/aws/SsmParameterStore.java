package dev.keyturn.secrets.aws;

import dev.keyturn.secrets.Creation;
import dev.keyturn.secrets.ParameterCreator;
import dev.keyturn.secrets.ParameterInfo;
import dev.keyturn.secrets.ParameterStore;
import dev.keyturn.secrets.ParameterValue;
import dev.keyturn.secrets.SourceExistsException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DescribeParametersRequest;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.PutParameterRequest;
import software.amazon.awssdk.services.ssm.model.Tag;

/**
 * The one adapter that speaks the SSM API about a parameter's versions: metadata, one version's
 * value, new versions, labels, and creation. The SDK repeats a call whose attempt timed out even
 * when SSM had applied it, so creation treats "already there with this value" as done; a new
 * version put by a repeated {@link #putSecure} is a second, identical version in the history.
 */
public final class SsmParameterStore implements ParameterStore, ParameterCreator {

  /** DescribeParameters accepts at most 50 values in one Name filter. */
  static final int NAMES_PER_CALL = 50;

  private final SsmClient ssm;

  public SsmParameterStore(SsmClient ssm) {
    this.ssm = ssm;
  }

  @Override
  public Map<String, ParameterInfo> describe(Collection<String> names) {
    List<String> all = List.copyOf(new java.util.LinkedHashSet<>(names));
    Map<String, ParameterInfo> out = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i += NAMES_PER_CALL) {
      List<String> chunk =
          new ArrayList<>(all.subList(i, Math.min(all.size(), i + NAMES_PER_CALL)));
      DescribeParametersRequest request =
          DescribeParametersRequest.builder()
              .parameterFilters(
                  ParameterStringFilter.builder()
                      .key("Name")
                      .option("Equals")
                      .values(chunk)
                      .build())
              .build();
      for (var page : ssm.describeParametersPaginator(request)) {
        for (ParameterMetadata p : page.parameters()) {
          out.put(p.name(), info(p));
        }
      }
    }
    return out;
  }

  private static ParameterInfo info(ParameterMetadata p) {
    return new ParameterInfo(
        p.name(),
        p.typeAsString(),
        p.version() == null ? 0 : p.version(),
        p.lastModifiedDate(),
        p.keyId());
  }

  @Override
  public ParameterValue read(String name, long version) {
    Parameter p =
        ssm.getParameter(b -> b.name(name + ":" + version).withDecryption(true)).parameter();
    return new ParameterValue(name, p.arn(), p.version(), p.value());
  }

  @Override
  public long putSecure(String name, String value, String keyId) {
    PutParameterRequest.Builder request =
        PutParameterRequest.builder()
            .name(name)
            .value(value)
            .type(ParameterType.SECURE_STRING)
            .overwrite(true);
    if (keyId != null) {
      request.keyId(keyId);
    }
    return ssm.putParameter(request.build()).version();
  }

  @Override
  public void label(String name, long version, String label) {
    ssm.labelParameterVersion(b -> b.name(name).parameterVersion(version).labels(label));
  }

  /** SSM answers a label that is not on the version in {@code InvalidLabels}: already done. */
  @Override
  public void unlabel(String name, long version, String label) {
    ssm.unlabelParameterVersion(b -> b.name(name).parameterVersion(version).labels(label));
  }

  /**
   * PutParameter without Overwrite (and with tags, which SSM accepts only on creation). When the
   * parameter exists, its latest version is read and compared: a SecureString with this value is
   * success, whether an earlier run or this call's own applied first attempt wrote it.
   */
  @Override
  public Creation createIfAbsent(String name, String value, Map<String, String> tags) {
    List<Tag> tagList =
        tags.entrySet().stream()
            .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
            .toList();
    try {
      ssm.putParameter(b -> {
        b.name(name).value(value).type(ParameterType.SECURE_STRING).overwrite(false);
        if (!tagList.isEmpty()) {
          b.tags(tagList);
        }
      });
      return Creation.CREATED;
    } catch (ParameterAlreadyExistsException exists) {
      Parameter p = ssm.getParameter(b -> b.name(name).withDecryption(true)).parameter();
      if (p.type() == ParameterType.SECURE_STRING && Values.same(p.value(), value)) {
        return Creation.ALREADY_PRESENT;
      }
      throw new SourceExistsException("SSM parameter", name);
    }
  }
}
