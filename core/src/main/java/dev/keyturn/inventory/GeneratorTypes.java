package dev.keyturn.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every generator type keyturn knows, with its {@link RotationMode} and the options it cannot do
 * without. Lint, status and plan read modes from here, so a type's mode is declared once, in core,
 * even before the module that implements it is deployed; the rotate module's registry must agree
 * (checked by its tests).
 */
public final class GeneratorTypes {

  /**
   * One generator type.
   *
   * @param name the inventory's {@code generator.type}
   * @param mode generated (keyturn invents the value) or vendor (the vendor's API issues it)
   * @param requiredOptions options an entry of this type must set
   */
  public record Type(String name, RotationMode mode, List<String> requiredOptions) {
    public Type {
      requiredOptions = List.copyOf(requiredOptions);
    }
  }

  private static final Map<String, Type> KNOWN = new LinkedHashMap<>();

  static {
    for (String generated :
        List.of(
            "random-password",
            "hmac-key",
            "jwt-rsa",
            "jwt-ec",
            "json-field",
            "postgres-single-user",
            "mysql-single-user",
            "redis-single-user",
            "postgres-alternating-users",
            "mysql-alternating-users",
            "redis-alternating-users")) {
      add(generated, RotationMode.GENERATED);
    }
    add("heroku-authorization", RotationMode.VENDOR);
    add("aws-iam-access-key", RotationMode.VENDOR, "user");
  }

  private GeneratorTypes() {}

  private static void add(String name, RotationMode mode, String... required) {
    KNOWN.put(name, new Type(name, mode, List.of(required)));
  }

  /** Every known type, in declaration order. */
  public static List<Type> all() {
    return List.copyOf(KNOWN.values());
  }

  public static Optional<Type> find(String name) {
    return Optional.ofNullable(name).map(KNOWN::get);
  }

  /**
   * The mode of a generator type. An unknown type counts as {@link RotationMode#GENERATED}:
   * whatever it is, the vendor did not issue its value (lint reports the type itself).
   */
  public static RotationMode modeOf(String type) {
    return find(type).map(Type::mode).orElse(RotationMode.GENERATED);
  }

  /**
   * Problems with a known type's options that this table can see (a required option missing); empty
   * for unknown types, whose problems the implementing module reports.
   */
  public static List<String> missingOptions(String type, Map<String, String> options) {
    List<String> problems = new ArrayList<>();
    find(type)
        .ifPresent(t -> {
          for (String option : t.requiredOptions()) {
            String value = options.get(option);
            if (value == null || value.isBlank()) {
              problems.add("option '" + option + "' is required");
            }
          }
        });
    return problems;
  }
}
