package fr.anef.renewal.cases;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Statuses of a renewal case, with the words of the procedure, and the changes the procedure allows
 * (the table below: one line per status, the statuses it may become). {@link #code()} is the value
 * of the process variable {@code caseStatus}, for agents to filter instances in Cockpit. {@link
 * RenewalCase#moveTo} refuses any change the table does not list ({@link CaseTransitionRefused}).
 */
public enum CaseStatus {
  DRAFT("brouillon", "Brouillon"),
  ABANDONED("abandonnee", "Abandonnée"),
  DEPOSITED("deposee", "Déposée"),
  IN_REVIEW("en_instruction", "En instruction"),
  COMPLEMENT_REQUESTED("complement_demande", "Complément demandé"),
  MEDICAL_INSTRUCTION("instruction_medicale", "Instruction médicale (OFII)"),
  IMPLICITLY_REJECTED("rejet_implicite", "Décision implicite de rejet"),
  FAVOURABLE("decision_favorable", "Décision favorable"),
  REFUSED("refus", "Refus"),
  CLOSED_INCOMPLETE("cloturee_incomplete", "Clôturée (incomplète)");

  private static final Map<CaseStatus, Set<CaseStatus>> NEXT = new EnumMap<>(CaseStatus.class);

  static {
    // « Brouillon » : l'usager dépose sa demande, ou l'abandonne.
    allow(DRAFT, DEPOSITED, ABANDONED);
    // « Déposée » : l'agent ouvre l'examen des pièces ; ou 4 mois passent sans décision (R.432-1).
    allow(DEPOSITED, IN_REVIEW, IMPLICITLY_REJECTED);
    // « En instruction » : pièces incomplètes → complément ; complètes → OFII. Un nouvel examen des
    // pièces (tâche recréée) la laisse « En instruction ».
    allow(IN_REVIEW, IN_REVIEW, COMPLEMENT_REQUESTED, MEDICAL_INSTRUCTION, IMPLICITLY_REJECTED);
    // « Complément demandé » : la réponse rouvre l'examen ; 30 jours sans réponse → clôture.
    allow(COMPLEMENT_REQUESTED, IN_REVIEW, CLOSED_INCOMPLETE, IMPLICITLY_REJECTED);
    // « Instruction médicale (OFII) » : après l'avis du collège (ou l'absence de certificat), la
    // décision expresse.
    allow(MEDICAL_INSTRUCTION, FAVOURABLE, REFUSED, IMPLICITLY_REJECTED);
    // « Décision implicite de rejet » : l'instruction se poursuit, le préfet peut encore décider
    // expressément.
    allow(
        IMPLICITLY_REJECTED,
        IN_REVIEW,
        COMPLEMENT_REQUESTED,
        MEDICAL_INSTRUCTION,
        FAVOURABLE,
        REFUSED,
        CLOSED_INCOMPLETE);
    // « Abandonnée », « Décision favorable », « Refus », « Clôturée (incomplète) » : définitifs,
    // aucune suite.
    for (CaseStatus status : values()) {
      NEXT.putIfAbsent(status, Collections.unmodifiableSet(EnumSet.noneOf(CaseStatus.class)));
    }
  }

  private static void allow(CaseStatus from, CaseStatus first, CaseStatus... rest) {
    NEXT.put(from, Collections.unmodifiableSet(EnumSet.of(first, rest)));
  }

  private final String code;
  private final String label;

  CaseStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** The statuses a case in this status may move to (empty for a final status). */
  public Set<CaseStatus> next() {
    return NEXT.get(this);
  }

  /** Whether the procedure lets a case in this status move to {@code next}. */
  public boolean allows(CaseStatus next) {
    return NEXT.get(this).contains(next);
  }

  /** Whether a decision (or a closure) ended the instruction: no status follows. */
  public boolean isFinal() {
    return NEXT.get(this).isEmpty();
  }

  /**
   * The next statuses in French, for error messages: « Déposée », « Abandonnée » (or « aucun »).
   */
  String describeNext() {
    return next().isEmpty()
        ? "aucun"
        : next().stream().map(s -> "« " + s.label() + " »").collect(Collectors.joining(", "));
  }
}
