package dev.keyturn.inventory.lint;

import java.time.Instant;

/**
 * What rules need besides the inventory.
 *
 * @param now the instant expiry is judged against
 * @param generators validates generator options
 * @param schemes validates webhook scheme options
 */
public record LintContext(Instant now, OptionValidator generators, OptionValidator schemes) {}
