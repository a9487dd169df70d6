package dev.keyturn.audit;

import java.util.Locale;

/**
 * The kinds of audit events, by their action's prefix: what {@code keyturn audit --kind} and the
 * evidence report filter on.
 */
public enum AuditKind {
  /** {@code secret.read}: a person's process read secret values (the CLI). */
  READ("secret."),
  /** {@code rotation.*} (the protocol's steps, the sweep) and {@code expiry.*}. */
  ROTATE("rotation.", "expiry."),
  /** {@code sync.*}: publishing to targets, drift repair, deferrals and failures. */
  SYNC("sync."),
  /** {@code webhook.*}: rejections, duplicates, Heroku release confirmations. */
  WEBHOOK("webhook."),
  /** {@code inventory.apply}. */
  APPLY("inventory."),
  /** Anything else. */
  OTHER();

  private final String[] prefixes;

  AuditKind(String... prefixes) {
    this.prefixes = prefixes;
  }

  public static AuditKind of(String action) {
    for (AuditKind kind : values()) {
      for (String prefix : kind.prefixes) {
        if (action != null && action.startsWith(prefix)) {
          return kind;
        }
      }
    }
    return OTHER;
  }

  /** As written on the command line and in the bundle: {@code read}, {@code rotate}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @throws IllegalArgumentException naming the accepted kinds
   */
  public static AuditKind parse(String label) {
    for (AuditKind kind : values()) {
      if (kind.label().equals(label)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown kind '" + label + "': expected read, rotate, sync, webhook, apply or other");
  }
}
