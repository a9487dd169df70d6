package dev.keyturn.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.RepoFiles;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.state.dynamodb.DynamoInventoryStore;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.WithLocalAws;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@WithLocalAws
class InventoryStoreTest {

  Inventory example =
      InventoryParser.parse(RepoFiles.resolve("examples/inventory.yaml")).requireValid();
  DynamoInventoryStore store;

  @BeforeEach
  void emptyTable(DynamoDbClient dynamoDb) {
    store = new DynamoInventoryStore(new StateTable(dynamoDb, LocalAwsExtension.TABLE));
    store.apply(
        new InventoryPlan(withSecrets(List.of()), removalsOf(store.plan(withSecrets(List.of())))));
  }

  private static List<InventoryPlan.Change> removalsOf(InventoryPlan plan) {
    return plan.changes();
  }

  private Inventory withSecrets(List<SecretEntry> secrets) {
    return new Inventory(
        1, example.vendors(), example.functions(), example.consumers(), secrets, List.of());
  }

  @Test
  void apply_twice_changesNothingTheSecondTime() {
    InventoryPlan first = store.plan(example);
    store.apply(first);

    InventoryPlan second = store.plan(example);

    assertThat(first.count(InventoryPlan.Kind.ADD)).isGreaterThan(example.secrets().size());
    assertThat(second.isEmpty()).isTrue();
  }

  @Test
  void dryRunPlan_writesNothing() {
    InventoryPlan plan = store.plan(example);

    assertThat(plan.isEmpty()).isFalse();
    assertThat(store.secrets()).isEmpty();
  }

  @Test
  void applied_entriesReadBackEqualToTheFile() {
    store.apply(store.plan(example));

    assertThat(store.secrets()).containsExactlyInAnyOrderElementsOf(example.secrets());
    assertThat(store.webhooks()).containsExactlyElementsOf(example.webhooks());
    assertThat(store.webhook("freescout")).isPresent();
  }

  @Test
  void secretBySourceId_findsEntryByNameByArnAndBySsmPath() {
    store.apply(store.plan(example));

    assertThat(store.secretBySourceId("keyturn/prod/freescout-support-webhook-secret"))
        .map(SecretEntry::name)
        .hasValue("FS_SUPPORT_WEBHOOK");
    assertThat(
            store.secretBySourceId(
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:keyturn/prod/freescout-support-webhook-secret-AbCdEf"))
        .map(SecretEntry::name)
        .hasValue("FS_SUPPORT_WEBHOOK");
    assertThat(store.secretBySourceId("/keyturn/prod/freescout-api-token"))
        .map(SecretEntry::name)
        .hasValue("FS_SUPPORT_API");
    assertThat(store.secretBySourceId("keyturn/unknown")).isEmpty();
  }

  @Test
  void removingAnEntryFromTheFile_removesItsItemsAndLookups() {
    store.apply(store.plan(example));
    List<SecretEntry> fewer = new ArrayList<>(example.secrets());
    fewer.removeIf(e -> e.name().equals("CF_DNS_EDIT_RAXX_APP"));
    Inventory smaller =
        new Inventory(
            1,
            example.vendors(),
            example.functions(),
            example.consumers(),
            fewer,
            example.webhooks());

    InventoryPlan plan = store.plan(smaller);
    store.apply(plan);

    assertThat(plan.changes())
        .extracting(InventoryPlan.Change::kind, InventoryPlan.Change::key)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(InventoryPlan.Kind.REMOVE, "CF_DNS_EDIT_RAXX_APP"),
            org.assertj.core.groups.Tuple.tuple(
                InventoryPlan.Kind.REMOVE, "keyturn/prod/cf-dns-edit-raxx-app"));
    assertThat(store.secret("CF_DNS_EDIT_RAXX_APP")).isEmpty();
    assertThat(store.secretBySourceId("keyturn/prod/cf-dns-edit-raxx-app")).isEmpty();
    assertThat(store.plan(smaller).isEmpty()).isTrue();
  }

  @Test
  void changedEntry_isPlannedAsChange() {
    store.apply(store.plan(example));
    List<SecretEntry> changed = new ArrayList<>();
    for (SecretEntry e : example.secrets()) {
      changed.add(
          e.name().equals("FS_SUPPORT_API")
              ? new SecretEntry(
                  e.name(),
                  e.source(),
                  e.tags(),
                  List.of("prod", "staging"),
                  e.scope(),
                  e.devAnalog(),
                  e.generator(),
                  e.expiresAt(),
                  e.scopes(),
                  e.review(),
                  e.sinks())
              : e);
    }
    Inventory edited =
        new Inventory(
            1,
            example.vendors(),
            example.functions(),
            example.consumers(),
            changed,
            example.webhooks());

    assertThat(store.plan(edited).changes())
        .containsExactly(
            new InventoryPlan.Change(InventoryPlan.Kind.CHANGE, "secret", "FS_SUPPORT_API"));
  }
}
