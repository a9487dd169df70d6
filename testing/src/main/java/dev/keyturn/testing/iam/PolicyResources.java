package dev.keyturn.testing.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.local.template.TemplateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves a template's resource expressions and the names a call used into one form, {@code
 * <service>:<resource part of the ARN>} ({@code secretsmanager:secret:keyturn/x-AbCdEf}, {@code
 * ssm:parameter/keyturn/x}, {@code dynamodb:table/StateTable}). Parameters take their defaults,
 * pseudo parameters a fixed region and account. The stack has one table and one bus, and a function
 * is only ever configured with those, so any table or bus a test named stands for them. A secret
 * named without its ARN gets the six-character suffix Secrets Manager adds to every ARN.
 */
final class PolicyResources {

  static final String REGION = "us-east-1";
  static final String ACCOUNT = "123456789012";

  /** What Secrets Manager appends to a secret's name in its ARN. */
  static final String SECRET_SUFFIX = "-AbCdEf";

  private static final Pattern SUB = Pattern.compile("\\$\\{([^}]+)}");

  private final JsonNode template;

  PolicyResources(JsonNode template) {
    this.template = template;
  }

  /** A policy value (literal, Ref, GetAtt, Sub) as text. */
  String resolve(JsonNode node) {
    if (node.isTextual() || node.isNumber()) {
      return node.asText();
    }
    if (node.has("Ref")) {
      return ref(node.get("Ref").asText());
    }
    if (node.has("Fn::GetAtt")) {
      JsonNode args = node.get("Fn::GetAtt");
      return getAtt(args.get(0).asText(), args.get(1).asText());
    }
    if (node.has("Fn::Sub")) {
      JsonNode sub = node.get("Fn::Sub");
      return sub(sub.isArray() ? sub.get(0).asText() : sub.asText());
    }
    throw new TemplateException("cannot resolve " + node);
  }

  private String ref(String name) {
    switch (name) {
      case "AWS::Partition" -> {
        return "aws";
      }
      case "AWS::Region" -> {
        return REGION;
      }
      case "AWS::AccountId" -> {
        return ACCOUNT;
      }
      default -> {}
    }
    JsonNode parameter = template.path("Parameters").path(name);
    if (!parameter.isMissingNode()) {
      return parameter.path("Default").asText("");
    }
    JsonNode resource = resource(name);
    if (resource.path("Type").asText().equals("AWS::SecretsManager::Secret")) {
      // Ref of a secret is its ARN, name and random suffix
      return arn("secretsmanager", "secret:" + resolve(resource.path("Properties").path("Name")))
          + "-??????";
    }
    return name;
  }

  private String getAtt(String logicalId, String attribute) {
    JsonNode resource = resource(logicalId);
    String type = resource.path("Type").asText();
    if (!attribute.equals("Arn")) {
      return logicalId + "." + attribute;
    }
    return switch (type) {
      case "AWS::DynamoDB::Table" -> arn("dynamodb", "table/" + logicalId);
      case "AWS::Events::EventBus" -> arn("events", "event-bus/" + logicalId);
      case "AWS::SQS::Queue" -> arn("sqs", logicalId);
      default -> throw new TemplateException("no ARN form for " + type);
    };
  }

  private String sub(String text) {
    Matcher m = SUB.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(ref(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private JsonNode resource(String logicalId) {
    JsonNode resource = template.path("Resources").path(logicalId);
    if (resource.isMissingNode()) {
      throw new TemplateException("no parameter or resource " + logicalId);
    }
    return resource;
  }

  private static String arn(String service, String rest) {
    return "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT + ":" + rest;
  }

  /** {@code arn:partition:service:region:account:rest} as {@code service:rest}; else as is. */
  String normalizeArn(String value) {
    if (!value.startsWith("arn:")) {
      return value;
    }
    String[] parts = value.split(":", 6);
    if (parts.length < 6) {
      throw new TemplateException("not an ARN: " + value);
    }
    return parts[2] + ":" + parts[5];
  }

  /** A resource a call named, in the same form. */
  String normalizeCalled(AwsCall call, String named) {
    String service = call.service();
    switch (service) {
      case "dynamodb" -> {
        return "dynamodb:table/" + only("AWS::DynamoDB::Table");
      }
      case "events" -> {
        return "events:event-bus/" + only("AWS::Events::EventBus");
      }
      default -> {}
    }
    if (named.startsWith("arn:")) {
      return normalizeArn(named);
    }
    return switch (service) {
      case "secretsmanager" -> "secretsmanager:secret:" + named + SECRET_SUFFIX;
      case "ssm" -> "ssm:parameter/" + (named.startsWith("/") ? named.substring(1) : named);
      default -> service + ":" + named;
    };
  }

  private String only(String type) {
    List<String> ids = new ArrayList<>();
    for (Map.Entry<String, JsonNode> r : template.path("Resources").properties()) {
      if (r.getValue().path("Type").asText().equals(type)) {
        ids.add(r.getKey());
      }
    }
    if (ids.size() != 1) {
      throw new TemplateException("expected one " + type + ", found " + ids);
    }
    return ids.getFirst();
  }
}
