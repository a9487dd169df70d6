package dev.keyturn.rotate;

import dev.keyturn.audit.AuditLog;
import dev.keyturn.identity.CallerIdentityReader;
import dev.keyturn.observability.Metrics;
import dev.keyturn.rotate.protocol.RotationPrecheck;
import dev.keyturn.rotate.refusal.ForceRotation;
import dev.keyturn.rotate.refusal.SenderCheck;
import dev.keyturn.rotate.refusal.SenderRefusal;
import dev.keyturn.rotate.refusal.UnconfirmedCheck;
import dev.keyturn.rotate.refusal.UnconfirmedRefusal;
import dev.keyturn.rotate.vendor.Vendors;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.RotationOverrideStore;
import dev.keyturn.state.RotationStore;
import dev.keyturn.state.SenderSightings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;

/**
 * Wires the refusal guards (createSecret and the SSM rotation run them before any write) and {@code
 * keyturn rotate NAME --force}, which overrides any of them once. Kept apart from {@link
 * RotateBeans}, which injects the precheck into the rotation service, to keep each factory small.
 */
@Factory
public class RefusalBeans {

  @Singleton
  public UnconfirmedCheck unconfirmedCheck(Vendors vendors, RotationStore rotations) {
    return new UnconfirmedCheck(vendors, rotations);
  }

  /**
   * The sender refusal (secrets signing webhooks whose senders keyturn cannot reach), then the
   * unconfirmed-rotation refusal (vendor-issued credentials whose last rotation is not yet
   * confirmed).
   */
  @Singleton
  public RotationPrecheck rotationPrechecks(
      InventoryStore inventory,
      SenderSightings sightings,
      UnconfirmedCheck unconfirmed,
      RotationOverrideStore overrides,
      AuditLog audit,
      Metrics metrics,
      Clock clock,
      @Named("actor") String actor) {
    return RotationPrecheck.all(
        List.of(
            new SenderRefusal(
                inventory, new SenderCheck(sightings), overrides, audit, metrics, clock, actor),
            new UnconfirmedRefusal(unconfirmed, overrides, audit, metrics, clock, actor)));
  }

  /** {@code keyturn rotate NAME --force}: the one-shot override of either refusal. */
  @Singleton
  public ForceRotation forceRotation(
      InventoryStore inventory,
      RotationOverrideStore overrides,
      CallerIdentityReader identity,
      AuditLog audit,
      Clock clock,
      UnconfirmedCheck unconfirmed) {
    return new ForceRotation(inventory, overrides, identity, audit, clock, unconfirmed);
  }
}
