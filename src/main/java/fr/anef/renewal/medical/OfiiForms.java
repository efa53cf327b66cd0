package fr.anef.renewal.medical;

import fr.anef.renewal.shared.FormRecords;
import fr.anef.renewal.shared.FormVariables;
import java.util.Map;
import java.util.TreeMap;

/**
 * What OFII's forms send, one record per form: its components are exactly the form's writable input
 * keys (checked against {@code forms/*.form} by {@code FormContractTests}), and its factory reads
 * those keys and no other variable. Dates as sent (validated by {@link MedicalFiles}).
 */
public final class OfiiForms {

  private OfiiForms() {}

  /** {@code ofii-register-certificate}. */
  public record RegisterCertificate(@FormRecords.Date String certificateReceivedDate) {
    public static final String FORM = "ofii-register-certificate";

    public static RegisterCertificate from(FormVariables variables) {
      return FormRecords.read(RegisterCertificate.class, variables);
    }
  }

  /**
   * {@code ofii-report}: the action (REPORT, REQUEST_INFO, CONVENE), the questions to the treating
   * doctor, the convocation, and the report's fields ({@code report_…}, named as the form names
   * them).
   */
  @SuppressWarnings("checkstyle:ParameterName")
  public record Report(
      String reportAction,
      String treatingDoctorQuestions,
      @FormRecords.Date String convocationDate,
      String convocationTime,
      String convocationPlace,
      String report_diseaseHistory,
      String report_mainDiagnosis,
      String report_currentTreatments,
      String report_treatmentAdherence,
      String report_medicalFollowUp,
      String report_hospitalFollowUp,
      String report_diseaseStage,
      String report_complications,
      String report_somaticObservations,
      String report_psyOnset,
      String report_psyFirstSpecialistConsultation,
      Integer report_psyConsultationCount,
      String report_psyBiography,
      String report_psyMedicalHistory,
      String report_psyDisorderHistory,
      String report_psyMentalState,
      String report_psyDiagnosis,
      String report_psyTherapeuticCare,
      String report_psyPrognosis,
      Integer reportExpectedCareMonths,
      String report_doctorObservations) {
    public static final String FORM = "ofii-report";

    public static Report from(FormVariables v) {
      return FormRecords.read(Report.class, v);
    }

    /** The report's fields, by name without « report_ », in name order (null when left empty). */
    public Map<String, String> reportFields() {
      Map<String, String> fields = new TreeMap<>();
      fields.put("diseaseHistory", report_diseaseHistory);
      fields.put("mainDiagnosis", report_mainDiagnosis);
      fields.put("currentTreatments", report_currentTreatments);
      fields.put("treatmentAdherence", report_treatmentAdherence);
      fields.put("medicalFollowUp", report_medicalFollowUp);
      fields.put("hospitalFollowUp", report_hospitalFollowUp);
      fields.put("diseaseStage", report_diseaseStage);
      fields.put("complications", report_complications);
      fields.put("somaticObservations", report_somaticObservations);
      fields.put("psyOnset", report_psyOnset);
      fields.put("psyFirstSpecialistConsultation", report_psyFirstSpecialistConsultation);
      fields.put(
          "psyConsultationCount",
          report_psyConsultationCount == null ? null : report_psyConsultationCount.toString());
      fields.put("psyBiography", report_psyBiography);
      fields.put("psyMedicalHistory", report_psyMedicalHistory);
      fields.put("psyDisorderHistory", report_psyDisorderHistory);
      fields.put("psyMentalState", report_psyMentalState);
      fields.put("psyDiagnosis", report_psyDiagnosis);
      fields.put("psyTherapeuticCare", report_psyTherapeuticCare);
      fields.put("psyPrognosis", report_psyPrognosis);
      fields.put("doctorObservations", report_doctorObservations);
      return fields;
    }
  }

  /** {@code ofii-treating-doctor-answer}. */
  public record TreatingDoctorAnswer(
      @FormRecords.Date String treatingDoctorAnswerDate, String treatingDoctorAnswer) {
    public static final String FORM = "ofii-treating-doctor-answer";

    public static TreatingDoctorAnswer from(FormVariables variables) {
      return FormRecords.read(TreatingDoctorAnswer.class, variables);
    }
  }

  /**
   * {@code ofii-college-opinion}: one college doctor's answers (YES / NO) and the expected duration
   * of care.
   */
  public record CollegeOpinion(
      String careNeeded,
      String exceptionallySeriousConsequences,
      String effectiveAccessToCareInOriginCountry,
      String fitToTravel,
      Integer expectedCareDurationMonths) {
    public static final String FORM = "ofii-college-opinion";

    public static CollegeOpinion from(FormVariables variables) {
      return FormRecords.read(CollegeOpinion.class, variables);
    }
  }
}
