package dev.keyturn.cli.status;

import dev.keyturn.cli.status.EntryStatus.WebhookSourceStatus;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.WebhookEntry;
import dev.keyturn.rotate.refusal.SenderCheck;
import dev.keyturn.state.SenderPush;
import dev.keyturn.state.SenderPushStore;
import dev.keyturn.state.SenderSighting;
import dev.keyturn.state.SenderSightings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Per webhook source of an entry: the version its sender last signed with and when, and for a
 * sender with an API the version keyturn last pushed; and why the next automatic rotation would be
 * refused ({@link SenderCheck}, the rotation's own rule). One read per source.
 */
final class WebhookSenders {

  private final SenderSightings sightings;
  private final SenderPushStore pushes;

  WebhookSenders(SenderSightings sightings, SenderPushStore pushes) {
    this.sightings = sightings;
    this.pushes = pushes;
  }

  List<WebhookSourceStatus> of(SecretEntry e, List<WebhookEntry> webhooks, String current) {
    return webhooks.stream()
        .filter(w -> e.name().equals(w.secret()))
        .map(w -> source(w, current))
        .toList();
  }

  private WebhookSourceStatus source(WebhookEntry w, String current) {
    Optional<SenderSighting> seen = sightings.last(w.source());
    String signed = seen.map(SenderSighting::versionId).orElse(null);
    Instant signedAt = seen.map(SenderSighting::at).orElse(null);
    if (w.sender() == null) {
      return new WebhookSourceStatus(
          w.source(),
          w.scheme(),
          null,
          signed,
          signedAt,
          null,
          null,
          current != null && current.equals(signed));
    }
    Optional<SenderPush> pushed = pushes.pushes(w.source()).stream().findFirst();
    String version = pushed.map(SenderPush::versionId).orElse(null);
    return new WebhookSourceStatus(
        w.source(),
        w.scheme(),
        w.sender().target(),
        signed,
        signedAt,
        version,
        pushed.map(SenderPush::pushedAt).orElse(null),
        current != null && current.equals(version));
  }

  /**
   * Why the next automatic rotation would be refused, in the guard's words, or null. Answers from
   * the sources already read ({@code sources}), so it costs no call.
   */
  static String refusal(
      SecretEntry e,
      List<WebhookEntry> webhooks,
      List<WebhookSourceStatus> sources,
      String current,
      boolean hasOlder,
      Instant now) {
    if (current == null) {
      return null;
    }
    SenderSightings read =
        new SenderSightings() {
          @Override
          public void record(String source, String versionId, Instant at) {
            throw new UnsupportedOperationException("status reads only");
          }

          @Override
          public Optional<SenderSighting> last(String source) {
            return sources.stream()
                .filter(s -> s.source().equals(source) && s.lastSignedWith() != null)
                .findFirst()
                .map(s -> new SenderSighting(source, s.lastSignedWith(), s.lastSignedAt()));
          }
        };
    return new SenderCheck(read)
        .behind(SenderCheck.unreachableSenders(e, webhooks), current, hasOlder)
        .map(lag -> lag.reason(now))
        .orElse(null);
  }
}
