package dev.keyturn.heroku;

/** The account a token belongs to ({@code GET /account}). */
public record Account(String id, String email) {}
