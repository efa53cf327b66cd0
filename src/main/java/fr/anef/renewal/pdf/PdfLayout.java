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
import java.util.function.Function;
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
 * One document being written: its embedded fonts, a cursor that wraps text and breaks pages, and
 * the blocks every issued document shares (Marianne block, « VOS RÉFÉRENCES », identity, framed
 * block, page numbers), with the pieces of forms (columns, list items, fill-in lines, writing
 * lines, footnotes). One instance per document and not thread-safe; the parsed fonts it is given
 * may be shared. Content can be measured before it is written ({@link #measure}): it then runs
 * without drawing nor breaking pages, so that every block is measured by the code that writes it.
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
  private static final float THIN = 0.4f;
  private static final float LIGHT_GREY = 0.6f;

  enum Style {
    REGULAR,
    BOLD,
    OBLIQUE
  }

  /** Content written into the layout; PDFBox reports every write failure as an IOException. */
  @FunctionalInterface
  interface Content {
    void write(PdfLayout layout) throws IOException;
  }

  /** A « label : value » line of a reference block. */
  record Field(String label, String value) {}

  /** A run of text in one style; a line of text is a list of them. */
  record Span(String text, Style style) {}

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

  /** Whether content is only being measured: nothing drawn, no page broken. */
  private boolean measuring;

  private PdfLayout(PDDocument document, PDFont regular, PDFont bold, List<CmapLookup> cmaps) {
    this.document = document;
    this.regular = regular;
    this.bold = bold;
    this.cmaps = cmaps;
  }

  // ---------------------------------------------------------------- fonts and document

  /**
   * Parses a TrueType font of the classpath once. The result is read-only and may be shared by
   * documents rendered concurrently: fontbox guards its lazy table and glyph reads with locks
   * (PDFBox's own font cache shares fonts the same way), and {@link PDType0Font#load(PDDocument,
   * TrueTypeFont, boolean)} neither changes nor closes it.
   */
  static TrueTypeFont parseFont(String resource) {
    try (InputStream in = PdfLayout.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Font not found on the classpath: " + resource);
      }
      TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
      // No GSUB shaping: French needs none, and PDFBox's Latin GSUB worker (ligatures) cost about a
      // third of each PDF's time (benchmark, README « Performance ») and drops ligated letters from
      // the text layer.
      font.setEnableGsub(false);
      return font;
    } catch (IOException e) {
      throw new UncheckedIOException("Font could not be read: " + resource, e);
    }
  }

  /**
   * A new document with the two fonts embedded as subsets, its information set and a first page.
   */
  static PdfLayout create(TrueTypeFont regular, TrueTypeFont bold, String title)
      throws IOException {
    PDDocument document = new PDDocument();
    try {
      PdfLayout layout =
          new PdfLayout(
              document,
              PDType0Font.load(document, regular, true),
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

  /**
   * Numbers every page « Page x/y », centred in the bottom margin. Call once, after the content.
   */
  void pageNumbers() throws IOException {
    pageNumbers("");
  }

  /**
   * Numbers every page « Page x/y », centred in the bottom margin, with {@code note} (an edition, «
   * Mars 2019 ») at its left. Call once, after the content.
   */
  void pageNumbers(String note) throws IOException {
    closeContent();
    String edition = printable(note).strip();
    int count = document.getNumberOfPages();
    for (int i = 0; i < count; i++) {
      PDPage page = document.getPage(i);
      try (PDPageContentStream footer =
          new PDPageContentStream(document, page, AppendMode.APPEND, true, true)) {
        String text = "Page " + (i + 1) + "/" + count;
        float x = MARGIN + (WIDTH - width(regular, text, SMALL)) / 2;
        draw(footer, text, Style.REGULAR, SMALL, x, FOOTER_BASELINE);
        draw(footer, edition, Style.REGULAR, SMALL, MARGIN, FOOTER_BASELINE);
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

  /**
   * Starts a new page, its running header written at the full text width. Ignored while measuring.
   */
  void newPage() throws IOException {
    if (measuring) {
      return;
    }
    closeContent();
    PDPage page = new PDPage(FORMAT);
    document.addPage(page);
    content = new PDPageContentStream(document, page);
    y = FORMAT.getHeight() - MARGIN;
    float[] inset = {left, textWidth};
    left = MARGIN;
    textWidth = WIDTH;
    try {
      pageHeader.write(this);
    } finally {
      left = inset[0];
      textWidth = inset[1];
    }
  }

  /** Starts a new page unless {@code height} points still fit above the bottom margin. */
  void keepRoom(float height) throws IOException {
    if (!measuring && y - height < MARGIN) {
      newPage();
    }
  }

  /** The height left above the bottom margin of the page. */
  float room() {
    return y - MARGIN;
  }

  /**
   * The height {@code body} takes when written here, at the current width, without page breaks. The
   * content runs without drawing anything, and the cursor is left where it was.
   */
  float measure(Content body) throws IOException {
    boolean was = measuring;
    float top = y;
    measuring = true;
    try {
      body.write(this);
      return top - y;
    } finally {
      measuring = was;
      y = top;
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
    stroke(left, left + textWidth, y + lineHeight(BODY) * 0.15f, 0.5f, 0);
    gap(4);
  }

  /**
   * {@code count} light ruled lines across the text width, {@code pitch} points apart, to write on
   * by hand; they break pages like text.
   */
  void writingLines(int count, float pitch) throws IOException {
    for (int i = 0; i < count; i++) {
      keepRoom(pitch);
      y -= pitch;
      stroke(left, left + textWidth, y + 2, THIN, LIGHT_GREY);
    }
  }

  /** A horizontal line; {@code grey} 0 for black. Nothing while measuring. */
  private void stroke(float from, float to, float at, float lineWidth, float grey)
      throws IOException {
    if (measuring) {
      return;
    }
    content.saveGraphicsState();
    content.setStrokingColor(grey);
    content.setLineWidth(lineWidth);
    content.moveTo(from, at);
    content.lineTo(to, at);
    content.stroke();
    content.restoreGraphicsState();
  }

  /**
   * Writes {@code body} narrowed by {@code leftIndent} and {@code rightIndent} points, for a
   * column, a frame or the text of a list item; the width is restored afterwards.
   */
  void within(float leftIndent, float rightIndent, Content body) throws IOException {
    float oldLeft = left;
    float oldWidth = textWidth;
    left += leftIndent;
    textWidth -= leftIndent + rightIndent;
    try {
      body.write(this);
    } finally {
      left = oldLeft;
      textWidth = oldWidth;
    }
  }

  /**
   * Columns of equal width side by side, {@code gutter} points apart, each starting at the cursor;
   * the cursor then goes under the longest. They are kept on one page; columns taller than a page
   * are written one under the other instead.
   */
  void columns(float gutter, Content... columns) throws IOException {
    float width = (textWidth - gutter * (columns.length - 1)) / columns.length;
    List<Content> placed = new ArrayList<>();
    float height = 0;
    for (int i = 0; i < columns.length; i++) {
      float offset = i * (width + gutter);
      Content column = columns[i];
      Content at = layout -> within(offset, textWidth - offset - width, column);
      placed.add(at);
      height = Math.max(height, measure(at));
    }
    if (height > PAGE_BODY) {
      for (Content column : columns) {
        column.write(this);
      }
      return;
    }
    keepRoom(height);
    float top = y;
    float bottom = y;
    for (Content column : placed) {
      y = top;
      column.write(this);
      bottom = Math.min(bottom, y);
    }
    y = bottom;
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
   * lines; a line starting with « - » or « • » is a list item whose wrapped lines hang under its
   * text.
   */
  void write(String text, Style style, float size) throws IOException {
    write(text, size, line -> List.of(new Span(line, style)));
  }

  /**
   * Like {@link #write}, the parts of the text between two « ** » in bold (the seed's markup): for
   * fixed wording only, as « ** » in user data would be taken for markup.
   */
  void writeMarked(String text, Style style, float size) throws IOException {
    write(text, size, line -> marked(line, style));
  }

  private void write(String text, float size, Function<String, List<Span>> spans)
      throws IOException {
    for (String paragraph : (text == null ? "" : text).split("\\R", -1)) {
      paragraph(spans.apply(printable(paragraph).strip()), size);
    }
  }

  /**
   * Writes one paragraph made of spans, wrapped to the text width: fixed wording with values filled
   * in, each value a span of its own so that it is never read as markup.
   */
  void write(List<Span> spans, float size) throws IOException {
    List<Span> printable = new ArrayList<>();
    for (Span span : spans) {
      printable.add(new Span(printable(span.text()), span.style()));
    }
    paragraph(printable, size);
  }

  private void paragraph(List<Span> line, float size) throws IOException {
    float hang = hang(line, size);
    lines(wrap(line, size, textWidth - hang), size, left, hang);
  }

  /** The text split at each « ** », the parts between two of them in bold. */
  static List<Span> marked(String text, Style style) {
    List<Span> spans = new ArrayList<>();
    String[] parts = text.split("\\*\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      if (!parts[i].isEmpty()) {
        spans.add(new Span(parts[i], i % 2 == 1 ? Style.BOLD : style));
      }
    }
    return spans;
  }

  /** The height {@link #write} would take for this text. */
  float height(String text, Style style, float size) throws IOException {
    return measure(layout -> write(text, style, size));
  }

  /**
   * A list item: {@code marker} (« 1. », « a. », « ⇒ ») then its text, marked as for {@link
   * #writeMarked}, whose lines hang under the text.
   */
  void item(String marker, String text, Style style, float size) throws IOException {
    item(marker, style, size, layout -> writeMarked(text, style, size));
  }

  /**
   * A list item whose content (its first line level with the marker) hangs under the marker's end.
   */
  void item(String marker, Style style, float size, Content body) throws IOException {
    String prefix = printable(marker).strip() + " ";
    keepRoom(lineHeight(size));
    draw(content, prefix, style, size, left, baseline(size));
    within(width(font(style), prefix, size), 0, body);
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
    return measure(layout -> paragraphs(paragraphs, gap));
  }

  /**
   * A block set apart by a thin frame: its heading in bold, then its paragraphs, kept on one page.
   * A block taller than a page is written unframed, its heading still setting it apart.
   */
  void framed(String heading, List<String> paragraphs, float gap) throws IOException {
    framed(
        layout -> {
          write(heading, Style.BOLD, HEADING);
          gap(gap);
          paragraphs(paragraphs, gap);
        });
  }

  /**
   * Any content set apart by a thin frame at the current width, kept on one page; content taller
   * than a page is written unframed.
   */
  void framed(Content body) throws IOException {
    Content padded =
        layout ->
            within(
                FRAME_PADDING,
                FRAME_PADDING,
                inside -> {
                  gap(FRAME_PADDING);
                  body.write(inside);
                  gap(FRAME_PADDING);
                });
    float height = measure(padded);
    boolean frame = height <= PAGE_BODY;
    if (frame) {
      keepRoom(height);
    }
    int page = document.getNumberOfPages();
    float top = y;
    padded.write(this);
    if (frame && page == document.getNumberOfPages() && !measuring) {
      content.setLineWidth(0.75f);
      content.addRect(left, y, textWidth, top - y);
      content.stroke();
    }
  }

  /**
   * Writes text centred on the page, in as few lines as the text width allows, of balanced lengths.
   */
  void centred(String text, Style style, float size) throws IOException {
    aligned(text, style, size, 0.5f);
  }

  /** Writes text against the right edge of the text, in lines of balanced lengths. */
  void rightAligned(String text, Style style, float size) throws IOException {
    aligned(text, style, size, 1);
  }

  /**
   * Lines placed {@code position} of the way across the free width: 0.5 centred, 1 right-aligned.
   */
  private void aligned(String text, Style style, float size, float position) throws IOException {
    for (String line : balanced(printable(text), style, size, textWidth)) {
      line(line, style, size, left + (textWidth - width(font(style), line, size)) * position);
    }
  }

  /**
   * The lines of {@link #wrap} at the narrowest width that needs no more of them (no lone last
   * word).
   */
  private List<String> balanced(String text, Style style, float size, float maxWidth)
      throws IOException {
    List<String> lines = wrap(text, style, size, maxWidth);
    for (float width = maxWidth * 0.95f; lines.size() > 1; width *= 0.95f) {
      List<String> narrower = wrap(text, style, size, width);
      if (narrower.size() > lines.size()) {
        break;
      }
      lines = narrower;
    }
    return lines;
  }

  /** « label : value », the value in bold, wrapped under itself (a long address stays aligned). */
  void field(String label, String value) throws IOException {
    field(label, value, BODY);
  }

  /** {@link #field(String, String)} at another size. */
  void field(String label, String value, float size) throws IOException {
    String prefix = printable(label) + " : ";
    float indent = width(regular, prefix, size);
    keepRoom(lineHeight(size));
    draw(content, prefix, Style.REGULAR, size, left, baseline(size));
    List<Span> text = List.of(new Span(printable(value), Style.BOLD));
    lines(wrap(text, size, textWidth - indent), size, left + indent, 0);
  }

  /**
   * One line of fill-in fields sharing the text width equally: each label (« Date : ») followed by
   * a line to write on, to the end of its share; an empty label leaves its share blank.
   */
  void blanks(float size, String... labels) throws IOException {
    float share = textWidth / labels.length;
    keepRoom(lineHeight(size));
    for (int i = 0; i < labels.length; i++) {
      if (printable(labels[i]).isBlank()) {
        continue;
      }
      String label = printable(labels[i]).strip() + " ";
      float x = left + i * share;
      draw(content, label, Style.REGULAR, size, x, baseline(size));
      float from = x + width(regular, label, size);
      float to = x + share - (i < labels.length - 1 ? size : 0);
      if (to > from) {
        stroke(from, to, baseline(size) - 1.5f, THIN, 0);
      }
    }
    y -= lineHeight(size);
  }

  /**
   * Notes at the foot of the page, under a short rule and above the page numbers; on the next page
   * if the text already reaches that low.
   */
  void footnotes(List<String> notes, float size) throws IOException {
    Content body =
        layout -> {
          gap(4);
          for (String note : notes) {
            write(note, Style.REGULAR, size);
          }
        };
    float height = measure(body);
    keepRoom(height);
    if (!measuring) {
      y = MARGIN + height + 0.5f; // no rounding error may push the last note over
    }
    stroke(left, left + textWidth / 3, y, THIN, 0);
    body.write(this);
  }

  private void lines(List<List<Span>> lines, float size, float x, float hang) throws IOException {
    for (int i = 0; i < lines.size(); i++) {
      line(lines.get(i), size, i == 0 ? x : x + hang);
    }
  }

  private void line(String text, Style style, float size, float x) throws IOException {
    line(List.of(new Span(text, style)), size, x);
  }

  /** One line of spans, one after the other from {@code x}. */
  private void line(List<Span> spans, float size, float x) throws IOException {
    keepRoom(lineHeight(size));
    float at = x;
    for (Span span : spans) {
      draw(content, span.text(), span.style(), size, at, baseline(size));
      at += width(font(span.style()), span.text(), size);
    }
    y -= lineHeight(size);
  }

  private float baseline(float size) {
    return y - size;
  }

  private void draw(
      PDPageContentStream stream, String text, Style style, float size, float x, float baseline)
      throws IOException {
    if (text.isEmpty() || measuring) {
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

  /**
   * How far the wrapped lines of a list item (« - » or « • ») hang under its text; 0 for other
   * lines.
   */
  private float hang(List<Span> line, float size) throws IOException {
    if (line.isEmpty()) {
      return 0;
    }
    Span first = line.get(0);
    boolean listItem = first.text().startsWith("- ") || first.text().startsWith("• ");
    return listItem ? width(font(first.style()), first.text().substring(0, 2), size) : 0;
  }

  // ---------------------------------------------------------------- wrapping

  /**
   * Splits text of one style into lines no wider than {@code width}; a word wider than a line is
   * cut.
   */
  private List<String> wrap(String text, Style style, float size, float width) throws IOException {
    return wrap(List.of(new Span(text, style)), size, width).stream()
        .map(line -> line.stream().map(Span::text).collect(Collectors.joining()))
        .toList();
  }

  /**
   * Splits spans into lines of spans no wider than {@code width}, breaking at spaces; a word wider
   * than a line is cut (in the style it starts with, if it mixes styles).
   */
  private List<List<Span>> wrap(List<Span> text, float size, float width) throws IOException {
    List<List<Span>> lines = new ArrayList<>();
    List<Span> line = new ArrayList<>();
    float used = 0;
    for (List<Span> word : words(text)) {
      float wordWidth = width(word, size);
      Style style = word.get(0).style();
      float space = width(font(style), " ", size);
      if (!line.isEmpty() && used + space + wordWidth <= width) {
        append(line, new Span(" ", style));
        for (Span span : word) {
          append(line, span);
        }
        used += space + wordWidth;
        continue;
      }
      if (!line.isEmpty()) {
        lines.add(line);
      }
      List<Span> rest = word;
      if (wordWidth > width) {
        String whole = word.stream().map(Span::text).collect(Collectors.joining());
        rest = List.of(new Span(cut(whole, font(style), size, width, style, lines), style));
      }
      line = new ArrayList<>(rest);
      used = width(rest, size);
    }
    lines.add(line);
    return lines;
  }

  /**
   * The words of the spans, split at spaces; a word whose style changes is made of several spans.
   */
  private static List<List<Span>> words(List<Span> text) {
    List<List<Span>> words = new ArrayList<>();
    List<Span> word = new ArrayList<>();
    for (Span span : text) {
      String[] parts = span.text().split(" ", -1);
      for (int i = 0; i < parts.length; i++) {
        if (i > 0 && !word.isEmpty()) {
          words.add(word);
          word = new ArrayList<>();
        }
        if (!parts[i].isEmpty()) {
          word.add(new Span(parts[i], span.style()));
        }
      }
    }
    if (!word.isEmpty()) {
      words.add(word);
    }
    return words;
  }

  /** Adds a span to a line, merged with the last one when of the same style. */
  private static void append(List<Span> line, Span span) {
    int last = line.size() - 1;
    if (last >= 0 && line.get(last).style() == span.style()) {
      line.set(last, new Span(line.get(last).text() + span.text(), span.style()));
    } else {
      line.add(span);
    }
  }

  private float width(List<Span> spans, float size) throws IOException {
    float width = 0;
    for (Span span : spans) {
      width += width(font(span.style()), span.text(), size);
    }
    return width;
  }

  /**
   * Adds the full-width pieces of an over-long word to {@code lines} and returns its last piece.
   */
  private static String cut(
      String word, PDFont font, float size, float width, Style style, List<List<Span>> lines)
      throws IOException {
    String rest = word;
    while (width(font, rest, size) > width) {
      int end = fittingLength(rest, font, size, width);
      lines.add(List.of(new Span(rest.substring(0, end), style)));
      rest = rest.substring(end);
    }
    return rest;
  }

  /**
   * How many chars of {@code word} fit, preferring a cut after « / » or « - » (URLs, compound
   * names).
   */
  private static int fittingLength(String word, PDFont font, float size, float width)
      throws IOException {
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
   * Text both fonts can show: Unicode composed (NFC), whitespace and control characters as spaces,
   * a character without a glyph (emoji, rare scripts) as « ? » rather than a failed document.
   */
  String printable(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    Normalizer.normalize(text, Normalizer.Form.NFC)
        .codePoints()
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

  /**
   * The ministry's Marianne block, as text: « MINISTÈRE DE L’INTÉRIEUR ET DES OUTRE-MER » and
   * motto.
   */
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
   * « VOS RÉFÉRENCES : » with the N° étranger and the N° de la demande, then the document's own
   * dates ({@link #issued(LocalDate)}, or {@link #validity(LocalDate, LocalDate)} for an
   * attestation de prolongation).
   */
  void references(ApplicantIdentity applicant, String requestNumber, Field... dates)
      throws IOException {
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

  /**
   * « Validité : du dd/MM/yyyy au dd/MM/yyyy », an attestation's dates in place of its issue date.
   */
  static Field validity(LocalDate from, LocalDate until) {
    return new Field("Validité", "du " + date(from) + " au " + date(until));
  }

  /** The applicant's « état civil » and address, as the seed prints them. */
  void identity(ApplicantIdentity applicant) throws IOException {
    field("Nom de naissance", upper(applicant.birthName()));
    field("Nom d’usage", upper(applicant.usageName()));
    field("Prénom", upper(applicant.firstNames()));
    field("Né(e) le", date(applicant.birthDate()));
    field("A", birthPlace(applicant));
    field("Nationalité", upper(applicant.nationality()));
    field("Adresse", upper(applicant.address()));
  }

  static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  static String upper(String text) {
    return text == null ? "" : text.toUpperCase(Locale.FRENCH);
  }

  /** « MEXICO, MEXIQUE »: the place and country of birth, upper-cased. */
  static String birthPlace(ApplicantIdentity applicant) {
    return upper(joined(", ", applicant.birthPlace(), applicant.birthCountry()));
  }

  /** The parts that have text, stripped, joined by {@code separator}. */
  static String joined(String separator, String... parts) {
    return Stream.of(parts)
        .filter(part -> part != null && !part.isBlank())
        .map(String::strip)
        .collect(Collectors.joining(separator));
  }
}
