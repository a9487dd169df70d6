package dev.keyturn.rotate.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UserNamesTest {

  @Test
  void alternate_appendsOrStripsTheCloneSuffix() {
    assertThat(UserNames.alternate("app")).isEqualTo("app_clone");
    assertThat(UserNames.alternate("app_clone")).isEqualTo("app");
    assertThat(UserNames.alternate("_clone")).isEqualTo("_clone_clone");
  }
}
