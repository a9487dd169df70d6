package dev.keyturn.rotate.database;

import dev.keyturn.connection.ConnectionSecret;
import dev.keyturn.connection.Engine;
import java.util.Set;

/**
 * What a rotation needs from a database or cache server, one implementation per engine family
 * (official JDBC drivers, Lettuce). Every connection uses TLS as {@link DatabaseSettings#useTls}
 * decides; identifiers and passwords reach the server quoted by the driver (or as its own hashed
 * form), never concatenated into a statement. Implementations throw {@link
 * DatabaseUnavailableException} when the server cannot be reached and {@link
 * DatabaseCommandException} when it refuses a change: both name the server and an error code, never
 * a message (server messages can quote statements).
 */
public interface DatabaseEngine {

  /** The engines this implementation speaks to. */
  Set<Engine> engines();

  /**
   * Logs in with {@code credential} and runs a trivial query ({@code SELECT 1}, {@code PING}).
   *
   * @return false when the server refuses the credential; true when the query ran
   */
  boolean canLogin(ConnectionSecret credential);

  /** Single user: logged in as {@code credential}, the user sets its own password. */
  void changeOwnPassword(ConnectionSecret credential, String newPassword);

  /**
   * Alternating users: logged in as {@code master}, makes {@code user.name()} log in with {@code
   * user.newPassword()}. A missing user is created (unable to log in until its password is set, so
   * a crash never leaves a half-made user that works) with the rights of {@code user.rightsOf()}.
   * When {@code user.mirror()} is set, an existing user's rights are brought in line with {@code
   * rightsOf} too: the clone follows the original; the original is never changed beyond its
   * password. One run does everything again, so a repeat after a crash completes it.
   */
  void setPassword(ConnectionSecret master, UserChange user);

  /**
   * @param name the user whose password is set
   * @param rightsOf the user whose rights a new (or mirrored) user gets
   * @param mirror whether an existing {@code name} is brought in line with {@code rightsOf}
   * @param newPassword the password; never shown by {@link #toString()}
   */
  record UserChange(String name, String rightsOf, boolean mirror, String newPassword) {
    @Override
    public String toString() {
      return "UserChange[name=" + name + ", rightsOf=" + rightsOf + ", mirror=" + mirror + "]";
    }
  }
}
