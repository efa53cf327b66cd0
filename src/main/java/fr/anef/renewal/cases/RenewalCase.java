package fr.anef.renewal.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.NaturalId;

/**
 * A renewal case: the draft the applicant fills step by step, then the filed request. The draft's
 * fields are written by the module {@code filing} (the steps); the status changes only through
 * {@link #moveTo}, which follows the table of {@link CaseStatus} (from outside this module: {@link
 * Cases#moveTo}, which also writes the history and Cockpit's variable).
 */
@Entity
@Table(name = "renewal_case")
public class RenewalCase {

  @Id private UUID id;
  @Version private int version;
  private String applicantId;

  /**
   * Set once, at the draft's creation: a natural id, so that the case of an instance is loaded
   * without a query plan and, within a transaction, found again in the persistence context ({@link
   * Cases#caseOf}).
   */
  @NaturalId private String processInstanceId;

  @Enumerated(EnumType.STRING)
  private CaseStatus status;

  private String requestNumber;
  private String department;
  private boolean holdsResidencePermit;
  private String titleNumber;
  private LocalDate titleValidUntil;

  @Enumerated(EnumType.STRING)
  private FilingTiming filingTiming;

  private Instant createdAt;
  private Instant depositedAt;

  /**
   * When the case reached a final status (decision, closure, abandonment): the start of its
   * retention period.
   */
  private Instant closedAt;

  /**
   * The préfecture agent who opened the case at the counter for the applicant, or null (filed
   * online).
   */
  private String counterAgentId;

  // Step 1
  private String email;
  private String phone;
  private String housingType;
  // Step 2
  private String maritalStatus;
  private LocalDate unionDate;
  private String unionCountry;
  private Boolean spouseChildren;
  private Boolean dependentChildren;
  private Boolean attestationNoPolygamy;
  private Boolean attestationPenalties;
  // Step 3
  private String ephotoNumber;
  // Step 4
  private String observations;

  protected RenewalCase() {}

  public RenewalCase(
      String applicantId,
      String processInstanceId,
      String department,
      boolean holdsResidencePermit,
      String titleNumber,
      LocalDate titleValidUntil,
      Instant createdAt) {
    this.id = UUID.randomUUID();
    this.applicantId = applicantId;
    this.processInstanceId = processInstanceId;
    this.status = CaseStatus.DRAFT;
    this.department = department;
    this.holdsResidencePermit = holdsResidencePermit;
    this.titleNumber = titleNumber;
    this.titleValidUntil = titleValidUntil;
    this.createdAt = createdAt;
  }

  public void openedAtCounterBy(String agentId) {
    this.counterAgentId = agentId;
  }

  /** Whether the applicant's acts on this case are done by an agent at the counter. */
  public boolean filedAtCounter() {
    return counterAgentId != null;
  }

  public String getCounterAgentId() {
    return counterAgentId;
  }

  /** Whether the case is still a draft (« Brouillon »): its steps can change. */
  public boolean isDraft() {
    return status == CaseStatus.DRAFT;
  }

  public void recordContact(String email, String phone, String housingType) {
    this.email = email;
    this.phone = phone;
    this.housingType = housingType;
  }

  public void recordFamily(
      String maritalStatus,
      LocalDate unionDate,
      String unionCountry,
      Boolean spouseChildren,
      Boolean dependentChildren) {
    this.maritalStatus = maritalStatus;
    this.unionDate = unionDate;
    this.unionCountry = unionCountry;
    this.spouseChildren = spouseChildren;
    this.dependentChildren = dependentChildren;
    this.attestationNoPolygamy = true;
    this.attestationPenalties = true;
  }

  public void recordEphoto(String ephotoNumber) {
    this.ephotoNumber = ephotoNumber;
  }

  public void recordObservations(String observations) {
    this.observations = observations;
  }

  /** The applicant gives up their draft (« Abandonner la demande »). */
  public void abandon(Instant at) {
    moveTo(CaseStatus.ABANDONED, at);
  }

  /**
   * The préfecture (its département) that instructs the case: at the dépôt, then on a change of
   * address.
   */
  public void assignTo(String department) {
    this.department = department;
  }

  public void deposit(String requestNumber, Instant at, FilingTiming timing) {
    this.requestNumber = requestNumber;
    this.depositedAt = at;
    this.filingTiming = timing;
    moveTo(CaseStatus.DEPOSITED, at);
  }

  /**
   * Moves the case to {@code next}, if {@link CaseStatus#allows the table} allows it from its
   * current status.
   *
   * @throws CaseTransitionRefused when the table does not allow it (nothing changes)
   */
  void moveTo(CaseStatus next, Instant at) {
    if (!status.allows(next)) {
      throw new CaseTransitionRefused(this, next);
    }
    this.status = next;
    if (next.isFinal() && closedAt == null) {
      this.closedAt = at;
    }
  }

  public UUID getId() {
    return id;
  }

  public String getApplicantId() {
    return applicantId;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }

  public CaseStatus getStatus() {
    return status;
  }

  public String getRequestNumber() {
    return requestNumber;
  }

  public String getDepartment() {
    return department;
  }

  public boolean holdsResidencePermit() {
    return holdsResidencePermit;
  }

  public String getTitleNumber() {
    return titleNumber;
  }

  public LocalDate getTitleValidUntil() {
    return titleValidUntil;
  }

  public FilingTiming getFilingTiming() {
    return filingTiming;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getDepositedAt() {
    return depositedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public String getHousingType() {
    return housingType;
  }

  public String getMaritalStatus() {
    return maritalStatus;
  }

  public LocalDate getUnionDate() {
    return unionDate;
  }

  public String getUnionCountry() {
    return unionCountry;
  }

  public Boolean getSpouseChildren() {
    return spouseChildren;
  }

  public Boolean getDependentChildren() {
    return dependentChildren;
  }

  public Boolean getAttestationNoPolygamy() {
    return attestationNoPolygamy;
  }

  public Boolean getAttestationPenalties() {
    return attestationPenalties;
  }

  public String getEphotoNumber() {
    return ephotoNumber;
  }

  public String getObservations() {
    return observations;
  }
}
