package dev.keyturn.rotate.database.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AclRulesTest {

  @Test
  void rightsOf_leavesPasswordsAndOnOffBehind_andKeepsSelectorsWhole() {
    List<String> acl =
        List.of(
            "user default on #abc ~* &* +@all",
            "user app on #1f2e >clear nopass resetchannels ~app:* -@all +get (~x:* +set) +ping");

    assertThat(AclRules.rightsOf(acl, "app"))
        .containsExactly("resetchannels", "~app:*", "-@all", "+get", "(~x:* +set)", "+ping");
  }

  @Test
  void passwords_goAsTheirSha256_toAddOrRemove() {
    // sha256("password"), a published test vector
    String sha = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

    assertThat(AclRules.addPassword("password")).isEqualTo("#" + sha);
    assertThat(AclRules.removePassword("password")).isEqualTo("!" + sha);
  }
}
