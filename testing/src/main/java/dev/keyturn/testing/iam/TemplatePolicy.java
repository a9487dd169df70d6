package dev.keyturn.testing.iam;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyturn.local.template.CloudFormationYaml;
import dev.keyturn.local.template.TemplateException;
import dev.keyturn.local.template.TemplateTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One function's inline policy as template.yaml grants it, evaluated the way IAM evaluates it for
 * the calls keyturn makes: an explicit deny wins, else some allow statement must match the action
 * (globs), every resource, its {@code ForAllValues:StringLike} {@code dynamodb:LeadingKeys}
 * condition (true for a call without keys, as in IAM) and its {@code StringEquals} resource-tag
 * conditions ({@code secretsmanager:ResourceTag/K} or {@code aws:ResourceTag/K}), evaluated on the
 * tags the resource carried when the call was made ({@link AwsCall#tags()}, read from the
 * endpoint): an untagged or missing resource fails them. A statement with any other condition
 * allows nothing here. Resources are compared in one form ({@link PolicyResources}): the stack's
 * only table and bus stand for whatever table and bus the tests named; secrets and parameters keep
 * their names, templates' parameters resolve to their defaults. SAM policy templates are refused:
 * write the statements out.
 */
public final class TemplatePolicy {

  /** One statement, resources in {@link PolicyResources}'s form. */
  public record Statement(
      String sid,
      boolean allow,
      List<String> actions,
      List<String> resources,
      List<String> leadingKeys,
      Map<String, String> resourceTags,
      boolean otherConditions) {

    boolean matches(String action, String resource, List<String> keys, Map<String, String> tags) {
      if (otherConditions || actions.stream().noneMatch(a -> Globs.matches(a, action, true))) {
        return false;
      }
      if (resourceTags.entrySet().stream()
          .anyMatch(t -> !t.getValue().equals(tags.get(t.getKey())))) {
        return false;
      }
      if (!resource.equals(UNNAMED)
          && resources.stream()
              .noneMatch(r -> r.equals("*") || Globs.matches(r, resource, false))) {
        return false;
      }
      return leadingKeys == null
          || keys.stream()
              .allMatch(k -> leadingKeys.stream().anyMatch(p -> Globs.matches(p, k, false)));
    }
  }

  /**
   * What one recorded call needs: each (action, resource) IAM authorises it against, with the tags
   * that resource carried.
   */
  public record Need(
      String action, String resource, List<String> leadingKeys, Map<String, String> tags) {

    public Need(String action, String resource, List<String> leadingKeys) {
      this(action, resource, leadingKeys, Map.of());
    }
  }

  /** The condition keys of resource tags, each followed by the tag key. */
  private static final List<String> TAG_CONDITION_KEYS =
      List.of("secretsmanager:ResourceTag/", "aws:ResourceTag/");

  private final String function;
  private final List<Statement> statements;
  private final PolicyResources resources;

  private TemplatePolicy(String function, List<Statement> statements, PolicyResources resources) {
    this.function = function;
    this.statements = statements;
    this.resources = resources;
  }

  /** The policy of {@code functionLogicalId} in the template.yaml above {@code user.dir}. */
  public static TemplatePolicy of(String functionLogicalId) {
    Path file =
        TemplateTable.findTemplate(Path.of(System.getProperty("user.dir")))
            .orElseThrow(() -> new TemplateException("template.yaml not found above user.dir"));
    try {
      return of(CloudFormationYaml.read(Files.readString(file)), functionLogicalId);
    } catch (IOException e) {
      throw new TemplateException("cannot read " + file, e);
    }
  }

  /** The policy of {@code functionLogicalId} in a template read by {@link CloudFormationYaml}. */
  public static TemplatePolicy of(JsonNode template, String functionLogicalId) {
    JsonNode function = template.path("Resources").path(functionLogicalId);
    if (function.isMissingNode()) {
      throw new TemplateException("no resource " + functionLogicalId);
    }
    PolicyResources resources = new PolicyResources(template);
    List<Statement> out = new ArrayList<>();
    for (JsonNode policy : function.path("Properties").path("Policies")) {
      if (!policy.isObject() || !policy.has("Statement")) {
        throw new TemplateException(
            functionLogicalId + ": only inline statements are checked, not " + policy);
      }
      int n = 0;
      for (JsonNode s : policy.path("Statement")) {
        out.add(statement(s, functionLogicalId + "#" + n++, resources));
      }
    }
    return new TemplatePolicy(functionLogicalId, List.copyOf(out), resources);
  }

  private static Statement statement(JsonNode s, String fallbackSid, PolicyResources resources) {
    List<String> leadingKeys = null;
    Map<String, String> tags = new LinkedHashMap<>();
    boolean other = false;
    for (var condition : s.path("Condition").properties()) {
      for (var key : condition.getValue().properties()) {
        Optional<String> tagKey = tagKey(key.getKey());
        List<String> values = texts(key.getValue(), resources);
        if (condition.getKey().equals("ForAllValues:StringLike")
            && key.getKey().equals("dynamodb:LeadingKeys")) {
          leadingKeys = values;
        } else if (condition.getKey().equals("StringEquals")
            && tagKey.isPresent()
            && values.size() == 1) {
          tags.put(tagKey.get(), values.getFirst());
        } else {
          other = true;
        }
      }
    }
    return new Statement(
        s.path("Sid").asText(fallbackSid),
        !"Deny".equals(s.path("Effect").asText()),
        texts(s.path("Action"), resources),
        texts(s.path("Resource"), resources).stream().map(resources::normalizeArn).toList(),
        leadingKeys,
        Map.copyOf(tags),
        other);
  }

  private static Optional<String> tagKey(String conditionKey) {
    return TAG_CONDITION_KEYS.stream()
        .filter(conditionKey::startsWith)
        .map(p -> conditionKey.substring(p.length()))
        .findFirst();
  }

  private static List<String> texts(JsonNode node, PolicyResources resources) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> out.add(resources.resolve(n)));
    } else if (!node.isMissingNode()) {
      out.add(resources.resolve(node));
    }
    return out;
  }

  public List<Statement> statements() {
    return statements;
  }

  /**
   * The resource of an IAM user call: the request names the user but not the path its ARN holds, so
   * such a call is matched on its action only; the roles' IAM resources are checked against the
   * template by the rotate module's {@code RotateIamPermissionsTest}.
   */
  static final String UNNAMED = "iam:user/<path unknown to the request>";

  /** Actions AWS authorises without any permission (STS: "No permissions are required"). */
  private static final List<String> NEED_NO_PERMISSION = List.of("sts:GetCallerIdentity");

  /**
   * What IAM checks for a call: BatchGetSecretValue also needs GetSecretValue on each secret;
   * GetCallerIdentity needs nothing.
   */
  public List<Need> needs(AwsCall call) {
    List<Need> out = new ArrayList<>();
    if (NEED_NO_PERMISSION.contains(call.action())) {
      return out;
    }
    if (call.action().startsWith("iam:") && call.resources().isEmpty()) {
      out.add(new Need(call.action(), UNNAMED, call.leadingKeys()));
      return out;
    }
    List<String> named =
        call.resources().stream().map(r -> resources.normalizeCalled(call, r)).toList();
    if (call.action().equals("secretsmanager:BatchGetSecretValue")) {
      out.add(new Need(call.action(), "*", call.leadingKeys()));
      for (int i = 0; i < named.size(); i++) {
        out.add(
            new Need(
                "secretsmanager:GetSecretValue",
                named.get(i),
                List.of(),
                call.tagsOf(call.resources().get(i))));
      }
      return out;
    }
    if (named.isEmpty()) {
      out.add(new Need(call.action(), "*", call.leadingKeys()));
    }
    for (int i = 0; i < named.size(); i++) {
      out.add(
          new Need(
              call.action(),
              named.get(i),
              call.leadingKeys(),
              call.tagsOf(call.resources().get(i))));
    }
    return out;
  }

  /** Why the policy refuses the call, or empty when it allows it. */
  public Optional<String> refusal(AwsCall call) {
    for (Need need : needs(call)) {
      Optional<Statement> deny =
          statements.stream()
              .filter(s -> !s.allow())
              .filter(
                  s -> s.matches(need.action(), need.resource(), need.leadingKeys(), need.tags()))
              .findFirst();
      if (deny.isPresent()) {
        return Optional.of(describe(need) + " is denied by " + deny.get().sid());
      }
      if (allowing(need).isEmpty()) {
        return Optional.of(describe(need) + " is allowed by no statement of " + function);
      }
    }
    return Optional.empty();
  }

  /** The allow statements that grant one need. */
  public List<Statement> allowing(Need need) {
    return statements.stream()
        .filter(Statement::allow)
        .filter(s -> s.matches(need.action(), need.resource(), need.leadingKeys(), need.tags()))
        .toList();
  }

  /** Every {@code Sid/action} an allow statement grants, actions as written. */
  public Set<String> grants() {
    Set<String> out = new LinkedHashSet<>();
    statements.stream()
        .filter(Statement::allow)
        .forEach(s -> s.actions().forEach(a -> out.add(s.sid() + "/" + a)));
    return out;
  }

  private static String describe(Need need) {
    return need.action()
        + " on "
        + need.resource()
        + (need.leadingKeys().isEmpty() ? "" : " with leading keys " + need.leadingKeys())
        + (need.tags().isEmpty() ? "" : " tagged " + need.tags());
  }
}
