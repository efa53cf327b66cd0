package fr.anef.renewal.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
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

  private static final ApplicantIdentity GUIDE =
      new ApplicantIdentity(
          "5903007229",
          "GUIDE",
          null,
          "Malade",
          LocalDate.of(2000, 10, 3),
          "Mexico",
          "Mexique",
          "Mexicaine",
          "20 RUE NATIONALE 59000 LILLE FRANCE");
  private static final String REQUEST = "5901202310040000310";
  private static final LocalDate FILED = LocalDate.of(2023, 10, 4);

  private final PdfRenderer renderer = new PdfRenderer();

  // ---------------------------------------------------------------- confirmation du dépôt

  @Test
  @DisplayName(
      "La confirmation du dépôt reprend le titre, les références et l’identité de la demande")
  void depositReceiptShowsReferencesAndIdentity() throws IOException {
    String text = text(renderer.depositReceipt(receipt(GUIDE, null)));

    assertThat(oneLine(text))
        .contains(
            "MINISTÈRE DE L’INTÉRIEUR ET DES OUTRE-MER",
            "Liberté Égalité Fraternité",
            "CONFIRMATION DU DÉPÔT D’UNE DEMANDE DE RENOUVELLEMENT DE TITRE DE SÉJOUR");
    assertThat(text)
        .contains(
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

    assertThat(text)
        .contains(
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
  @DisplayName(
      "La confirmation du dépôt tient sur une page, polices embarquées et propriétés renseignées")
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
    String address =
        "BÂTIMENT C ESCALIER 4 APPARTEMENT 1203 RÉSIDENCE DES GRANDS CHÊNES ".repeat(6)
            + "CHEZ MONSIEUR-ET-MADAME-DE-LA-FONTAINE-SAINT-ÉTIENNE-DU-GRAND-BOURG-SUR-MER-ET-DÉPENDANCES "
            + "20 RUE NATIONALE 59000 LILLE FRANCE";
    ApplicantIdentity applicant =
        new ApplicantIdentity(
            "5903007229",
            "GUIDE",
            "",
            "MALADE",
            LocalDate.of(2000, 10, 3),
            "MEXICO",
            "MEXIQUE",
            "MEXICAINE",
            address);

    byte[] pdf = renderer.depositReceipt(receipt(applicant, null));

    String text = text(pdf);
    assertThat(text).contains("Adresse : BÂTIMENT C ESCALIER 4");
    assertThat(text.lines().filter(line -> line.contains("RÉSIDENCE DES GRANDS CHÊNES")))
        .hasSizeGreaterThan(2);
    assertThat(oneLine(text)).contains("20 RUE NATIONALE 59000 LILLE FRANCE");
    assertThat(rightmostGlyphEnd(pdf)).isLessThanOrEqualTo(595.28f - 56.7f + 0.5f);
  }

  @Test
  @DisplayName("Un caractère absent de la police est remplacé au lieu de faire échouer le document")
  void unsupportedCharacterDoesNotFail() {
    ApplicantIdentity applicant =
        new ApplicantIdentity(
            "5903007229", "GUIDE 😀", null, "MALADE\tJOSÉ", null, null, "MEXIQUE", null, null);

    assertThatCode(
            () ->
                assertThat(text(renderer.depositReceipt(receipt(applicant, null))))
                    .contains("GUIDE ?", "MALADE JOSÉ", "A : MEXIQUE"))
        .doesNotThrowAnyException();
  }

  // ---------------------------------------------------------------- liste des justificatifs

  @Test
  @DisplayName("La liste des justificatifs reprend l’en-tête du guide et chaque document demandé")
  void listShowsEveryLabelAndGuidance() throws IOException {
    List<RequiredDocumentItem> items = seedList();

    String text = oneLine(text(renderer.requiredDocumentsList(items, true)));

    assertThat(text)
        .contains(
            PdfRenderer.LIST_TITLE,
            PdfRenderer.LIST_SUBTITLE,
            "Vous devez respecter les formats suivants : .jpg, .pdf, .png, .bmp, .tiff",
            "INFORMATIONS PERSONNELLES",
            "Photographie d’identité récente - Numéro EPhoto",
            "« Étranger malade »");
    for (RequiredDocumentItem item : items) {
      assertThat(text).contains(item.section(), item.label());
      item.guidance().lines().forEach(line -> assertThat(text).contains(oneLine(line)));
    }
    assertThat(text).contains("(3 fichiers maximum)", "(6 fichiers maximum)");
    assertThat(text)
        .containsSubsequence(
            "INFORMATIONS PERSONNELLES",
            "EPhoto",
            "Justificatif de nationalité",
            "DOMICILE",
            "MOTIF DE SÉJOUR",
            "Justificatif de résidence habituelle");
  }

  @Test
  @DisplayName("Deux variantes d’un même document n’en impriment le libellé qu’une fois")
  void sharedLabelPrintedOnce() throws IOException {
    String text = oneLine(text(renderer.requiredDocumentsList(seedList(), true)));

    assertThat(count(text, "Justificatif de domicile datant de moins de 6 mois")).isEqualTo(1);
    assertThat(text)
        .containsSubsequence(
            "Justificatif de domicile datant de moins de 6 mois",
            "Si hébergement à l’hôtel",
            "Si hébergement chez un particulier",
            "(3 fichiers maximum)");
  }

  @Test
  @DisplayName("La situation sans titre de séjour est annoncée sous le titre")
  void situationWithoutResidencePermit() throws IOException {
    String text = oneLine(text(renderer.requiredDocumentsList(seedList(), false)));

    assertThat(text)
        .contains("Vous êtes titulaire d’un numéro étranger sans titre de séjour.")
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
      items.add(
          new RequiredDocumentItem(
              "SECTION " + (i % 3),
              "Document numéro " + i,
              "Veuillez joindre le document numéro "
                  + i
                  + " :\n- premier justificatif ;\n- ou second.",
              3));
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

  // ---------------------------------------------------------------- attestation de prolongation

  @Test
  @DisplayName(
      "L’attestation de prolongation porte le titre, la validité au lieu de la date d’émission et l’identité")
  void prolongationShowsReferencesValidityAndIdentity() throws IOException {
    String text = text(renderer.prolongationAttestation(prolongation()));

    assertThat(oneLine(text))
        .contains(
            "MINISTÈRE DE L’INTÉRIEUR ET DES OUTRE-MER",
            "ATTESTATION DE PROLONGATION D’INSTRUCTION D’UNE DEMANDE DE RENOUVELLEMENT DE TITRE DE SÉJOUR");
    assertThat(text)
        .contains(
            "VOS RÉFÉRENCES :",
            "Identifiant (N° étranger) : 5903007243",
            "N° de la demande : 5901202310310000365",
            "Validité : du 08/11/2023 au 07/02/2024",
            "Nom de naissance : OFII",
            "Prénom : TROIS",
            "Né(e) le : 02/05/2000",
            "A : CANCUN, MEXIQUE",
            "Nationalité : MEXICAINE")
        .doesNotContain("DATE D’ÉMISSION");
  }

  @Test
  @DisplayName("L’attestation de prolongation reprend mot pour mot les paragraphes du guide")
  void prolongationShowsTheSeedParagraphs() throws IOException {
    String text = oneLine(text(renderer.prolongationAttestation(prolongation())));

    assertThat(text)
        .containsSubsequence(
            "Validité",
            "Nom de naissance : OFII",
            "La demande de titre de séjour que vous avez déposée le 31/10/2023 est toujours en cours "
                + "d’instruction.",
            "Cette attestation vous est délivrée pour autoriser votre présence en France entre le 08/11/2023 "
                + "et le 07/02/2024.",
            "Cette attestation n’est valable qu’accompagnée du titre précédemment détenu même s’il est arrivé "
                + "à expiration.",
            "Ce document justifie le maintien de l’ensemble des droits ouverts en raison du titre de séjour "
                + "précédemment détenu. Si ce titre permettait d’exercer une activité professionnelle, celle-ci "
                + "peut se poursuivre pendant la durée de validité de cette attestation. Elle ne permet pas "
                + "l’ouverture de droits nouveaux.",
            "Ce document autorise le franchissement des frontières de l’espace Schengen.");
  }

  // ---------------------------------------------------------------- attestation de décision
  // favorable

  @Test
  @DisplayName(
      "L’attestation de décision favorable porte le titre, la date de décision comme date d’émission et l’identité")
  void favourableShowsReferencesAndIdentity() throws IOException {
    String text = text(renderer.favourableDecision(favourable()));

    assertThat(oneLine(text))
        .contains(
            "ATTESTATION DE DÉCISION FAVORABLE SUR UNE DEMANDE DE RENOUVELLEMENT DE TITRE DE SÉJOUR");
    assertThat(text)
        .contains(
            "Identifiant (N° étranger) : 5903007243",
            "N° de la demande : 5901202310310000365",
            "DATE D’ÉMISSION : 14/11/2023",
            "Nom de naissance : OFII",
            "Prénom : TROIS",
            "Adresse : 20 RUE NATIONALE 59000 LILLE FRANCE");
  }

  @Test
  @DisplayName(
      "L’attestation de décision favorable annonce la carte, Schengen et les 225 € de taxes")
  void favourableShowsTheSeedParagraphs() throws IOException {
    String text = oneLine(text(renderer.favourableDecision(favourable())));

    assertThat(text)
        .containsSubsequence(
            "Le 14/11/2023, une décision favorable a été prise à la suite de votre demande d’admission au séjour.",
            "Une carte de séjour temporaire, valable du 30/01/2024 au 29/07/2024 portant la mention Vie privée "
                + "et familiale va vous être délivré(e). Ce document est actuellement en cours de fabrication.",
            "Cette attestation n’est valable qu’accompagnée du visa de long séjour ou du titre précédemment "
                + "détenu.",
            "Ce document autorise le franchissement des frontières de l’espace Schengen.",
            "Vous serez prochainement informé(e) de la réception en préfecture ou sous-préfecture de votre "
                + "titre et des démarches à faire pour venir le retirer. Vous devrez à cette occasion vous "
                + "acquitter de 225 € correspondant au montant des taxes que vous réglerez par timbre "
                + "électronique acheté au préalable en ligne, dans un bureau de tabac ou sur les bornes "
                + "installées dans certains services fiscaux.");
  }

  // ---------------------------------------------------------------- décision de refus

  @Test
  @DisplayName(
      "La décision de refus porte la préfecture, les références, les visas, les motifs et l’article 1er, dans l’ordre")
  void refusalShowsItsParts() throws IOException {
    String text = text(renderer.refusalDecision(refusal(LocalDate.of(2023, 12, 5), REASON)));

    assertThat(text)
        .contains(
            "Identifiant (N° étranger) : 5903007243",
            "N° de la demande : 5901202310310000365",
            "DATE D’ÉMISSION : 20/12/2023",
            "Nom de naissance : OFII",
            "Prénom : TROIS");
    assertThat(oneLine(text))
        .containsSubsequence(
            "MINISTÈRE DE L’INTÉRIEUR ET DES OUTRE-MER",
            "Préfecture du Nord",
            "DÉCISION DE REFUS DE TITRE DE SÉJOUR",
            "VOS RÉFÉRENCES",
            "Nom de naissance : OFII",
            "Le préfet,",
            "Vu le code de l’entrée et du séjour des étrangers et du droit d’asile, notamment ses articles "
                + "L. 425-9, L. 432-1 et R. 425-11 à R. 425-13 ;",
            "Vu la demande de renouvellement de titre de séjour déposée le 31/10/2023 ;",
            "Vu l’avis du collège de médecins de l’Office français de l’immigration et de l’intégration du "
                + "05/12/2023 ;",
            "Considérant ce qui suit :",
            "1. Aux termes de l’article L. 425-9",
            "2. Il ressort des pièces du dossier",
            "DÉCIDE :",
            "Article 1er : La demande de renouvellement du titre de séjour portant la mention « vie privée et "
                + "familiale » présentée par M./Mme Trois OFII est refusée.",
            "VOIES ET DÉLAIS DE RECOURS");
    assertThat(oneLine(text)).doesNotContain("certificat médical n’a pas été transmis");
  }

  @Test
  @DisplayName(
      "Sans avis du collège de médecins, la décision constate que le certificat n’est pas parvenu à l’OFII")
  void refusalWithoutOpinion() throws IOException {
    String text = oneLine(text(renderer.refusalDecision(refusal(null, REASON))));

    assertThat(text)
        .containsSubsequence(
            "Vu la demande de renouvellement de titre de séjour déposée le 31/10/2023 ;",
            "Considérant que le certificat médical n’a pas été transmis au service médical de l’Office français "
                + "de l’immigration et de l’intégration dans le délai prévu ;",
            "Considérant ce qui suit :")
        .doesNotContain("Vu l’avis", "collège de médecins");
  }

  @Test
  @DisplayName(
      "La décision de refus indique les voies et délais de recours gracieux, hiérarchique et contentieux")
  void refusalStatesTheRecourses() throws IOException {
    String text =
        oneLine(text(renderer.refusalDecision(refusal(LocalDate.of(2023, 12, 5), REASON))));

    assertThat(text)
        .containsSubsequence(
            "VOIES ET DÉLAIS DE RECOURS",
            "dans un délai de deux mois à compter de sa notification :",
            "former un recours gracieux auprès du préfet ;",
            "former un recours hiérarchique auprès du ministre de l’intérieur.",
            "Formés dans ce délai de deux mois, ces recours administratifs prorogent le délai du recours contentieux, qui court à nouveau à compter de leur rejet.",
            "recours contentieux devant le tribunal administratif territorialement compétent, dans un délai de "
                + "deux mois à compter de la notification de la présente décision.",
            "« Télérecours citoyens »",
            "www.telerecours.fr");
    assertThat(text.toLowerCase(Locale.FRENCH)).contains("voies et délais de recours");
  }

  @Test
  @DisplayName(
      "La décision de refus ne révèle aucune pathologie : aucun mot médical hors des visas de procédure")
  void refusalRevealsNoIllness() throws IOException {
    for (LocalDate opinion : new LocalDate[] {LocalDate.of(2023, 12, 5), null}) {
      String text =
          oneLine(text(renderer.refusalDecision(refusal(opinion, REASON))))
              .toLowerCase(Locale.FRENCH);

      assertThat(text)
          .doesNotContain(
              "malade",
              "maladie",
              "santé",
              "soins",
              "pathologie",
              "traitement",
              "médicament",
              "diagnostic",
              "hospitali");
    }
  }

  @Test
  @DisplayName(
      "Des motifs très longs continuent sur plusieurs pages numérotées sans perdre de texte ni déborder")
  void longReasonSpansPages() throws IOException {
    List<String> paragraphs = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      paragraphs.add(
          "Motif n° "
              + i
              + " : il ressort des pièces du dossier que la situation personnelle "
              + "et familiale de l’intéressé(e) a été examinée au regard de l’ensemble des éléments produits, "
              + "notamment ceux relatifs à la durée et aux conditions de son séjour en France (paragraphe "
              + i
              + ").");
    }
    StringBuilder longest = new StringBuilder("Motif n° 41 :");
    for (int i = 1; i <= 60; i++) {
      longest
          .append(" Phrase ")
          .append(i)
          .append(" d’un motif d’un seul tenant, plus long qu’une page.");
    }
    paragraphs.add(20, longest.toString());
    byte[] bytes = renderer.refusalDecision(refusal(null, String.join("\n\n", paragraphs)));

    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      int pages = pdf.getNumberOfPages();
      assertThat(pages).isGreaterThan(2);
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Page 1/" + pages, "Page " + pages + "/" + pages);
      String body = oneLine(withoutFooters(text));
      for (String paragraph : paragraphs) {
        assertThat(body).contains(paragraph);
      }
      assertThat(count(body, "Motif n° 7 :")).isEqualTo(1);
      assertThat(body)
          .containsSubsequence(
              "Motif n° 40", "DÉCIDE :", "Article 1er", "VOIES ET DÉLAIS", "www.telerecours.fr");
      assertEveryFontEmbedded(pdf);

      PDPage recoursePage = pageContaining(pdf, "VOIES ET DÉLAIS DE RECOURS");
      assertThat(pageText(pdf, recoursePage))
          .as("recourse block kept on one page")
          .contains("telerecours");
      assertThat(operators(recoursePage)).as("recourse block framed").contains("re");
    }
    assertThat(rightmostGlyphEnd(bytes)).isLessThanOrEqualTo(595.28f - 56.7f + 0.5f);
    assertThat(lowestBodyBaseline(bytes)).isLessThanOrEqualTo(841.89f - 56.7f);
  }

  @Test
  @DisplayName("Une décision de refus sans motif est refusée")
  void refusalNeedsAReason() {
    assertThatThrownBy(() -> renderer.refusalDecision(refusal(null, " \n\n ")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> renderer.refusalDecision(refusal(null, null)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---------------------------------------------------------------- propriétés communes

  @Test
  @DisplayName(
      "Les attestations et la décision embarquent leurs polices, portent leur titre et « Page x/y »")
  void newDocumentsEmbedFontsAndNumberPages() throws IOException {
    Map<String, byte[]> documents =
        Map.of(
            String.join(" ", PdfRenderer.PROLONGATION_TITLE),
            renderer.prolongationAttestation(prolongation()),
            String.join(" ", PdfRenderer.FAVOURABLE_TITLE),
            renderer.favourableDecision(favourable()),
            PdfRenderer.REFUSAL_TITLE,
            renderer.refusalDecision(refusal(LocalDate.of(2023, 12, 5), REASON)));

    for (Map.Entry<String, byte[]> document : documents.entrySet()) {
      try (PDDocument pdf = Loader.loadPDF(document.getValue())) {
        assertEveryFontEmbedded(pdf);
        assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo(document.getKey());
        assertThat(pdf.getDocumentInformation().getAuthor())
            .isEqualTo("Ministère de l’Intérieur et des Outre-Mer");
        int pages = pdf.getNumberOfPages();
        assertThat(new PDFTextStripper().getText(pdf)).contains("Page " + pages + "/" + pages);
      }
      assertThat(rightmostGlyphEnd(document.getValue()))
          .isLessThanOrEqualTo(595.28f - 56.7f + 0.5f);
    }
    try (PDDocument pdf =
        Loader.loadPDF(documents.get(String.join(" ", PdfRenderer.PROLONGATION_TITLE)))) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
    }
    try (PDDocument pdf =
        Loader.loadPDF(documents.get(String.join(" ", PdfRenderer.FAVOURABLE_TITLE)))) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
    }
  }

  // ---------------------------------------------------------------- pièces médicales OFII

  private static final MedicalCertificateIdentity GUIDE_CERTIFICATE =
      new MedicalCertificateIdentity(
          GUIDE, "M", LocalDate.of(2022, 8, 31), "0102030405", "guideem@yopmail.com", null);

  @Test
  @DisplayName("La notice explicative reprend le titre, l’avertissement et les sections du guide")
  void noticeShowsTheSeedSections() throws IOException {
    String text = oneLine(withoutFooters(text(renderer.explanatoryNotice())));

    assertThat(text)
        .contains(
            "NOTICE EXPLICATIVE",
            "Demande de titre de séjour pour soins",
            "(Articles L.425-10 ; L.425-9 ; L.431-2 du code de l’entrée et du séjour des étrangers et du droit "
                + "d’asile)",
            "ATTENTION : Aucune information médicale et aucun certificat médical ne doivent être donnés à la "
                + "préfecture.",
            "1. Cette notice explicative.",
            "4. Votre accord pour permettre au médecin de l’OFII de communiquer avec votre médecin (formulaire "
                + "à signer).",
            "Les certificats médicaux remplis par les médecins agréés ne sont pas acceptés.",
            "a. Votre médecin soignant doit remplir le certificat donné par la préfecture.",
            "c. Si vous faites une demande pour votre enfant malade, le certificat sera au nom de votre enfant",
            "3. Toutes les pièces médicales récentes relatives à votre état de santé : analyses biologiques",
            "il faut qu’elles soient envoyées dans un délai de quinze jours au médecin de l’OFII",
            "avec mention « secret médical »).",
            "Le médecin de l’OFII peut demander, au cours de l’examen médical, des examens complémentaires qui "
                + "sont toujours gratuits.",
            "Si la demande est faite pour un mineur, il faut qu’il soit accompagné par son représentant légal.",
            "Un seul numéro : 01 53 69 53 90",
            "Un seul email : infoem@ofii.fr");
    assertThat(text)
        .containsSubsequence(
            "Madame, Monsieur,",
            "Envoi du dossier",
            "Examen du dossier par l’OFII",
            "⇒ Le médecin de l’OFII reçoit votre dossier",
            "1. Si le médecin de l’OFII a besoin de plus d’informations",
            "2. Si le médecin de l’OFII souhaite faire un examen médical",
            "3. Le collège de médecins peut également vous convoquer pour une visite médicale",
            "Décision du préfet",
            "Informations sur votre dossier OFII");
  }

  @Test
  @DisplayName("La notice met l’avertissement et les mentions du guide en gras")
  void noticeBoldsTheWarning() throws IOException {
    String bold = oneLine(boldText(renderer.explanatoryNotice()));

    assertThat(bold)
        .contains(
            "ATTENTION : Aucune information médicale et aucun certificat médical ne doivent être donnés à la "
                + "préfecture.",
            "titre de séjour pour raisons de santé",
            "dans un délai de quinze jours",
            "originaux",
            "Envoi du dossier",
            "Décision du préfet");
    assertThat(bold).doesNotContain("Madame, Monsieur");
  }

  @Test
  @DisplayName("La notice tient sur plusieurs pages numérotées, sans aucune donnée personnelle")
  void noticeIsImpersonal() throws IOException {
    byte[] notice = renderer.explanatoryNotice();

    try (PDDocument pdf = Loader.loadPDF(notice)) {
      int pages = pdf.getNumberOfPages();
      assertThat(pages).isGreaterThanOrEqualTo(2);
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Page 1/" + pages, "Page " + pages + "/" + pages, "Mars 2019");
      assertThat(count(text, "Mars 2019")).isEqualTo(pages);
      assertThat(text)
          .doesNotContain("IDENTIFIANT", "Identifiant", "5903007229", "GUIDE", "MALADE");
      assertEveryFontEmbedded(pdf);
      assertThat(pdf.getDocumentInformation().getTitle())
          .isEqualTo("NOTICE EXPLICATIVE - Demande de titre de séjour pour soins");
    }
    assertThat(rightmostGlyphEnd(notice)).isLessThanOrEqualTo(595.28f - 56.7f + 0.5f);
    assertThat(lowestBodyBaseline(notice)).isLessThanOrEqualTo(841.89f - 56.7f);
  }

  @Test
  @DisplayName(
      "L’annexe 4 porte le nom du demandeur dans la phrase d’accord, la procédure et ses renvois")
  void consentNamesTheApplicant() throws IOException {
    byte[] consent = renderer.medicalInformationConsent(GUIDE);

    String text = oneLine(text(consent));
    assertThat(text)
        .contains(
            "Demande de communication d’informations médicales",
            "Je soussigné(e), MALADE GUIDE, donne mon accord aux médecins de l’Office pour demander des "
                + "informations médicales me concernant¹, dans le cadre de la procédure de demande de titre de "
                + "séjour pour soins², nécessaires à l’accomplissement de leur mission, auprès des professionnels "
                + "de santé qui en disposent.",
            "¹ ou de l’enfant mineur dont je suis le ou la représentant(e) légal(e)",
            "² Titre de séjour pour soins ou protection contre l’éloignement");
    assertThat(text)
        .containsSubsequence("Je soussigné(e)", "Date :", "Signature :", "¹ ou de l’enfant");
    assertThat(text).doesNotContain("préciser", "soussigné(e),,");
    assertThat(oneLine(boldText(consent))).contains("MALADE GUIDE", "titre de séjour pour soins");
    try (PDDocument pdf = Loader.loadPDF(consent)) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      assertEveryFontEmbedded(pdf);
    }
  }

  @Test
  @DisplayName("Sans nom connu, l’annexe 4 laisse une ligne à remplir à la main")
  void consentWithoutNameLeavesALine() throws IOException {
    ApplicantIdentity unnamed =
        new ApplicantIdentity("5903007229", null, null, " ", null, null, null, null, null);

    assertThat(oneLine(text(renderer.medicalInformationConsent(unnamed))))
        .contains("Je soussigné(e), ____")
        .doesNotContain("soussigné(e), ,");
  }

  @Test
  @DisplayName(
      "Le certificat médical vierge a trois pages, chacune avec l’en-tête OFII et l’identifiant")
  void certificateHasThreeHeadedPages() throws IOException {
    byte[] certificate = renderer.blankMedicalCertificate(GUIDE_CERTIFICATE);

    try (PDDocument pdf = Loader.loadPDF(certificate)) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(3);
      for (int page = 1; page <= 3; page++) {
        String text = oneLine(pageText(pdf, pdf.getPage(page - 1)));
        assertThat(text)
            .contains(
                "Office Français de l’Immigration et de l’Intégration",
                "Service médical",
                "IDENTIFIANT : 5903007229",
                "Page " + page + "/3");
      }
      assertThat(oneLine(pageText(pdf, pdf.getPage(1))))
          .contains("Partie A : PATHOLOGIE SOMATIQUE")
          .doesNotContain("Partie B");
      assertThat(oneLine(pageText(pdf, pdf.getPage(2))))
          .contains("Partie B : PATHOLOGIE PSYCHIATRIQUE");
      assertEveryFontEmbedded(pdf);
      assertThat(pdf.getDocumentInformation().getTitle())
          .isEqualTo("CERTIFICAT MEDICAL CONFIDENTIEL");
    }
    assertThat(rightmostGlyphEnd(certificate)).isLessThanOrEqualTo(595.28f - 56.7f + 0.5f);
    assertThat(lowestBodyBaseline(certificate)).isLessThanOrEqualTo(841.89f - 56.7f);
  }

  @Test
  @DisplayName("Le 1er bloc du certificat est prérempli par l’administration")
  void certificatePrefillsTheAdministrationBlock() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(renderer.blankMedicalCertificate(GUIDE_CERTIFICATE))) {
      String first = oneLine(pageText(pdf, pdf.getPage(0)));

      assertThat(first)
          .contains(
              "CERTIFICAT MEDICAL CONFIDENTIEL",
              "A adresser au médecin de l’OFII",
              "Nom : GUIDE",
              "Prénoms : MALADE",
              "Nom d’usage :",
              "Sexe : M",
              "Né(e) le : 03/10/2000",
              "A : MEXICO, MEXIQUE",
              "Nationalité : MEXICAINE",
              "Adresse : 20 RUE NATIONALE 59000 LILLE FRANCE",
              "Entré en France le : 31/08/2022",
              "Tél : 0102030405",
              "Email : guideem@yopmail.com",
              "Responsable légal :");
      assertThat(first)
          .containsSubsequence(
              "1er bloc rempli par l’administration",
              "GUIDE",
              "MALADE",
              "03/10/2000",
              "MEXICO",
              "MEXICAINE",
              "31/08/2022",
              "0102030405",
              "guideem@yopmail.com",
              "2ème bloc à remplir par le patient",
              "3ème bloc à remplir par le médecin");
    }
  }

  @Test
  @DisplayName(
      "La page 1 du certificat porte les blocs patient et médecin, la note et les mentions")
  void certificateFirstPageShowsTheSeedWording() throws IOException {
    byte[] certificate = renderer.blankMedicalCertificate(GUIDE_CERTIFICATE);
    try (PDDocument pdf = Loader.loadPDF(certificate)) {
      String first = oneLine(pageText(pdf, pdf.getPage(0)));

      assertThat(first)
          .contains(
              "Je m’engage à fournir au médecin de l’Office Français de l’Immigration et de l’Intégration",
              "I undertake to supply to the doctor of the French Service",
              "Date : Signature du patient (patient signing) :",
              "Conformément à la loi « Informatique et Libertés » du 6 janvier 1978 modifiée",
              "-Le directeur général de l’OFII-",
              "-CEO of OFII-",
              "http://www.cnil.fr/vos-responsabilites/informations-legales",
              "1. Médecin traitant du demandeur : ☐ OUI ☐ NON",
              "2. Médecin spécialiste du demandeur : ☐ OUI ☐ NON",
              "3. Autre :",
              "Date de la consultation :",
              "Poids :",
              "Taille :",
              "Langue parlée :",
              "Communication :",
              "☐ Directe ☐ Avec tiers",
              "☐ Facile ☐ Difficile",
              "Note importante au médecin rédacteur du certificat : La personne qui vous remet le présent "
                  + "certificat demande un titre de séjour pour raison de santé",
              "Toutes ces informations sont transmises dans le respect du secret médical au médecin de l’OFII.",
              "Ce certificat médical est à adresser sous pli confidentiel",
              "01.53.63.63.90",
              "Réf : articles L. 425-5, R. 425-11 à R. 425-13",
              "Aucune information médicale ni aucun certificat médical n’est à fournir à la préfecture.",
              "si pathologie psychiatrique, renseigner directement la partie B sur page 3");
      assertThat(count(first, "-Le directeur général de l’OFII-")).isEqualTo(1);
    }
    assertThat(oneLine(boldText(certificate)))
        .contains(
            "Aucune information médicale ni aucun certificat médical n’est à fournir à la préfecture.",
            "Note importante au médecin rédacteur du certificat",
            "GUIDE",
            "guideem@yopmail.com");
  }

  @Test
  @DisplayName("Les parties A et B du certificat reprennent chaque rubrique du guide, à remplir")
  void certificatePartsShowEveryHeading() throws IOException {
    byte[] certificate = renderer.blankMedicalCertificate(GUIDE_CERTIFICATE);
    try (PDDocument pdf = Loader.loadPDF(certificate)) {
      assertThat(oneLine(pageText(pdf, pdf.getPage(1))))
          .containsSubsequence(
              "Partie A : PATHOLOGIE SOMATIQUE",
              "■ Histoire de la maladie :",
              "■ Diagnostique principal :",
              "■ Traitements en cours ou prévisibles (date du début, dénomination commerciale ou classe "
                  + "pharmacothérapeutique, durée prévue) :",
              "Observance :",
              "■ Suivi et examens médicaux :",
              "■ Si suivi hospitalier, préciser le nom de l’hôpital et du service :",
              "■ Stade évolutif de la maladie (score, classification) :",
              "■ Complications, limitations fonctionnelles ou invalidité actuelles :",
              "Observations",
              "Merci de joindre tous résultats d’examen complémentaires",
              "Fait à",
              "Date :");
      assertThat(oneLine(pageText(pdf, pdf.getPage(2))))
          .containsSubsequence(
              "Partie B : PATHOLOGIE PSYCHIATRIQUE",
              "- Début de la maladie :",
              "- Date de la 1ère consultation spécialisée :",
              "- Nombre de consultations spécialisées :",
              "- Éléments biographiques, environnement familial, étapes de vie, itinéraire, facteurs de "
                  + "vulnérabilité et stratégies d’adaptation (résilience) :",
              "- Antécédents médicaux familiaux et personnels :",
              "- Histoire des troubles mentaux, mode évolutif :",
              "- Etat mental actuel (éventuellement échelle d’évaluation) :",
              "- Discussion diagnostique (DSM-5 et/ou CIM-10) :",
              "- Description détaillée de la prise en charge thérapeutique (traitements entrepris et depuis "
                  + "quand, techniques de psychothérapie, fréquence, résultats des thérapeutiques jusqu’à présent) :",
              "- Perspectives et pronostic (type et durée prévue des soins, objectifs thérapeutiques, selon "
                  + "quelle fréquence et à quels moments le résultat des soins sera évalué, méthodes d’évaluation "
                  + "des résultats, appréciation sur les perspectives d’évolution) :",
              "Merci de joindre tous résultats d’examens complémentaires",
              "Fait à",
              "Date :",
              "cachet et signature du médecin");
      for (int page = 1; page <= 2; page++) {
        long lines = operators(pdf.getPage(page)).stream().filter("l"::equals).count();
        assertThat(lines).as("writing lines on page %d", page + 1).isGreaterThan(20);
      }
    }
  }

  @Test
  @DisplayName(
      "Un certificat aux valeurs longues ou absentes garde ses trois pages dans les marges")
  void certificateWithLongOrMissingValuesKeepsThreePages() throws IOException {
    ApplicantIdentity longer =
        new ApplicantIdentity(
            "5903007229",
            "DE LA FONTAINE SAINT-ÉTIENNE",
            "MARTIN-DUPONT",
            "José María Guadalupe Inés",
            LocalDate.of(2000, 10, 3),
            "San Cristóbal de las Casas",
            "Mexique",
            "Mexicaine",
            "BÂTIMENT C ESCALIER 4 APPARTEMENT 1203 RÉSIDENCE DES GRANDS CHÊNES "
                + "20 RUE NATIONALE 59000 LILLE FRANCE");
    MedicalCertificateIdentity identity =
        new MedicalCertificateIdentity(
            longer,
            "F",
            LocalDate.of(2022, 8, 31),
            "+33 6 01 02 03 04",
            "une.adresse.electronique.particulierement.longue@un-fournisseur-de-messagerie.example.fr",
            "Madame Guadalupe DE LA FONTAINE SAINT-ÉTIENNE");
    MedicalCertificateIdentity empty =
        new MedicalCertificateIdentity(
            new ApplicantIdentity(null, null, null, null, null, null, null, null, null),
            null,
            null,
            null,
            null,
            null);

    for (MedicalCertificateIdentity each : List.of(identity, empty)) {
      byte[] certificate = renderer.blankMedicalCertificate(each);
      try (PDDocument pdf = Loader.loadPDF(certificate)) {
        assertThat(pdf.getNumberOfPages()).isEqualTo(3);
      }
      assertThat(rightmostGlyphEnd(certificate)).isLessThanOrEqualTo(595.28f - 56.7f + 0.5f);
      assertThat(lowestBodyBaseline(certificate)).isLessThanOrEqualTo(841.89f - 56.7f);
    }
    String text = oneLine(text(renderer.blankMedicalCertificate(identity)));
    assertThat(text)
        .contains(
            "Nom : DE LA FONTAINE SAINT-ÉTIENNE",
            "Prénoms : JOSÉ MARÍA GUADALUPE INÉS",
            "Nom d’usage : MARTIN-DUPONT",
            "A : SAN CRISTÓBAL DE LAS CASAS, MEXIQUE",
            "Responsable légal : Madame Guadalupe DE LA FONTAINE SAINT-ÉTIENNE");
    assertThatThrownBy(
            () ->
                renderer.blankMedicalCertificate(
                    new MedicalCertificateIdentity(null, "M", null, null, null, null)))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  @DisplayName(
      "Les lignes d’écriture sont réparties selon le poids de chaque rubrique, sans en perdre")
  void writingLinesAreSharedByWeight() {
    assertThat(MedicalForms.allot(List.of(4, 2, 0, 3, 2, 2, 3, 3), 38))
        .containsExactly(8, 4, 0, 6, 4, 4, 6, 6);
    assertThat(MedicalForms.allot(List.of(1, 1, 1), 5)).containsExactly(2, 2, 1);
    assertThat(MedicalForms.allot(List.of(1, 2), 0)).containsExactly(0, 0);
    assertThat(MedicalForms.allot(List.of(0, 0), 7)).containsExactly(0, 0);
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
        assertThat(text(receipt.get()))
            .contains("Nom de naissance : GUIDE", "Adresse : 20 RUE NATIONALE");
      }
      for (Future<byte[]> list : lists) {
        assertThat(oneLine(text(list.get())))
            .contains("Justificatif de résidence habituelle", "Page 2/2");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- data and helpers

  /** The seed's applicant of the attestations and decisions. */
  private static final ApplicantIdentity TROIS =
      new ApplicantIdentity(
          "5903007243",
          "OFII",
          null,
          "Trois",
          LocalDate.of(2000, 5, 2),
          "Cancun",
          "Mexique",
          "Mexicaine",
          "20 RUE NATIONALE 59000 LILLE FRANCE");

  private static final String TROIS_REQUEST = "5901202310310000365";
  private static final LocalDate TROIS_FILED = LocalDate.of(2023, 10, 31);
  private static final String REASON =
      "1. Aux termes de l’article L. 425-9 du code de l’entrée et du "
          + "séjour des étrangers et du droit d’asile, la carte de séjour ne peut être renouvelée que si "
          + "l’étranger en remplit toujours les conditions.\n\n2. Il ressort des pièces du dossier que "
          + "l’intéressé(e) ne remplit plus les conditions prévues par ces dispositions.";

  private static ProlongationAttestation prolongation() {
    return new ProlongationAttestation(
        TROIS, TROIS_REQUEST, TROIS_FILED, LocalDate.of(2023, 11, 8), LocalDate.of(2024, 2, 7));
  }

  private static FavourableDecision favourable() {
    return new FavourableDecision(
        TROIS,
        TROIS_REQUEST,
        LocalDate.of(2023, 11, 14),
        LocalDate.of(2024, 1, 30),
        LocalDate.of(2024, 7, 29));
  }

  private static RefusalDecision refusal(LocalDate opinionDate, String reason) {
    return new RefusalDecision(
        TROIS,
        TROIS_REQUEST,
        TROIS_FILED,
        LocalDate.of(2023, 12, 20),
        "Préfecture du Nord",
        opinionDate,
        reason);
  }

  private static DepositReceipt receipt(ApplicantIdentity applicant, String counterAgent) {
    return new DepositReceipt(applicant, REQUEST, FILED, FILED, counterAgent);
  }

  /** The seed's list (« ANNEXES ») for a holder of a titre de séjour. */
  static List<RequiredDocumentItem> seedList() {
    return List.of(
        new RequiredDocumentItem(
            "INFORMATIONS PERSONNELLES",
            "Justificatif de nationalité",
            "Veuillez joindre un des justificatifs suivants :\n- Passeport ;\n- ou attestation consulaire ;\n"
                + "- ou carte d’identité ;\n- ou carte consulaire.",
            3),
        new RequiredDocumentItem(
            "DOMICILE",
            "Justificatif de domicile datant de moins de 6 mois",
            "Si hébergement à l’hôtel :\nVeuillez joindre les justificatifs de domicile suivants :\n"
                + "- Une attestation de l’hôtelier ;\n- Une copie de la facture du dernier mois.",
            3),
        new RequiredDocumentItem(
            "DOMICILE",
            "Justificatif de domicile datant de moins de 6 mois",
            "Si hébergement chez un particulier :\nVeuillez joindre les justificatifs de domicile suivants :\n"
                + "- Attestation de l’hébergeant datée et signée,\n"
                + "- copie de sa Carte Nationale d’Identité ou de sa carte de séjour,\n"
                + "- justificatif de domicile de l’hébergeant si l’adresse inscrite sur sa carte d’identité "
                + "ou sa carte de séjour n’est plus à jour.",
            3),
        new RequiredDocumentItem(
            "MOTIF DE SÉJOUR",
            "Justificatif de résidence habituelle",
            "Veuillez fournir tout document permettant d’apprécier la durée de votre résidence habituelle "
                + "en France depuis au moins 1 an :\n- Visa\n- Récépissé de demande de titre de séjour\n"
                + "- Récépissé de demande d’asile\n- Documents émanant d’une administration publique "
                + "(préfecture, service social, établissement scolaire)\n- Documents émanant d’une "
                + "institution privée (relevés bancaires présentant des mouvements)\n- Écrits personnels "
                + "incontestables (courriers, attestations de proches)",
            6));
  }

  private static List<RequiredDocumentItem> withoutPermitItems() {
    String section = "SI VOUS ÊTES TITULAIRE D’UN NUMÉRO ÉTRANGER SANS TITRE DE SÉJOUR";
    return List.of(
        new RequiredDocumentItem(
            section,
            "Justificatif d’identité",
            "Veuillez joindre le justificatif "
                + "suivant :\nExtrait d’acte de naissance avec filiation ou copie intégrale de l’acte de naissance.",
            3),
        new RequiredDocumentItem(
            section,
            "Justificatif d’entrée régulière",
            "Veuillez joindre un des "
                + "justificatifs suivants :\n- Copie des pages de votre passeport comportant le visa + cachet "
                + "d’entrée ;\n- ou copie du passeport comportant uniquement le cachet d’entrée ;\n"
                + "- ou attestation de dispense de visa d’entrée ;\n"
                + "- ou déclaration sur l’honneur d’entrée régulière sur le territoire.",
            3));
  }

  private static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /**
   * Text with every run of white space, no-break spaces included, as one space: wrapping and
   * typography must not matter to the assertions.
   */
  private static String oneLine(String text) {
    return text.replaceAll("[\\s\u00A0\u202F]+", " ").strip();
  }

  /**
   * The text without its « Page x/y » lines, so that a paragraph across a page break reads whole.
   */
  private static String withoutFooters(String text) {
    return text.lines()
        .filter(line -> !line.strip().matches("Page \\d+/\\d+"))
        .collect(Collectors.joining("\n"));
  }

  private static PDPage pageContaining(PDDocument pdf, String part) throws IOException {
    for (PDPage page : pdf.getPages()) {
      if (oneLine(pageText(pdf, page)).contains(part)) {
        return page;
      }
    }
    throw new AssertionError("No page contains " + part);
  }

  private static String pageText(PDDocument pdf, PDPage page) throws IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    int number = pdf.getPages().indexOf(page) + 1;
    stripper.setStartPage(number);
    stripper.setEndPage(number);
    return stripper.getText(pdf);
  }

  /** The names of the operators drawing a page (« re »: a rectangle). */
  private static List<String> operators(PDPage page) throws IOException {
    return new PDFStreamParser(page)
        .parse().stream()
            .filter(Operator.class::isInstance)
            .map(token -> ((Operator) token).getName())
            .toList();
  }

  /**
   * The lowest baseline of any text but the « Page x/y » footer, in points from the top of the
   * page.
   */
  private static float lowestBodyBaseline(byte[] pdf) throws IOException {
    float[] max = {0};
    PDFTextStripper stripper =
        new PDFTextStripper() {
          @Override
          protected void writeString(String text, List<TextPosition> positions) {
            if (!text.startsWith("Page ")) {
              for (TextPosition position : positions) {
                max[0] = Math.max(max[0], position.getYDirAdj());
              }
            }
          }
        };
    try (PDDocument document = Loader.loadPDF(pdf)) {
      stripper.getText(document);
    }
    return max[0];
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
    assertThat(fonts)
        .isNotEmpty()
        .allSatisfy(
            font -> {
              assertThat(font.isEmbedded()).as("%s embedded", font.getName()).isTrue();
              assertThat(font.getName()).as("subset of DejaVu").matches("[A-Z]{6}\\+DejaVuSans.*");
            });
  }

  /**
   * The text drawn in a bold font, each run of it on a line of its own; ligatures (« ﬁ ») read as
   * their letters, as {@link PDFTextStripper} reads them.
   */
  private static String boldText(byte[] pdf) throws IOException {
    StringBuilder bold = new StringBuilder();
    PDFTextStripper stripper =
        new PDFTextStripper() {
          @Override
          protected void writeString(String text, List<TextPosition> positions) {
            boolean inBold = false;
            for (TextPosition position : positions) {
              boolean isBold = position.getFont().getName().contains("Bold");
              if (isBold) {
                bold.append(position.getUnicode());
              } else if (inBold) {
                bold.append('\n');
              }
              inBold = isBold;
            }
            bold.append(inBold ? " " : "\n");
          }
        };
    try (PDDocument document = Loader.loadPDF(pdf)) {
      stripper.getText(document);
    }
    return Normalizer.normalize(bold.toString(), Normalizer.Form.NFKC);
  }

  /** The right end of the rightmost glyph on any page, in points. */
  private static float rightmostGlyphEnd(byte[] pdf) throws IOException {
    float[] max = {0};
    PDFTextStripper stripper =
        new PDFTextStripper() {
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
