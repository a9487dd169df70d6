package dev.keyturn.snapstart;

import dev.keyturn.json.Json;
import dev.keyturn.state.InventoryStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;

/**
 * Primers every function can use: each reads the state table and speaks JSON. A function adds its
 * own (the calls only it makes) as {@link Primer} beans.
 */
@Factory
public class CorePrimers {

  /** An inventory name no entry can have: GetItem finds nothing and changes nothing. */
  public static final String ABSENT_SECRET = "__keyturn_priming__";

  /** DynamoDB GetItem through the inventory adapter (every function has GetItem on the table). */
  @Singleton
  @Named("state-table")
  public Primer stateTablePrimer(InventoryStore inventory) {
    return Primer.of("dynamodb:GetItem", () -> inventory.secret(ABSENT_SECRET));
  }

  /** The shared ObjectMapper: serializers and deserializers built once, before the snapshot. */
  @Singleton
  @Named("json")
  public Primer jsonPrimer() {
    return Primer.of(
        "json", () -> Json.map(Json.write(Map.of("primed", true, "items", List.of(1, "a")))));
  }
}
