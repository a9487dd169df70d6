package dev.keyturn.rotate.database;

import dev.keyturn.connection.Engine;

/** The alternating-users naming of AWS's templates: {@code name} and {@code name_clone}. */
public final class UserNames {

  public static final String CLONE_SUFFIX = "_clone";

  private UserNames() {}

  /** {@code app} for {@code app_clone}, {@code app_clone} for {@code app}. */
  public static String alternate(String user) {
    return isClone(user)
        ? user.substring(0, user.length() - CLONE_SUFFIX.length())
        : user + CLONE_SUFFIX;
  }

  public static boolean isClone(String user) {
    return user.endsWith(CLONE_SUFFIX) && user.length() > CLONE_SUFFIX.length();
  }

  /** The longest user name the engine accepts (PostgreSQL 63 bytes, MariaDB 80 characters). */
  public static int maxLength(Engine engine) {
    return switch (engine) {
      case POSTGRES -> 63;
      case MYSQL -> 32;
      case MARIADB -> 80;
      case REDIS -> 1024;
    };
  }
}
