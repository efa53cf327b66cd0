package fr.anef.renewal.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Documents PDF remis à l’usager")
class PdfRendererTests {

  private static final ApplicantIdentity GUIDE = new ApplicantIdentity("5903007229", "GUIDE", null,
      "Malade", LocalDate.of(2000, 10, 3), "Mexico", "Mexique", "Mexicaine",
      "20 RUE NATIONALE 59000 LILLE FRANCE");
  private static final String REQUEST = "5901202310040000310";
  private static final LocalDate FILED = LocalDate.of(2023, 10, 4);

  private final PdfRenderer renderer = new PdfRenderer();

  // ---------------------------------------------------------------- confirmation du dépôt

  @Test
  @DisplayName("La confirmation du dépôt reprend le titre, les références et l’identité de la demande")
  void depositReceiptShowsReferencesAndIdentity() throws IOException {
    String text = text(renderer.depositReceipt(receipt(GUIDE, null)));

    assertThat(oneLine(text)).contains(
        "MINISTÈRE DE L’INTÉRIEUR ET DES OUTRE-MER",
        "Liberté Égalité Fraternité",
        "CONFIRMATION DU DÉPÔT D’UNE DEMANDE DE RENOUVELLEMENT DE TITRE DE SÉJOUR");
    assertThat(text).contains(
        "VOS RÉFÉRENCES :",
        "Identifiant (N° étranger) : 5903007229",
        "N° de la demande : 5901202310040000310",
        "DATE D’ÉMISSION : 04/10/2023",
        "Nom de naissance : GUIDE",
        "Prénom : MALADE",
        "Né(e) le : 03/10/2000",
        "A : MEXICO, MEXIQUE",
        "Nationalité : MEXICAINE",
        "Adresse : 20 RUE NATIONALE 59000 LILLE FRANCE");
  }

  @Test
  @DisplayName("La confirmation du dépôt porte les paragraphes du guide, accents compris")
  void depositReceiptShowsTheSeedParagraphs() throws IOException {
    String text = oneLine(text(renderer.depositReceipt(receipt(GUIDE, null))));

    assertThat(text).contains(
        "Le 04/10/2023, vous avez déposé avec succès une demande de titre de séjour qui sera examinée "
            + "par la préfecture compétente.",
        "Ce document constitue la preuve de dépôt de votre demande.",
        "Il ne constitue pas une preuve de régularité du séjour et ne permet pas l’ouverture de droits "
            + "associés à un séjour régulier.",
        "Ce document n’autorise pas le franchissement des frontières de l’espace Schengen.",
        "Vous serez informé(e) de l’avancement et de la suite donnée à votre démarche");
    assertThat(text).containsSubsequence("RÉFÉRENCES", "GUIDE", "Le 04/10/2023", "Schengen");
  }

  @Test
  @DisplayName("La mention du dépôt au guichet n’apparaît que si un agent a déposé la demande")
  void counterSentenceOnlyForACounterDeposit() throws IOException {
    String online = oneLine(text(renderer.depositReceipt(receipt(GUIDE, null))));
    String counter = oneLine(text(renderer.depositReceipt(receipt(GUIDE, "Claire Dupont"))));

    assertThat(online).doesNotContain("guichet");
    assertThat(counter).contains("Demande déposée au guichet par Claire Dupont.");
  }

  @Test
  @DisplayName("La confirmation du dépôt tient sur une page, polices embarquées et propriétés renseignées")
  void depositReceiptEmbedsItsFonts() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(renderer.depositReceipt(receipt(GUIDE, null)))) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      assertEveryFontEmbedded(pdf);
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(PdfRenderer.DEPOSIT_TITLE);
      assertThat(pdf.getDocumentInformation().getAuthor())
          .isEqualTo("Ministère de l’Intérieur et des Outre-Mer");
      assertThat(pdf.getDocumentInformation().getCreationDate()).isNotNull();
    }
  }

  @Test
  @DisplayName("Une adresse très longue passe à la ligne sans sortir de la page")
  void longAddressWraps() throws IOException {
    String address = "BÂTIMENT C ESCALIER 4 APPARTEMENT 1203 RÉSIDENCE DES GRANDS CHÊNES ".repeat(6)
        + "CHEZ MONSIEUR-ET-MADAME-DE-LA-FONTAINE-SAINT-ÉTIENNE-DU-GRAND-BOURG-SUR-MER-ET-DÉPENDANCES "
        + "20 RUE NATIONALE 59000 LILLE FRANCE";
    ApplicantIdentity applicant = new ApplicantIdentity("5903007229", "GUIDE", "", "MALADE",
        LocalDate.of(2000, 10, 3), "MEXICO", "MEXIQUE", "MEXICAINE", address);

    byte[] pdf = renderer.depositReceipt(receipt(applicant, null));

    String text = text(pdf);
    assertThat(text).contains("Adresse : BÂTIMENT C ESCALIER 4");
    assertThat(text.lines().filter(line -> line.contains("RÉSIDENCE DES GRANDS CHÊNES"))).hasSizeGreaterThan(2);
    assertThat(oneLine(text)).contains("20 RUE NATIONALE 59000 LILLE FRANCE");
    assertThat(rightmostGlyphEnd(pdf)).isLessThanOrEqualTo(595.28f - 56.7f + 0.5f);
  }

  @Test
  @DisplayName("Un caractère absent de la police est remplacé au lieu de faire échouer le document")
  void unsupportedCharacterDoesNotFail() {
    ApplicantIdentity applicant = new ApplicantIdentity("5903007229", "GUIDE 😀", null, "MALADE\tJOSÉ",
        null, null, "MEXIQUE", null, null);

    assertThatCode(() -> assertThat(text(renderer.depositReceipt(receipt(applicant, null))))
        .contains("GUIDE ?", "MALADE JOSÉ", "A : MEXIQUE"))
        .doesNotThrowAnyException();
  }

  // ---------------------------------------------------------------- liste des justificatifs

  @Test
  @DisplayName("La liste des justificatifs reprend l’en-tête du guide et chaque document demandé")
  void listShowsEveryLabelAndGuidance() throws IOException {
    List<RequiredDocumentItem> items = seedList();

    String text = oneLine(text(renderer.requiredDocumentsList(items, true)));

    assertThat(text).contains(PdfRenderer.LIST_TITLE, PdfRenderer.LIST_SUBTITLE,
        "Vous devez respecter les formats suivants : .jpg, .pdf, .png, .bmp, .tiff",
        "INFORMATIONS PERSONNELLES", "Photographie d’identité récente - Numéro EPhoto",
        "« Étranger malade »");
    for (RequiredDocumentItem item : items) {
      assertThat(text).contains(item.section(), item.label());
      item.guidance().lines().forEach(line -> assertThat(text).contains(oneLine(line)));
    }
    assertThat(text).contains("(3 fichiers maximum)", "(6 fichiers maximum)");
    assertThat(text).containsSubsequence("INFORMATIONS PERSONNELLES", "EPhoto", "Justificatif de nationalité",
        "DOMICILE", "MOTIF DE SÉJOUR", "Justificatif de résidence habituelle");
  }

  @Test
  @DisplayName("Deux variantes d’un même document n’en impriment le libellé qu’une fois")
  void sharedLabelPrintedOnce() throws IOException {
    String text = oneLine(text(renderer.requiredDocumentsList(seedList(), true)));

    assertThat(count(text, "Justificatif de domicile datant de moins de 6 mois")).isEqualTo(1);
    assertThat(text).containsSubsequence("Justificatif de domicile datant de moins de 6 mois",
        "Si hébergement à l’hôtel", "Si hébergement chez un particulier", "(3 fichiers maximum)");
  }

  @Test
  @DisplayName("La situation sans titre de séjour est annoncée sous le titre")
  void situationWithoutResidencePermit() throws IOException {
    String text = oneLine(text(renderer.requiredDocumentsList(seedList(), false)));

    assertThat(text).contains("Vous êtes titulaire d’un numéro étranger sans titre de séjour.")
        .doesNotContain("« Étranger malade »");
  }

  @Test
  @DisplayName("Une longue liste continue sur plusieurs pages numérotées « Page x/y »")
  void longListBreaksPages() throws IOException {
    List<RequiredDocumentItem> items = new ArrayList<>(seedList());
    items.addAll(withoutPermitItems());

    byte[] bytes = renderer.requiredDocumentsList(items, false);

    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      int pages = pdf.getNumberOfPages();
      assertThat(pages).isGreaterThan(1);
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Page 1/" + pages, "Page " + pages + "/" + pages);
      assertThat(count(oneLine(text), PdfRenderer.LIST_TITLE)).isEqualTo(pages);
      assertEveryFontEmbedded(pdf);
    }
    assertThat(text(bytes)).contains("Page 1/2", "Page 2/2");
  }

  @Test
  @DisplayName("Une liste très longue se répartit sur autant de pages qu’il faut, sans déborder")
  void veryLongListStaysInsideThePages() throws IOException {
    List<RequiredDocumentItem> items = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      items.add(new RequiredDocumentItem("SECTION " + (i % 3), "Document numéro " + i,
          "Veuillez joindre le document numéro " + i + " :\n- premier justificatif ;\n- ou second.", 3));
    }

    byte[] bytes = renderer.requiredDocumentsList(items, true);

    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      int pages = pdf.getNumberOfPages();
      assertThat(pages).isGreaterThan(2);
      String text = oneLine(new PDFTextStripper().getText(pdf));
      assertThat(text).contains("Page " + pages + "/" + pages, "Document numéro 40", "(SUITE)");
      assertThat(count(text, "Document numéro 7 ")).isEqualTo(1);
    }
    assertThat(rightmostGlyphEnd(bytes)).isLessThanOrEqualTo(595.28f - 56.7f + 0.5f);
  }

  @Test
  @DisplayName("Toutes les polices de la liste sont embarquées")
  void listEmbedsItsFonts() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(renderer.requiredDocumentsList(seedList(), true))) {
      assertEveryFontEmbedded(pdf);
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(PdfRenderer.LIST_TITLE);
    }
  }

  // ---------------------------------------------------------------- renderer partagé

  @Test
  @DisplayName("Un même renderer produit des documents corrects depuis plusieurs fils à la fois")
  void rendersConcurrently() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<byte[]>> receipts = new ArrayList<>();
      List<Future<byte[]>> lists = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        receipts.add(pool.submit(() -> renderer.depositReceipt(receipt(GUIDE, null))));
        lists.add(pool.submit(() -> renderer.requiredDocumentsList(seedList(), true)));
      }
      for (Future<byte[]> receipt : receipts) {
        assertThat(text(receipt.get())).contains("Nom de naissance : GUIDE", "Adresse : 20 RUE NATIONALE");
      }
      for (Future<byte[]> list : lists) {
        assertThat(oneLine(text(list.get()))).contains("Justificatif de résidence habituelle", "Page 2/2");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- data and helpers

  private static DepositReceipt receipt(ApplicantIdentity applicant, String counterAgent) {
    return new DepositReceipt(applicant, REQUEST, FILED, FILED, counterAgent);
  }

  /** The seed's list (« ANNEXES ») for a holder of a titre de séjour. */
  static List<RequiredDocumentItem> seedList() {
    return List.of(
        new RequiredDocumentItem("INFORMATIONS PERSONNELLES", "Justificatif de nationalité",
            "Veuillez joindre un des justificatifs suivants :\n- Passeport ;\n- ou attestation consulaire ;\n"
                + "- ou carte d’identité ;\n- ou carte consulaire.", 3),
        new RequiredDocumentItem("DOMICILE", "Justificatif de domicile datant de moins de 6 mois",
            "Si hébergement à l’hôtel :\nVeuillez joindre les justificatifs de domicile suivants :\n"
                + "- Une attestation de l’hôtelier ;\n- Une copie de la facture du dernier mois.", 3),
        new RequiredDocumentItem("DOMICILE", "Justificatif de domicile datant de moins de 6 mois",
            "Si hébergement chez un particulier :\nVeuillez joindre les justificatifs de domicile suivants :\n"
                + "- Attestation de l’hébergeant datée et signée,\n"
                + "- copie de sa Carte Nationale d’Identité ou de sa carte de séjour,\n"
                + "- justificatif de domicile de l’hébergeant si l’adresse inscrite sur sa carte d’identité "
                + "ou sa carte de séjour n’est plus à jour.", 3),
        new RequiredDocumentItem("MOTIF DE SÉJOUR", "Justificatif de résidence habituelle",
            "Veuillez fournir tout document permettant d’apprécier la durée de votre résidence habituelle "
                + "en France depuis au moins 1 an :\n- Visa\n- Récépissé de demande de titre de séjour\n"
                + "- Récépissé de demande d’asile\n- Documents émanant d’une administration publique "
                + "(préfecture, service social, établissement scolaire)\n- Documents émanant d’une "
                + "institution privée (relevés bancaires présentant des mouvements)\n- Écrits personnels "
                + "incontestables (courriers, attestations de proches)", 6));
  }

  private static List<RequiredDocumentItem> withoutPermitItems() {
    String section = "SI VOUS ÊTES TITULAIRE D’UN NUMÉRO ÉTRANGER SANS TITRE DE SÉJOUR";
    return List.of(
        new RequiredDocumentItem(section, "Justificatif d’identité", "Veuillez joindre le justificatif "
            + "suivant :\nExtrait d’acte de naissance avec filiation ou copie intégrale de l’acte de naissance.",
            3),
        new RequiredDocumentItem(section, "Justificatif d’entrée régulière", "Veuillez joindre un des "
            + "justificatifs suivants :\n- Copie des pages de votre passeport comportant le visa + cachet "
            + "d’entrée ;\n- ou copie du passeport comportant uniquement le cachet d’entrée ;\n"
            + "- ou attestation de dispense de visa d’entrée ;\n"
            + "- ou déclaration sur l’honneur d’entrée régulière sur le territoire.", 3));
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** Text with every run of white space as one space: wrapping must not matter to the assertions. */
  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }

  private static int count(String text, String part) {
    Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  private static void assertEveryFontEmbedded(PDDocument pdf) throws IOException {
    List<PDFont> fonts = new ArrayList<>();
    for (PDPage page : pdf.getPages()) {
      PDResources resources = page.getResources();
      for (COSName name : resources.getFontNames()) {
        fonts.add(resources.getFont(name));
      }
    }
    assertThat(fonts).isNotEmpty().allSatisfy(font -> {
      assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
      assertThat(font.getName()).as("subset of DejaVu").matches("[A-Z]{6}\\+DejaVuSans.*");
    });
  }

  /** The right end of the rightmost glyph on any page, in points. */
  private static float rightmostGlyphEnd(byte[] pdf) throws IOException {
    float[] max = {0};
    PDFTextStripper stripper = new PDFTextStripper() {
      @Override
      protected void writeString(String text, List<TextPosition> positions) {
        for (TextPosition position : positions) {
          max[0] = Math.max(max[0], position.getXDirAdj() + position.getWidthDirAdj());
        }
      }
    };
    try (PDDocument document = Loader.loadPDF(pdf)) {
      stripper.getText(document);
    }
    return max[0];
  }
}
