package dev.keyturn.inventory;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The sender of a webhook source that keyturn can reach through an API: when the source's secret
 * rotates, keyturn pushes the new value to it. In the file and in the table it is written as {@code
 * sender: {heroku: {app, webhookId}}} or {@code sender: {github: {repo, hookId}}}. Names and ids
 * only, never a value.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
@JsonSubTypes({
  @JsonSubTypes.Type(value = SenderBinding.Heroku.class, name = SenderBinding.HEROKU),
  @JsonSubTypes.Type(value = SenderBinding.Github.class, name = SenderBinding.GITHUB)
})
public sealed interface SenderBinding {

  String HEROKU = "heroku";
  String GITHUB = "github";

  /** {@code heroku} or {@code github}: the key in the file, and which adapter pushes. */
  @JsonIgnore
  String kind();

  /**
   * Where the secret goes, for records and audit events: {@code heroku:app/id}, {@code
   * github:o/r/id}.
   */
  @JsonIgnore
  default String target() {
    return switch (this) {
      case Heroku h -> HEROKU + ":" + h.app() + "/" + h.webhookId();
      case Github g -> GITHUB + ":" + g.repo() + "/" + g.hookId();
    };
  }

  /**
   * A Heroku app webhook ({@code PATCH /apps/{app}/webhooks/{webhookId}}).
   *
   * @param app the app's name or id
   * @param webhookId the app webhook's id (a UUID)
   */
  record Heroku(String app, String webhookId) implements SenderBinding {
    @Override
    public String kind() {
      return HEROKU;
    }
  }

  /**
   * A GitHub repository webhook ({@code PATCH /repos/{repo}/hooks/{hookId}/config}).
   *
   * @param repo {@code owner/name}
   * @param hookId the hook's id
   */
  record Github(String repo, long hookId) implements SenderBinding {
    @Override
    public String kind() {
      return GITHUB;
    }
  }
}
