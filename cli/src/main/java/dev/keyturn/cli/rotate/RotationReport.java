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
 * @param mode how it ran: {@code secrets-manager}, {@code in-process}, {@code sweep}, {@code
 *     supplied}, {@code create} or {@code dry-run}
 * @param rotationMode the entry's rotation mode: {@code generated}, {@code vendor}, {@code
 *     operator}, {@code none}
 * @param version the new version (token or SSM version), when one was started
 * @param previous the version that was current before
 * @param steps every step that completed, in order
 * @param failedStep the step that failed, or null
 * @param error the failure's name (keyturn's own message, or the exception type), or null
 * @param retireTask the retire-at-vendor task an operator-assisted rotation recorded, or null
 * @param undone after a failure: whether the new version's AWSPENDING label was taken off again
 * @param leftover after a failure: what was left and how to resume it, or null
 */
public record RotationReport(
    String secret,
    String source,
    String mode,
    String rotationMode,
    String version,
    String previous,
    List<Step> steps,
    String failedStep,
    String error,
    String retireTask,
    boolean undone,
    String leftover) {

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
    private final String rotationMode;
    private final List<Step> steps = new ArrayList<>();
    private String version;
    private String previous;
    private String retireTask;
    private boolean undone;
    private String leftover;

    Builder(String secret, String source, String mode, String rotationMode) {
      this.secret = secret;
      this.source = source;
      this.mode = mode;
      this.rotationMode = rotationMode;
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

    Builder retireTask(String task) {
      this.retireTask = task;
      return this;
    }

    Builder leftover(boolean undone, String leftover) {
      this.undone = undone;
      this.leftover = leftover;
      return this;
    }

    boolean has(String step) {
      return steps.stream().anyMatch(s -> s.name().equals(step));
    }

    String lastStep() {
      return steps.isEmpty() ? null : steps.getLast().name();
    }

    RotationReport done() {
      return build(null, null);
    }

    RotationReport failed(String step, String error) {
      return build(step, error);
    }

    private RotationReport build(String step, String error) {
      return new RotationReport(
          secret,
          source,
          mode,
          rotationMode,
          version,
          previous,
          steps,
          step,
          error,
          retireTask,
          undone,
          leftover);
    }
  }

  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("secret", secret);
    m.put("source", source);
    m.put("mode", mode);
    m.put("rotationMode", rotationMode);
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
    if (retireTask != null) {
      m.put("retireTask", retireTask);
    }
    if (!succeeded()) {
      m.put("failedStep", failedStep);
      m.put("error", error);
      m.put("undone", undone);
      m.put("leftover", leftover);
    }
    return m;
  }
}
