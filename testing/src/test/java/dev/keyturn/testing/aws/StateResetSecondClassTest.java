package dev.keyturn.testing.aws;

class StateResetSecondClassTest extends StateResetContract {}
