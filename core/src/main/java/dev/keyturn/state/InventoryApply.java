package dev.keyturn.state;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.secrets.SecretRoleTagging;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applying an inventory file: the plan against the table, then the writes and one audit event
 * ({@value #ACTION}) with the counts and the file's digest, so the trail says who made the table
 * match which file, and when. A failed write is audited too ({@code failed}, with the error's name)
 * and rethrown. After the table, the secrets' {@code keyturn:role} tags are made to match the file
 * ({@link SecretRoleTagging}): every apply does it, even one with no table change, so a tag removed
 * by hand or a webhook secret created after the last apply is put right by the next one.
 */
public final class InventoryApply {

  /** The audit action of every apply. */
  public static final String ACTION = "inventory.apply";

  /** The audit subject of every apply. */
  public static final String SUBJECT = "inventory";

  private final InventoryStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final String actor;
  private final SecretRoleTagging roles;

  public InventoryApply(
      InventoryStore store, AuditLog audit, Clock clock, String actor, SecretRoleTagging roles) {
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.actor = actor;
    this.roles = roles;
  }

  /** What {@link #apply} would add, change and remove. Reads only. */
  public InventoryPlan plan(Inventory desired) {
    return store.plan(desired);
  }

  /**
   * Writes the plan and records it.
   *
   * @param digest the applied file's {@link #digest}
   * @param origin the file as named by whoever applied it
   */
  public SecretRoleTagging.Changes apply(InventoryPlan plan, String digest, String origin) {
    SecretRoleTagging.Changes tags;
    try {
      store.apply(plan);
      tags = roles.reconcile(plan.desired());
    } catch (RuntimeException e) {
      record(plan, digest, origin, "failed", Map.of("error", e.getClass().getSimpleName()));
      throw e;
    }
    Map<String, String> counts = new LinkedHashMap<>();
    counts.put("roleTagged", Integer.toString(tags.tagged().size()));
    counts.put("roleUntagged", Integer.toString(tags.untagged().size()));
    record(plan, digest, origin, plan.isEmpty() ? "unchanged" : "ok", counts);
    return tags;
  }

  private void record(
      InventoryPlan plan, String digest, String origin, String outcome, Map<String, String> more) {
    Map<String, String> detail = new LinkedHashMap<>();
    detail.put("added", Long.toString(plan.count(InventoryPlan.Kind.ADD)));
    detail.put("changed", Long.toString(plan.count(InventoryPlan.Kind.CHANGE)));
    detail.put("removed", Long.toString(plan.count(InventoryPlan.Kind.REMOVE)));
    detail.put("digest", digest);
    detail.put("file", origin);
    detail.putAll(more);
    audit.record(
        new AuditEvent(clock.instant(), actor, ACTION, SUBJECT, outcome, List.of(), detail));
  }

  /** {@code sha256:<hex>} of the file's bytes: compare with {@code sha256sum FILE}. */
  public static String digest(String fileText) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(fileText.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
