package dev.keyturn.sync.it;

import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.parse.InventoryParser;
import dev.keyturn.local.LocalAws;
import dev.keyturn.state.dynamodb.DynamoInventoryStore;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.heroku.HerokuStandIn;
import dev.keyturn.testing.leak.SeededSecrets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Test fixture: secrets in moto, apps on the Heroku stand-in, and the inventory that binds them,
 * applied to the state table as {@code keyturn apply} would. Every value is a registered seeded
 * secret, so the leak guard looks for each of them in logs and table items. Names carry a per-world
 * id, so tests in one class never see each other's secrets, apps or sync state.
 */
final class SyncWorld {

  /** One managed config var: a secret (SM or SSM) published to one app under one name. */
  record Var(String secretName, boolean ssm, String sourceId, String app, String var) {}

  final String id = UUID.randomUUID().toString().substring(0, 8);
  final SecretsManagerClient secretsManager;
  final SsmClient ssm;
  final LocalAws aws;
  final HerokuStandIn heroku;
  final List<Var> vars = new ArrayList<>();
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> previousVars = new LinkedHashMap<>();

  SyncWorld(LocalAws aws, HerokuStandIn heroku, SecretsManagerClient sm, SsmClient ssm) {
    this.aws = aws;
    this.heroku = heroku;
    this.secretsManager = sm;
    this.ssm = ssm;
  }

  String app(int i) {
    return "it-" + id + "-app" + i;
  }

  /** Adds {@code secrets} Secrets Manager secrets and {@code parameters} SSM parameters per app. */
  SyncWorld withApps(int apps, int secrets, int parameters) {
    for (int a = 0; a < apps; a++) {
      for (int s = 0; s < secrets; s++) {
        add(false, "keyturn/it-" + id + "/a" + a + "-s" + s, app(a), "SECRET_" + s);
      }
      for (int p = 0; p < parameters; p++) {
        add(true, "/keyturn/it-" + id + "/a" + a + "-p" + p, app(a), "PARAM_" + p);
      }
    }
    return this;
  }

  private void add(boolean isSsm, String sourceId, String app, String var) {
    String name = ("RX_IT_" + id + "_" + vars.size()).toUpperCase(Locale.ROOT);
    vars.add(new Var(name, isSsm, sourceId, app, var));
  }

  /** Creates every source with a fresh value and applies the inventory. */
  SyncWorld seed() {
    for (Var v : vars) {
      String value = SeededSecrets.generate("value-" + v.var());
      if (v.ssm()) {
        ssm.putParameter(b ->
            b.name(v.sourceId()).value(value).type(ParameterType.SECURE_STRING).overwrite(true));
      } else {
        secretsManager.createSecret(b -> b.name(v.sourceId()).secretString(value));
      }
      values.put(v.sourceId(), value);
    }
    applyInventory();
    return this;
  }

  /** Creates each app on the stand-in, with whatever config vars are given for it. */
  void createApps(Map<String, Map<String, String>> initial) {
    vars.stream()
        .map(Var::app)
        .distinct()
        .forEach(app -> heroku.createApp(app, initial.getOrDefault(app, Map.of())));
  }

  /** Every managed var of an app with its source's current value: Heroku in line. */
  Map<String, String> inLine(String app) {
    Map<String, String> out = new LinkedHashMap<>();
    vars.stream().filter(v -> v.app().equals(app)).forEach(v -> out.put(v.var(), value(v)));
    return out;
  }

  String value(Var v) {
    return values.get(v.sourceId());
  }

  /** Gives the source a new current value (PutSecretValue / PutParameter overwrite). */
  void rotate(Var v) {
    String value = SeededSecrets.generate("rotated-" + v.var());
    if (v.ssm()) {
      ssm.putParameter(
          b -> b.name(v.sourceId()).value(value).type(ParameterType.SECURE_STRING).overwrite(true));
    } else {
      secretsManager.putSecretValue(b -> b.secretId(v.sourceId()).secretString(value));
    }
    values.put(v.sourceId(), value);
  }

  /** Marks a var as renamed: {@code var} was called {@code previous} (until cleared). */
  void renaming(Var v, String previous) {
    if (previous == null) {
      previousVars.remove(v.secretName());
    } else {
      previousVars.put(v.secretName(), previous);
    }
  }

  /** True when every managed var of the app on the stand-in holds its source's current value. */
  boolean herokuMatchesSources(String app) {
    return vars.stream()
        .filter(v -> v.app().equals(app))
        .allMatch(v -> heroku.hasConfigVar(app, v.var(), value(v)));
  }

  void applyInventory() {
    StringBuilder yaml = new StringBuilder("version: 1\nsecrets:\n");
    for (Var v : vars) {
      String source = v.ssm() ? "ssmParameter" : "secretsManager";
      String previous = previousVars.get(v.secretName());
      yaml.append("  - name: ")
          .append(v.secretName())
          .append('\n')
          .append("    source: {")
          .append(source)
          .append(": ")
          .append(v.sourceId())
          .append("}\n")
          .append("    sinks:\n")
          .append("      - heroku: {app: ")
          .append(v.app())
          .append(", var: ")
          .append(v.var())
          .append(previous == null ? "" : ", previousVar: " + previous)
          .append("}\n");
    }
    Inventory inventory = InventoryParser.parse(yaml.toString(), "it").requireValid();
    // the table holds only this world's inventory: entries of earlier worlds are removed
    var store = new DynamoInventoryStore(new StateTable(aws.dynamoDb(), LocalAwsExtension.TABLE));
    store.apply(store.plan(inventory));
  }
}
