package dev.keyturn.sync.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyturn.testing.github.Libsodium;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/**
 * The Bouncy Castle composition against libsodium: NaCl's published {@code crypto_box_beforenm}
 * vector, fixed sealed-box vectors made with libsodium 1.0.18, and libsodium itself (through the
 * foreign function API) opening our boxes and sealing boxes we open, for random messages.
 */
class SealedBoxTest {

  private static final HexFormat HEX = HexFormat.of();

  // NaCl's test keys (tests/box.c, RFC 7748 section 6.1)
  private static final byte[] ALICE_SK =
      HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
  private static final byte[] ALICE_PK =
      HEX.parseHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
  private static final byte[] BOB_SK =
      HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
  private static final byte[] BOB_PK =
      HEX.parseHex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");

  private static final byte[] MESSAGE =
      "keyturn sealed box vector: GitHub Actions secret".getBytes(StandardCharsets.UTF_8);

  /**
   * libsodium: crypto_box_easy(MESSAGE, blake2b(alice_pk||bob_pk), bob_pk, alice_sk) behind
   * alice_pk.
   */
  private static final String SEALED_BY_ALICE_FOR_BOB =
      "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"
          + "3b020db8c39e6d2286101f199c1a9b6fcc62d5b29d8a6d71a3032a16881f0929"
          + "00207e00d9256dab8b0492da6fd51c7117564b8fc0bd6a5982cb002b3420bd23";

  /** libsodium: crypto_box_seal(MESSAGE, bob_pk), a random ephemeral key. */
  private static final String LIBSODIUM_SEALED_FOR_BOB =
      "d7a063cbe148df3fc742d8732354ec0f24cc9942fbd8832653e3769685c8f43f"
          + "626394729f0eacbd2981b135c5e9eddda412597213ddb0da44ddb62b44a7a9d6"
          + "c39c2ceb31922ebb1bd27f1ee2550ae5fa6edcc8ef80bca3c38009138a968d3e";

  @Test
  void beforenm_matchesNaClsFirstKeyVector() {
    assertThat(HEX.formatHex(SealedBox.beforenm(BOB_PK, ALICE_SK)))
        .isEqualTo("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389");
  }

  @Test
  void nonce_isBlake2b192OfEphemeralThenRecipientKey_asLibsodiumMakesIt() {
    assertThat(HEX.formatHex(SealedBox.nonce(ALICE_PK, BOB_PK)))
        .isEqualTo("bde68c3007dd6c6038618666c8830b023d3c0a8e988a8d38");
  }

  @Test
  void seal_withAFixedEphemeralKey_matchesTheLibsodiumVector() {
    assertThat(HEX.formatHex(SealedBox.seal(MESSAGE, BOB_PK, ALICE_SK)))
        .isEqualTo(SEALED_BY_ALICE_FOR_BOB);
  }

  @Test
  void open_readsALibsodiumSealedBox_fromTheVector() {
    assertThat(SealedBox.open(HEX.parseHex(LIBSODIUM_SEALED_FOR_BOB), BOB_PK, BOB_SK))
        .isEqualTo(MESSAGE);
  }

  @Test
  void open_refusesATamperedBox_andAWrongKey() {
    byte[] sealed = HEX.parseHex(LIBSODIUM_SEALED_FOR_BOB);
    sealed[sealed.length - 1] ^= 1;

    assertThatThrownBy(() -> SealedBox.open(sealed, BOB_PK, BOB_SK))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("keyturn sealed");
    assertThatThrownBy(
            () -> SealedBox.open(HEX.parseHex(LIBSODIUM_SEALED_FOR_BOB), ALICE_PK, ALICE_SK))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void seal_makesAFreshEphemeralKeyEveryTime() {
    byte[] first = SealedBox.seal(MESSAGE, BOB_PK);
    byte[] second = SealedBox.seal(MESSAGE, BOB_PK);

    assertThat(first).hasSize(MESSAGE.length + SealedBox.SEAL_BYTES).isNotEqualTo(second);
  }

  @Property(tries = 200)
  void libsodiumOpensWhatWeSeal_andWeOpenWhatLibsodiumSeals(
      @ForAll @Size(max = 4096) byte[] message) {
    Libsodium sodium = Libsodium.load();
    byte[][] recipient = sodium.keyPair();

    byte[] ours = SealedBox.seal(message, recipient[1]);
    byte[] theirs = sodium.seal(message, recipient[1]);

    assertThat(sodium.open(ours, recipient[1], recipient[0])).isEqualTo(message);
    assertThat(SealedBox.open(theirs, recipient[1], recipient[0])).isEqualTo(message);
  }
}
