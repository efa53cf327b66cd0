package fr.anef.renewal.filing;

import fr.anef.renewal.shared.Refusal;

/** What the applicant chose at the bottom of a step. */
enum StepAction {
  NEXT,
  BACK,
  ABANDON;

  static StepAction parse(Object value) {
    if (value == null || value.toString().isBlank()) {
      return NEXT;
    }
    for (StepAction action : values()) {
      if (action.name().equals(value.toString())) {
        return action;
      }
    }
    throw new Refusal(
        "Action inconnue : choisissez « Enregistrer et poursuivre », « Revenir à l'étape précédente » "
            + "ou « Abandonner la demande ».");
  }
}
