package dev.keyturn.cli.rotate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one {@code keyturn rotate} did: names, version ids, step outcomes; never a value.
 *
 * @param secret the inventory entry
 * @param source the source id (Secrets Manager name/ARN or SSM path)
 * @param mode {@code secrets-manager}, {@code in-process}, {@code sweep} or {@code dry-run}
 * @param version the new version (token or SSM version), when one was started
 * @param previous the version that was current before
 * @param steps every step that completed, in order
 * @param failedStep the step that failed, or null
 * @param error the failure's name (keyturn's own message, or the exception type), or null
 */
public record RotationReport(
    String secret,
    String source,
    String mode,
    String version,
    String previous,
    List<Step> steps,
    String failedStep,
    String error) {

  /** One completed step and what it did. */
  public record Step(String name, String outcome, Instant at) {}

  public RotationReport {
    steps = List.copyOf(steps);
  }

  public boolean succeeded() {
    return failedStep == null && error == null;
  }

  /** A report under construction: steps are appended as they complete. */
  static final class Builder {
    private final String secret;
    private final String source;
    private final String mode;
    private final List<Step> steps = new ArrayList<>();
    private String version;
    private String previous;

    Builder(String secret, String source, String mode) {
      this.secret = secret;
      this.source = source;
      this.mode = mode;
    }

    Builder version(String version, String previous) {
      this.version = version;
      this.previous = previous;
      return this;
    }

    Builder step(String name, String outcome, Instant at) {
      steps.add(new Step(name, outcome, at));
      return this;
    }

    boolean has(String step) {
      return steps.stream().anyMatch(s -> s.name().equals(step));
    }

    String lastStep() {
      return steps.isEmpty() ? null : steps.getLast().name();
    }

    RotationReport done() {
      return new RotationReport(secret, source, mode, version, previous, steps, null, null);
    }

    RotationReport failed(String step, String error) {
      return new RotationReport(secret, source, mode, version, previous, steps, step, error);
    }
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("secret", secret);
    m.put("source", source);
    m.put("mode", mode);
    m.put("outcome", succeeded() ? ("dry-run".equals(mode) ? "planned" : "rotated") : "failed");
    m.put("version", version);
    m.put("previous", previous);
    m.put(
        "steps",
        steps.stream()
            .map(s -> {
              Map<String, Object> step = new LinkedHashMap<>();
              step.put("step", s.name());
              step.put("outcome", s.outcome());
              step.put("at", s.at() == null ? null : s.at().toString());
              return step;
            })
            .toList());
    if (!succeeded()) {
      m.put("failedStep", failedStep);
      m.put("error", error);
    }
    return m;
  }
}
