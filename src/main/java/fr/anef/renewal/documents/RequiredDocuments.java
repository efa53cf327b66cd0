package fr.anef.renewal.documents;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * Asks the DMN « required-documents » (its latest deployed version, so that an analyst's change
 * applies without a code change) which documents a situation requires.
 */
@Service
public class RequiredDocuments {

  public static final String DECISION_KEY = "required-documents";

  /** The housing types the DMN knows, in the order the list PDF shows them. */
  public static final List<String> HOUSING_TYPES = List.of("OWN", "HOTEL", "PRIVATE_HOST");

  private final DecisionService decisions;

  RequiredDocuments(DecisionService decisions) {
    this.decisions = decisions;
  }

  public List<DocumentRequirement> forSituation(String housingType, boolean holdsResidencePermit) {
    return decisions
        .evaluateDecisionByKey(DECISION_KEY)
        .variables(Map.of("housingType", housingType, "holdsResidencePermit", holdsResidencePermit))
        .evaluate()
        .stream()
        .map(RequiredDocuments::toRequirement)
        .sorted(Comparator.comparingInt(DocumentRequirement::position))
        .toList();
  }

  /**
   * Every document a holder (or not) of a titre may be asked for, whatever the housing: one entry
   * per distinct document and guidance, for the « Liste des documents justificatifs à fournir »
   * given before step 1, when the housing type is not known yet.
   */
  public List<DocumentRequirement> forEveryHousing(boolean holdsResidencePermit) {
    Map<String, DocumentRequirement> distinct = new LinkedHashMap<>();
    for (String housing : HOUSING_TYPES) {
      forSituation(housing, holdsResidencePermit)
          .forEach(r -> distinct.putIfAbsent(r.code() + "|" + r.guidance(), r));
    }
    return distinct.values().stream()
        .sorted(Comparator.comparingInt(DocumentRequirement::position))
        .toList();
  }

  private static DocumentRequirement toRequirement(DmnDecisionResultEntries row) {
    return new DocumentRequirement(
        row.<String>getEntry("documentCode"),
        row.<String>getEntry("section"),
        row.<String>getEntry("label"),
        row.<String>getEntry("guidance"),
        row.<Number>getEntry("maxFiles").intValue(),
        row.<Number>getEntry("position").intValue());
  }
}
