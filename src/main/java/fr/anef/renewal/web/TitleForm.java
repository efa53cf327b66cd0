package fr.anef.renewal.web;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * A titre de séjour as a person types it in the account creation form and an agent at the counter:
 * its number and its validity dates, day, month and year in fields of their own (the seed's « Date
 * de début de validité », « Date de fin de validité »). Spring binds the request's parameters by
 * name; a missing one is empty.
 */
record TitleForm(
    String numero,
    String debutJour,
    String debutMois,
    String debutAnnee,
    String finJour,
    String finMois,
    String finAnnee) {

  TitleForm {
    numero = numero == null ? "" : numero;
  }

  /** The first day of validity, or null when the three fields make no date. */
  LocalDate start() {
    return date(debutJour, debutMois, debutAnnee);
  }

  /** The last day of validity, or null when the three fields make no date. */
  LocalDate end() {
    return date(finJour, finMois, finAnnee);
  }

  private static LocalDate date(String day, String month, String year) {
    if (day == null || month == null || year == null) {
      return null;
    }
    try {
      return LocalDate.of(
          Integer.parseInt(year.strip()),
          Integer.parseInt(month.strip()),
          Integer.parseInt(day.strip()));
    } catch (NumberFormatException | DateTimeException e) {
      return null;
    }
  }
}
