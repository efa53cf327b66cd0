package fr.anef.renewal.pdf;

import static fr.anef.renewal.pdf.PdfLayout.BODY;
import static fr.anef.renewal.pdf.PdfLayout.HEADING;
import static fr.anef.renewal.pdf.PdfLayout.SMALL;
import static fr.anef.renewal.pdf.PdfLayout.TITLE;
import static fr.anef.renewal.pdf.PdfLayout.lineHeight;

import fr.anef.renewal.pdf.PdfLayout.Style;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.springframework.stereotype.Service;

/**
 * Renders the PDFs issued to applicants, with the seed's wording. Thread-safe: the two fonts are
 * parsed once and shared read-only; each document gets its own {@link PdfLayout}.
 */
@Service
public class PdfRenderer {

  static final String DEPOSIT_TITLE =
      "CONFIRMATION DU DÉPÔT D’UNE DEMANDE DE RENOUVELLEMENT DE TITRE DE SÉJOUR";
  static final String LIST_TITLE =
      "DEMANDE DE TITRE DE SÉJOUR VIE PRIVÉE ET FAMILIALE - ÉTRANGER MALADE";
  static final String LIST_SUBTITLE = "Liste des documents justificatifs à fournir";
  static final String PERSONAL_SECTION = "INFORMATIONS PERSONNELLES";
  static final List<String> PROLONGATION_TITLE =
      List.of(
          "ATTESTATION DE PROLONGATION D’INSTRUCTION",
          "D’UNE DEMANDE DE RENOUVELLEMENT DE TITRE DE SÉJOUR");
  static final List<String> FAVOURABLE_TITLE =
      List.of(
          "ATTESTATION DE DÉCISION FAVORABLE",
          "SUR UNE DEMANDE DE RENOUVELLEMENT DE TITRE DE SÉJOUR");
  static final String REFUSAL_TITLE = "DÉCISION DE REFUS DE TITRE DE SÉJOUR";
  static final String RECOURSE_HEADING = "VOIES ET DÉLAIS DE RECOURS";

  private static final String HOLDER =
      "Vous êtes titulaire d’un titre de séjour en tant que "
          + "« Étranger malade ». Ce titre porte la mention « VIE PRIVÉE ET FAMILIALE ».";
  private static final String NOT_HOLDER =
      "Vous êtes titulaire d’un numéro étranger sans titre de séjour.";
  private static final String INTRO =
      "Vous devez fournir sous forme numérique tous les documents "
          + "justificatifs demandés en vous assurant de leur lisibilité, ainsi que leur traduction lorsque "
          + "ceux-ci sont rédigés en langue étrangère. Vous pouvez consulter la liste des traducteurs agréés "
          + "en suivant ce lien : https://www.service-public.fr/particuliers/vosdroits/F12956";
  private static final String FORMATS =
      "Vous devez respecter les formats suivants : .jpg, .pdf, "
          + ".png, .bmp, .tiff et ne pas dépasser 10\u00A0Mo par fichier.";
  private static final String PHOTO = "Photographie d’identité récente - Numéro EPhoto";
  private static final String PHOTO_GUIDANCE =
      "Si vous disposez d’une photo et d’une signature "
          + "numériques, veuillez renseigner le numéro ephoto figurant sur votre planche de photos "
          + "d’identité. Si vous ne disposez pas encore de ephoto, vous pouvez localiser un service photo "
          + "et signature numériques en suivant ce lien : "
          + "https://permisdeconduire.ants.gouv.fr/Services-associes/Ou-faire-ma-photo-et-ma-signature-numerisee";

  private static final String SCHENGEN =
      "Ce document autorise le franchissement des frontières de l’espace Schengen.";
  private static final List<String> RECOURSE =
      List.of(
          "Si vous entendez contester la présente décision, vous pouvez, dans un délai de deux mois à compter "
              + "de sa notification\u00A0:\n"
              + "- former un recours gracieux auprès du préfet\u00A0;\n"
              + "- former un recours hiérarchique auprès du ministre de l’intérieur.",
          "Formés dans ce délai de deux mois, ces recours administratifs prorogent le délai du recours contentieux, qui court à nouveau à compter de leur rejet.",
          "Vous pouvez également former un recours contentieux devant le tribunal administratif "
              + "territorialement compétent, dans un délai de deux mois à compter de la notification de la "
              + "présente décision. Le tribunal administratif peut être saisi par l’application "
              + "«\u00A0Télérecours citoyens\u00A0» accessible sur le site www.telerecours.fr.");

  private static final float PARAGRAPH_GAP = 8;
  private static final float RECITAL_GAP = 6;
  private static final float HOLDER_GAP = 4;
  private static final float DOCUMENT_GAP = 8;

  /**
   * The notice is the same document for everyone: rendered once (a benign race renders it twice at
   * worst).
   */
  private volatile byte[] explanatoryNotice;

  private final TrueTypeFont regular;
  private final TrueTypeFont bold;

  public PdfRenderer() {
    this.regular = PdfLayout.parseFont("/fonts/DejaVuSans.ttf");
    this.bold = PdfLayout.parseFont("/fonts/DejaVuSans-Bold.ttf");
  }

  /** « CONFIRMATION DU DÉPÔT D’UNE DEMANDE DE RENOUVELLEMENT DE TITRE DE SÉJOUR » (one page). */
  public byte[] depositReceipt(DepositReceipt receipt) {
    Objects.requireNonNull(receipt, "receipt");
    Objects.requireNonNull(receipt.applicant(), "receipt.applicant");
    return render(DEPOSIT_TITLE, layout -> writeDepositReceipt(layout, receipt));
  }

  /**
   * « ATTESTATION DE PROLONGATION D’INSTRUCTION D’UNE DEMANDE DE RENOUVELLEMENT DE TITRE DE SÉJOUR
   * »: « Validité : du … au … » in the references, then the seed's paragraphs; « Page x/y ».
   */
  public byte[] prolongationAttestation(ProlongationAttestation attestation) {
    Objects.requireNonNull(attestation, "attestation");
    Objects.requireNonNull(attestation.applicant(), "attestation.applicant");
    return render(
        String.join(" ", PROLONGATION_TITLE),
        layout -> {
          opening(
              layout,
              null,
              PROLONGATION_TITLE,
              attestation.applicant(),
              attestation.requestNumber(),
              PdfLayout.validity(attestation.validFrom(), attestation.validUntil()));
          layout.paragraphs(prolongationParagraphs(attestation), PARAGRAPH_GAP);
          layout.pageNumbers();
        });
  }

  /**
   * « ATTESTATION DE DÉCISION FAVORABLE SUR UNE DEMANDE DE RENOUVELLEMENT DE TITRE DE SÉJOUR »,
   * issued on the decision date, with the card's validity and the 225 € of taxes to pay; « Page x/y
   * ».
   */
  public byte[] favourableDecision(FavourableDecision decision) {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(decision.applicant(), "decision.applicant");
    return render(
        String.join(" ", FAVOURABLE_TITLE),
        layout -> {
          opening(
              layout,
              null,
              FAVOURABLE_TITLE,
              decision.applicant(),
              decision.requestNumber(),
              PdfLayout.issued(decision.decisionDate()));
          layout.paragraphs(favourableParagraphs(decision), PARAGRAPH_GAP);
          layout.pageNumbers();
        });
  }

  /**
   * The préfet's « DÉCISION DE REFUS DE TITRE DE SÉJOUR »: recitals (« Vu … »), the agent's
   * reasons, « DÉCIDE : » and its article, then the framed « VOIES ET DÉLAIS DE RECOURS »; as many
   * pages as the reasons need, each numbered « Page x/y ». States no illness: the grounds are the
   * agent's text only.
   *
   * @throws IllegalArgumentException when the reason is blank: a refusal must state its grounds
   */
  public byte[] refusalDecision(RefusalDecision decision) {
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(decision.applicant(), "decision.applicant");
    List<String> reasons = reasonParagraphs(decision.reason());
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("A refusal must state its reasons");
    }
    return render(
        REFUSAL_TITLE,
        layout -> {
          writeRefusal(layout, decision, reasons);
          layout.pageNumbers();
        });
  }

  /**
   * « Liste des documents justificatifs à fournir »: the items grouped by section in the given
   * order, a label shared by several items printed once; « Page x/y » on every page.
   *
   * @param holdsResidencePermit whether the applicant holds a titre de séjour, which the list
   *     states under its title (the items themselves come already chosen for that situation)
   */
  public byte[] requiredDocumentsList(
      List<RequiredDocumentItem> items, boolean holdsResidencePermit) {
    List<RequiredDocumentItem> checked = List.copyOf(Objects.requireNonNull(items, "items"));
    return render(
        LIST_TITLE,
        layout -> {
          writeRequiredDocuments(layout, checked, holdsResidencePermit);
          layout.pageNumbers();
        });
  }

  /**
   * The « NOTICE EXPLICATIVE » of the « Demande de titre de séjour pour soins » (the seed's annexe
   * 3), the same for everyone: no personal data; « Mars 2019 » and « Page x/y » at the foot of
   * every page.
   */
  public byte[] explanatoryNotice() {
    byte[] notice = explanatoryNotice;
    if (notice == null) {
      notice =
          render(
              MedicalForms.NOTICE_TITLE + " - " + MedicalForms.NOTICE_SUBTITLE,
              MedicalForms::notice);
      explanatoryNotice = notice;
    }
    return notice.clone();
  }

  /**
   * The « Demande de communication d’informations médicales » (annexe 4) the applicant signs for
   * the OFII's doctors, his or her « PRÉNOMS NOM » and the procedure (« titre de séjour pour soins
   * ») filled in; one page.
   */
  public byte[] medicalInformationConsent(ApplicantIdentity applicant) {
    Objects.requireNonNull(applicant, "applicant");
    return render(MedicalForms.CONSENT_TITLE, layout -> MedicalForms.consent(layout, applicant));
  }

  /**
   * The blank « CERTIFICAT MEDICAL CONFIDENTIEL » to be completed by the applicant's doctor and
   * sent to the OFII (annex 5): three pages, each headed by the OFII and « IDENTIFIANT : N°
   * étranger » and numbered « Page n/3 ». Only the administration's block is filled in; the
   * patient's and doctor's blocks, partie A (somatic) and partie B (psychiatric) are left blank to
   * be written on.
   */
  public byte[] blankMedicalCertificate(MedicalCertificateIdentity identity) {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(identity.applicant(), "identity.applicant");
    return render(
        MedicalForms.CERTIFICATE_TITLE, layout -> MedicalForms.certificate(layout, identity));
  }

  private byte[] render(String title, PdfLayout.Content body) {
    try (PdfLayout layout = PdfLayout.create(regular, bold, title)) {
      body.write(layout);
      return layout.toBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("The PDF « " + title + " » could not be rendered", e);
    }
  }

  /**
   * What every document issued on a request opens with: the ministry block (and the issuing
   * service, if any), the title centred line by line, « VOS RÉFÉRENCES » and the applicant's
   * identity.
   */
  private static void opening(
      PdfLayout layout,
      String issuer,
      List<String> title,
      ApplicantIdentity applicant,
      String requestNumber,
      PdfLayout.Field date)
      throws IOException {
    layout.marianne();
    if (hasText(issuer)) {
      layout.gap(6);
      layout.write(issuer.strip(), Style.BOLD, BODY);
    }
    layout.gap(24);
    for (String line : title) {
      layout.centred(line, Style.BOLD, TITLE);
    }
    layout.gap(18);
    layout.references(applicant, requestNumber, date);
    layout.gap(10);
    layout.identity(applicant);
    layout.gap(28);
  }

  // ---------------------------------------------------------------- confirmation du dépôt

  private void writeDepositReceipt(PdfLayout layout, DepositReceipt receipt) throws IOException {
    opening(
        layout,
        null,
        List.of(DEPOSIT_TITLE),
        receipt.applicant(),
        receipt.requestNumber(),
        PdfLayout.issued(receipt.issueDate()));
    layout.paragraphs(depositParagraphs(receipt), PARAGRAPH_GAP);
  }

  static List<String> depositParagraphs(DepositReceipt receipt) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(
        "Le "
            + PdfLayout.date(receipt.depositDate())
            + ", vous avez déposé avec succès une "
            + "demande de titre de séjour qui sera examinée par la préfecture compétente.");
    if (hasText(receipt.counterAgentName())) {
      paragraphs.add("Demande déposée au guichet par " + receipt.counterAgentName().strip() + ".");
    }
    paragraphs.add("Ce document constitue la preuve de dépôt de votre demande.");
    paragraphs.add(
        "Il ne constitue pas une preuve de régularité du séjour et ne permet pas l’ouverture "
            + "de droits associés à un séjour régulier.");
    paragraphs.add(
        "Ce document n’autorise pas le franchissement des frontières de l’espace Schengen.");
    paragraphs.add(
        "Vous serez informé(e) de l’avancement et de la suite donnée à votre démarche par un "
            + "courrier électronique vous invitant à vous connecter à votre espace personnel.");
    return paragraphs;
  }

  // ---------------------------------------------------------------- attestations

  static List<String> prolongationParagraphs(ProlongationAttestation attestation) {
    return List.of(
        "La demande de titre de séjour que vous avez déposée le "
            + PdfLayout.date(attestation.depositDate())
            + " est toujours en cours d’instruction.",
        "Cette attestation vous est délivrée pour autoriser votre présence en France entre le "
            + PdfLayout.date(attestation.validFrom())
            + " et le "
            + PdfLayout.date(attestation.validUntil())
            + ".",
        "Cette attestation n’est valable qu’accompagnée du titre précédemment détenu même s’il est arrivé "
            + "à expiration.",
        "Ce document justifie le maintien de l’ensemble des droits ouverts en raison du titre de séjour "
            + "précédemment détenu. Si ce titre permettait d’exercer une activité professionnelle, celle-ci "
            + "peut se poursuivre pendant la durée de validité de cette attestation. Elle ne permet pas "
            + "l’ouverture de droits nouveaux.",
        SCHENGEN);
  }

  static List<String> favourableParagraphs(FavourableDecision decision) {
    return List.of(
        "Le "
            + PdfLayout.date(decision.decisionDate())
            + ", une décision favorable a été prise à la suite "
            + "de votre demande d’admission au séjour.",
        "Une carte de séjour temporaire, valable du "
            + PdfLayout.date(decision.cardValidFrom())
            + " au "
            + PdfLayout.date(decision.cardValidUntil())
            + " portant la mention Vie privée et familiale va "
            + "vous être délivré(e). Ce document est actuellement en cours de fabrication.",
        "Cette attestation n’est valable qu’accompagnée du visa de long séjour ou du titre précédemment "
            + "détenu.",
        SCHENGEN,
        "Vous serez prochainement informé(e) de la réception en préfecture ou sous-préfecture de votre "
            + "titre et des démarches à faire pour venir le retirer. Vous devrez à cette occasion vous "
            + "acquitter de 225\u00A0€ correspondant au montant des taxes que vous réglerez par timbre "
            + "électronique acheté au préalable en ligne, dans un bureau de tabac ou sur les bornes "
            + "installées dans certains services fiscaux.");
  }

  // ---------------------------------------------------------------- décision de refus

  private void writeRefusal(PdfLayout layout, RefusalDecision decision, List<String> reasons)
      throws IOException {
    opening(
        layout,
        decision.prefectureName(),
        List.of(REFUSAL_TITLE),
        decision.applicant(),
        decision.requestNumber(),
        PdfLayout.issued(decision.decisionDate()));
    layout.write("Le préfet,", Style.BOLD, BODY);
    layout.gap(PARAGRAPH_GAP);
    layout.paragraphs(refusalRecitals(decision), RECITAL_GAP);
    layout.gap(PARAGRAPH_GAP);
    layout.keepTogether(lineHeight(BODY) + RECITAL_GAP + layout.height(reasons.subList(0, 1), 0));
    layout.write("Considérant ce qui suit :", Style.REGULAR, BODY);
    layout.gap(RECITAL_GAP);
    layout.paragraphs(reasons, RECITAL_GAP);
    layout.gap(2 * PARAGRAPH_GAP);
    String article = refusalArticle(decision.applicant());
    layout.keepTogether(lineHeight(HEADING) + PARAGRAPH_GAP + layout.height(List.of(article), 0));
    layout.centred("DÉCIDE :", Style.BOLD, HEADING);
    layout.gap(PARAGRAPH_GAP);
    layout.write(article, Style.REGULAR, BODY);
    layout.gap(3 * PARAGRAPH_GAP);
    layout.framed(RECOURSE_HEADING, RECOURSE, RECITAL_GAP);
  }

  static List<String> refusalRecitals(RefusalDecision decision) {
    return List.of(
        "Vu le code de l’entrée et du séjour des étrangers et du droit d’asile, notamment ses articles "
            + "L.\u00A0425-9, L.\u00A0432-1 et R.\u00A0425-11 à R.\u00A0425-13\u00A0;",
        "Vu la demande de renouvellement de titre de séjour déposée le "
            + PdfLayout.date(decision.depositDate())
            + "\u00A0;",
        decision.opinionDate() == null
            ? "Considérant que le certificat médical n’a pas été transmis au service médical de l’Office "
                + "français de l’immigration et de l’intégration dans le délai prévu\u00A0;"
            : "Vu l’avis du collège de médecins de l’Office français de l’immigration et de l’intégration "
                + "du "
                + PdfLayout.date(decision.opinionDate())
                + "\u00A0;");
  }

  /** The agent's reasons, one paragraph per block of lines between blank lines. */
  static List<String> reasonParagraphs(String reason) {
    if (reason == null) {
      return List.of();
    }
    return Arrays.stream(reason.split("\\R\\h*\\R"))
        .map(String::strip)
        .filter(paragraph -> !paragraph.isEmpty())
        .toList();
  }

  static String refusalArticle(ApplicantIdentity applicant) {
    String name =
        Stream.of(applicant.firstNames(), PdfLayout.upper(applicant.birthName()))
            .filter(PdfRenderer::hasText)
            .map(String::strip)
            .collect(Collectors.joining(" "));
    return "Article 1er\u00A0: La demande de renouvellement du titre de séjour portant la mention "
        + "«\u00A0vie privée et familiale\u00A0» présentée par M./Mme "
        + name
        + " est refusée.";
  }

  // ---------------------------------------------------------------- liste des justificatifs

  /**
   * The section being written, repeated « (SUITE) » at the top of the next page; null between two.
   */
  private static final class ListState {
    private String section;
  }

  private void writeRequiredDocuments(
      PdfLayout layout, List<RequiredDocumentItem> items, boolean holdsResidencePermit)
      throws IOException {
    ListState state = new ListState();
    listHeader(layout);
    for (String text : List.of(holdsResidencePermit ? HOLDER : NOT_HOLDER, INTRO, FORMATS)) {
      layout.write(text, Style.REGULAR, BODY);
      layout.gap(8);
    }
    layout.onNewPage(next -> continuation(next, state));
    Map<String, List<RequiredDocumentItem>> sections = bySection(items);
    Map<String, List<RequiredDocumentItem>> personal = new LinkedHashMap<>();
    personal.put(
        PHOTO, List.of(new RequiredDocumentItem(PERSONAL_SECTION, PHOTO, PHOTO_GUIDANCE, 0)));
    personal.putAll(byLabel(sections.getOrDefault(PERSONAL_SECTION, List.of())));
    section(layout, state, PERSONAL_SECTION, personal);
    for (Map.Entry<String, List<RequiredDocumentItem>> section : sections.entrySet()) {
      if (!section.getKey().equals(PERSONAL_SECTION)) {
        section(layout, state, section.getKey(), byLabel(section.getValue()));
      }
    }
  }

  private void listHeader(PdfLayout layout) throws IOException {
    layout.write("Étrangers en France", Style.BOLD, HEADING);
    layout.write("DIRECTION DES ÉTRANGERS EN FRANCE", Style.REGULAR, SMALL);
    layout.gap(14);
    layout.centred(LIST_TITLE, Style.BOLD, HEADING + 1);
    layout.centred(LIST_SUBTITLE, Style.REGULAR, HEADING);
    layout.gap(14);
  }

  private void continuation(PdfLayout layout, ListState state) throws IOException {
    listHeader(layout);
    if (state.section != null && !state.section.isEmpty()) {
      layout.write(state.section + " (SUITE)", Style.BOLD, HEADING);
      layout.rule();
    }
  }

  /** A section heading kept with its first document, then its documents. */
  private void section(
      PdfLayout layout,
      ListState state,
      String section,
      Map<String, List<RequiredDocumentItem>> documents)
      throws IOException {
    state.section = null; // a page broken before the heading is no continuation
    float first = documents.isEmpty() ? 0 : height(layout, documents.entrySet().iterator().next());
    layout.keepTogether(lineHeight(HEADING) + 8 + first);
    if (!section.isEmpty()) {
      layout.gap(4);
      layout.write(section, Style.BOLD, HEADING);
      layout.rule();
    }
    state.section = section;
    for (Map.Entry<String, List<RequiredDocumentItem>> document : documents.entrySet()) {
      document(layout, document);
    }
  }

  /** Items by section (blank as ""), sections and items in their first order. */
  static Map<String, List<RequiredDocumentItem>> bySection(List<RequiredDocumentItem> items) {
    Map<String, List<RequiredDocumentItem>> sections = new LinkedHashMap<>();
    for (RequiredDocumentItem item : items) {
      String section = PdfLayout.upper(Objects.requireNonNull(item, "item").section()).strip();
      sections.computeIfAbsent(section, key -> new ArrayList<>()).add(item);
    }
    return sections;
  }

  /** Items by label, in their first order: variants of one document are printed under one label. */
  static Map<String, List<RequiredDocumentItem>> byLabel(List<RequiredDocumentItem> items) {
    Map<String, List<RequiredDocumentItem>> byLabel = new LinkedHashMap<>();
    for (RequiredDocumentItem item : items) {
      String label = item.label() == null ? "" : item.label().strip();
      byLabel.computeIfAbsent(label, key -> new ArrayList<>()).add(item);
    }
    return byLabel;
  }

  /** A label once, then each holder's guidance; the file limit once when all holders share it. */
  private void document(PdfLayout layout, Map.Entry<String, List<RequiredDocumentItem>> document)
      throws IOException {
    List<RequiredDocumentItem> holders = document.getValue();
    boolean oneLimit =
        holders.stream().mapToInt(RequiredDocumentItem::maxFiles).distinct().count() == 1;
    layout.keepTogether(height(layout, document));
    layout.write(document.getKey(), Style.BOLD, BODY);
    for (RequiredDocumentItem holder : holders) {
      if (hasText(holder.guidance())) {
        layout.write(holder.guidance(), Style.REGULAR, BODY);
      }
      if (!oneLimit) {
        maxFiles(layout, holder.maxFiles());
      }
      layout.gap(HOLDER_GAP);
    }
    if (oneLimit) {
      maxFiles(layout, holders.get(0).maxFiles());
    }
    layout.gap(DOCUMENT_GAP);
  }

  /** The height {@link #document} takes, to keep a short document on one page. */
  private static float height(
      PdfLayout layout, Map.Entry<String, List<RequiredDocumentItem>> document) throws IOException {
    float height = layout.height(document.getKey(), Style.BOLD, BODY) + lineHeight(BODY); // + limit
    for (RequiredDocumentItem holder : document.getValue()) {
      height += HOLDER_GAP;
      if (hasText(holder.guidance())) {
        height += layout.height(holder.guidance(), Style.REGULAR, BODY);
      }
    }
    return height;
  }

  private static boolean hasText(String text) {
    return text != null && !text.isBlank();
  }

  private void maxFiles(PdfLayout layout, int maxFiles) throws IOException {
    if (maxFiles > 0) {
      String files = maxFiles == 1 ? "fichier" : "fichiers";
      layout.write("(" + maxFiles + " " + files + " maximum)", Style.OBLIQUE, BODY - 1);
    }
  }
}
