package fr.anef.renewal.documents;

import fr.anef.renewal.shared.Refusal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one upload service of the application, and the store of issued PDFs. Every rule is checked on
 * the server before anything is written: a refused upload stores nothing.
 */
@Service
public class DocumentService {

  /** « 10 Mo » per file, counted as 10 × 1024 × 1024 bytes. */
  public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

  private final ContentTypes contentTypes;
  private final FileContentRepository contents;
  private final DocumentFileRepository files;
  private final IssuedDocumentRepository issued;
  private final RequiredDocumentRepository required;
  private final Clock clock;

  DocumentService(
      ContentTypes contentTypes,
      FileContentRepository contents,
      DocumentFileRepository files,
      IssuedDocumentRepository issued,
      RequiredDocumentRepository required,
      Clock clock) {
    this.contentTypes = contentTypes;
    this.contents = contents;
    this.files = files;
    this.issued = issued;
    this.required = required;
    this.clock = clock;
  }

  /** Replaces the documents required of a case by the DMN's latest answer. */
  @Transactional
  public void requireDocuments(UUID caseId, List<DocumentRequirement> requirements) {
    required.deleteByCaseId(caseId);
    required.flush();
    requirements.forEach(r -> required.save(new RequiredDocument(caseId, r)));
  }

  @Transactional(readOnly = true)
  public List<DocumentRequirement> requirements(UUID caseId) {
    return required.findByCaseIdOrderByPositionAsc(caseId).stream()
        .map(RequiredDocument::toRequirement)
        .toList();
  }

  @Transactional(readOnly = true)
  public List<DocumentFile> filesOf(UUID caseId) {
    return files.findByCaseIdOrderByFileUploadedAtAsc(caseId);
  }

  /**
   * Attaches files to one required document of a case, all or none.
   *
   * @throws Refusal naming each refused file and the rule it breaks, in French
   */
  @Transactional
  public List<DocumentFile> attach(
      UUID caseId, String documentCode, List<UploadedFile> uploads, String actor) {
    DocumentRequirement requirement =
        requirements(caseId).stream()
            .filter(r -> r.code().equals(documentCode))
            .findFirst()
            .orElseThrow(
                () -> new Refusal("Ce justificatif n'est pas demandé pour votre demande."));
    long already = files.countByCaseIdAndDocumentCode(caseId, documentCode);
    List<CheckedFile> checked =
        check(uploads, already, requirement.maxFiles(), requirement.label());
    List<DocumentFile> stored = new ArrayList<>();
    for (CheckedFile file : checked) {
      stored.add(files.save(new DocumentFile(caseId, documentCode, store(file, actor))));
    }
    return stored;
  }

  /** A received file that passed every rule: its clean name, sniffed type and digest. */
  public record CheckedFile(String name, String contentType, byte[] bytes, String sha256) {}

  /**
   * The upload rules, for any store of the application (case documents here, medical files
   * elsewhere): accepted formats sniffed from the bytes, 10 Mo per file, at most {@code maxFiles}
   * with those already attached. All or nothing.
   *
   * @throws Refusal naming each refused file and the rule it breaks, in French
   */
  public List<CheckedFile> check(
      List<UploadedFile> uploads, long alreadyAttached, int maxFiles, String label) {
    if (uploads.isEmpty()) {
      throw new Refusal("Aucun fichier reçu : choisissez au moins un fichier.");
    }
    List<String> reasons = new ArrayList<>();
    List<CheckedFile> checked = new ArrayList<>();
    for (int i = 0; i < uploads.size(); i++) {
      UploadedFile upload = uploads.get(i);
      String name = displayName(upload.originalName());
      Optional<String> type =
          upload.bytes().length == 0 ? Optional.empty() : contentTypes.acceptedType(upload.bytes());
      if (upload.bytes().length == 0) {
        reasons.add("« " + name + " » : le fichier est vide.");
      } else if (upload.bytes().length > MAX_FILE_BYTES) {
        reasons.add("« " + name + " » : le fichier dépasse la taille maximale de 10 Mo.");
      } else if (type.isEmpty()) {
        reasons.add(
            "« "
                + name
                + " » : ce format n'est pas accepté (formats acceptés : JPG, PNG, PDF, TIFF, BMP).");
      } else if (alreadyAttached + i + 1 > maxFiles) {
        reasons.add("« " + name + " » : " + maxFiles + " fichiers maximum pour « " + label + " ».");
      } else {
        checked.add(new CheckedFile(name, type.get(), upload.bytes(), sha256(upload.bytes())));
      }
    }
    Refusal.unless(reasons);
    return checked;
  }

  /**
   * Stores a checked file's bytes in the caller's transaction; returns what its owner keeps about
   * it (uploaded now, by {@code actor}).
   */
  @Transactional
  public FileMetadata store(CheckedFile checked, String actor) {
    return new FileMetadata(checked, storeContent(checked.bytes()), now(), actor);
  }

  /** Stores bytes in the caller's transaction; returns the id of the stored content. */
  @Transactional
  public UUID storeContent(byte[] bytes) {
    return contents.save(new FileContent(bytes)).getId();
  }

  @Transactional(readOnly = true)
  public byte[] content(UUID contentId) {
    return bytes(contentId);
  }

  /**
   * Removes one attached file of a case (before dépôt: the caller checks the case is still a
   * draft).
   */
  @Transactional
  public void detach(UUID caseId, UUID fileId) {
    DocumentFile file =
        files
            .findById(fileId)
            .filter(f -> f.getCaseId().equals(caseId))
            .orElseThrow(
                () -> new Refusal("Ce fichier n'existe pas ou n'appartient pas à votre demande."));
    files.delete(file);
    contents.deleteById(file.getFile().getContentId());
  }

  /**
   * Removes the files attached to documents the case no longer requires (its situation changed).
   */
  @Transactional
  public void discardNotRequired(UUID caseId) {
    List<String> codes = requirements(caseId).stream().map(DocumentRequirement::code).toList();
    files.findByCaseIdOrderByFileUploadedAtAsc(caseId).stream()
        .filter(f -> !codes.contains(f.getDocumentCode()))
        .forEach(f -> detach(caseId, f.getId()));
  }

  @Transactional(readOnly = true)
  public Optional<DocumentFile> file(UUID fileId) {
    return files.findById(fileId);
  }

  @Transactional(readOnly = true)
  public StoredFile download(DocumentFile file) {
    FileMetadata stored = file.getFile();
    return new StoredFile(
        stored.getFileName(), stored.getContentType(), bytes(stored.getContentId()));
  }

  /**
   * Stores an issued PDF once: a second call with the same key (a retried job) returns the document
   * issued the first time and does not render it again.
   */
  @Transactional
  public IssuedDocument issue(
      UUID caseId, String idempotencyKey, String kind, String fileName, Supplier<byte[]> pdf) {
    return issued
        .findByIdempotencyKey(idempotencyKey)
        .orElseGet(
            () -> {
              byte[] bytes = pdf.get();
              return issued.save(
                  new IssuedDocument(
                      caseId,
                      idempotencyKey,
                      kind,
                      fileName,
                      bytes.length,
                      sha256(bytes),
                      storeContent(bytes),
                      now()));
            });
  }

  @Transactional(readOnly = true)
  public Optional<IssuedDocument> issuedDocument(UUID id) {
    return issued.findById(id);
  }

  @Transactional(readOnly = true)
  public List<IssuedDocument> issuedDocumentsOf(UUID caseId) {
    return issued.findByCaseIdOrderByIssuedAtAsc(caseId);
  }

  @Transactional(readOnly = true)
  public StoredFile download(IssuedDocument document) {
    return new StoredFile(
        document.getFileName(), "application/pdf", bytes(document.getContentId()));
  }

  private byte[] bytes(UUID contentId) {
    return contents.findById(contentId).orElseThrow().getContent();
  }

  private Instant now() {
    return clock.instant();
  }

  /** The file name without any path a browser may send, bounded, never blank. */
  static String displayName(String originalName) {
    String name = originalName == null ? "" : originalName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    if (name.isEmpty()) {
      name = "document";
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
