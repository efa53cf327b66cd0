package fr.anef.renewal.documents;

import static fr.anef.renewal.TestFiles.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.anef.renewal.EngineTest;
import fr.anef.renewal.TestFiles;
import fr.anef.renewal.shared.Refusal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The upload rules, with real files, against the real database. */
@EngineTest
class DocumentServiceTests {

  @Autowired DocumentService documents;
  @Autowired JdbcTemplate jdbc;

  UUID caseId;

  @BeforeEach
  void draftCase() {
    caseId = UUID.randomUUID();
    jdbc.update(
        "insert into renewal_case (id, version, applicant_id, process_instance_id, status, department, "
            + "holds_residence_permit, created_at) values (?, 0, 'someone', ?, 'DRAFT', '59', true, ?)",
        caseId,
        UUID.randomUUID().toString(),
        Timestamp.from(Instant.now()));
    documents.requireDocuments(
        caseId,
        List.of(
            new DocumentRequirement(
                "NATIONALITY",
                "INFORMATIONS PERSONNELLES",
                "Justificatif de nationalité",
                "Passeport",
                3,
                10),
            new DocumentRequirement(
                "HABITUAL_RESIDENCE",
                "MOTIF DE SÉJOUR",
                "Justificatif de résidence habituelle",
                "Visa",
                6,
                50)));
  }

  long storedContents() {
    return jdbc.queryForObject("select count(*) from file_content", Long.class);
  }

  @ParameterizedTest(name = "{0} nommé « {1} » est enregistré comme {2}")
  @CsvSource({
    "png,  passeport.pdf, image/png",
    "jpg,  passeport.png, image/jpeg",
    "bmp,  passeport.pdf, image/bmp",
    "tiff, passeport.jpg, image/tiff"
  })
  @DisplayName("Le format est reconnu au contenu du fichier, quel que soit son nom")
  void formatFromContent(String format, String name, String expectedType) {
    DocumentFile stored =
        documents
            .attach(caseId, "NATIONALITY", List.of(file(name, TestFiles.image(format))), "someone")
            .get(0);
    assertThat(stored.getFile().getContentType()).isEqualTo(expectedType);
    assertThat(stored.getFile().getFileName()).isEqualTo(name);
    assertThat(stored.getFile().getSha256())
        .isEqualTo(DocumentService.sha256(TestFiles.image(format)));
    assertThat(documents.download(stored).bytes()).isEqualTo(TestFiles.image(format));
  }

  @Test
  @DisplayName("Un exécutable renommé .pdf est refusé, en nommant le fichier et la règle")
  void executableRenamedPdfIsRefused() {
    long before = storedContents();
    assertThatThrownBy(
            () ->
                documents.attach(
                    caseId,
                    "NATIONALITY",
                    List.of(file("passeport.pdf", TestFiles.exe())),
                    "someone"))
        .isInstanceOf(Refusal.class)
        .hasMessage(
            "« passeport.pdf » : ce format n'est pas accepté (formats acceptés : JPG, PNG, PDF, TIFF, BMP).");
    assertThat(documents.filesOf(caseId)).isEmpty();
    assertThat(storedContents()).isEqualTo(before);
  }

  @Test
  @DisplayName("10 Mo sont acceptés, 10 Mo et un octet sont refusés")
  void tenMegabytesAtMost() {
    int max = (int) DocumentService.MAX_FILE_BYTES;
    assertThat(
            documents.attach(
                caseId,
                "NATIONALITY",
                List.of(file("juste.pdf", TestFiles.pdfOfSize(max))),
                "someone"))
        .singleElement()
        .satisfies(f -> assertThat(f.getFile().getSizeBytes()).isEqualTo(max));
    assertThatThrownBy(
            () ->
                documents.attach(
                    caseId,
                    "NATIONALITY",
                    List.of(file("gros.pdf", TestFiles.pdfOfSize(max + 1))),
                    "someone"))
        .isInstanceOf(Refusal.class)
        .hasMessage("« gros.pdf » : le fichier dépasse la taille maximale de 10 Mo.");
    assertThat(documents.filesOf(caseId)).hasSize(1);
  }

  @Test
  @DisplayName("Le 4e fichier d'un justificatif est refusé")
  void fourthFileIsRefused() {
    documents.attach(
        caseId,
        "NATIONALITY",
        Collections.nCopies(3, file("page.pdf", TestFiles.pdf())),
        "someone");
    long before = storedContents();
    assertThatThrownBy(
            () ->
                documents.attach(
                    caseId, "NATIONALITY", List.of(file("page4.pdf", TestFiles.pdf())), "someone"))
        .isInstanceOf(Refusal.class)
        .hasMessage("« page4.pdf » : 3 fichiers maximum pour « Justificatif de nationalité ».");
    assertThat(documents.filesOf(caseId)).hasSize(3);
    assertThat(storedContents()).isEqualTo(before);
  }

  @Test
  @DisplayName("Le 7e fichier du justificatif de résidence habituelle est refusé")
  void seventhResidenceFileIsRefused() {
    documents.attach(
        caseId,
        "HABITUAL_RESIDENCE",
        Collections.nCopies(6, file("releve.pdf", TestFiles.pdf())),
        "someone");
    assertThatThrownBy(
            () ->
                documents.attach(
                    caseId,
                    "HABITUAL_RESIDENCE",
                    List.of(file("releve7.png", TestFiles.png())),
                    "someone"))
        .isInstanceOf(Refusal.class)
        .hasMessage(
            "« releve7.png » : 6 fichiers maximum pour « Justificatif de résidence habituelle ».");
    assertThat(documents.filesOf(caseId)).hasSize(6);
  }

  @Test
  @DisplayName("Un envoi dont un seul fichier est refusé n'enregistre aucun de ses fichiers")
  void oneBadFileRefusesTheWholeSending() {
    long before = storedContents();
    assertThatThrownBy(
            () ->
                documents.attach(
                    caseId,
                    "NATIONALITY",
                    List.of(file("bon.png", TestFiles.png()), file("mauvais.pdf", TestFiles.exe())),
                    "someone"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("« mauvais.pdf »")
        .hasMessageNotContaining("« bon.png »");
    assertThat(documents.filesOf(caseId)).isEmpty();
    assertThat(storedContents()).isEqualTo(before);
  }

  @Test
  @DisplayName(
      "Un justificatif que la demande ne requiert pas est refusé ; le chemin donné par le navigateur est retiré du nom")
  void unknownDocumentAndPathInName() {
    assertThatThrownBy(
            () ->
                documents.attach(
                    caseId, "REGULAR_ENTRY", List.of(file("a.pdf", TestFiles.pdf())), "someone"))
        .isInstanceOf(Refusal.class)
        .hasMessage("Ce justificatif n'est pas demandé pour votre demande.");
    assertThat(
            documents.attach(
                caseId,
                "NATIONALITY",
                List.of(file("C:\\Users\\moi\\passeport.pdf", TestFiles.pdf())),
                "someone"))
        .singleElement()
        .satisfies(f -> assertThat(f.getFile().getFileName()).isEqualTo("passeport.pdf"));
  }

  @Test
  @DisplayName("Un document émis l'est une seule fois, même si la tâche est rejouée")
  void issuedOnce() {
    IssuedDocument first =
        documents.issue(caseId, "receipt:" + caseId, "DEPOSIT_RECEIPT", "a.pdf", TestFiles::pdf);
    IssuedDocument again =
        documents.issue(
            caseId,
            "receipt:" + caseId,
            "DEPOSIT_RECEIPT",
            "a.pdf",
            () -> {
              throw new AssertionError("must not render twice");
            });
    assertThat(again.getId()).isEqualTo(first.getId());
    assertThat(documents.issuedDocumentsOf(caseId)).hasSize(1);
  }
}
