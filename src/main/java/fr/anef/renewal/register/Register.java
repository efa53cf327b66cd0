package fr.anef.renewal.register;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the register, and the demo loader's write access. */
@Service
public class Register {

  private final PersonRepository persons;
  private final TitleRepository titles;

  Register(PersonRepository persons, TitleRepository titles) {
    this.persons = persons;
    this.titles = titles;
  }

  @Transactional(readOnly = true)
  public Optional<RegisteredPerson> person(String foreignerNumber) {
    return foreignerNumber == null ? Optional.empty() : persons.findById(foreignerNumber);
  }

  /**
   * The person, locked until the end of the transaction: serialises concurrent filings of one
   * applicant (one open case per applicant).
   */
  @Transactional
  public Optional<RegisteredPerson> lockPerson(String foreignerNumber) {
    return persons.findLockedById(foreignerNumber);
  }

  /** The titre that expires last, if the person holds any. */
  @Transactional(readOnly = true)
  public Optional<ResidenceTitle> latestTitle(String foreignerNumber) {
    return titles.findByForeignerNumber(foreignerNumber).stream()
        .max(Comparator.comparing(ResidenceTitle::getValidUntil));
  }

  /** The titre (or visa) of this number, if the register knows it. */
  @Transactional(readOnly = true)
  public Optional<ResidenceTitle> title(String titleNumber) {
    return titleNumber == null ? Optional.empty() : titles.findById(titleNumber);
  }

  /**
   * The titre whose number and validity dates are exactly those given (a person proving who they
   * are by their titre, online or at the counter), or empty whatever part is wrong.
   */
  @Transactional(readOnly = true)
  public Optional<ResidenceTitle> verifiedTitle(
      String titleNumber, java.time.LocalDate validFrom, java.time.LocalDate validUntil) {
    return title(titleNumber == null ? null : titleNumber.strip())
        .filter(t -> t.getValidFrom().equals(validFrom) && t.getValidUntil().equals(validUntil));
  }

  /**
   * The persons whose civil status is the one given (an identity proven elsewhere, such as
   * FranceConnect's « identité pivot »): same birth name, same first names (in order), same birth
   * date and, when given, same sex ({@code M} or {@code F}). Names are compared without case,
   * accents, hyphens or repeated spaces. Several persons may answer: the caller decides (an
   * ambiguous identity is never guessed).
   */
  @Transactional(readOnly = true)
  public List<RegisteredPerson> personsWithCivilStatus(
      String birthName, String firstNames, java.time.LocalDate birthDate, String sex) {
    if (birthName == null
        || birthName.isBlank()
        || firstNames == null
        || firstNames.isBlank()
        || birthDate == null) {
      return List.of();
    }
    String name = comparable(birthName);
    String given = comparable(firstNames);
    return persons.findByBirthDate(birthDate).stream()
        .filter(
            p ->
                name.equals(comparable(p.getBirthName()))
                    && given.equals(comparable(p.getFirstNames())))
        .filter(p -> sex == null || sex.equalsIgnoreCase(p.getSex()))
        .toList();
  }

  /** « Élise-Marie d'Orléans » → « ELISE MARIE D'ORLEANS ». */
  static String comparable(String name) {
    if (name == null) {
      return "";
    }
    String stripped =
        java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "");
    return stripped
        .replace('-', ' ')
        .replace('\u2019', '\'')
        .trim()
        .replaceAll("\\s+", " ")
        .toUpperCase(java.util.Locale.ROOT);
  }

  /**
   * The person's e-mail, changed by the holder of the account (confirmed by a link sent to the new
   * address).
   */
  @Transactional
  public void changeEmail(String foreignerNumber, String email) {
    persons
        .findById(foreignerNumber)
        .ifPresent(person -> person.reachableAt(email, person.getPhone()));
  }

  /** The person's new address in France, declared by the holder (a change of residence). */
  @Transactional
  public void changeAddress(
      String foreignerNumber, String addressLine, String postalCode, String city) {
    persons
        .findById(foreignerNumber)
        .ifPresent(person -> person.livingAt(addressLine, postalCode, city, "FRANCE"));
  }

  @Transactional
  public void saveIfAbsent(RegisteredPerson person, List<ResidenceTitle> personTitles) {
    if (persons.existsById(person.getForeignerNumber())) {
      return;
    }
    persons.save(person);
    titles.saveAll(personTitles);
  }
}
