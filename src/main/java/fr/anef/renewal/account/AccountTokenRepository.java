package fr.anef.renewal.account;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AccountTokenRepository extends JpaRepository<AccountToken, UUID> {

  Optional<AccountToken> findByTokenHash(String tokenHash);

  java.util.List<AccountToken> findByForeignerNumberAndRequestedByIsNotNullOrderByCreatedAt(
      String foreignerNumber);

  java.util.List<AccountToken> findByForeignerNumberAndUsedAtIsNull(String foreignerNumber);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from AccountToken t where t.tokenHash = ?1")
  Optional<AccountToken> lockByTokenHash(String tokenHash);
}
