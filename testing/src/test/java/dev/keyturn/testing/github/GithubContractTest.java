package dev.keyturn.testing.github;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The vendored description is read, and its schemas really assert (the stand-in relies on it). */
class GithubContractTest {

  final GithubContract contract = GithubContract.shared();
  final ObjectMapper json = new ObjectMapper();

  @Test
  void everyPathOfTheSubset_isAnOperation_mostLiteralTemplateFirst() {
    assertThat(contract.operations().stream().map(GithubOperation::operationId).toList())
        .hasSize(34);
    assertThat(
            contract
                .match("GET", "/repos/o/r/environments/prod/secrets/public-key")
                .orElseThrow()
                .operationId())
        .isEqualTo("actions/get-environment-public-key");
    assertThat(contract.match("PATCH", "/repos/o/r/hooks/12/config").orElseThrow().operationId())
        .isEqualTo("repos/update-webhook-config-for-repo");
    assertThat(contract.match("GET", "/repos/o/r/actions/variables")).isEmpty();
  }

  @Test
  void schemas_refuseMissingRequiredFields_badFormats_andNonBase64Values() throws Exception {
    GithubOperation put = contract.match("PUT", "/repos/o/r/actions/secrets/X").orElseThrow();
    GithubOperation env = contract.match("GET", "/repos/o/r/environments/e").orElseThrow();

    assertThat(contract.validate(put.requestBody(), json.readTree("{\"key_id\":\"1\"}")))
        .anySatisfy(p -> assertThat(p).contains("encrypted_value"));
    assertThat(
            contract.validate(
                put.requestBody(),
                json.readTree("{\"key_id\":\"1\",\"encrypted_value\":\"not base64!\"}")))
        .isNotEmpty();
    assertThat(
            contract.validate(
                env.responses().get(200),
                json.readTree(
                    "{\"id\":1,\"node_id\":\"n\",\"name\":\"e\",\"url\":\"u\",\"html_url\":\"h\","
                        + "\"created_at\":\"yesterday\",\"updated_at\":\"2026-01-01T00:00:00Z\"}")))
        .singleElement()
        .satisfies(p -> assertThat(p).contains("created_at"));
  }
}
