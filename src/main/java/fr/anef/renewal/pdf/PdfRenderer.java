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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.springframework.stereotype.Service;

/**
 * Renders the PDFs issued to applicants, with the seed's wording. Thread-safe: the two fonts are parsed
 * once and shared read-only; each document gets its own {@link PdfLayout}.
 */
@Service
public class PdfRenderer {

  static final String DEPOSIT_TITLE =
      "CONFIRMATION DU DÉPÔT D’UNE DEMANDE DE RENOUVELLEMENT DE TITRE DE SÉJOUR";
  static final String LIST_TITLE =
      "DEMANDE DE TITRE DE SÉJOUR VIE PRIVÉE ET FAMILIALE - ÉTRANGER MALADE";
  static final String LIST_SUBTITLE = "Liste des documents justificatifs à fournir";
  static final String PERSONAL_SECTION = "INFORMATIONS PERSONNELLES";

  private static final String HOLDER = "Vous êtes titulaire d’un titre de séjour en tant que "
      + "« Étranger malade ». Ce titre porte la mention « VIE PRIVÉE ET FAMILIALE ».";
  private static final String NOT_HOLDER =
      "Vous êtes titulaire d’un numéro étranger sans titre de séjour.";
  private static final String INTRO = "Vous devez fournir sous forme numérique tous les documents "
      + "justificatifs demandés en vous assurant de leur lisibilité, ainsi que leur traduction lorsque "
      + "ceux-ci sont rédigés en langue étrangère. Vous pouvez consulter la liste des traducteurs agréés "
      + "en suivant ce lien : https://www.service-public.fr/particuliers/vosdroits/F12956";
  private static final String FORMATS = "Vous devez respecter les formats suivants : .jpg, .pdf, "
      + ".png, .bmp, .tiff et ne pas dépasser 10\u00A0Mo par fichier.";
  private static final String PHOTO = "Photographie d’identité récente - Numéro EPhoto";
  private static final String PHOTO_GUIDANCE = "Si vous disposez d’une photo et d’une signature "
      + "numériques, veuillez renseigner le numéro ephoto figurant sur votre planche de photos "
      + "d’identité. Si vous ne disposez pas encore de ephoto, vous pouvez localiser un service photo "
      + "et signature numériques en suivant ce lien : "
      + "https://permisdeconduire.ants.gouv.fr/Services-associes/Ou-faire-ma-photo-et-ma-signature-numerisee";

  private static final float HOLDER_GAP = 4;
  private static final float DOCUMENT_GAP = 8;

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
   * « Liste des documents justificatifs à fournir »: the items grouped by section in the given order,
   * a label shared by several items printed once; « Page x/y » on every page.
   *
   * @param holdsResidencePermit whether the applicant holds a titre de séjour, which the list states
   *     under its title (the items themselves come already chosen for that situation)
   */
  public byte[] requiredDocumentsList(List<RequiredDocumentItem> items, boolean holdsResidencePermit) {
    List<RequiredDocumentItem> checked = List.copyOf(Objects.requireNonNull(items, "items"));
    return render(LIST_TITLE, layout -> {
      writeRequiredDocuments(layout, checked, holdsResidencePermit);
      layout.pageNumbers();
    });
  }

  private byte[] render(String title, PdfLayout.Content body) {
    try (PdfLayout layout = PdfLayout.create(regular, bold, title)) {
      body.write(layout);
      return layout.toBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("The PDF « " + title + " » could not be rendered", e);
    }
  }

  // ---------------------------------------------------------------- confirmation du dépôt

  private void writeDepositReceipt(PdfLayout layout, DepositReceipt receipt) throws IOException {
    layout.marianne();
    layout.gap(24);
    layout.centred(DEPOSIT_TITLE, Style.BOLD, TITLE);
    layout.gap(18);
    layout.references(receipt.applicant(), receipt.requestNumber(), PdfLayout.issued(receipt.issueDate()));
    layout.gap(10);
    layout.identity(receipt.applicant());
    layout.gap(28);
    for (String paragraph : depositParagraphs(receipt)) {
      layout.write(paragraph, Style.REGULAR, BODY);
      layout.gap(8);
    }
  }

  static List<String> depositParagraphs(DepositReceipt receipt) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add("Le " + PdfLayout.date(receipt.depositDate()) + ", vous avez déposé avec succès une "
        + "demande de titre de séjour qui sera examinée par la préfecture compétente.");
    if (hasText(receipt.counterAgentName())) {
      paragraphs.add("Demande déposée au guichet par " + receipt.counterAgentName().strip() + ".");
    }
    paragraphs.add("Ce document constitue la preuve de dépôt de votre demande.");
    paragraphs.add("Il ne constitue pas une preuve de régularité du séjour et ne permet pas l’ouverture "
        + "de droits associés à un séjour régulier.");
    paragraphs.add("Ce document n’autorise pas le franchissement des frontières de l’espace Schengen.");
    paragraphs.add("Vous serez informé(e) de l’avancement et de la suite donnée à votre démarche par un "
        + "courrier électronique vous invitant à vous connecter à votre espace personnel.");
    return paragraphs;
  }

  // ---------------------------------------------------------------- liste des justificatifs

  /** The section being written, repeated « (SUITE) » at the top of the next page; null between two. */
  private static final class ListState {
    private String section;
  }

  private void writeRequiredDocuments(PdfLayout layout, List<RequiredDocumentItem> items,
      boolean holdsResidencePermit) throws IOException {
    ListState state = new ListState();
    listHeader(layout);
    for (String text : List.of(holdsResidencePermit ? HOLDER : NOT_HOLDER, INTRO, FORMATS)) {
      layout.write(text, Style.REGULAR, BODY);
      layout.gap(8);
    }
    layout.onNewPage(next -> continuation(next, state));
    Map<String, List<RequiredDocumentItem>> sections = bySection(items);
    Map<String, List<RequiredDocumentItem>> personal = new LinkedHashMap<>();
    personal.put(PHOTO, List.of(new RequiredDocumentItem(PERSONAL_SECTION, PHOTO, PHOTO_GUIDANCE, 0)));
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
  private void section(PdfLayout layout, ListState state, String section,
      Map<String, List<RequiredDocumentItem>> documents) throws IOException {
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
    boolean oneLimit = holders.stream().mapToInt(RequiredDocumentItem::maxFiles).distinct().count() == 1;
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
  private static float height(PdfLayout layout, Map.Entry<String, List<RequiredDocumentItem>> document)
      throws IOException {
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
