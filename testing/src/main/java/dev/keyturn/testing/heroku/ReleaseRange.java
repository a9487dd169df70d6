package dev.keyturn.testing.heroku;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heroku's {@code Range} header for listing releases: {@code <field> [[]start]..[end][; order=
 * asc|desc][, max=n]}, e.g. {@code version ..; order=desc, max=1} or {@code id ..}. Start and end
 * are in iteration order (so with {@code order=desc} the start is the highest value); a leading
 * {@code ]} makes the start exclusive, which is how {@code Next-Range} continues a listing.
 */
record ReleaseRange(
    String field, String start, boolean startExclusive, String end, int max, boolean descending) {

  static final int DEFAULT_MAX = 200;
  static final int LIMIT = 1000;
  static final ReleaseRange DEFAULT =
      new ReleaseRange("version", "", false, "", DEFAULT_MAX, false);

  private static final Pattern SYNTAX =
      Pattern.compile("^\\s*(id|version)\\s+(]?)([^.;\\s]*)\\.\\.([^;\\s]*)\\s*(?:;(.*))?$");

  /** One page of a listing and the headers that describe it. */
  record Page(List<Release> releases, boolean more, String contentRange, String nextRange) {}

  /** Parses a header value; a missing header lists by version, ascending, 200 at a time. */
  static ReleaseRange parse(String header) {
    if (header == null || header.isBlank()) {
      return DEFAULT;
    }
    Matcher matcher = SYNTAX.matcher(header);
    if (!matcher.matches()) {
      throw invalid("Range header is not '<id|version> [start]..[end][; options]'");
    }
    String field = matcher.group(1);
    ReleaseRange range =
        new ReleaseRange(
            field,
            matcher.group(3),
            !matcher.group(2).isEmpty(),
            matcher.group(4),
            DEFAULT_MAX,
            false);
    if (field.equals("version")) {
      requireInteger(range.start());
      requireInteger(range.end());
    }
    return matcher.group(5) == null ? range : range.withOptions(matcher.group(5));
  }

  Page page(List<Release> all) {
    List<Release> inRange =
        all.stream().filter(this::afterStart).filter(this::beforeEnd).sorted(order()).toList();
    List<Release> page = inRange.subList(0, Math.min(max, inRange.size()));
    boolean more = inRange.size() > page.size();
    String contentRange =
        page.isEmpty() ? null : field + " " + key(page.getFirst()) + ".." + key(page.getLast());
    String nextRange =
        more
            ? "%s ]%s..; %smax=%d"
                .formatted(field, key(page.getLast()), descending ? "order=desc, " : "", max)
            : null;
    return new Page(new ArrayList<>(page), more, contentRange, nextRange);
  }

  private ReleaseRange withOptions(String options) {
    int parsedMax = max;
    boolean parsedDescending = descending;
    for (String option : options.split(",")) {
      String[] pair = option.trim().split("=", 2);
      if (pair.length != 2) {
        throw invalid("Range option is not 'name=value'");
      }
      switch (pair[0].trim()) {
        case "max" -> parsedMax = parseMax(pair[1].trim());
        case "order" -> parsedDescending = parseOrder(pair[1].trim());
        default -> throw invalid("Range option must be 'max' or 'order'");
      }
    }
    return new ReleaseRange(field, start, startExclusive, end, parsedMax, parsedDescending);
  }

  private boolean afterStart(Release release) {
    if (start.isEmpty()) {
      return true;
    }
    int position = inIterationOrder(release, start);
    return startExclusive ? position > 0 : position >= 0;
  }

  private boolean beforeEnd(Release release) {
    return end.isEmpty() || inIterationOrder(release, end) <= 0;
  }

  private int inIterationOrder(Release release, String bound) {
    int ascending =
        field.equals("version")
            ? Integer.compare(release.version(), Integer.parseInt(bound))
            : release.id().toString().compareTo(bound);
    return descending ? -ascending : ascending;
  }

  private Comparator<Release> order() {
    Comparator<Release> ascending =
        field.equals("version")
            ? Comparator.comparingInt(Release::version)
            : Comparator.comparing(release -> release.id().toString());
    return descending ? ascending.reversed() : ascending;
  }

  private String key(Release release) {
    return field.equals("version") ? String.valueOf(release.version()) : release.id().toString();
  }

  private static int parseMax(String value) {
    if (!value.matches("\\d{1,4}")) {
      throw invalid("Range max must be a number from 1 to " + LIMIT);
    }
    int parsed = Integer.parseInt(value);
    if (parsed < 1 || parsed > LIMIT) {
      throw invalid("Range max must be a number from 1 to " + LIMIT);
    }
    return parsed;
  }

  private static boolean parseOrder(String value) {
    return switch (value) {
      case "asc" -> false;
      case "desc" -> true;
      default -> throw invalid("Range order must be 'asc' or 'desc'");
    };
  }

  private static void requireInteger(String bound) {
    if (!bound.isEmpty() && !bound.matches("\\d{1,9}")) {
      throw invalid("Range bounds for version must be integers");
    }
  }

  private static InvalidRange invalid(String message) {
    return new InvalidRange(message);
  }

  /** The header does not follow Heroku's range syntax; a contract violation by the client. */
  static final class InvalidRange extends RuntimeException {
    InvalidRange(String message) {
      super(message);
    }
  }
}
