package fr.anef.renewal.pdf;

import java.time.LocalDate;

/**
 * The applicant as the documents print him or her (« état civil » and address). Values are printed
 * as given, upper-cased where the seed shows them so; {@code usageName} and any other value may be
 * null and is then printed empty.
 */
public record ApplicantIdentity(
    String foreignerNumber,
    String birthName,
    String usageName,
    String firstNames,
    LocalDate birthDate,
    String birthPlace,
    String birthCountry,
    String nationality,
    String address) {}
