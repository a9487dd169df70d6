package dev.keyturn.rotate.support;

import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.local.LocalAws;
import dev.keyturn.rotate.RotateHandler;
import dev.keyturn.state.dynamodb.DynamoAuditLog;
import dev.keyturn.state.dynamodb.DynamoRotationStore;
import dev.keyturn.state.dynamodb.StateTable;
import dev.keyturn.testing.aws.LocalAwsExtension;
import dev.keyturn.testing.aws.SecretsManagerRotationDriver;
import java.net.URI;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;

/**
 * Everything a rotation test class needs against local AWS: moto ready for RotateSecret, the
 * keyturn bus with a tap, the inventory, and the real {@link RotateHandler} started the way Lambda
 * starts it (its own Micronaut context from configuration). Create in {@code @BeforeAll}, after the
 * local AWS extension has set the SDK and table properties.
 */
public final class RotateFunctionFixture implements AutoCloseable {

  public static final String BUS = "keyturn";

  public final SecretsManagerRotationDriver driver;
  public final EventTap events;
  public final InventorySeeder inventory;
  public final DynamoRotationStore rotations;
  public final DynamoAuditLog audit;
  public final RotateHandler handler;
  public final RotationRun run;

  private RotateFunctionFixture(LocalAws aws) {
    driver = new SecretsManagerRotationDriver(aws);
    driver.prepareRotationLambda();
    events = new EventTap(BUS);
    inventory = new InventorySeeder(aws.dynamoDb(), LocalAwsExtension.TABLE);
    StateTable table = new StateTable(aws.dynamoDb(), LocalAwsExtension.TABLE);
    rotations = new DynamoRotationStore(table);
    audit = new DynamoAuditLog(table);
    AwsCallTap.reset();
    handler = new RotateHandler();
    run = new RotationRun(handler);
  }

  /**
   * @param herokuApiUrl the Heroku stand-in's base URL, or null when the class needs no Heroku
   */
  public static RotateFunctionFixture start(LocalAws aws, URI herokuApiUrl) {
    if (herokuApiUrl != null) {
      System.setProperty("heroku.api-url", herokuApiUrl.toString());
    }
    System.setProperty("keyturn.event-bus", BUS);
    return new RotateFunctionFixture(aws);
  }

  /** A managed secret: created in moto with {@code value} and listed in the inventory. */
  public CreateSecretResponse managedSecret(SecretEntry entry, String value) {
    CreateSecretResponse created = driver.createSecret(entry.source().id(), value);
    inventory.add(entry);
    return created;
  }

  @Override
  public void close() {
    handler.close();
  }
}
