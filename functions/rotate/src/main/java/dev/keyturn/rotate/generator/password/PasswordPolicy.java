package dev.keyturn.rotate.generator.password;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of Secrets Manager's GetRandomPassword, one to one, so the AWS adapter maps each
 * field to the request field of the same name.
 *
 * @param length PasswordLength
 * @param excludeCharacters ExcludeCharacters (may be empty, never null)
 * @param excludeNumbers ExcludeNumbers
 * @param excludePunctuation ExcludePunctuation
 * @param excludeUppercase ExcludeUppercase
 * @param excludeLowercase ExcludeLowercase
 * @param includeSpace IncludeSpace
 * @param requireEachIncludedType RequireEachIncludedType
 */
public record PasswordPolicy(
    int length,
    String excludeCharacters,
    boolean excludeNumbers,
    boolean excludePunctuation,
    boolean excludeUppercase,
    boolean excludeLowercase,
    boolean includeSpace,
    boolean requireEachIncludedType) {

  public PasswordPolicy {
    excludeCharacters = excludeCharacters == null ? "" : excludeCharacters;
  }

  /** The classes this policy draws from (before excludeCharacters is applied). */
  public List<CharacterClass> includedClasses() {
    List<CharacterClass> included = new ArrayList<>();
    if (!excludeUppercase) {
      included.add(CharacterClass.UPPERCASE);
    }
    if (!excludeLowercase) {
      included.add(CharacterClass.LOWERCASE);
    }
    if (!excludeNumbers) {
      included.add(CharacterClass.NUMBERS);
    }
    if (!excludePunctuation) {
      included.add(CharacterClass.PUNCTUATION);
    }
    return included;
  }

  /** For each included class, the characters of it that excludeCharacters leaves. */
  public Map<CharacterClass, String> usableCharactersByClass() {
    Map<CharacterClass, String> usable = new EnumMap<>(CharacterClass.class);
    for (CharacterClass included : includedClasses()) {
      usable.put(included, withoutExcluded(included.characters()));
    }
    return usable;
  }

  /** Every character a password under this policy may contain. */
  public String allowedCharacters() {
    StringBuilder allowed = new StringBuilder();
    usableCharactersByClass().values().forEach(allowed::append);
    if (includeSpace) {
      allowed.append(withoutExcluded(" "));
    }
    return allowed.toString();
  }

  private String withoutExcluded(String characters) {
    StringBuilder kept = new StringBuilder();
    characters
        .chars()
        .filter(c -> excludeCharacters.indexOf(c) < 0)
        .forEach(c -> kept.append((char) c));
    return kept.toString();
  }
}
