package dev.keyturn.local.template;

/**
 * template.yaml is missing, unreadable, or does not declare the table the way a local AWS needs it.
 */
public final class TemplateException extends RuntimeException {

  public TemplateException(String message) {
    super(message);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause);
  }
}
