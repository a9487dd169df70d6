package dev.keyturn.testing.heroku;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class HerokuApiSchemaTest {

  private static final String CONFIG_VARS_UPDATE = "#/definitions/config-var/links/2/schema";
  private static final String RELEASE = "#/definitions/release";
  private static final String APP_IDENTITY = "#/definitions/app/definitions/identity";
  private static final String RELEASE_IDENTITY = "#/definitions/release/definitions/identity";

  private final HerokuApiSchema schema = HerokuApiSchema.shared();
  private final ObjectMapper mapper = new ObjectMapper();

  @Test
  void match_findsConfigVarUpdate_forPatchOnAppConfigVars() {
    List<ApiLink> links = schema.match("PATCH", "/apps/my-app/config-vars");

    assertThat(links).extracting(ApiLink::operation).containsExactly("config-var Update");
    assertThat(links.getFirst().requestSchema()).contains(CONFIG_VARS_UPDATE);
  }

  @Test
  void match_prefersLiteralSegments_overTemplateVariables() {
    assertThat(schema.match("GET", "/account"))
        .extracting(ApiLink::operation)
        .containsExactly("account Info");
  }

  @Test
  void match_findsNothing_forRouteHerokuDoesNotHave() {
    assertThat(schema.match("GET", "/apps/my-app/secrets")).isEmpty();
  }

  @Test
  void validate_acceptsStringsAndNulls_inConfigVarPatch() throws Exception {
    assertThat(schema.validate(CONFIG_VARS_UPDATE, json("{\"A\":\"x\",\"B\":null}"))).isEmpty();
  }

  @Test
  void validate_rejectsNumberValue_inConfigVarPatch() throws Exception {
    assertThat(schema.validate(CONFIG_VARS_UPDATE, json("{\"A\":1}"))).isNotEmpty();
  }

  @Test
  void validate_rejectsNameOutsideWordCharacters_inConfigVarPatch() throws Exception {
    assertThat(schema.validate(CONFIG_VARS_UPDATE, json("{\"NOT-A-WORD\":\"x\"}"))).isNotEmpty();
  }

  @Test
  void validate_treatsStrictPropertiesAsRequired_forRelease() throws Exception {
    List<String> problems = schema.validate(RELEASE, json("{\"version\":1}"));

    assertThat(problems).anyMatch(problem -> problem.contains("required property 'id'"));
  }

  @Test
  void validate_rejectsUnknownProperty_forStrictRelease() throws Exception {
    List<String> problems = schema.validate(RELEASE, json("{\"nonsense\":true}"));

    assertThat(problems).anyMatch(problem -> problem.contains("nonsense"));
  }

  @Test
  void validate_resolvesRefs_andChecksFormats() throws Exception {
    List<String> problems =
        schema.validate("#/definitions/release/properties/id", json("\"not-a-uuid\""));

    assertThat(problems).anyMatch(problem -> problem.contains("uuid"));
  }

  @Test
  void validatePathParameter_acceptsAppNameOrId() {
    assertThat(schema.validatePathParameter(APP_IDENTITY, "my-app")).isEmpty();
    assertThat(schema.validatePathParameter(APP_IDENTITY, "01234567-89ab-cdef-0123-456789abcdef"))
        .isEmpty();
    assertThat(schema.validatePathParameter(APP_IDENTITY, "Not_An_App")).isNotEmpty();
  }

  @Test
  void validatePathParameter_acceptsReleaseVersionAsInteger() {
    assertThat(schema.validatePathParameter(RELEASE_IDENTITY, "12")).isEmpty();
    assertThat(schema.validatePathParameter(RELEASE_IDENTITY, "twelve")).isNotEmpty();
  }

  private JsonNode json(String text) throws Exception {
    return mapper.readTree(text);
  }
}
