package dev.keyturn.evidence;

import java.util.List;

/** What the deployment template lets each function do. */
public interface TemplateIam {

  /** One per function resource, in template order. */
  List<FunctionPolicy> functions();

  /**
   * @param function the template's logical id
   * @param statements each policy statement (or SAM policy template) of its role
   */
  record FunctionPolicy(String function, List<Statement> statements) {
    public FunctionPolicy {
      statements = List.copyOf(statements);
    }
  }

  /**
   * @param effect {@code Allow} or {@code Deny}; for a SAM policy template its name
   * @param actions the actions
   * @param resources the resources as written (intrinsic functions in their short form)
   */
  record Statement(String effect, List<String> actions, List<String> resources) {
    public Statement {
      actions = List.copyOf(actions);
      resources = List.copyOf(resources);
    }
  }
}
