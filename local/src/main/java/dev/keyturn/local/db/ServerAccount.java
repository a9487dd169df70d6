package dev.keyturn.local.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Who a server process runs as. As an ordinary user: that user. As root (CI and these machines):
 * the system account the Debian package created ({@code postgres}, {@code mysql}), because {@code
 * initdb} refuses to run as root; commands are prefixed with {@code setpriv}, which replaces itself
 * with the command, so the process we hold is the server itself.
 */
final class ServerAccount {

  private final Optional<String> systemAccount;

  private ServerAccount(Optional<String> systemAccount) {
    this.systemAccount = systemAccount;
  }

  /** The current user, or {@code accountWhenRoot} when this JVM runs as root. */
  static ServerAccount forServer(String server, String accountWhenRoot) {
    if (!isRoot()) {
      return new ServerAccount(Optional.empty());
    }
    if (lookup(accountWhenRoot).isEmpty()) {
      throw new ServerStartException(
          server,
          "running as root needs the system account '"
              + accountWhenRoot
              + "' (the Debian package creates it)");
    }
    return new ServerAccount(Optional.of(accountWhenRoot));
  }

  /** The system account's name when switching, for servers that switch by themselves. */
  Optional<String> switchTo() {
    return systemAccount;
  }

  /** {@code command}, run as this account. */
  List<String> command(List<String> command) {
    if (systemAccount.isEmpty()) {
      return command;
    }
    String name = systemAccount.get();
    List<String> wrapped = new ArrayList<>();
    wrapped.addAll(List.of("setpriv", "--reuid=" + name, "--regid=" + name, "--init-groups", "--"));
    wrapped.addAll(command);
    return wrapped;
  }

  /** Makes {@code root} and everything under it this account's (a no-op without switching). */
  void own(Path root) {
    if (systemAccount.isEmpty()) {
      return;
    }
    UserPrincipalLookupService users = FileSystems.getDefault().getUserPrincipalLookupService();
    try (Stream<Path> paths = Files.walk(root)) {
      UserPrincipal user = users.lookupPrincipalByName(systemAccount.get());
      GroupPrincipal group = users.lookupPrincipalByGroupName(systemAccount.get());
      for (Path p : paths.toList()) {
        PosixFileAttributeView view = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        view.setOwner(user);
        view.setGroup(group);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hand " + root + " to " + systemAccount.get(), e);
    }
  }

  private static boolean isRoot() {
    return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
  }

  private static Optional<UserPrincipal> lookup(String name) {
    try {
      return Optional.of(
          FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(name));
    } catch (IOException noSuchAccount) {
      return Optional.empty();
    }
  }
}
