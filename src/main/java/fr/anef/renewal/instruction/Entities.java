package fr.anef.renewal.instruction;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One agent's verdict on one document in one review round. */
@Entity
@Table(name = "document_review")
class DocumentReviewEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  UUID caseId;
  int round;
  String documentCode;
  String label;
  String verdict;
  String observation;
  Instant reviewedAt;
  String reviewedBy;

  protected DocumentReviewEntry() {}

  DocumentReviewEntry(UUID caseId, int round, ReviewItem item, Instant at, String by) {
    this.caseId = caseId;
    this.round = round;
    this.documentCode = item.code();
    this.label = item.label();
    this.verdict = item.verdict();
    this.observation = item.observation();
    this.reviewedAt = at;
    this.reviewedBy = by;
  }
}

/** An agent's private note: never shown to the applicant. */
@Entity
@Table(name = "agent_note")
class AgentNote {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  UUID caseId;
  String author;
  Instant writtenAt;
  String text;

  protected AgentNote() {}

  AgentNote(UUID caseId, String author, Instant writtenAt, String text) {
    this.caseId = caseId;
    this.author = author;
    this.writtenAt = writtenAt;
    this.text = text;
  }
}

/** A « Demande de complément » and the applicant's answer. */
@Entity
@Table(name = "complement_request")
class ComplementRequest {

  enum Status {
    SENT,
    READ,
    ANSWERED,
    EXPIRED
  }

  @Id UUID id;
  @Version int version;
  UUID caseId;
  int round;
  UUID notificationId;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  Status status;

  Instant requestedAt;
  Instant readAt;
  Instant deadlineAt;
  Instant remindedAt;
  Instant answeredAt;
  String applicantMessage;

  @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER, orphanRemoval = true)
  @JoinColumn(name = "request_id", nullable = false)
  @OrderBy("id")
  List<ComplementItem> items = new ArrayList<>();

  protected ComplementRequest() {}

  ComplementRequest(UUID caseId, int round, UUID notificationId, Instant requestedAt) {
    this.id = UUID.randomUUID();
    this.caseId = caseId;
    this.round = round;
    this.notificationId = notificationId;
    this.status = Status.SENT;
    this.requestedAt = requestedAt;
  }
}

/** One invalid or missing document of a complement request, and the applicant's answer for it. */
@Entity
@Table(name = "complement_item")
class ComplementItem {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String documentCode;
  String label;

  /** INVALID or MISSING. */
  String kind;

  String observation;

  /** MAINTAIN, UPDATE (invalid documents) or PROVIDED (missing ones). */
  String answer;

  String maintainReason;

  protected ComplementItem() {}

  ComplementItem(String documentCode, String label, String kind, String observation) {
    this.documentCode = documentCode;
    this.label = label;
    this.kind = kind;
    this.observation = observation;
  }

  boolean isInvalid() {
    return "INVALID".equals(kind);
  }
}

/**
 * The college's opinion as the préfecture may know it, or the fact that no certificate reached
 * OFII.
 */
@Entity
@Table(name = "medical_opinion")
class MedicalOpinion {
  @Id UUID caseId;

  /** OPINION or NO_CERTIFICATE. */
  String outcome;

  Boolean careNeeded;
  Boolean exceptionallySeriousConsequences;
  Boolean effectiveAccessToCare;
  Integer expectedCareDurationMonths;
  Boolean fitToTravel;
  LocalDate opinionDate;
  Instant recordedAt;

  protected MedicalOpinion() {}

  MedicalOpinion(UUID caseId, String outcome, Instant recordedAt) {
    this.caseId = caseId;
    this.outcome = outcome;
    this.recordedAt = recordedAt;
  }
}

/** The préfet's decision. */
@Entity
@Table(name = "decision")
class Decision {
  @Id UUID caseId;

  /** FAVOURABLE or REFUSAL. */
  String kind;

  Instant decidedAt;
  String decidedBy;
  LocalDate cardValidFrom;
  LocalDate cardValidUntil;
  String refusalReason;

  protected Decision() {}

  Decision(UUID caseId, String kind, Instant decidedAt, String decidedBy) {
    this.caseId = caseId;
    this.kind = kind;
    this.decidedAt = decidedAt;
    this.decidedBy = decidedBy;
  }
}
