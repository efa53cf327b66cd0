package fr.anef.renewal.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/** A residence titre (or visa) of the register. */
@Entity
@Table(name = "register_title")
public class ResidenceTitle {

  @Id
  @Column(name = "title_number")
  private String titleNumber;

  private String foreignerNumber;
  private String category;
  private String mention;
  private LocalDate validFrom;
  private LocalDate validUntil;

  protected ResidenceTitle() {}

  public ResidenceTitle(
      String titleNumber,
      String foreignerNumber,
      String category,
      String mention,
      LocalDate validFrom,
      LocalDate validUntil) {
    this.titleNumber = titleNumber;
    this.foreignerNumber = foreignerNumber;
    this.category = category;
    this.mention = mention;
    this.validFrom = validFrom;
    this.validUntil = validUntil;
  }

  public String getTitleNumber() {
    return titleNumber;
  }

  public String getForeignerNumber() {
    return foreignerNumber;
  }

  public String getCategory() {
    return category;
  }

  public String getMention() {
    return mention;
  }

  public LocalDate getValidFrom() {
    return validFrom;
  }

  public LocalDate getValidUntil() {
    return validUntil;
  }
}
