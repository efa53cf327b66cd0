package fr.anef.renewal.filing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * « N° de la demande »: the département of the préfecture that received it, as INSEE writes it
 * ({@code 59}, {@code 75}, {@code 2A}, {@code 971}) + « 01 » + filing date YYYYMMDD + a 7-digit
 * number drawn from the database sequence {@code request_number_seq}, so unique across threads and
 * nodes: 19 characters (5901202310040000310, the seed's), 20 overseas (9710120260101…); Corsica's
 * carry its letter (2A01…). Never changed afterwards, a transfer included (ADR 0016).
 */
@Component
class RequestNumbers {

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;
  private static final String SEQUENCE = "request_number_seq";

  private final DataFieldMaxValueIncrementer sequence;

  RequestNumbers(DataSource dataSource) throws MetaDataAccessException {
    String product =
        JdbcUtils.extractDatabaseMetaData(dataSource, md -> md.getDatabaseProductName());
    this.sequence =
        product.toLowerCase().contains("postgres")
            ? new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE)
            : new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
  }

  String next(String department, LocalDate filingDate) {
    return format(department, filingDate, sequence.nextLongValue());
  }

  static String format(String department, LocalDate filingDate, long number) {
    if (fr.anef.renewal.prefecture.Prefectures.of(department).isEmpty()) {
      throw new IllegalArgumentException(
          "code de département attendu (59, 2A, 971…) : " + department);
    }
    if (number <= 0 || number > 9_999_999L) {
      throw new IllegalStateException("La séquence des numéros de demande est épuisée : " + number);
    }
    return department + "01" + filingDate.format(DAY) + String.format("%07d", number);
  }
}
