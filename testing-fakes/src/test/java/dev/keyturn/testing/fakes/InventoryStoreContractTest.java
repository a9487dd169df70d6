package dev.keyturn.testing.fakes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.state.InventoryPlan;
import dev.keyturn.state.InventoryPlan.Change;
import dev.keyturn.state.InventoryPlan.Kind;
import dev.keyturn.state.InventoryStore;
import dev.keyturn.state.dynamodb.DynamoInventoryStore;
import dev.keyturn.testing.aws.WithLocalAws;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@link FakeInventoryStore} and {@link DynamoInventoryStore} held to one contract. */
@WithLocalAws
class InventoryStoreContractTest {

  static final String FIRST =
      """
      version: 1
      secrets:
        - name: RX_TWO
          source: {ssmParameter: /keyturn/two}
          sinks:
            - heroku: {app: alpha, var: TWO}
        - name: RX_ONE
          source: {secretsManager: keyturn/one}
          sinks:
            - heroku: {app: alpha, var: ONE}
        - name: RX_HOOK
          source: {secretsManager: keyturn/hook}
          generator: {type: hmac-key}
      webhooks:
        - source: zeta
          scheme: standard-webhooks
          secret: RX_HOOK
        - source: acme
          scheme: github
          secret: RX_HOOK
      """;

  /** RX_TWO gone, RX_ONE sinks elsewhere, RX_NEW added; webhook zeta gone. */
  static final String SECOND =
      """
      version: 1
      secrets:
        - name: RX_NEW
          source: {secretsManager: keyturn/new}
        - name: RX_ONE
          source: {secretsManager: keyturn/one}
          sinks:
            - heroku: {app: beta, var: ONE}
        - name: RX_HOOK
          source: {secretsManager: keyturn/hook}
          generator: {type: hmac-key}
      webhooks:
        - source: acme
          scheme: github
          secret: RX_HOOK
      """;

  static Inventory inventory(String yaml) {
    return InventoryParser.parse(yaml, "contract").requireValid();
  }

  abstract static class Contract {

    final InventoryStore store;

    /** {@code store} must be empty. */
    Contract(InventoryStore store) {
      this.store = store;
    }

    void applyFile(String yaml) {
      store.apply(store.plan(inventory(yaml)));
    }

    @Test
    void apply_storesEveryEntry_andListsThemSortedByName() {
      applyFile(FIRST);

      assertThat(store.secrets())
          .extracting(SecretEntry::name)
          .containsExactly("RX_HOOK", "RX_ONE", "RX_TWO");
      assertThat(store.webhooks()).extracting(WebhookEntry::source).containsExactly("acme", "zeta");
      assertThat(store.secret("RX_ONE")).isEqualTo(inventory(FIRST).secret("RX_ONE"));
      assertThat(store.webhook("acme")).isEqualTo(inventory(FIRST).webhook("acme"));
      assertThat(store.secret("RX_NONE")).isEmpty();
      assertThat(store.webhook("none")).isEmpty();
    }

    @Test
    void plan_ofAnEmptyStore_addsEachSecretThenItsLookup_thenWebhooks_inTheFilesOrder() {
      InventoryPlan plan = store.plan(inventory(FIRST));

      assertThat(plan.changes())
          .containsExactly(
              new Change(Kind.ADD, "secret", "RX_TWO"),
              new Change(Kind.ADD, "lookup", "/keyturn/two"),
              new Change(Kind.ADD, "secret", "RX_ONE"),
              new Change(Kind.ADD, "lookup", "keyturn/one"),
              new Change(Kind.ADD, "secret", "RX_HOOK"),
              new Change(Kind.ADD, "lookup", "keyturn/hook"),
              new Change(Kind.ADD, "webhook", "zeta"),
              new Change(Kind.ADD, "webhook", "acme"));
      assertThat(store.secrets()).as("planning writes nothing").isEmpty();
    }

    @Test
    void plan_againstAnAppliedFile_listsChangesThenSortedRemovals_andNothingWhenEqual() {
      applyFile(FIRST);

      assertThat(store.plan(inventory(FIRST)).isEmpty()).isTrue();
      assertThat(store.plan(inventory(SECOND)).changes())
          .containsExactly(
              new Change(Kind.ADD, "secret", "RX_NEW"),
              new Change(Kind.ADD, "lookup", "keyturn/new"),
              new Change(Kind.CHANGE, "secret", "RX_ONE"),
              new Change(Kind.REMOVE, "lookup", "/keyturn/two"),
              new Change(Kind.REMOVE, "secret", "RX_TWO"),
              new Change(Kind.REMOVE, "webhook", "zeta"));
    }

    @Test
    void apply_makesTheStoreMatchTheFile() {
      applyFile(FIRST);
      applyFile(SECOND);

      assertThat(store.secrets()).containsExactlyElementsOf(sorted(inventory(SECOND).secrets()));
      assertThat(store.webhooks()).containsExactlyElementsOf(inventory(SECOND).webhooks());
      assertThat(store.secretBySourceId("/keyturn/two")).isEmpty();
      assertThat(store.plan(inventory(SECOND)).isEmpty()).isTrue();
    }

    @Test
    void apply_writesOnlyThePlansChanges() {
      InventoryPlan stale = store.plan(inventory(FIRST));
      applyFile(SECOND);

      store.apply(stale);

      assertThat(store.secrets())
          .extracting(SecretEntry::name)
          .as("RX_NEW was not in the stale plan, so it stays")
          .containsExactly("RX_HOOK", "RX_NEW", "RX_ONE", "RX_TWO");
      assertThat(store.secret("RX_ONE")).isEqualTo(inventory(FIRST).secret("RX_ONE"));
    }

    @Test
    void secretBySourceId_findsAnEntryByItsSourceId_orByTheArnOfASecretItNames() {
      applyFile(FIRST);
      String arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:keyturn/one-Ab12Cd";

      assertThat(store.secretBySourceId("keyturn/one")).map(SecretEntry::name).contains("RX_ONE");
      assertThat(store.secretBySourceId(arn)).map(SecretEntry::name).contains("RX_ONE");
      assertThat(store.secretBySourceId("/keyturn/two")).map(SecretEntry::name).contains("RX_TWO");
      assertThat(store.secretBySourceId("keyturn/unknown")).isEmpty();
      assertThat(
              store.secretBySourceId(
                  "arn:aws:secretsmanager:us-east-1:123456789012:secret:keyturn/unknown-Ab12Cd"))
          .isEmpty();
    }

    private static List<SecretEntry> sorted(List<SecretEntry> entries) {
      return entries.stream().sorted(java.util.Comparator.comparing(SecretEntry::name)).toList();
    }
  }

  @Nested
  class Fake extends Contract {
    Fake() {
      super(new FakeInventoryStore());
    }
  }

  @Nested
  class Dynamo extends Contract {
    Dynamo(DynamoDbClient dynamoDb) {
      super(emptied(new DynamoInventoryStore(StateTables.of(dynamoDb))));
    }

    private static InventoryStore emptied(InventoryStore store) {
      store.apply(store.plan(inventory("version: 1\nsecrets: []\n")));
      return store;
    }
  }
}
