package dev.keyturn.local.moto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free TCP ports on the loopback interface. */
final class FreePorts {

  /** The only address the emulators bind to (a literal, so no IPv6/hosts-file surprises). */
  static final String LOOPBACK = "127.0.0.1";

  private FreePorts() {}

  static int loopback() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + LOOPBACK, e);
    }
  }
}
