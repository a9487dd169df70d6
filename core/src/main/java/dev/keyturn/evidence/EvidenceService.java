package dev.keyturn.evidence;

import dev.keyturn.audit.AuditEvent;
import dev.keyturn.audit.AuditKind;
import dev.keyturn.audit.AuditLog;
import dev.keyturn.evidence.EntryStates.EntryState;
import dev.keyturn.inventory.Inventory;
import dev.keyturn.inventory.SecretEntry;
import dev.keyturn.inventory.lint.LintReport;
import dev.keyturn.inventory.lint.Severity;
import dev.keyturn.inventory.parse.EntryCodec;
import dev.keyturn.state.InventoryStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code keyturn evidence}: reads the period's evidence (matrix, audit events, lint, inventory,
 * sinks, the template's IAM) into a bundle, writes it with a manifest of SHA-256 digests, and signs
 * the manifest with an asymmetric KMS key. Reads names, dates and ids only, never a value.
 */
public final class EvidenceService {

  /** More audit events than this in one period: the export refuses rather than cut the trail. */
  static final int AUDIT_CAP = 200_000;

  private final InventoryStore inventory;
  private final EntryStates states;
  private final AuditLog audit;
  private final InventoryLint lint;
  private final Signatures signatures;
  private final BundleWriter writer;
  private final Clock clock;

  public EvidenceService(
      InventoryStore inventory,
      EntryStates states,
      AuditLog audit,
      InventoryLint lint,
      Signatures signatures,
      Clock clock) {
    this.inventory = inventory;
    this.states = states;
    this.audit = audit;
    this.lint = lint;
    this.signatures = signatures;
    this.writer = new BundleWriter(signatures);
    this.clock = clock;
  }

  /**
   * @param since the start of the period
   * @param dir where the bundle goes: absent or empty
   * @param keyId the KMS key that signs the manifest
   * @param table the state table's name, for the record
   * @param template the deployment template's IAM, or null when no template was given
   */
  public record Request(
      Instant since, Path dir, String keyId, String table, TemplateIam template) {}

  /** What was written. */
  public record Result(EvidenceSummary summary, Manifest manifest) {}

  public Result export(Request request) {
    if (request.keyId() == null || request.keyId().isBlank()) {
      throw new EvidenceKeyException("no signing key");
    }
    writer.requireEmpty(request.dir());
    Signatures.SigningKey key = signatures.key(request.keyId()); // refuse before reading
    EvidenceBundle bundle = read(request);
    Manifest manifest = writer.write(bundle, request.dir(), key);
    return new Result(bundle.summary(), manifest);
  }

  /** The bundle's content, read from the table, the sources' metadata and the template. */
  public EvidenceBundle read(Request request) {
    Instant now = clock.instant();
    List<SecretEntry> entries = inventory.secrets();
    List<EntryState> entryStates = states.read(entries);
    List<MatrixRow> matrix = entryStates.stream().map(EntryState::row).toList();
    List<SinkRow> sinks = entryStates.stream().flatMap(s -> s.sinks().stream()).toList();
    List<AuditEvent> events = audit.since(request.since(), null, AUDIT_CAP);
    if (events.size() >= AUDIT_CAP) {
      throw new EvidenceInputException(
          "more than "
              + AUDIT_CAP
              + " audit events since "
              + request.since()
              + ": shorten --since");
    }
    Inventory applied =
        new Inventory(1, Set.of(), Set.of(), Set.of(), entries, inventory.webhooks());
    LintReport findings = lint.lint(applied);
    String inventoryJson = snapshot(applied);
    Map<String, Map<String, Long>> rejections = WebhookRejectionCounts.bySource(events);
    EvidenceSummary summary =
        new EvidenceSummary(
            now,
            request.since(),
            request.table(),
            matrix.size(),
            count(matrix, MatrixRow::mode),
            matrix.stream().filter(MatrixRow::overdue).count(),
            events.stream().filter(EvidenceService::failedRotation).count(),
            sinks.stream().filter(s -> SinkRow.UNCONFIRMED.equals(s.confirmation())).count(),
            events.size(),
            count(events, e -> AuditKind.of(e.action()).label()),
            WebhookRejectionCounts.total(rejections),
            rejections,
            findings.count(Severity.ERROR),
            findings.count(Severity.WARNING),
            Manifest.sha256(inventoryJson.getBytes(StandardCharsets.UTF_8)));
    List<TemplateIam.FunctionPolicy> iam =
        request.template() == null ? List.of() : request.template().functions();
    return new EvidenceBundle(summary, matrix, events, findings, inventoryJson, sinks, iam);
  }

  static boolean failedRotation(AuditEvent e) {
    return AuditKind.of(e.action()) == AuditKind.ROTATE
        && e.outcome() != null
        && e.outcome().startsWith("failed");
  }

  private static <T> Map<String, Long> count(List<T> items, Function<T, String> key) {
    return items.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }

  /** The applied inventory in the table's own JSON form, one entry per line, sorted by name. */
  private static String snapshot(Inventory applied) {
    StringBuilder json = new StringBuilder("{\"secrets\":[\n");
    List<String> secrets =
        applied.secrets().stream()
            .sorted(java.util.Comparator.comparing(SecretEntry::name))
            .map(EntryCodec::write)
            .toList();
    json.append(String.join(",\n", secrets)).append("\n],\"webhooks\":");
    json.append(dev.keyturn.json.Json.write(applied.webhooks())).append("}\n");
    return json.toString();
  }
}
