package dev.keyturn.testing.github;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * libsodium itself (the Debian {@code libsodium23} package), called through Java's foreign function
 * API: what GitHub uses to open the sealed boxes clients send. The GitHub stand-in opens every
 * sealed box with it, so a test that sees the right value arrive has proved keyturn's Bouncy Castle
 * composition interoperates with the real thing. Needs {@code --enable-native-access}.
 */
public final class Libsodium {

  /** Where Debian/Ubuntu (amd64, arm64) install it; {@code LIBSODIUM_PATH} overrides. */
  static final List<String> CANDIDATES =
      List.of(
          "/usr/lib/x86_64-linux-gnu/libsodium.so.23",
          "/usr/lib/aarch64-linux-gnu/libsodium.so.23",
          "/usr/lib/libsodium.so.23",
          "/usr/local/lib/libsodium.so");

  private static final ValueLayout INT = ValueLayout.JAVA_INT;
  private static final ValueLayout PTR = ValueLayout.ADDRESS;

  public static final int KEY_BYTES = 32;
  public static final int SEAL_BYTES = 48;

  private static volatile Libsodium shared;

  private final MethodHandle keypair;
  private final MethodHandle seal;
  private final MethodHandle sealOpen;

  private Libsodium(Path library) {
    Linker linker = Linker.nativeLinker();
    SymbolLookup lookup = SymbolLookup.libraryLookup(library, Arena.global());
    MethodHandle init = handle(linker, lookup, "sodium_init", FunctionDescriptor.of(INT));
    this.keypair =
        handle(linker, lookup, "crypto_box_keypair", FunctionDescriptor.of(INT, PTR, PTR));
    this.seal =
        handle(
            linker,
            lookup,
            "crypto_box_seal",
            FunctionDescriptor.of(INT, PTR, PTR, ValueLayout.JAVA_LONG, PTR));
    this.sealOpen =
        handle(
            linker,
            lookup,
            "crypto_box_seal_open",
            FunctionDescriptor.of(INT, PTR, PTR, ValueLayout.JAVA_LONG, PTR, PTR));
    try {
      if ((int) init.invokeExact() < 0) {
        throw new IllegalStateException("sodium_init failed");
      }
    } catch (Throwable t) {
      throw new IllegalStateException("sodium_init failed", t);
    }
  }

  /**
   * The JVM-wide binding, loaded on first use.
   *
   * @throws IllegalStateException naming the paths tried when libsodium is not installed
   */
  public static Libsodium load() {
    Libsodium instance = shared;
    if (instance == null) {
      synchronized (Libsodium.class) {
        if (shared == null) {
          shared = new Libsodium(find());
        }
        instance = shared;
      }
    }
    return instance;
  }

  private static Path find() {
    String override = System.getenv("LIBSODIUM_PATH");
    if (override != null && Files.exists(Path.of(override))) {
      return Path.of(override);
    }
    return CANDIDATES.stream()
        .map(Path::of)
        .filter(Files::exists)
        .findFirst()
        .orElseThrow(() ->
            new IllegalStateException(
                "libsodium is not installed (apt-get install libsodium23); tried " + CANDIDATES));
  }

  /** {@code crypto_box_keypair}: {@code [secret, public]}. */
  public byte[][] keyPair() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment pk = arena.allocate(KEY_BYTES);
      MemorySegment sk = arena.allocate(KEY_BYTES);
      check((int) keypair.invokeExact(pk, sk), "crypto_box_keypair");
      return new byte[][] {sk.toArray(ValueLayout.JAVA_BYTE), pk.toArray(ValueLayout.JAVA_BYTE)};
    } catch (RuntimeException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("crypto_box_keypair failed", t);
    }
  }

  /** {@code crypto_box_seal}. */
  public byte[] seal(byte[] message, byte[] publicKey) {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment out = arena.allocate(message.length + SEAL_BYTES);
      MemorySegment m = copy(arena, message);
      check(
          (int) seal.invokeExact(out, m, (long) message.length, copy(arena, publicKey)),
          "crypto_box_seal");
      return out.toArray(ValueLayout.JAVA_BYTE);
    } catch (RuntimeException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("crypto_box_seal failed", t);
    }
  }

  /**
   * {@code crypto_box_seal_open}.
   *
   * @return the message, or null when the box does not open (wrong key, tampered, too short)
   */
  public byte[] open(byte[] sealed, byte[] publicKey, byte[] secretKey) {
    if (sealed.length < SEAL_BYTES) {
      return null;
    }
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment out = arena.allocate(Math.max(1, sealed.length - SEAL_BYTES));
      int rc =
          (int)
              sealOpen.invokeExact(
                  out,
                  copy(arena, sealed),
                  (long) sealed.length,
                  copy(arena, publicKey),
                  copy(arena, secretKey));
      if (rc != 0) {
        return null;
      }
      return out.asSlice(0, sealed.length - SEAL_BYTES).toArray(ValueLayout.JAVA_BYTE);
    } catch (RuntimeException e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException("crypto_box_seal_open failed", t);
    }
  }

  private static MemorySegment copy(Arena arena, byte[] bytes) {
    MemorySegment segment = arena.allocate(Math.max(1, bytes.length));
    MemorySegment.copy(bytes, 0, segment, ValueLayout.JAVA_BYTE, 0, bytes.length);
    return segment;
  }

  private static void check(int rc, String call) {
    if (rc != 0) {
      throw new IllegalStateException(call + " returned " + rc);
    }
  }

  private static MethodHandle handle(
      Linker linker, SymbolLookup lookup, String name, FunctionDescriptor descriptor) {
    return linker.downcallHandle(
        lookup.find(name).orElseThrow(() -> new IllegalStateException("libsodium has no " + name)),
        descriptor);
  }
}
