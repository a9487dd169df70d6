package dev.keyturn.evidence;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts at the top of the report ({@code summary.json}): what an auditor checks first.
 *
 * @param generatedAt when the bundle was written
 * @param since the start of the period
 * @param table the state table it was read from
 * @param entries inventory entries
 * @param entriesByMode entries per rotation mode
 * @param overdue entries past their cadence
 * @param failedRotations rotation events of the period whose outcome is a failure
 * @param unconfirmedSyncs Heroku variables published but not confirmed by a release webhook
 * @param auditEvents audit events of the period
 * @param eventsByKind those events per kind ({@code read}, {@code rotate}, ...)
 * @param webhookRejections webhook deliveries rejected in the period (a tally counts each rejection
 *     it holds)
 * @param webhookRejectionsBySource those rejections per webhook source and reason code
 * @param lintErrors lint errors of the applied inventory
 * @param lintWarnings lint warnings of the applied inventory
 * @param inventoryDigest {@code sha256:} of {@code inventory.json}
 */
public record EvidenceSummary(
    Instant generatedAt,
    Instant since,
    String table,
    int entries,
    Map<String, Long> entriesByMode,
    long overdue,
    long failedRotations,
    long unconfirmedSyncs,
    int auditEvents,
    Map<String, Long> eventsByKind,
    long webhookRejections,
    Map<String, Map<String, Long>> webhookRejectionsBySource,
    long lintErrors,
    long lintWarnings,
    String inventoryDigest) {

  public EvidenceSummary {
    entriesByMode = Map.copyOf(entriesByMode);
    eventsByKind = Map.copyOf(eventsByKind);
    Map<String, Map<String, Long>> rejections = new TreeMap<>();
    webhookRejectionsBySource.forEach((source, reasons) ->
        rejections.put(source, Collections.unmodifiableMap(new TreeMap<>(reasons))));
    webhookRejectionsBySource = Collections.unmodifiableMap(rejections);
  }
}
