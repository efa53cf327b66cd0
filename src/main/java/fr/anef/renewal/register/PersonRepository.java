package fr.anef.renewal.register;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PersonRepository extends JpaRepository<RegisteredPerson, String> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from RegisteredPerson p where p.foreignerNumber = ?1")
  Optional<RegisteredPerson> findLockedById(String foreignerNumber);

  java.util.List<RegisteredPerson> findByBirthDate(java.time.LocalDate birthDate);
}
