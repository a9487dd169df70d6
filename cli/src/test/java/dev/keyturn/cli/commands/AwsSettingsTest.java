package dev.keyturn.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyturn.cli.support.Cli;
import dev.keyturn.cli.support.CliResult;
import dev.keyturn.local.LocalAws;
import dev.keyturn.testing.aws.WithLocalAws;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * The AWS settings an operator gets wrong, against the local AWS: each is one line naming the
 * setting (or the endpoint) and how to set it. No region and no credentials need a clean
 * environment: {@code dev.keyturn.cli.shipped.ShippedCliIT} runs those through the jar.
 */
@WithLocalAws
class AwsSettingsTest {

  @Test
  void aTableThatIsNotThere_isNamed_withTheSettingThatChoosesIt(LocalAws aws) {
    CliResult r = Cli.run("status", "--table", "keyturn-no-such-table");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "keyturn: no table named keyturn-no-such-table in "
                + aws.region()
                + " (DynamoDB at "
                + aws.dynamoDbEndpoint()
                + "): set KEYTURN_TABLE or pass --table (the StateTableName output of the stack)");
  }

  @Test
  void anEndpointThatDoesNotAnswer_isNamedInTheError() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    CliResult r = Cli.run("audit", "--endpoint-url", "http://127.0.0.1:" + closed);

    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.err().strip())
        .startsWith("keyturn: no answer from DynamoDB Query at http://127.0.0.1:" + closed + " (")
        .endsWith("): check the network, or --endpoint-url / AWS_ENDPOINT_URL")
        .doesNotContain("Exception");
  }

  @Test
  void endpointUrl_lastsForOneCommandOnly(LocalAws aws) throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    Cli.run("audit", "--endpoint-url", "http://127.0.0.1:" + closed);

    CliResult after = Cli.run("audit");

    assertThat(after.exit()).as(after.toString()).isZero();
    assertThat(System.getProperty("aws.endpointUrlDynamoDb"))
        .isEqualTo(aws.dynamoDbEndpoint().toString());
  }
}
