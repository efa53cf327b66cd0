package fr.anef.renewal.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of a case's operation log: who did what, when, why. */
@Entity
@Table(name = "case_event")
public class CaseEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private UUID caseId;
  private Instant occurredAt;
  private String actor;

  /**
   * The applicant an agent acted for (the counter route), or null when the actor acted for
   * themselves.
   */
  private String onBehalfOf;

  @Enumerated(EnumType.STRING)
  private CaseEventKind kind;

  private String detail;

  protected CaseEvent() {}

  CaseEvent(
      UUID caseId,
      Instant occurredAt,
      String actor,
      String onBehalfOf,
      CaseEventKind kind,
      String detail) {
    this.caseId = caseId;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.onBehalfOf = onBehalfOf;
    this.kind = kind;
    this.detail = detail;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActor() {
    return actor;
  }

  public String getOnBehalfOf() {
    return onBehalfOf;
  }

  public CaseEventKind getKind() {
    return kind;
  }

  public String getDetail() {
    return detail;
  }
}
