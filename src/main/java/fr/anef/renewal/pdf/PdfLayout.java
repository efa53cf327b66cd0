package fr.anef.renewal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;

/**
 * One document being written: its embedded fonts, a cursor that wraps text and breaks pages, and the
 * blocks every issued document shares (Marianne block, « VOS RÉFÉRENCES », identity, framed block, page
 * numbers).
 * One instance per document and not thread-safe; the parsed fonts it is given may be shared.
 */
final class PdfLayout implements Closeable {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String AUTHOR = "Ministère de l’Intérieur et des Outre-Mer";

  static final float SMALL = 8f;
  static final float BODY = 10f;
  static final float HEADING = 11f;
  static final float TITLE = 13f;

  private static final PDRectangle FORMAT = PDRectangle.A4;
  private static final float MARGIN = 56.7f; // 2 cm
  private static final float WIDTH = FORMAT.getWidth() - 2 * MARGIN;
  private static final float FOOTER_BASELINE = 28f;
  private static final float LEADING = 1.35f;
  private static final float OBLIQUE_SHEAR = 0.21f; // tan 12°
  private static final float PAGE_BODY = FORMAT.getHeight() - 2 * MARGIN;
  private static final float FRAME_PADDING = 6f;

  enum Style { REGULAR, BOLD, OBLIQUE }

  /** Content written into the layout; PDFBox reports every write failure as an IOException. */
  @FunctionalInterface
  interface Content {
    void write(PdfLayout layout) throws IOException;
  }

  /** A « label : value » line of a reference block. */
  record Field(String label, String value) {}

  private final PDDocument document;
  private final PDFont regular;
  private final PDFont bold;
  private final List<CmapLookup> cmaps;
  private PDPageContentStream content;
  private float y;
  private Content pageHeader = layout -> {};
  /** Left edge and width of the text: the margins, or inside a frame. */
  private float left = MARGIN;
  private float textWidth = WIDTH;

  private PdfLayout(PDDocument document, PDFont regular, PDFont bold, List<CmapLookup> cmaps) {
    this.document = document;
    this.regular = regular;
    this.bold = bold;
    this.cmaps = cmaps;
  }

  // ---------------------------------------------------------------- fonts and document

  /**
   * Parses a TrueType font of the classpath once. The result is read-only and may be shared by documents
   * rendered concurrently: fontbox guards its lazy table and glyph reads with locks (PDFBox's own font
   * cache shares fonts the same way), and {@link PDType0Font#load(PDDocument, TrueTypeFont, boolean)}
   * neither changes nor closes it.
   */
  static TrueTypeFont parseFont(String resource) {
    try (InputStream in = PdfLayout.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Font not found on the classpath: " + resource);
      }
      return new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException("Font could not be read: " + resource, e);
    }
  }

  /** A new document with the two fonts embedded as subsets, its information set and a first page. */
  static PdfLayout create(TrueTypeFont regular, TrueTypeFont bold, String title) throws IOException {
    PDDocument document = new PDDocument();
    try {
      PdfLayout layout = new PdfLayout(document, PDType0Font.load(document, regular, true),
          PDType0Font.load(document, bold, true),
          List.of(regular.getUnicodeCmapLookup(), bold.getUnicodeCmapLookup()));
      layout.describe(title);
      layout.newPage();
      return layout;
    } catch (IOException | RuntimeException e) {
      document.close();
      throw e;
    }
  }

  private void describe(String title) {
    PDDocumentInformation info = document.getDocumentInformation();
    info.setTitle(title);
    info.setAuthor(AUTHOR);
    info.setCreationDate(GregorianCalendar.from(ZonedDateTime.now()));
    document.getDocumentCatalog().setLanguage("fr-FR");
  }

  /** Numbers every page « Page x/y », centred in the bottom margin. Call once, after the content. */
  void pageNumbers() throws IOException {
    closeContent();
    int count = document.getNumberOfPages();
    for (int i = 0; i < count; i++) {
      PDPage page = document.getPage(i);
      try (PDPageContentStream footer =
          new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
        String text = "Page " + (i + 1) + "/" + count;
        float x = MARGIN + (WIDTH - width(regular, text, SMALL)) / 2;
        draw(footer, text, Style.REGULAR, SMALL, x, FOOTER_BASELINE);
      }
    }
  }

  byte[] toBytes() throws IOException {
    closeContent();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  @Override
  public void close() throws IOException {
    try {
      closeContent();
    } finally {
      document.close();
    }
  }

  // ---------------------------------------------------------------- cursor

  /** Content written at the top of every page started from now on (running header). */
  void onNewPage(Content header) {
    pageHeader = Objects.requireNonNull(header);
  }

  void newPage() throws IOException {
    closeContent();
    PDPage page = new PDPage(FORMAT);
    document.addPage(page);
    content = new PDPageContentStream(document, page);
    y = FORMAT.getHeight() - MARGIN;
    float[] inset = {left, textWidth};
    inset(0);
    try {
      pageHeader.write(this);
    } finally {
      left = inset[0];
      textWidth = inset[1];
    }
  }

  /** Starts a new page unless {@code height} points still fit above the bottom margin. */
  void keepRoom(float height) throws IOException {
    if (y - height < MARGIN) {
      newPage();
    }
  }

  /**
   * Keeps a block of {@code height} points on one page when it fits in a third of a page; a longer
   * block only keeps its first lines with what precedes it.
   */
  void keepTogether(float height) throws IOException {
    keepRoom(Math.min(height, PAGE_BODY / 3));
  }

  void gap(float height) {
    y -= height;
  }

  static float lineHeight(float size) {
    return size * LEADING;
  }

  /** A thin horizontal rule across the text width, under the last line. */
  void rule() throws IOException {
    float at = y + lineHeight(BODY) * 0.15f;
    content.setLineWidth(0.5f);
    content.moveTo(left, at);
    content.lineTo(left + textWidth, at);
    content.stroke();
    gap(4);
  }

  /** Narrows the text by {@code inset} points on each side of the margins (0: full width). */
  private void inset(float inset) {
    left = MARGIN + inset;
    textWidth = WIDTH - 2 * inset;
  }

  private void closeContent() throws IOException {
    if (content != null) {
      content.close();
      content = null;
    }
  }

  // ---------------------------------------------------------------- text

  /**
   * Writes text from the left margin, wrapped to the text width. Line breaks in the text start new
   * lines; a line starting with « - » or « • » is a list item whose wrapped lines hang under its text.
   */
  void write(String text, Style style, float size) throws IOException {
    for (String paragraph : (text == null ? "" : text).split("\\R", -1)) {
      String line = printable(paragraph).strip();
      float hang = hang(line, style, size);
      lines(wrap(line, font(style), size, textWidth - hang), style, size, left, hang);
    }
  }

  /** The height {@link #write} would take for this text. */
  float height(String text, Style style, float size) throws IOException {
    int lines = 0;
    for (String paragraph : (text == null ? "" : text).split("\\R", -1)) {
      String line = printable(paragraph).strip();
      lines += wrap(line, font(style), size, textWidth - hang(line, style, size)).size();
    }
    return lines * lineHeight(size);
  }

  /** Regular paragraphs, {@code gap} points apart. */
  void paragraphs(List<String> paragraphs, float gap) throws IOException {
    for (int i = 0; i < paragraphs.size(); i++) {
      if (i > 0) {
        gap(gap);
      }
      write(paragraphs.get(i), Style.REGULAR, BODY);
    }
  }

  /** The height {@link #paragraphs} would take. */
  float height(List<String> paragraphs, float gap) throws IOException {
    float height = Math.max(0, paragraphs.size() - 1) * gap;
    for (String paragraph : paragraphs) {
      height += height(paragraph, Style.REGULAR, BODY);
    }
    return height;
  }

  /**
   * A block set apart by a thin frame: its heading in bold, then its paragraphs, kept on one page. A
   * block taller than a page is written unframed, its heading still setting it apart.
   */
  void framed(String heading, List<String> paragraphs, float gap) throws IOException {
    inset(FRAME_PADDING); // measured at the width it is written at
    float height;
    try {
      height = height(heading, Style.BOLD, HEADING) + gap + height(paragraphs, gap) + 2 * FRAME_PADDING;
    } finally {
      inset(0);
    }
    boolean frame = height <= PAGE_BODY;
    if (frame) {
      keepRoom(height);
    }
    int page = document.getNumberOfPages();
    float top = y;
    inset(FRAME_PADDING);
    try {
      gap(FRAME_PADDING);
      write(heading, Style.BOLD, HEADING);
      gap(gap);
      paragraphs(paragraphs, gap);
      gap(FRAME_PADDING);
    } finally {
      inset(0);
    }
    if (frame && page == document.getNumberOfPages()) {
      content.setLineWidth(0.75f);
      content.addRect(MARGIN, y, WIDTH, top - y);
      content.stroke();
    }
  }

  /** Writes text centred on the page, in as few lines as the text width allows, of balanced lengths. */
  void centred(String text, Style style, float size) throws IOException {
    for (String line : balanced(printable(text), font(style), size, textWidth)) {
      line(line, style, size, left + (textWidth - width(font(style), line, size)) / 2);
    }
  }

  /** The lines of {@link #wrap} at the narrowest width that needs no more of them (no lone last word). */
  private static List<String> balanced(String text, PDFont font, float size, float maxWidth)
      throws IOException {
    List<String> lines = wrap(text, font, size, maxWidth);
    for (float width = maxWidth * 0.95f; lines.size() > 1; width *= 0.95f) {
      List<String> narrower = wrap(text, font, size, width);
      if (narrower.size() > lines.size()) {
        break;
      }
      lines = narrower;
    }
    return lines;
  }

  /** « label : value », the value in bold, wrapped under itself (a long address stays aligned). */
  void field(String label, String value) throws IOException {
    String prefix = printable(label) + " : ";
    float indent = width(regular, prefix, BODY);
    keepRoom(lineHeight(BODY));
    draw(content, prefix, Style.REGULAR, BODY, left, baseline(BODY));
    lines(wrap(printable(value), bold, BODY, textWidth - indent), Style.BOLD, BODY, left + indent, 0);
  }

  private void lines(List<String> lines, Style style, float size, float x, float hang) throws IOException {
    for (int i = 0; i < lines.size(); i++) {
      line(lines.get(i), style, size, i == 0 ? x : x + hang);
    }
  }

  private void line(String text, Style style, float size, float x) throws IOException {
    keepRoom(lineHeight(size));
    draw(content, text, style, size, x, baseline(size));
    y -= lineHeight(size);
  }

  private float baseline(float size) {
    return y - size;
  }

  private void draw(PDPageContentStream stream, String text, Style style, float size, float x,
      float baseline) throws IOException {
    if (text.isEmpty()) {
      return;
    }
    float shear = style == Style.OBLIQUE ? OBLIQUE_SHEAR : 0;
    stream.beginText();
    stream.setFont(font(style), size);
    stream.setTextMatrix(new Matrix(1, 0, shear, 1, x, baseline));
    stream.showText(text);
    stream.endText();
  }

  private PDFont font(Style style) {
    return style == Style.BOLD ? bold : regular;
  }

  /** How far the wrapped lines of a list item (« - » or « • ») hang under its text; 0 for other lines. */
  private float hang(String line, Style style, float size) throws IOException {
    boolean listItem = line.startsWith("- ") || line.startsWith("• ");
    return listItem ? width(font(style), line.substring(0, 2), size) : 0;
  }

  // ---------------------------------------------------------------- wrapping

  /** Splits text into lines no wider than {@code width}; a word wider than a line is cut. */
  static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    float used = 0;
    float space = width(font, " ", size);
    for (String word : text.strip().split(" +")) {
      float wordWidth = width(font, word, size);
      if (line.length() > 0 && used + space + wordWidth <= width) {
        line.append(' ').append(word);
        used += space + wordWidth;
        continue;
      }
      if (line.length() > 0) {
        lines.add(line.toString());
      }
      String rest = wordWidth <= width ? word : cut(word, font, size, width, lines);
      line = new StringBuilder(rest);
      used = width(font, rest, size);
    }
    lines.add(line.toString());
    return lines;
  }

  /** Adds the full-width pieces of an over-long word to {@code lines} and returns its last piece. */
  private static String cut(String word, PDFont font, float size, float width, List<String> lines)
      throws IOException {
    String rest = word;
    while (width(font, rest, size) > width) {
      int end = fittingLength(rest, font, size, width);
      lines.add(rest.substring(0, end));
      rest = rest.substring(end);
    }
    return rest;
  }

  /** How many chars of {@code word} fit, preferring a cut after « / » or « - » (URLs, compound names). */
  private static int fittingLength(String word, PDFont font, float size, float width) throws IOException {
    int end = 1;
    while (end < word.length() && width(font, word.substring(0, end + 1), size) <= width) {
      end++;
    }
    int soft = Math.max(word.lastIndexOf('/', end - 1), word.lastIndexOf('-', end - 1)) + 1;
    return soft > end / 2 ? soft : end;
  }

  static float width(PDFont font, String text, float size) throws IOException {
    return font.getStringWidth(text) / 1000 * size;
  }

  /**
   * Text both fonts can show: Unicode composed (NFC), whitespace and control characters as spaces, a
   * character without a glyph (emoji, rare scripts) as « ? » rather than a failed document.
   */
  String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    Normalizer.normalize(text, Normalizer.Form.NFC).codePoints()
        .forEach(c -> out.appendCodePoint(printable(c)));
    return out.toString();
  }

  private int printable(int c) {
    if (Character.isWhitespace(c) || Character.isISOControl(c)) {
      return ' ';
    }
    boolean shown = c <= 0xFFFF && cmaps.stream().allMatch(cmap -> cmap.getGlyphId(c) != 0);
    return shown ? c : '?';
  }

  // ---------------------------------------------------------------- shared blocks

  /** The ministry's Marianne block, as text: « MINISTÈRE DE L’INTÉRIEUR ET DES OUTRE-MER » and motto. */
  void marianne() throws IOException {
    for (String line : List.of("MINISTÈRE", "DE L’INTÉRIEUR", "ET DES OUTRE-MER")) {
      line(line, Style.BOLD, BODY, left);
    }
    gap(2);
    for (String line : List.of("Liberté", "Égalité", "Fraternité")) {
      line(line, Style.OBLIQUE, SMALL, left);
    }
  }

  /**
   * « VOS RÉFÉRENCES : » with the N° étranger and the N° de la demande, then the document's own dates
   * ({@link #issued(LocalDate)}, or {@link #validity(LocalDate, LocalDate)} for an attestation de
   * prolongation).
   */
  void references(ApplicantIdentity applicant, String requestNumber, Field... dates) throws IOException {
    write("VOS RÉFÉRENCES :", Style.BOLD, BODY);
    field("Identifiant (N° étranger)", applicant.foreignerNumber());
    field("N° de la demande", requestNumber);
    for (Field date : dates) {
      field(date.label(), date.value());
    }
  }

  static Field issued(LocalDate issueDate) {
    return new Field("DATE D’ÉMISSION", date(issueDate));
  }

  /** « Validité : du dd/MM/yyyy au dd/MM/yyyy », an attestation's dates in place of its issue date. */
  static Field validity(LocalDate from, LocalDate until) {
    return new Field("Validité", "du " + date(from) + " au " + date(until));
  }

  /** The applicant's « état civil » and address, as the seed prints them. */
  void identity(ApplicantIdentity applicant) throws IOException {
    field("Nom de naissance", upper(applicant.birthName()));
    field("Nom d’usage", upper(applicant.usageName()));
    field("Prénom", upper(applicant.firstNames()));
    field("Né(e) le", date(applicant.birthDate()));
    field("A", upper(joined(applicant.birthPlace(), applicant.birthCountry())));
    field("Nationalité", upper(applicant.nationality()));
    field("Adresse", upper(applicant.address()));
  }

  static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  static String upper(String text) {
    return text == null ? "" : text.toUpperCase(Locale.FRENCH);
  }

  private static String joined(String... parts) {
    return Stream.of(parts)
        .filter(part -> part != null && !part.isBlank())
        .map(String::strip)
        .collect(Collectors.joining(", "));
  }
}
