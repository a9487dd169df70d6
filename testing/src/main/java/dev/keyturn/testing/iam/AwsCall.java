package dev.keyturn.testing.iam;

import java.util.List;
import java.util.Map;

/**
 * One AWS API call a function made, as IAM sees it: the action ({@code dynamodb:PutItem}) and the
 * resources and condition keys it is authorised against. Names and keys only, never values.
 *
 * @param action the IAM action, {@code <service prefix>:<operation>}
 * @param resources what the call names: a table, secret id, parameter name or event bus (as the
 *     request names it, not as an ARN: the checker resolves them)
 * @param leadingKeys the partition keys a DynamoDB call touches ({@code dynamodb:LeadingKeys})
 * @param tags the tags each named secret carried when the call was made, as read from the endpoint
 *     ({@code secretsmanager:ResourceTag/...}); a resource not in it has no tags
 */
public record AwsCall(
    String action,
    List<String> resources,
    List<String> leadingKeys,
    Map<String, Map<String, String>> tags) {

  public AwsCall {
    resources = List.copyOf(resources);
    leadingKeys = List.copyOf(leadingKeys);
    tags = Map.copyOf(tags);
  }

  /** A call on resources that carry no tags. */
  public AwsCall(String action, List<String> resources, List<String> leadingKeys) {
    this(action, resources, leadingKeys, Map.of());
  }

  /** The tags {@code resource} carried (empty when it had none or does not exist). */
  public Map<String, String> tagsOf(String resource) {
    return tags.getOrDefault(resource, Map.of());
  }

  /** The IAM service prefix, e.g. {@code dynamodb}. */
  public String service() {
    return action.substring(0, action.indexOf(':'));
  }

  /** The operation, e.g. {@code PutItem}. */
  public String operation() {
    return action.substring(action.indexOf(':') + 1);
  }
}
