package dev.keyturn.testing.aws;

/**
 * template.yaml is missing, unreadable, or does not declare the table the way the harness needs.
 */
public final class TemplateException extends RuntimeException {

  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
