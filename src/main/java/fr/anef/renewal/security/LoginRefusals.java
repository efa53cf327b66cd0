package fr.anef.renewal.security;

/**
 * What a refused login reads, in French: never whether the identifier exists, nor whether the
 * account is locked.
 */
final class LoginRefusals {

  /** No credentials sent. */
  static final String REQUIRED =
      "Authentification requise : connectez-vous avec votre identifiant (N° étranger) et "
          + "votre mot de passe.";

  /**
   * Credentials refused: unknown identifier, wrong password or locked account alike (no quotes: it
   * goes into JSON).
   */
  static final String REFUSED =
      "Connexion refusée : identifiant ou mot de passe incorrect, ou compte temporairement "
          + "verrouillé après plusieurs essais erronés. Réessayez plus tard, ou choisissez un nouveau mot de passe avec "
          + "« Mot de passe oublié ? » (/compte/mot-de-passe-oublie).";

  private LoginRefusals() {}
}
