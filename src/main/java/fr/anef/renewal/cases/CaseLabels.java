package fr.anef.renewal.cases;

/** The French words of the case's coded fields, for every page, form and PDF that shows them. */
public final class CaseLabels {

  private CaseLabels() {}

  /** « Hébergement » as step 1 offers it. */
  public static String housing(String housingType) {
    return switch (String.valueOf(housingType)) {
      case "OWN" -> "À mon domicile (propriétaire ou locataire)";
      case "HOTEL" -> "À l'hôtel";
      case "PRIVATE_HOST" -> "Chez un particulier";
      default -> "—";
    };
  }

  /** « Situation familiale » as step 2 offers it. */
  public static String marital(String maritalStatus) {
    return switch (String.valueOf(maritalStatus)) {
      case "SINGLE" -> "Célibataire";
      case "COHABITING" -> "Concubin(e)";
      case "DIVORCED" -> "Divorcé(e)";
      case "MARRIED" -> "Marié(e)";
      case "CIVIL_UNION" -> "Pacsé(e)";
      case "WIDOWED" -> "Veuf(ve)";
      default -> "—";
    };
  }
}
