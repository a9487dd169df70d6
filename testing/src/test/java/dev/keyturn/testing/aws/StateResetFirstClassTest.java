package dev.keyturn.testing.aws;

class StateResetFirstClassTest extends StateResetContract {}
