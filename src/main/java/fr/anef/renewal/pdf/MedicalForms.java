package fr.anef.renewal.pdf;

import static fr.anef.renewal.pdf.PdfLayout.BODY;
import static fr.anef.renewal.pdf.PdfLayout.HEADING;
import static fr.anef.renewal.pdf.PdfLayout.SMALL;
import static fr.anef.renewal.pdf.PdfLayout.TITLE;
import static fr.anef.renewal.pdf.PdfLayout.lineHeight;

import fr.anef.renewal.pdf.PdfLayout.Content;
import fr.anef.renewal.pdf.PdfLayout.Span;
import fr.anef.renewal.pdf.PdfLayout.Style;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The OFII medical pack the applicant downloads once the request is registered (the seed's annexes
 * 3 to 5): the « NOTICE EXPLICATIVE », the « Demande de communication d’informations médicales »
 * and the blank « CERTIFICAT MEDICAL CONFIDENTIEL », with the seed's wording. Only the
 * certificate's first block and the consent's name are filled in; nothing medical is ever written.
 */
final class MedicalForms {

  static final String NOTICE_TITLE = "NOTICE EXPLICATIVE";
  static final String NOTICE_SUBTITLE = "Demande de titre de séjour pour soins";
  static final String NOTICE_EDITION = "Mars 2019";
  static final String CONSENT_TITLE = "Demande de communication d’informations médicales";
  static final String CERTIFICATE_TITLE = "CERTIFICAT MEDICAL CONFIDENTIEL";
  static final String CERTIFICATE_SUBTITLE = "A adresser au médecin de l’OFII";
  static final String OFII = "Office Français de l’Immigration et de l’Intégration";
  static final String MEDICAL_SERVICE = "Service médical";
  static final String PART_A = "Partie A : PATHOLOGIE SOMATIQUE";
  static final String PART_B = "Partie B : PATHOLOGIE PSYCHIATRIQUE";

  /** The procedure the consent is given for (the seed's « [préciser le nom de la procédure] »). */
  static final String PROCEDURE = "titre de séjour pour soins";

  // ---------------------------------------------------------------- notice explicative

  private static final String NOTICE_ARTICLES =
      "(Articles L.425-10\u00A0; L.425-9\u00A0; L.431-2 du code "
          + "de l’entrée et du séjour des étrangers et du droit d’asile)";
  static final String NOTICE_WARNING =
      "ATTENTION\u00A0: Aucune information médicale et aucun certificat "
          + "médical ne doivent être donnés à la préfecture.";
  private static final String ORIGINALS =
      "Tous les documents envoyés à la direction territoriale de "
          + "l’OFII doivent être des **originaux**. Ils vous seront ensuite rendus.";
  private static final String NOT_NOTIFIED =
      "Si vous ne faites pas les examens demandés ou que vous ne "
          + "venez pas avec des justificatifs d’identité aux différentes convocations, le préfet en sera averti.";

  // ---------------------------------------------------------------- certificate, page 1

  private static final String COMMITMENT =
      "Je m’engage à fournir au médecin de l’Office Français de "
          + "l’Immigration et de l’Intégration ou au collège de médecins de cet établissement, toute information "
          + "et examen nécessaires concernant mon état de santé et d’accomplir les diligences utiles pour les "
          + "obtenir.";
  private static final String COMMITMENT_EN =
      "I undertake to supply to the doctor of the French Service "
          + "of the immigration and the integration or to the college of necessary doctors of this "
          + "establishment any information and examination concerning my health and to carry out the useful "
          + "diligences to obtain them.";
  private static final String CNIL =
      "Les informations recueillies font l’objet d’un traitement "
          + "informatique destiné à l’évaluation de votre état de santé relatif à votre demande. Les "
          + "destinataires des données sont les médecins de l’OFII. Conformément à la loi «\u00A0Informatique et "
          + "Libertés\u00A0» du 6 janvier 1978 modifiée, vous bénéficiez d’un droit d’accès et de rectification "
          + "aux informations vous concernant, que vous pouvez exercer en vous adressant à\u00A0:\n"
          + "OFII - A l’attention du Correspondant Informatique et Libertés - 44 rue Barge 75015 Paris ou "
          + "ci.themis@ofi.fr.\n"
          + "Vous pouvez également, pour des motifs légitimes, vous opposer au traitement des données vous "
          + "concernant.\n"
          + "-Le directeur général de l’OFII-\n"
          + "Pour consulter les modèles de mentions légales sur le site de la CNIL\u00A0: "
          + "http://www.cnil.fr/vos-responsabilites/informations-legales";
  private static final String CNIL_EN =
      "The collected informations are treated by computer and used for "
          + "evaluate your health. OFII’s physicians are the only recipients. In accordance with the \"Data "
          + "protection and civil liberties\" Act of 6 January 1978, modified, you have a right to access and "
          + "rectify information relating to you, you can do it by contacting\n"
          + "OFII - Correspondant Informatique et Libertés - 44 rue Barge 75015 Paris or ci.themis@ofi.fr.\n"
          + "You have right, for legitimate reasons, to object to the processing of your data.\n"
          + "-CEO of OFII-\n"
          + "For more information please refer to CNIL website: "
          + "http://www.cnil.fr/vos-responsabilites/informations-legales";

  /** Two check boxes kept with their words, set apart from each other. */
  private static final String YES_NO = "☐\u00A0OUI\u00A0\u00A0 ☐\u00A0NON";

  private static final String DOCTOR_NOTE =
      "**Note importante au médecin rédacteur du certificat\u00A0:** "
          + "La personne qui vous remet le présent certificat demande un titre de séjour pour raison de santé "
          + "et sollicite une protection contre une mesure d’éloignement. Le présent certificat doit être rempli "
          + "par le médecin qui suit habituellement le demandeur ou par le praticien hospitalier, inscrit au "
          + "tableau de l’ordre. Le traitement du dossier dépend de la qualité de l’information qui sera "
          + "transmise par le présent certificat et les pièces et documents médicaux accompagnant. Toutes ces "
          + "informations sont transmises dans le respect du secret médical au médecin de l’OFII.";
  private static final String ENVELOPE =
      "Ce certificat médical est à adresser sous pli confidentiel dans "
          + "l’enveloppe qui vous est remise par le demandeur.";
  private static final String CONTACT =
      "Si vous sollicitez des informations complémentaires, vous pouvez "
          + "prendre contact avec le service médical santé de l’OFII au\u00A0: **01.53.63.63.90** ou par "
          + "courrier électronique\u00A0: Contact@ofi.fr";
  private static final String REFERENCES =
      "Réf\u00A0: articles L.\u00A0425-5, R.\u00A0425-11 à "
          + "R.\u00A0425-13, R.\u00A0611-1 et R.\u00A0611-2, R.\u00A0631-1 et R.\u00A0731-1 du code de l’entrée et "
          + "du séjour des étrangers et du droit d’asile.";
  static final String NOTHING_TO_PREFECTURE =
      "Aucune information médicale ni aucun certificat médical n’est à fournir à la préfecture.";
  private static final String PSYCHIATRIC =
      "- si pathologie psychiatrique, renseigner directement la partie B sur page 3";

  // ---------------------------------------------------------------- certificate, pages 2 and 3

  /**
   * A heading of partie A or B, then fill-in lines and as many writing lines as its weight earns.
   */
  private record Entry(String marker, String label, int weight, List<String> blanks) {
    Entry(String marker, String label, int weight) {
      this(marker, label, weight, List.of());
    }
  }

  private static final List<Entry> SOMATIC =
      List.of(
          new Entry("■", "Histoire de la maladie :", 4),
          new Entry("■", "Diagnostique principal :", 2),
          new Entry(
              "■",
              "Traitements en cours ou prévisibles (date du début, dénomination commerciale ou "
                  + "classe pharmacothérapeutique, durée prévue) :",
              0,
              List.of("-", "-", "-", "Observance :")),
          new Entry("■", "Suivi et examens médicaux :", 3),
          new Entry("■", "Si suivi hospitalier, préciser le nom de l’hôpital et du service :", 2),
          new Entry("■", "Stade évolutif de la maladie (score, classification) :", 2),
          new Entry("■", "Complications, limitations fonctionnelles ou invalidité actuelles :", 3),
          new Entry("", "Observations", 3));
  private static final String SOMATIC_ATTACHMENTS =
      "Merci de joindre tous résultats d’examen "
          + "complémentaires, comptes rendus d’hospitalisation ou autres pièces médicales relatifs à la "
          + "pathologie invoquée";

  private static final List<Entry> PSYCHIATRIC_ENTRIES =
      List.of(
          new Entry("-", "Début de la maladie :", 1),
          new Entry("-", "Date de la 1ère consultation spécialisée :", 1),
          new Entry("-", "Nombre de consultations spécialisées :", 1),
          new Entry(
              "-",
              "Éléments biographiques, environnement familial, étapes de vie, itinéraire, facteurs "
                  + "de vulnérabilité et stratégies d’adaptation (résilience) :",
              3),
          new Entry("-", "Antécédents médicaux familiaux et personnels :", 2),
          new Entry("-", "Histoire des troubles mentaux, mode évolutif :", 3),
          new Entry("-", "Etat mental actuel (éventuellement échelle d’évaluation) :", 3),
          new Entry("-", "Discussion diagnostique (DSM-5 et/ou CIM-10) :", 2),
          new Entry(
              "-",
              "Description détaillée de la prise en charge thérapeutique (traitements entrepris et "
                  + "depuis quand, techniques de psychothérapie, fréquence, résultats des thérapeutiques jusqu’à "
                  + "présent) :",
              3),
          new Entry(
              "-",
              "Perspectives et pronostic (type et durée prévue des soins, objectifs thérapeutiques, "
                  + "selon quelle fréquence et à quels moments le résultat des soins sera évalué, méthodes "
                  + "d’évaluation des résultats, appréciation sur les perspectives d’évolution) :",
              3));
  private static final String PSYCHIATRIC_ATTACHMENTS =
      "Merci de joindre tous résultats d’examens "
          + "complémentaires, comptes rendus d’hospitalisation ou autres pièces médicales relatifs à la "
          + "pathologie invoquée";
  private static final String DOCTOR_STAMP = "cachet et signature du médecin";

  // ---------------------------------------------------------------- sizes

  private static final float PARAGRAPH_GAP = 6;
  private static final float FORM = SMALL;
  private static final float FORM_HEADING = 9;
  private static final float NOTE = 7;
  private static final float MENTIONS = 6;
  private static final float GUTTER = 12;
  private static final float BLOCK_GAP = 6;

  /** Space above a fill-in line to write or sign on. */
  private static final float HAND = 10;

  /** Distance between two writing lines of partie A or B. */
  private static final float PITCH = 16;

  private static final float STAMP_HEIGHT = 60;

  private MedicalForms() {}

  // ---------------------------------------------------------------- notice explicative

  /** The notice: no personal data; « Mars 2019 » and « Page x/y » at the foot of every page. */
  static void notice(PdfLayout layout) throws IOException {
    layout.centred(NOTICE_TITLE, Style.BOLD, TITLE);
    layout.centred(NOTICE_SUBTITLE, Style.BOLD, HEADING);
    layout.gap(4);
    layout.centred(NOTICE_ARTICLES, Style.OBLIQUE, SMALL);
    layout.gap(12);
    layout.framed(frame -> frame.write(NOTICE_WARNING, Style.BOLD, BODY));
    layout.gap(12);
    paragraphs(
        layout,
        "Madame, Monsieur,",
        "Vous demandez un **titre de séjour pour raisons de santé** ou une **autorisation provisoire de "
            + "séjour** en raison de l’état de santé de votre enfant mineur.",
        "La **préfecture** vous a remis\u00A0:");
    layout.gap(3);
    items(
        layout,
        List.of(
            "Cette notice explicative.",
            "Une **enveloppe** pour envoyer le dossier à l’OFII. Elle comporte la mention «\u00A0secret "
                + "médical\u00A0». Sur celle-ci, est inscrite l’adresse du médecin de l’OFII.",
            "Un **certificat médical vierge**, à remettre à votre médecin.\n"
                + "Le médecin qui doit remplir votre certificat est un praticien hospitalier ou le médecin qui "
                + "vous suit habituellement. Il est inscrit à l’ordre des médecins en France.\n"
                + "Les certificats médicaux remplis par les médecins agréés ne sont pas acceptés.",
            "Votre accord pour permettre au médecin de l’OFII de communiquer avec votre médecin (formulaire à "
                + "signer)."));

    section(layout, "Envoi du dossier");
    paragraphs(
        layout,
        "Vous disposez d’un mois à compter de la date de retrait de votre certificat médical en préfecture "
            + "pour l’adresser à l’OFII.",
        "Pour les demandeurs d’asile\u00A0: vous avez 3\u00A0mois à compter de la date de votre dépôt de "
            + "demande d’asile en préfecture. Au-delà, votre dossier ne sera pas instruit.",
        "Le dossier, qui doit être envoyé dans l’enveloppe qui vous a été donnée, **doit comporter**\u00A0:");
    layout.gap(3);
    layout.item(
        "1.",
        Style.REGULAR,
        BODY,
        item -> {
          item.writeMarked("**Le certificat médical**", Style.REGULAR, BODY);
          items(
              item,
              List.of("a.", "b.", "c."),
              List.of(
                  "Votre médecin soignant doit remplir le certificat donné par la préfecture. Il doit également "
                      + "dater, signer et cacheter le certificat médical.",
                  "Vous devez dater et signer le certificat et l’adresser au médecin de l’OFII. En signant, vous "
                      + "acceptez que les informations sur votre état de santé soient transmises au médecin de "
                      + "l’OFII.",
                  "Si vous faites une demande pour votre enfant malade, le certificat sera au nom de votre enfant "
                      + "et ce sont les pièces médicales relatives à son état de santé qui devront être "
                      + "transmises."));
        });
    layout.item(
        "2.",
        "**L’accord pour l’échange d’informations entre votre médecin et le médecin de "
            + "l’OFII**",
        Style.REGULAR,
        BODY);
    layout.item(
        "3.",
        "**Toutes les pièces médicales récentes** relatives à votre état de santé\u00A0: "
            + "analyses biologiques, examens complémentaires, compte-rendu d’hospitalisation...",
        Style.REGULAR,
        BODY);
    layout.gap(PARAGRAPH_GAP);
    paragraphs(
        layout,
        ORIGINALS,
        "Il faut que le médecin de l’OFII ait toutes les informations nécessaires pour pouvoir traiter "
            + "votre dossier le plus rapidement possible.");

    section(layout, "Examen du dossier par l’OFII");
    paragraphs(
        layout,
        "Il faut que **l’OFII puisse vous contacter rapidement tout au long de la "
            + "procédure** (SMS, mail, adresse postale précise).");
    layout.gap(PARAGRAPH_GAP);
    layout.item(
        "⇒",
        "Le médecin de l’OFII reçoit votre dossier et rédige un rapport médical.",
        Style.REGULAR,
        BODY);
    subsection(layout, "1. Si le médecin de l’OFII a besoin de plus d’informations");
    paragraphs(
        layout,
        "Le médecin de l’OFII peut demander directement à votre médecin d’autres "
            + "informations avec votre accord (ci-joint accord à signer). Si des informations supplémentaires "
            + "sont demandées, il faut qu’elles soient envoyées **dans un délai de quinze jours** au médecin de "
            + "l’OFII (à l’attention du médecin de l’OFII et à l’adresse indiquée sur la demande d’information, "
            + "avec mention «\u00A0secret médical\u00A0»).");
    subsection(
        layout,
        "2. Si le médecin de l’OFII souhaite faire un examen médical ou des examens "
            + "complémentaires.");
    paragraphs(
        layout,
        "Le médecin de l’OFII peut vous convoquer pour un examen médical. Si c’est le cas, vous devez venir "
            + "avec votre dossier médical et les **originaux** des autres documents médicaux que ceux "
            + "envoyés. Ils vous seront rendus. Vous devez venir également avec un **justificatif "
            + "d’identité**.",
        "Le médecin de l’OFII peut demander, au cours de l’examen médical, des examens complémentaires qui "
            + "sont toujours gratuits.",
        "En cas d’absence, vous devez prévenir la direction territoriale de l’OFII dont vous dépendez. "
            + NOT_NOTIFIED);
    subsection(
        layout, "3. Le collège de médecins peut également vous convoquer pour une visite médicale");
    paragraphs(
        layout,
        "À cette convocation, vous pouvez être accompagné d’un médecin de votre choix et d’un interprète. "
            + "Le jour de la convocation, vous devrez venir avec un **justificatif d’identité**.",
        "Si la demande est faite pour un mineur, il faut qu’il soit accompagné par son représentant légal.",
        NOT_NOTIFIED);

    section(layout, "Décision du préfet");
    paragraphs(
        layout,
        "Le préfet prendra une décision suite à l’avis des médecins de l’OFII. Les services "
            + "de la Préfecture vous informeront de la décision.");

    section(layout, "Informations sur votre dossier OFII");
    layout.field("Un seul numéro", "01 53 69 53 90");
    layout.field("Un seul email", "infoem@ofii.fr");
    layout.pageNumbers(NOTICE_EDITION);
  }

  /** A section heading, ruled, kept with the first lines of its text. */
  private static void section(PdfLayout layout, String heading) throws IOException {
    layout.gap(12);
    layout.keepTogether(lineHeight(HEADING) + 4 + 3 * lineHeight(BODY));
    layout.write(heading, Style.BOLD, HEADING);
    layout.rule();
    layout.gap(2);
  }

  private static void subsection(PdfLayout layout, String heading) throws IOException {
    layout.gap(8);
    layout.keepTogether(layout.height(heading, Style.BOLD, BODY) + 3 + 3 * lineHeight(BODY));
    layout.write(heading, Style.BOLD, BODY);
    layout.gap(3);
  }

  /** Paragraphs marked as for {@link PdfLayout#writeMarked}, set apart. */
  private static void paragraphs(PdfLayout layout, String... paragraphs) throws IOException {
    for (int i = 0; i < paragraphs.length; i++) {
      if (i > 0) {
        layout.gap(PARAGRAPH_GAP);
      }
      layout.writeMarked(paragraphs[i], Style.REGULAR, BODY);
    }
  }

  /** A list numbered « 1. », « 2. »… */
  private static void items(PdfLayout layout, List<String> items) throws IOException {
    items(layout, IntStream.rangeClosed(1, items.size()).mapToObj(i -> i + ".").toList(), items);
  }

  private static void items(PdfLayout layout, List<String> markers, List<String> items)
      throws IOException {
    for (int i = 0; i < items.size(); i++) {
      layout.item(markers.get(i), items.get(i), Style.REGULAR, BODY);
    }
  }

  // ---------------------------------------------------------------- annexe 4

  /** The consent, the applicant's « PRÉNOMS NOM » filled in (a line to write on when unknown). */
  static void consent(PdfLayout layout, ApplicantIdentity applicant) throws IOException {
    String name =
        PdfLayout.joined(
            " ", PdfLayout.upper(applicant.firstNames()), PdfLayout.upper(applicant.birthName()));
    layout.gap(24);
    layout.centred(CONSENT_TITLE, Style.BOLD, TITLE);
    layout.gap(36);
    layout.write(
        List.of(
            new Span("Je soussigné(e), ", Style.REGULAR),
            name.isEmpty()
                ? new Span("________________________________", Style.REGULAR)
                : new Span(name, Style.BOLD),
            new Span(
                ", donne mon accord aux médecins de l’Office pour demander des informations médicales me "
                    + "concernant¹, dans le cadre de la procédure de demande de ",
                Style.REGULAR),
            new Span(PROCEDURE, Style.BOLD),
            new Span(
                "², nécessaires à l’accomplissement de leur mission, auprès des professionnels de santé qui "
                    + "en disposent.",
                Style.REGULAR)),
        BODY);
    layout.gap(36);
    layout.blanks(BODY, "Date :", "");
    layout.gap(24);
    layout.blanks(BODY, "Signature :", "");
    layout.footnotes(
        List.of(
            "¹ ou de l’enfant mineur dont je suis le ou la représentant(e) légal(e)",
            "² Titre de séjour pour soins ou protection contre l’éloignement"),
        SMALL);
  }

  // ---------------------------------------------------------------- certificat médical

  /**
   * The three pages of the certificate: the administration's block prefilled, the patient's and the
   * doctor's left blank; partie A and partie B each on a page of their own, their writing lines
   * filling it. Each page carries the OFII header with the N° étranger, and « Page n/3 ».
   */
  static void certificate(PdfLayout layout, MedicalCertificateIdentity identity)
      throws IOException {
    Content header = header(identity.applicant().foreignerNumber());
    header.write(layout);
    layout.onNewPage(header);
    layout.centred(CERTIFICATE_TITLE, Style.BOLD, HEADING + 1);
    layout.centred(CERTIFICATE_SUBTITLE, Style.BOLD, FORM_HEADING);
    layout.gap(BLOCK_GAP);
    layout.framed(block -> administrationBlock(block, identity));
    layout.gap(BLOCK_GAP);
    layout.framed(MedicalForms::patientBlock);
    layout.gap(BLOCK_GAP);
    layout.framed(MedicalForms::doctorBlock);
    layout.gap(BLOCK_GAP);
    layout.writeMarked(DOCTOR_NOTE, Style.REGULAR, NOTE);
    for (String line : List.of(ENVELOPE, CONTACT, REFERENCES)) {
      layout.gap(2);
      layout.writeMarked(line, Style.REGULAR, NOTE);
    }
    layout.gap(4);
    layout.write(NOTHING_TO_PREFECTURE, Style.BOLD, FORM);
    layout.write(PSYCHIATRIC, Style.OBLIQUE, FORM);

    layout.newPage();
    part(
        layout,
        PART_A,
        SOMATIC,
        page -> {
          attachments(page, SOMATIC_ATTACHMENTS);
          page.blanks(FORM, "Fait à", "Date :");
        });
    layout.newPage();
    part(
        layout,
        PART_B,
        PSYCHIATRIC_ENTRIES,
        page -> {
          attachments(page, PSYCHIATRIC_ATTACHMENTS);
          page.blanks(FORM, "Fait à", "Date :");
          page.gap(6);
          page.columns(
              GUTTER,
              left -> {},
              right -> {
                right.write(DOCTOR_STAMP, Style.REGULAR, FORM);
                right.gap(STAMP_HEIGHT);
              });
        });
    layout.pageNumbers();
  }

  /**
   * « Office Français de l’Immigration et de l’Intégration / Service médical », the N° étranger.
   */
  private static Content header(String foreignerNumber) {
    String identifier = "IDENTIFIANT : " + (foreignerNumber == null ? "" : foreignerNumber.strip());
    return layout -> {
      layout.write(OFII, Style.BOLD, FORM_HEADING);
      layout.columns(
          GUTTER,
          left -> left.write(MEDICAL_SERVICE, Style.REGULAR, FORM),
          right -> right.rightAligned(identifier, Style.BOLD, FORM_HEADING));
      layout.rule();
      layout.gap(4);
    };
  }

  private static void administrationBlock(PdfLayout layout, MedicalCertificateIdentity identity)
      throws IOException {
    ApplicantIdentity applicant = identity.applicant();
    layout.write("1er bloc rempli par l’administration", Style.BOLD, FORM_HEADING);
    layout.gap(3);
    layout.columns(
        GUTTER,
        left -> {
          left.field("Nom", PdfLayout.upper(applicant.birthName()), FORM);
          left.field("Prénoms", PdfLayout.upper(applicant.firstNames()), FORM);
          left.field("Nom d’usage", PdfLayout.upper(applicant.usageName()), FORM);
          left.field("Sexe", PdfLayout.upper(identity.sex()), FORM);
          left.field("Né(e) le", PdfLayout.date(applicant.birthDate()), FORM);
          left.field("A", PdfLayout.birthPlace(applicant), FORM);
          left.field("Nationalité", PdfLayout.upper(applicant.nationality()), FORM);
          left.field("Adresse", PdfLayout.upper(applicant.address()), FORM);
        },
        right -> {
          right.field("Entré en France le", PdfLayout.date(identity.entryDate()), FORM);
          right.field("Tél", identity.phone(), FORM);
          right.field("Email", identity.email(), FORM);
          right.field("Responsable légal", identity.legalGuardian(), FORM);
        });
  }

  private static void patientBlock(PdfLayout layout) throws IOException {
    layout.write("2ème bloc à remplir par le patient", Style.BOLD, FORM_HEADING);
    layout.gap(3);
    layout.write(COMMITMENT, Style.REGULAR, FORM);
    layout.write(COMMITMENT_EN, Style.OBLIQUE, FORM);
    layout.gap(HAND);
    layout.blanks(FORM, "Date :", "Signature du patient (patient signing) :");
    layout.gap(4);
    layout.columns(
        GUTTER,
        french -> french.write(CNIL, Style.REGULAR, MENTIONS),
        english -> english.write(CNIL_EN, Style.OBLIQUE, MENTIONS));
  }

  private static void doctorBlock(PdfLayout layout) throws IOException {
    layout.write("3ème bloc à remplir par le médecin", Style.BOLD, FORM_HEADING);
    layout.gap(3);
    layout.columns(
        GUTTER,
        left -> {
          left.item("1.", "Médecin traitant du demandeur : " + YES_NO, Style.REGULAR, FORM);
          left.gap(3);
          left.item("2.", "Médecin spécialiste du demandeur : " + YES_NO, Style.REGULAR, FORM);
          left.gap(HAND);
          left.blanks(FORM, "3. Autre :");
          left.gap(HAND);
          left.blanks(FORM, "Date de la consultation :");
        },
        right -> {
          right.blanks(FORM, "Poids :", "Taille :");
          right.gap(HAND);
          right.blanks(FORM, "Langue parlée :");
          right.gap(HAND);
          right.blanks(FORM, "Communication :");
          right.gap(3);
          right.write(
              "☐\u00A0Directe\u00A0\u00A0 ☐\u00A0Avec\u00A0tiers\u00A0\u00A0 ☐\u00A0Avec\u00A0interprète "
                  + "(préciser langue)",
              Style.REGULAR,
              FORM);
          right.write("☐\u00A0Facile\u00A0\u00A0 ☐\u00A0Difficile", Style.REGULAR, FORM);
        });
  }

  /**
   * Partie A or B on the page just started: its heading, then each entry's label, fill-in lines and
   * writing lines; the writing lines share what room the page has left in proportion to the
   * weights.
   */
  private static void part(PdfLayout layout, String heading, List<Entry> entries, Content closing)
      throws IOException {
    int[] none = new int[entries.size()];
    float fixed = layout.measure(page -> writePart(page, heading, entries, none, closing));
    int spare = (int) Math.floor((layout.room() - fixed) / PITCH);
    writePart(
        layout,
        heading,
        entries,
        allot(entries.stream().map(Entry::weight).toList(), spare),
        closing);
  }

  /**
   * {@code spare} writing lines shared in proportion to the weights, the lines left by rounding
   * down going to the largest remainders (then to the first entries).
   */
  static int[] allot(List<Integer> weights, int spare) {
    int total = weights.stream().mapToInt(Integer::intValue).sum();
    int[] lines = new int[weights.size()];
    if (total == 0 || spare <= 0) {
      return lines;
    }
    int left = spare;
    for (int i = 0; i < lines.length; i++) {
      lines[i] = spare * weights.get(i) / total;
      left -= lines[i];
    }
    List<Integer> byRemainder =
        IntStream.range(0, lines.length)
            .boxed()
            .sorted(Comparator.comparingInt((Integer i) -> -(spare * weights.get(i) % total)))
            .toList();
    for (int i = 0; i < left; i++) {
      lines[byRemainder.get(i)]++;
    }
    return lines;
  }

  private static void writePart(
      PdfLayout layout, String heading, List<Entry> entries, int[] lines, Content closing)
      throws IOException {
    layout.write(heading, Style.BOLD, HEADING);
    layout.gap(4);
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      layout.gap(4);
      if (entry.marker().isEmpty()) {
        layout.write(entry.label(), Style.BOLD, FORM_HEADING);
      } else {
        layout.item(entry.marker(), entry.label(), Style.BOLD, FORM_HEADING);
      }
      for (String blank : entry.blanks()) {
        layout.gap(HAND);
        layout.blanks(FORM, blank);
      }
      layout.writingLines(lines[i], PITCH);
    }
    layout.gap(8);
    closing.write(layout);
  }

  private static void attachments(PdfLayout layout, String text) throws IOException {
    layout.write(text, Style.OBLIQUE, FORM);
    layout.gap(HAND);
  }
}
