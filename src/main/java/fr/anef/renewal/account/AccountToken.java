package fr.anef.renewal.account;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A single-use link sent by e-mail: only its digest is stored. */
@Entity
@Table(name = "account_token")
class AccountToken {

  enum Purpose {
    CREATE,
    RESET,
    /** A new e-mail for an account, confirmed by a link sent to it. */
    EMAIL_CHANGE
  }

  @Id UUID id;
  @Version int version;
  String tokenHash;

  @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
  Purpose purpose;

  String foreignerNumber;
  String email;
  Instant createdAt;
  Instant expiresAt;
  Instant usedAt;

  /** The préfecture agent who asked for the account at the counter, or null (asked online). */
  String requestedBy;

  protected AccountToken() {}

  AccountToken(
      String tokenHash,
      Purpose purpose,
      String foreignerNumber,
      String email,
      Instant createdAt,
      Instant expiresAt) {
    this.id = UUID.randomUUID();
    this.tokenHash = tokenHash;
    this.purpose = purpose;
    this.foreignerNumber = foreignerNumber;
    this.email = email;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }
}
