package dev.keyturn.testing.iam;

import java.util.List;

/**
 * One AWS API call a function made, as IAM sees it: the action ({@code dynamodb:PutItem}) and the
 * resources and condition keys it is authorised against. Names and keys only, never values.
 *
 * @param action the IAM action, {@code <service prefix>:<operation>}
 * @param resources what the call names: a table, secret id, parameter name or event bus (as the
 *     request names it, not as an ARN: the checker resolves them)
 * @param leadingKeys the partition keys a DynamoDB call touches ({@code dynamodb:LeadingKeys})
 */
public record AwsCall(String action, List<String> resources, List<String> leadingKeys) {

  public AwsCall {
    resources = List.copyOf(resources);
    leadingKeys = List.copyOf(leadingKeys);
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
