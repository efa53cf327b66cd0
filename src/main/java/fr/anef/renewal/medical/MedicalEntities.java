package fr.anef.renewal.medical;

import fr.anef.renewal.documents.FileMetadata;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.NaturalId;

/** The OFII medical file of one request. */
@Entity
@Table(name = "medical_file")
class MedicalFile {
  @Id UUID id;
  @Version int version;
  String requestNumber;

  /** Set once, at the referral: loaded by natural id ({@link MedicalFiles}). */
  @NaturalId String processInstanceId;

  String foreignerNumber;
  String applicantName;
  LocalDate birthDate;
  String nationality;
  Instant referredAt;
  LocalDate certificateReceivedOn;
  LocalDate opinionDueOn;
  boolean overdue;
  String reportAuthor;
  Instant reportWrittenAt;
  String reportText;
  LocalDate opinionDate;
  Boolean careNeeded;
  Boolean exceptionallySeriousConsequences;
  Boolean effectiveAccessToCare;
  Integer expectedCareDurationMonths;
  Boolean fitToTravel;
  Instant closedAt;

  protected MedicalFile() {}

  MedicalFile(
      String requestNumber,
      String processInstanceId,
      String foreignerNumber,
      String applicantName,
      LocalDate birthDate,
      String nationality,
      Instant referredAt) {
    this.id = UUID.randomUUID();
    this.requestNumber = requestNumber;
    this.processInstanceId = processInstanceId;
    this.foreignerNumber = foreignerNumber;
    this.applicantName = applicantName;
    this.birthDate = birthDate;
    this.nationality = nationality;
    this.referredAt = referredAt;
  }
}

/**
 * What happened in a medical file: information requests and answers, convocations, report, votes.
 */
@Entity
@Table(name = "medical_event")
class MedicalEvent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  UUID medicalFileId;
  Instant occurredAt;
  String actor;
  String kind;
  String detail;

  protected MedicalEvent() {}

  MedicalEvent(UUID medicalFileId, Instant occurredAt, String actor, String kind, String detail) {
    this.medicalFileId = medicalFileId;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.kind = kind;
    this.detail = detail;
  }
}

/** A scan of the certificate or a medical attachment, readable by the OFII groups only. */
@Entity
@Table(name = "medical_document")
class MedicalDocument {
  @Id UUID id;
  UUID medicalFileId;
  String kind;
  @Embedded FileMetadata file;

  protected MedicalDocument() {}

  MedicalDocument(UUID medicalFileId, String kind, FileMetadata file) {
    this.id = UUID.randomUUID();
    this.medicalFileId = medicalFileId;
    this.kind = kind;
    this.file = file;
  }
}

/** One college doctor's answers. */
@Entity
@Table(name = "college_vote")
class CollegeVote {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  UUID medicalFileId;
  String doctor;
  Instant votedAt;
  boolean careNeeded;
  boolean exceptionallySeriousConsequences;
  boolean effectiveAccessToCare;
  int expectedCareDurationMonths;
  boolean fitToTravel;

  protected CollegeVote() {}
}
