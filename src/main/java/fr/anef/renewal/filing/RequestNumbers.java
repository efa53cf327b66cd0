package fr.anef.renewal.filing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * « N° de la demande »: 19 digits, département (2) + « 01 » + filing date YYYYMMDD + a 7-digit number
 * drawn from the database sequence {@code request_number_seq}, so unique across threads and nodes.
 */
@Component
class RequestNumbers {

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final String SEQUENCE = "request_number_seq";

  private final DataFieldMaxValueIncrementer sequence;

  RequestNumbers(DataSource dataSource) throws MetaDataAccessException {
    String product = JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
    this.sequence = product.toLowerCase().contains("postgres")
        ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
        : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
  }

  String next(String department, LocalDate filingDate) {
    return format(department, filingDate, sequence.nextLongValue());
  }

  static String format(String department, LocalDate filingDate, long number) {
    if (department == null || !department.matches("\\d{2}")) {
      throw new IllegalArgumentException("département sur deux chiffres attendu : " + department);
    }
    if (number <= 0 || number > 9_999_999L) {
      throw new IllegalStateException("La séquence des numéros de demande est épuisée : " + number);
    }
    return department + "01" + filingDate.format(DAY) + String.format("%07d", number);
  }
}
