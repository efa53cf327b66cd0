package fr.anef.renewal.account;

import java.util.ArrayList;
import java.util.List;

/**
 * The seed's rule: « au moins 8 caractères, une majuscule, une minuscule, un caractère spécial
 * !"#$%&()*+,-./=>?@_ et un chiffre », and the confirmation equal. Each missing part is named.
 */
final class PasswordRules {

  static final String SPECIALS = "!\"#$%&()*+,-./=>?@_";

  private PasswordRules() {}

  static List<String> check(String password, String confirmation) {
    List<String> errors = new ArrayList<>();
    String value = password == null ? "" : password;
    if (value.length() < 8) {
      errors.add("Le mot de passe doit comporter au moins 8 caractères.");
    }
    if (value.chars().noneMatch(Character::isUpperCase)) {
      errors.add("Il manque une majuscule.");
    }
    if (value.chars().noneMatch(Character::isLowerCase)) {
      errors.add("Il manque une minuscule.");
    }
    if (value.chars().noneMatch(Character::isDigit)) {
      errors.add("Il manque un chiffre.");
    }
    if (value.chars().noneMatch(c -> SPECIALS.indexOf(c) >= 0)) {
      errors.add("Il manque un caractère spécial parmi " + SPECIALS + ".");
    }
    if (!value.equals(confirmation)) {
      errors.add("La confirmation ne correspond pas au mot de passe.");
    }
    return errors;
  }
}
