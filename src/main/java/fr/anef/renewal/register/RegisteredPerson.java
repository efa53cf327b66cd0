package fr.anef.renewal.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A person of the register, identified by the « N° étranger ». */
@Entity
@Table(name = "register_person")
public class RegisteredPerson {

  @Id
  @Column(name = "foreigner_number")
  private String foreignerNumber;

  private String birthName;
  private String usageName;
  private String firstNames;
  private String sex;
  private LocalDate birthDate;
  private String birthPlace;
  private String birthCountry;
  private String nationality;
  private String addressLine;
  private String postalCode;
  private String city;
  private String country;
  private String email;
  private String phone;
  private LocalDate entryDate;

  protected RegisteredPerson() {}

  public RegisteredPerson(
      String foreignerNumber,
      String birthName,
      String firstNames,
      String sex,
      LocalDate birthDate,
      String birthPlace,
      String birthCountry,
      String nationality) {
    this.foreignerNumber = foreignerNumber;
    this.birthName = birthName;
    this.firstNames = firstNames;
    this.sex = sex;
    this.birthDate = birthDate;
    this.birthPlace = birthPlace;
    this.birthCountry = birthCountry;
    this.nationality = nationality;
  }

  public RegisteredPerson livingAt(
      String addressLine, String postalCode, String city, String country) {
    this.addressLine = addressLine;
    this.postalCode = postalCode;
    this.city = city;
    this.country = country;
    return this;
  }

  public RegisteredPerson reachableAt(String email, String phone) {
    this.email = email;
    this.phone = phone;
    return this;
  }

  public RegisteredPerson enteredFranceOn(LocalDate entryDate) {
    this.entryDate = entryDate;
    return this;
  }

  public String getForeignerNumber() {
    return foreignerNumber;
  }

  public String getBirthName() {
    return birthName;
  }

  public String getUsageName() {
    return usageName;
  }

  public String getFirstNames() {
    return firstNames;
  }

  public String getSex() {
    return sex;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }

  public String getBirthPlace() {
    return birthPlace;
  }

  public String getBirthCountry() {
    return birthCountry;
  }

  public String getNationality() {
    return nationality;
  }

  public String getAddressLine() {
    return addressLine;
  }

  public String getPostalCode() {
    return postalCode;
  }

  public String getCity() {
    return city;
  }

  public String getCountry() {
    return country;
  }

  public String getEmail() {
    return email;
  }

  public String getPhone() {
    return phone;
  }

  public LocalDate getEntryDate() {
    return entryDate;
  }

  /** « 20 rue Nationale 59000 Lille FRANCE ». */
  public String fullAddress() {
    return String.join(" ", addressLine, postalCode, city, country);
  }
}
