package dev.keyturn.testing.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.local.template.CloudFormationYaml;
import dev.keyturn.local.template.TemplateException;
import dev.keyturn.local.template.TemplateTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Lambda function as template.yaml declares it: its handler and the jar its CodeUri names. Tests
 * that load a shaded jar through the Lambda runtime take both from here, so they prove the build
 * produces exactly what the template deploys.
 *
 * @param logicalId the resource's logical id, e.g. {@code RotateFunction}
 * @param handler the Handler property
 * @param codeUri the CodeUri resolved against the template's directory
 */
public record TemplateFunction(String logicalId, String handler, Path codeUri) {

  /** Reads a function resource from the template.yaml above {@code user.dir}. */
  public static TemplateFunction of(String logicalId) {
    Path template =
        TemplateTable.findTemplate(Path.of(System.getProperty("user.dir")))
            .orElseThrow(() -> new TemplateException("template.yaml not found above user.dir"));
    JsonNode root;
    try {
      root = CloudFormationYaml.read(Files.readString(template));
    } catch (IOException e) {
      throw new TemplateException("cannot read " + template, e);
    }
    JsonNode properties = root.path("Resources").path(logicalId).path("Properties");
    String handler = properties.path("Handler").asText(null);
    String codeUri = properties.path("CodeUri").asText(null);
    if (handler == null || codeUri == null) {
      throw new TemplateException(logicalId + " has no Handler or CodeUri in " + template);
    }
    return new TemplateFunction(logicalId, handler, template.getParent().resolve(codeUri));
  }
}
