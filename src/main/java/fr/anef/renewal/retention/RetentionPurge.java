package fr.anef.renewal.retention;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The deletions, in SQL over the tables of six modules (ADR 0020: one place knows every table's
 * rule and the order the foreign keys impose). Each call deletes one batch of at most {@code limit}
 * parents, with all their children, in its own transaction, and returns how many parents it
 * deleted: the caller repeats until a batch comes back short.
 */
@Component
class RetentionPurge {

  /**
   * The application's tables a purge deletes from. {@code RetentionTests} checks every table has a
   * rule.
   */
  static final Set<String> PURGED_TABLES =
      Set.of(
          "renewal_case",
          "case_event",
          "case_required_document",
          "document_file",
          "issued_document",
          "file_content",
          "notification",
          "notification_attachment",
          "outgoing_mail",
          "document_review",
          "agent_note",
          "complement_request",
          "complement_item",
          "medical_opinion",
          "decision",
          "medical_file",
          "medical_event",
          "medical_document",
          "college_vote",
          "account_token");

  static final String FINAL_STATUSES =
      "('ABANDONED', 'FAVOURABLE', 'REFUSED', 'CLOSED_INCOMPLETE')";

  private final NamedParameterJdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final RuntimeService runtime;
  private final HistoryService history;

  RetentionPurge(
      NamedParameterJdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      RuntimeService runtime,
      HistoryService history) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.runtime = runtime;
    this.history = history;
  }

  /** Filed cases (a N° de la demande) that reached a final status before {@code closedBefore}. */
  int closedCases(Instant closedBefore, int limit) {
    return inTransaction(
        () -> {
          List<UUID> ids =
              ids(
                  "select id from renewal_case where request_number is not null and closed_at < :cutoff "
                      + "order by closed_at"
                      + first(limit),
                  Map.of("cutoff", at(closedBefore)));
          deleteCases(ids);
          return ids.size();
        });
  }

  /**
   * Drafts never filed: abandoned before {@code before}, or still open with nothing done since
   * {@code before} (their process instance is deleted). Their engine history goes with them: it
   * held the same data.
   */
  int drafts(Instant before, int limit) {
    return inTransaction(
        () -> {
          Map<String, Object> cutoff = Map.of("cutoff", at(before));
          List<Map<String, Object>> rows =
              new ArrayList<>(
                  jdbc.queryForList(
                      "select id, process_instance_id from renewal_case where request_number is null and status = 'ABANDONED' "
                          + "and closed_at < :cutoff order by closed_at"
                          + first(limit),
                      cutoff));
          if (rows.size() < limit) {
            rows.addAll(
                jdbc.queryForList(
                    "select c.id, c.process_instance_id from renewal_case c where c.status = 'DRAFT' "
                        + "and c.created_at < :cutoff "
                        + "and not exists (select 1 from case_event e where e.case_id = c.id and e.occurred_at >= :cutoff) "
                        + "and not exists (select 1 from document_file f where f.case_id = c.id and f.uploaded_at >= :cutoff) "
                        + "order by c.created_at"
                        + first(limit - rows.size()),
                    cutoff));
          }
          List<String> instances =
              rows.stream().map(r -> (String) r.get("process_instance_id")).toList();
          if (!instances.isEmpty()) {
            runtime.deleteProcessInstancesIfExists(
                instances,
                "Brouillon jamais déposé : supprimé (conservation des données)",
                true,
                true,
                true);
            history.deleteHistoricProcessInstancesIfExists(instances);
          }
          deleteCases(rows.stream().map(r -> uuid(r.get("id"))).toList());
          return rows.size();
        });
  }

  /**
   * OFII medical files closed before {@code closedBefore}: events, college votes, documents and
   * their bytes.
   */
  int medicalFiles(Instant closedBefore, int limit) {
    return inTransaction(
        () -> {
          List<UUID> ids =
              ids(
                  "select id from medical_file where closed_at < :cutoff order by closed_at"
                      + first(limit),
                  Map.of("cutoff", at(closedBefore)));
          if (!ids.isEmpty()) {
            Map<String, Object> files = Map.of("ids", ids);
            List<UUID> contents =
                ids(
                    "select content_id from medical_document where medical_file_id in (:ids)",
                    files);
            update("delete from medical_event where medical_file_id in (:ids)", files);
            update("delete from college_vote where medical_file_id in (:ids)", files);
            update("delete from medical_document where medical_file_id in (:ids)", files);
            update("delete from medical_file where id in (:ids)", files);
            deleteUnreferencedContents(contents);
          }
          return ids.size();
        });
  }

  /**
   * E-mails sent before {@code sentBefore} (their text stays in the case's notification while the
   * case is kept).
   */
  int sentMails(Instant sentBefore, int limit) {
    return deleteBy("outgoing_mail", "sent_at < :cutoff order by sent_at", sentBefore, limit);
  }

  /** Single-use account links that expired before {@code expiredBefore}, used or not. */
  int accountTokens(Instant expiredBefore, int limit) {
    return deleteBy(
        "account_token", "expires_at < :cutoff order by expires_at", expiredBefore, limit);
  }

  private int deleteBy(String table, String condition, Instant cutoff, int limit) {
    return inTransaction(
        () -> {
          List<UUID> ids =
              ids(
                  "select id from " + table + " where " + condition + first(limit),
                  Map.of("cutoff", at(cutoff)));
          if (!ids.isEmpty()) {
            update("delete from " + table + " where id in (:ids)", Map.of("ids", ids));
          }
          return ids.size();
        });
  }

  /** Deletes these cases and everything that hangs on them, children before parents. */
  private void deleteCases(List<UUID> caseIds) {
    if (caseIds.isEmpty()) {
      return;
    }
    Map<String, Object> cases = Map.of("ids", caseIds);
    List<UUID> contents =
        new ArrayList<>(ids("select content_id from document_file where case_id in (:ids)", cases));
    contents.addAll(ids("select content_id from issued_document where case_id in (:ids)", cases));
    update(
        "delete from complement_item where request_id in (select id from complement_request where case_id in (:ids))",
        cases);
    update("delete from complement_request where case_id in (:ids)", cases);
    update(
        "delete from notification_attachment where notification_id in "
            + "(select id from notification where case_id in (:ids))",
        cases);
    update("delete from notification where case_id in (:ids)", cases);
    update("delete from outgoing_mail where case_id in (:ids)", cases);
    for (String table :
        List.of(
            "document_review",
            "agent_note",
            "medical_opinion",
            "decision",
            "case_required_document",
            "case_event",
            "document_file",
            "issued_document")) {
      update("delete from " + table + " where case_id in (:ids)", cases);
    }
    update("delete from renewal_case where id in (:ids)", cases);
    deleteUnreferencedContents(contents);
  }

  /** A file's bytes go once no document row names them any more. */
  private void deleteUnreferencedContents(List<UUID> contentIds) {
    if (!contentIds.isEmpty()) {
      update(
          "delete from file_content where id in (:ids) "
              + "and not exists (select 1 from document_file d where d.content_id = file_content.id) "
              + "and not exists (select 1 from issued_document i where i.content_id = file_content.id) "
              + "and not exists (select 1 from medical_document m where m.content_id = file_content.id)",
          Map.of("ids", contentIds.stream().distinct().toList()));
    }
  }

  private int inTransaction(Supplier<Integer> batch) {
    Integer count = transaction.execute(status -> batch.get());
    return count == null ? 0 : count;
  }

  private List<UUID> ids(String sql, Map<String, ?> parameters) {
    return jdbc.query(
        sql, new MapSqlParameterSource(parameters), (rs, row) -> uuid(rs.getObject(1)));
  }

  private void update(String sql, Map<String, ?> parameters) {
    jdbc.update(sql, new MapSqlParameterSource(parameters));
  }

  private static String first(int limit) {
    return " fetch first " + limit + " rows only";
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static UUID uuid(Object value) {
    return value instanceof UUID u ? u : UUID.fromString(String.valueOf(value));
  }
}
