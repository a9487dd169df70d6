package dev.keyturn.connection;

import java.nio.charset.StandardCharsets;

/**
 * The URL an app reads from {@code DATABASE_URL} or {@code REDIS_URL}, composed from a connection
 * secret: {@code postgres://user:pass@host:port/dbname}, {@code mysql://...} (MySQL and MariaDB),
 * {@code redis://user:pass@host:port}. User, password and database are percent-encoded (everything
 * but RFC 3986's unreserved characters), so any password survives. With {@code "ssl": true} Redis
 * gets {@code rediss://} and PostgreSQL {@code ?sslmode=require} (libpq's URI parameter); MySQL
 * URLs carry no TLS flag (clients disagree on its name).
 */
public final class ConnectionUrl {

  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

  private ConnectionUrl() {}

  public static String of(ConnectionSecret s) {
    boolean tls = Boolean.TRUE.equals(s.ssl());
    String scheme = s.engine() == Engine.REDIS && tls ? "rediss" : s.engine().urlScheme();
    StringBuilder url =
        new StringBuilder(scheme)
            .append("://")
            .append(encode(s.username()))
            .append(':')
            .append(encode(s.password()))
            .append('@')
            .append(s.urlHost())
            .append(':')
            .append(s.port());
    if (s.engine() != Engine.REDIS && s.dbname() != null) {
      url.append('/').append(encode(s.dbname()));
    }
    if (s.engine() == Engine.POSTGRES && tls) {
      url.append("?sslmode=require");
    }
    return url.toString();
  }

  /** Percent-encodes every UTF-8 byte that is not an unreserved character. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (b >= 0 && UNRESERVED.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)));
        out.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
